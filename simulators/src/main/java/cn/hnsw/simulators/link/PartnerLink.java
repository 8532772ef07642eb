package cn.hnsw.simulators.link;

import cn.hnsw.simulators.fault.FaultSettings;
import cn.hnsw.simulators.fault.Outage;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One partner link on the public status page. Every field is always present, {@code outageUntil} as {@code null}
 * when the link is not down or the outage has no announced end, so the page needs no special cases.
 *
 * @param id          the partner id
 * @param nameZh      its Chinese name (says 模拟器)
 * @param nameEn      its English name (says simulator)
 * @param kind        what kind of system
 * @param status      UP, DEGRADED or DOWN
 * @param latencyMs   the fixed latency configured
 * @param failureRate the share of messages that fail
 * @param outageUntil when the current outage ends
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PartnerLink(String id, String nameZh, String nameEn, PartnerKind kind, LinkStatus status, int latencyMs,
                          double failureRate, Instant outageUntil) {

    /** Beyond this an answer counts as slow: users notice, and the platform's calls start to time out. */
    public static final Duration SLOW = Duration.ofSeconds(1);

    /**
     * The link as the fault settings make it at {@code now}: DOWN in an outage or without keys (no sealed message
     * could be answered), DEGRADED when some messages fail or an answer may take more than {@link #SLOW}
     * (latency plus jitter), else UP.
     */
    public static PartnerLink of(Partner partner, FaultSettings settings, boolean keysHeld, Instant now) {
        Optional<Outage> outage = settings.outageAt(now);
        LinkStatus status;
        if (outage.isPresent() || !keysHeld) {
            status = LinkStatus.DOWN;
        } else if (settings.failureRate() > 0.0 || settings.worstLatency().compareTo(SLOW) > 0) {
            status = LinkStatus.DEGRADED;
        } else {
            status = LinkStatus.UP;
        }
        return new PartnerLink(partner.id(), partner.nameZh(), partner.nameEn(), partner.kind(), status,
                settings.latencyMs(), settings.failureRate(), outage.flatMap(Outage::end).orElse(null));
    }
}
