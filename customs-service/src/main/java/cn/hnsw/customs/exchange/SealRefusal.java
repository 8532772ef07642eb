package cn.hnsw.customs.exchange;

import cn.hnsw.common.crypto.RefusalCode;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.web.ErrorCode;
import cn.hnsw.common.web.HnswException;
import org.springframework.http.HttpStatus;

/** A sealed message refused on opening, as a problem: the refusal code and its two messages, never the log detail. */
public record SealRefusal(RefusalCode refusal) implements ErrorCode {

    public static HnswException of(SealRefusedException e) {
        return new HnswException(new SealRefusal(e.code()));
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
