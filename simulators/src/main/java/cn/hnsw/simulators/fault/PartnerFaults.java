package cn.hnsw.simulators.fault;

import java.time.Instant;
import java.util.Objects;

/**
 * The fault settings of one partner as stored, with who changed them last.
 *
 * @param partnerId the partner
 * @param settings  its settings; {@link FaultSettings#HEALTHY} when never changed
 * @param updatedAt when they were last changed; {@code null} when never
 * @param updatedBy who changed them last; {@code null} when never
 */
public record PartnerFaults(String partnerId, FaultSettings settings, Instant updatedAt, String updatedBy) {

    public PartnerFaults {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(settings, "settings");
    }

    public static PartnerFaults untouched(String partnerId) {
        return new PartnerFaults(partnerId, FaultSettings.HEALTHY, null, null);
    }
}
