package cn.hnsw.simulators.sealed;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.partner.Partner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A simulated partner does not answer, on purpose (a simulated fault) or for want of keys: an expected 503, logged
 * once where it is decided, answered with {@code Retry-After} when the end is known, and kept out of the error log
 * that unexpected 5xx go to.
 */
public class PartnerUnavailableException extends HnswException {

    private final transient Duration retryAfter;

    public PartnerUnavailableException(SealedMessageErrorCode code, Partner partner, Duration retryAfter) {
        super(code, List.of(), null, partner.nameZh(), partner.nameEn());
        this.retryAfter = retryAfter;
    }

    /** How long until the partner answers again, when known. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
