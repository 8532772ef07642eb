package cn.hnsw.simulators.sealed;

import cn.hnsw.common.crypto.RefusalCode;
import cn.hnsw.common.web.ErrorCode;
import org.springframework.http.HttpStatus;

import java.util.Objects;

/**
 * A {@link RefusalCode} as a problem detail: the refusal's name is the stable {@code code}, its Chinese and English
 * texts are the messages, and nothing of the log detail ({@code SealRefusedException.getMessage()}) reaches the
 * sender (docs/crypto.md §3).
 *
 * <p>Status: 400 for an envelope that is broken or not for this partner (the sender must fix it), 401 for one whose
 * authenticity or freshness fails (like a bad token: who sent it cannot be trusted), 409 for a replay (the message
 * is fine and already arrived: a sender retrying after a lost reply learns that it got through).
 */
public record SealRefusalError(RefusalCode refusal) implements ErrorCode {

    public SealRefusalError {
        Objects.requireNonNull(refusal, "refusal");
    }

    @Override
    public String code() {
        return refusal.name();
    }

    @Override
    public HttpStatus status() {
        return switch (refusal) {
            case MALFORMED, WRONG_RECIPIENT -> HttpStatus.BAD_REQUEST;
            case UNKNOWN_SIGNER, TAMPERED, EXPIRED -> HttpStatus.UNAUTHORIZED;
            case REPLAYED -> HttpStatus.CONFLICT;
        };
    }

    @Override
    public String messageZh() {
        return refusal.messageZh();
    }

    @Override
    public String messageEn() {
        return refusal.messageEn();
    }
}
