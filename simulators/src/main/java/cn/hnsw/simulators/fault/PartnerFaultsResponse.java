package cn.hnsw.simulators.fault;

import cn.hnsw.simulators.partner.Partner;

import java.time.Instant;
import java.util.List;

/**
 * A partner's fault settings and what they mean now.
 *
 * @param partnerId     the partner
 * @param nameZh        its Chinese name (says 模拟器)
 * @param nameEn        its English name (says simulator)
 * @param latencyMs     fixed delay, ms
 * @param jitterMs      random extra delay, up to ms
 * @param failureRate   share of messages that fail
 * @param failureMode   how they fail
 * @param availability  switched on or off
 * @param offlineUntil  when a switched-off partner comes back by itself
 * @param outageWindows scheduled outages
 * @param inOutage      whether the partner is down now
 * @param outageUntil   when the current outage ends; absent when not down or down with no end
 * @param updatedAt     last change; absent if never changed
 * @param updatedBy     who made it
 */
public record PartnerFaultsResponse(String partnerId, String nameZh, String nameEn, int latencyMs, int jitterMs,
                                    double failureRate, FailureMode failureMode, Availability availability,
                                    Instant offlineUntil, List<OutageWindow> outageWindows, boolean inOutage,
                                    Instant outageUntil, Instant updatedAt, String updatedBy) {

    public static PartnerFaultsResponse of(Partner partner, PartnerFaults faults, Instant now) {
        FaultSettings s = faults.settings();
        var outage = s.outageAt(now);
        return new PartnerFaultsResponse(partner.id(), partner.nameZh(), partner.nameEn(), s.latencyMs(), s.jitterMs(),
                s.failureRate(), s.failureMode(), s.availability(), s.offlineUntil(), s.outageWindows(),
                outage.isPresent(), outage.flatMap(Outage::end).orElse(null), faults.updatedAt(), faults.updatedBy());
    }
}
