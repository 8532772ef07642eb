package cn.hnsw.simulators.sealed;

/** What a technical receipt says about the message it answers. */
public enum ReceiptStatus {
    /** Received and accepted for processing. */
    RECEIVED,
    /** Received but refused (a simulated partner failure); the sender must send a new message. */
    REJECTED
}
