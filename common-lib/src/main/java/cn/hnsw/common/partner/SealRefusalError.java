package cn.hnsw.common.partner;

import cn.hnsw.common.crypto.RefusalCode;
import cn.hnsw.common.web.ErrorCode;
import org.springframework.http.HttpStatus;

import java.util.Objects;

/**
 * A {@link RefusalCode} as a problem detail: the refusal's name is the stable {@code code}, its Chinese and English
 * texts are the messages; nothing of the log detail reaches the sender (docs/crypto.md §3). 400 for an envelope that
 * is broken or not for us, 401 when authenticity or freshness fails, 409 for a replay (a sender retrying after a lost
 * answer learns that its message got through).
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
