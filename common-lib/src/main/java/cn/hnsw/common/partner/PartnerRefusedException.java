package cn.hnsw.common.partner;

/**
 * The partner refused the message for good (a 4xx other than 408/409/429, or a reply that fails verification):
 * resending it unchanged will not help. {@code code} is the partner's problem code ({@code TAMPERED},
 * {@code UNKNOWN_SIGNER}…) or, for a reply we refused, the {@link cn.hnsw.common.crypto.RefusalCode} name.
 */
public class PartnerRefusedException extends RuntimeException {

    private final String partnerId;
    private final int status;
    private final String code;

    public PartnerRefusedException(String partnerId, int status, String code, String message) {
        super(message);
        this.partnerId = partnerId;
        this.status = status;
        this.code = code;
    }

    public String partnerId() {
        return partnerId;
    }

    /** HTTP status the partner answered, or 0 when the refusal is ours (the reply did not verify). */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
