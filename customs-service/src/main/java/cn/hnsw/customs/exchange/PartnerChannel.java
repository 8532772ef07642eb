package cn.hnsw.customs.exchange;

/**
 * The sealed request/reply channel to a partner: the payload leaves signed (SM2) and encrypted (SM4) with the platform
 * key, the reply is verified and decrypted before anyone reads it. Implemented by {@link SealedHttpPartnerClient};
 * common-lib's {@code PartnerClient} takes its place once it is released.
 */
public interface PartnerChannel {

    /** Sends and returns the opened reply payload; throws {@link PartnerCallException} when there is none. */
    Reply exchange(String partnerId, byte[] payload);

    /** The opened reply and the id of the sealed message that carried the request. */
    record Reply(String sentMessageId, String replySenderKeyId, byte[] payload) {
    }
}
