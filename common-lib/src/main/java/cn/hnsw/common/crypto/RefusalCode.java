package cn.hnsw.common.crypto;

/**
 * Why a sealed message (or a signed XML document) was refused. Stable codes: partners and the problem-detail handler
 * rely on them. Each carries the text shown to the sender in Chinese and English.
 */
public enum RefusalCode {

    /** Not parseable as a sealed message, or a field missing, duplicated, of the wrong size or format. */
    MALFORMED("报文格式不正确", "the message is not a well-formed sealed message"),
    /** The sender's key is not in the key directory. */
    UNKNOWN_SIGNER("发送方密钥未登记，无法验签", "the sender's key is not registered"),
    /** The signature does not verify, or the body does not decrypt: something was changed after signing. */
    TAMPERED("验签失败，报文可能被篡改", "the signature does not verify: the message was altered"),
    /** Addressed to a key this platform does not hold. */
    WRONG_RECIPIENT("报文接收方不是本平台", "the message is addressed to another recipient"),
    /** The timestamp is outside the accepted clock skew, in the past or in the future. */
    EXPIRED("报文时间超出允许范围", "the message timestamp is outside the accepted time window"),
    /** This message id from this sender was already accepted. */
    REPLAYED("重复报文，已拒绝", "the message was already received (replay)");

    private final String messageZh;
    private final String messageEn;

    RefusalCode(String messageZh, String messageEn) {
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
