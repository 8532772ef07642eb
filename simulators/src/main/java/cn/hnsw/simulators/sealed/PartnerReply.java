package cn.hnsw.simulators.sealed;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a simulated partner answers, before sealing: the body the platform will find in the sealed reply.
 *
 * @param payload the reply document (UTF-8 JSON or XML, in the request's form)
 * @param summary a short description for the log, e.g. {@code technical-receipt RECEIVED}
 */
public record PartnerReply(byte[] payload, String summary) {

    public PartnerReply {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartnerReply that && Arrays.equals(payload, that.payload)
                && Objects.equals(summary, that.summary);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + Objects.hashCode(summary);
    }

    @Override
    public String toString() {
        return "PartnerReply[" + summary + ", " + payload.length + " bytes]";
    }
}
