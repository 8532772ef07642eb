package cn.hnsw.passenger.partner;

/** The partner could not take the message now (down, switched off, 503): the message is kept and sent again. */
public class PartnerUnavailableException extends RuntimeException {

    public PartnerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
