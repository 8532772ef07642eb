package cn.hnsw.common.crypto;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Objects;

/**
 * 数字证书 — an X.509 certificate whose SM2 private key is held by a {@link CipherDevice}, or a partner's certificate
 * held in the key directory.
 *
 * @param keyId             the key id that envelopes and the device use for this key
 * @param certificateNumber 证书编号: the certificate serial number in lower-case hex, as China E-Port writes it in
 *                          {@code KeyName}
 * @param certificate       the certificate itself
 */
public record PlatformCertificate(String keyId, String certificateNumber, X509Certificate certificate) {

    public PlatformCertificate {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Reads the certificate number from the certificate. */
    public static PlatformCertificate of(String keyId, X509Certificate certificate) {
        return new PlatformCertificate(keyId, certificateNumber(certificate.getSerialNumber()), certificate);
    }

    /** 证书编号 of a serial number: lower-case hex without leading zeros. */
    public static String certificateNumber(BigInteger serialNumber) {
        return serialNumber.toString(16).toLowerCase(Locale.ROOT);
    }

    /** The certificate's SM2 public key. */
    public Sm2PublicKey publicKey() {
        return Sm2PublicKey.fromJca(certificate.getPublicKey());
    }
}
