package cn.hnsw.common.crypto;

/**
 * 密码设备异常 — the cipher device cannot serve the request: an unknown key id, an unreadable key store, a device fault.
 */
public class CipherDeviceException extends RuntimeException {

    public CipherDeviceException(String message) {
        super(message);
    }

    public CipherDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
