package cn.hnsw.customs.exchange;

/**
 * Told of every receipt applied to a declaration, inside the transaction that stored it (so what it records commits or
 * rolls back with the receipt). The enterprise ERP push is one.
 */
public interface ReceiptObserver {

    void received(CustomsEvents.ReceiptReceived receipt);
}
