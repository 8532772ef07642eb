package cn.hnsw.common.crypto;

import java.util.Objects;

/**
 * 报文被拒 — {@link MessageSealer#open} refused a message. The {@link #code()} and its two messages may be shown to
 * the sender; {@link #getMessage()} adds a detail for the platform's own log and is not meant for partners.
 */
public class SealRefusedException extends RuntimeException {

    private final RefusalCode code;

    public SealRefusedException(RefusalCode code, String detail) {
        super(Objects.requireNonNull(code, "code") + ": " + code.messageEn() + " (" + detail + ")", null, false, false);
        this.code = code;
    }

    public SealRefusedException(RefusalCode code, String detail, Throwable cause) {
        super(Objects.requireNonNull(code, "code") + ": " + code.messageEn() + " (" + detail + ")", cause, false, false);
        this.code = code;
    }

    public RefusalCode code() {
        return code;
    }

    public String messageZh() {
        return code.messageZh();
    }

    public String messageEn() {
        return code.messageEn();
    }
}
