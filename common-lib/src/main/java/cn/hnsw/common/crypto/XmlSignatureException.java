package cn.hnsw.common.crypto;

import java.util.Objects;

/**
 * An XML signature was refused: {@link RefusalCode#MALFORMED} (no or several signatures, unsupported algorithm or
 * structure), {@link RefusalCode#UNKNOWN_SIGNER} (certificate number not in the key directory) or
 * {@link RefusalCode#TAMPERED} (digest or signature mismatch).
 */
public class XmlSignatureException extends RuntimeException {

    private final RefusalCode code;

    public XmlSignatureException(RefusalCode code, String detail) {
        this(code, detail, null);
    }

    public XmlSignatureException(RefusalCode code, String detail, Throwable cause) {
        super(Objects.requireNonNull(code, "code") + ": " + detail, cause);
        this.code = code;
    }

    public RefusalCode code() {
        return code;
    }
}
