package cn.hnsw.customs.exchange;

import cn.hnsw.common.crypto.OpenedMessage;

/**
 * Receipts partners push to the one receipt inbox that are not a declaration's business receipt, told apart by their
 * {@code receiptKind}; the message is already opened and its signer checked. Runs in the inbox's transaction and
 * applies each receipt once.
 */
public interface PushedReceipts {

    boolean handles(String receiptKind);

    Object accept(OpenedMessage opened);
}
