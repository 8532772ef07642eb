package cn.hnsw.simulators.fault;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code PUT .../partners/{id}/faults}: the whole new settings (absent fields take the healthy default, so
 * {@code {}} restores a partner). Checked by {@link FaultSettings}, which says what is out of range.
 *
 * @param latencyMs     fixed delay before every answer, ms
 * @param jitterMs      extra random delay up to this many ms
 * @param failureRate   share of messages that fail, 0 – 1
 * @param failureMode   {@code UNAVAILABLE} (503) or {@code SEALED_ERROR} (sealed rejection)
 * @param availability  {@code ONLINE} or {@code OFFLINE} (switched off)
 * @param offlineUntil  with {@code OFFLINE}: when it comes back by itself
 * @param outageWindows scheduled outages
 */
public record FaultSettingsRequest(Integer latencyMs, Integer jitterMs, Double failureRate, FailureMode failureMode,
                                   Availability availability, Instant offlineUntil, List<Window> outageWindows) {

    /** A scheduled outage from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Window(Instant start, Instant end) {
    }

    public FaultSettings toSettings() {
        return new FaultSettings(
                latencyMs == null ? 0 : latencyMs,
                jitterMs == null ? 0 : jitterMs,
                failureRate == null ? 0.0 : failureRate,
                failureMode, availability, offlineUntil,
                outageWindows == null ? List.of()
                        : outageWindows.stream().map(w -> w == null ? new OutageWindow(null, null)
                        : new OutageWindow(w.start(), w.end())).toList());
    }
}
