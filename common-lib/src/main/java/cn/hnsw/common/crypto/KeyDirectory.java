package cn.hnsw.common.crypto;

import java.util.Optional;

/**
 * 密钥目录 — the registry of public keys the platform trusts: partners it receives from and sends to.
 * A key that is not here is unknown: its messages are refused and nothing can be sealed to it.
 * Implementations must be thread-safe.
 */
public interface KeyDirectory {

    Optional<TrustedKey> byKeyId(String keyId);

    Optional<TrustedKey> byCertificateNumber(String certificateNumber);

    /** The public key of {@code keyId}, or empty when the key is unknown. */
    default Optional<Sm2PublicKey> publicKey(String keyId) {
        return byKeyId(keyId).map(TrustedKey::publicKey);
    }
}
