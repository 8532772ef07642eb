package cn.hnsw.simulators.sealed;

import java.util.Arrays;
import java.util.Objects;

/**
 * The end of a push.
 *
 * @param outcome   delivered, refused or failed
 * @param messageId the id of the sealed message pushed (the same on every attempt)
 * @param attempts  how many requests were sent
 * @param status    the last HTTP status, 0 when no answer came
 * @param body      the last answer's body (often the platform's sealed receipt or a problem detail), empty if none
 */
public record PushResult(PushOutcome outcome, String messageId, int attempts, int status, byte[] body) {

    public PushResult {
        Objects.requireNonNull(outcome, "outcome");
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PushResult that && outcome == that.outcome && Objects.equals(messageId, that.messageId)
                && attempts == that.attempts && status == that.status && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, messageId, attempts, status) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "PushResult[" + outcome + ", messageId=" + messageId + ", attempts=" + attempts + ", status=" + status
                + ", " + body.length + " bytes]";
    }
}
