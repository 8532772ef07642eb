package cn.hnsw.common.crypto;

import java.util.Objects;

/**
 * A partner's (or the platform's own) public key that the platform trusts to sign messages and XML.
 *
 * @param keyId             the id envelopes name it by
 * @param certificateNumber 证书编号, the id XML signatures name it by ({@code KeyName})
 * @param publicKey         the SM2 public key
 */
public record TrustedKey(String keyId, String certificateNumber, Sm2PublicKey publicKey) {

    public TrustedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    public static TrustedKey of(PlatformCertificate certificate) {
        return new TrustedKey(certificate.keyId(), certificate.certificateNumber(), certificate.publicKey());
    }
}
