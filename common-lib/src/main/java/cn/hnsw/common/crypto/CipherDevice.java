package cn.hnsw.common.crypto;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

/**
 * 服务类密码设备 — the server cipher device (服务器密码机 / 签名验签服务器) that holds the platform's SM2 private keys.
 *
 * <p>Private keys never leave it: callers ask it to sign or to decrypt with a key named by id. {@link Pkcs12CipherDevice}
 * is the software implementation for development and tests; production plugs in an adapter for a certified device
 * listed in 《商用密码产品目录》 behind this same interface. Implementations must be thread-safe.
 */
public interface CipherDevice {

    /** Ids of the private keys this device holds. */
    Set<String> keyIds();

    /**
     * SM2 signature (GB/T 32918, default user id {@value Sm2#DEFAULT_USER_ID}) of {@code data} with the private key
     * {@code keyId}.
     *
     * @return the 64-byte {@code r || s} form
     * @throws CipherDeviceException for an unknown key id or a device fault
     */
    byte[] sign(String keyId, byte[] data);

    /**
     * SM2 decryption (unwrapping a key) of a {@code C1 || C3 || C2} ciphertext with the private key {@code keyId}.
     *
     * @throws CryptoOperationException when the ciphertext does not decrypt under that key
     * @throws CipherDeviceException    for an unknown key id or a device fault
     */
    byte[] decrypt(String keyId, byte[] ciphertext);

    /**
     * The public half of key {@code keyId}.
     *
     * @throws CipherDeviceException for an unknown key id
     */
    Sm2PublicKey publicKey(String keyId);

    /**
     * 证书编号 of the certificate that belongs to key {@code keyId}.
     *
     * @throws CipherDeviceException for an unknown key id
     */
    String certificateNumber(String keyId);

    /** The certificate of key {@code keyId}, where the device keeps one (a bare hardware key may have none). */
    default Optional<X509Certificate> certificate(String keyId) {
        return Optional.empty();
    }
}
