package cn.hnsw.passenger.partner;

import cn.hnsw.common.crypto.OpenedMessage;

/**
 * Sends one payload to a partner system sealed (SM2 signature + SM4 encryption, common-lib's {@code MessageSealer})
 * and returns the partner's sealed reply, opened and verified. Every adapter of the passenger service
 * (customs, banks, wallets) goes through it.
 */
public interface PartnerTransport {

    /**
     * @throws PartnerUnavailableException the partner could not be reached or answered 503: send again later
     * @throws PartnerRefusedException     the partner refused the message (its problem code is kept)
     */
    OpenedMessage send(String partnerId, byte[] payload);
}
