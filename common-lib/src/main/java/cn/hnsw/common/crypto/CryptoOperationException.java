package cn.hnsw.common.crypto;

/**
 * The input did not decrypt or did not verify: a wrong key, a failed authentication tag, a corrupt ciphertext.
 * It says nothing about the key store or the device, which fail with {@link CipherDeviceException}.
 */
public class CryptoOperationException extends RuntimeException {

    public CryptoOperationException(String message) {
        super(message);
    }

    public CryptoOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
