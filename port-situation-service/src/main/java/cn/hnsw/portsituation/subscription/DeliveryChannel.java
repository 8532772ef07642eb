package cn.hnsw.portsituation.subscription;

/** A way to tell a subscriber (adapter): webhook, SMS, e-mail. Implementations are thread-safe. */
public interface DeliveryChannel {

    /** {@code WEBHOOK}, {@code SMS} or {@code EMAIL}. */
    String name();

    /** Delivers one message; says how it went, never throws for the subscriber's own failures. */
    Outcome deliver(Subscription subscription, String deliveryId, String payloadJson, String textZh);

    /** How an attempt went: delivered, worth retrying, or refused for good. */
    record Outcome(Kind kind, Integer statusCode, String detail) {
        public enum Kind { DELIVERED, RETRY, REFUSED }

        public static Outcome delivered(Integer code, String detail) {
            return new Outcome(Kind.DELIVERED, code, detail);
        }

        public static Outcome retry(Integer code, String detail) {
            return new Outcome(Kind.RETRY, code, detail);
        }

        public static Outcome refused(Integer code, String detail) {
            return new Outcome(Kind.REFUSED, code, detail);
        }
    }
}
