package cn.hnsw.passenger.partner;

/** The partner answered with a refusal (a problem detail) instead of a sealed reply: sending again will not help. */
public class PartnerRefusedException extends RuntimeException {

    private final int status;

    public PartnerRefusedException(int status, String detail) {
        super("partner refused the message: HTTP " + status + " " + detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
