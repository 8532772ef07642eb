package cn.hnsw.customs.exchange;

/** A partner call that did not produce an authentic reply; {@code retryable} says whether trying again can help. */
public class PartnerCallException extends RuntimeException {

    private final boolean retryable;

    public PartnerCallException(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
