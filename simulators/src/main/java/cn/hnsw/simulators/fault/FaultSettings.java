package cn.hnsw.simulators.fault;

import cn.hnsw.common.web.HnswException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * 故障注入 — how badly a simulated partner behaves: latency (fixed plus random jitter), a failure rate and how it
 * fails, and outages (switched off now, switched off until a time, scheduled windows). Validated here, so that
 * nothing out of range reaches the database or a decision.
 *
 * @param latencyMs     fixed delay before every answer, 0 – {@value #MAX_LATENCY_MS} ms
 * @param jitterMs      extra random delay, uniform in {@code [0, jitterMs]}, 0 – {@value #MAX_LATENCY_MS} ms
 * @param failureRate   share of messages that fail, 0 (never) to 1 (always)
 * @param failureMode   how they fail
 * @param availability  switched on or off by an operator
 * @param offlineUntil  when an {@link Availability#OFFLINE} partner comes back by itself; {@code null}: not by itself
 * @param outageWindows scheduled outages, at most {@value #MAX_WINDOWS}, kept sorted by start
 */
public record FaultSettings(int latencyMs, int jitterMs, double failureRate, FailureMode failureMode,
                            Availability availability, Instant offlineUntil, List<OutageWindow> outageWindows) {

    /** A minute: longer than any client timeout of the platform, and short enough not to pin threads for ever. */
    public static final int MAX_LATENCY_MS = 60_000;
    public static final int MAX_WINDOWS = 50;

    /** A partner that answers at once and never fails: what every partner is until an operator says otherwise. */
    public static final FaultSettings HEALTHY = new FaultSettings(0, 0, 0.0, FailureMode.UNAVAILABLE,
            Availability.ONLINE, null, List.of());

    public FaultSettings {
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new HnswException(FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE, "latencyMs", "0 – " + MAX_LATENCY_MS);
        }
        if (jitterMs < 0 || jitterMs > MAX_LATENCY_MS) {
            throw new HnswException(FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE, "jitterMs", "0 – " + MAX_LATENCY_MS);
        }
        if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
            throw new HnswException(FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE, "failureRate", "0 – 1");
        }
        failureMode = failureMode == null ? FailureMode.UNAVAILABLE : failureMode;
        availability = availability == null ? Availability.ONLINE : availability;
        if (offlineUntil != null && availability != Availability.OFFLINE) {
            throw new HnswException(FaultErrorCode.OFFLINE_UNTIL_NEEDS_OFFLINE);
        }
        offlineUntil = offlineUntil == null ? null : offlineUntil.truncatedTo(ChronoUnit.MILLIS);
        outageWindows = outageWindows == null ? List.of() : outageWindows.stream()
                .sorted(Comparator.comparing(OutageWindow::start).thenComparing(OutageWindow::end))
                .toList();
        if (outageWindows.size() > MAX_WINDOWS) {
            throw new HnswException(FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE, "outageWindows", "≤ " + MAX_WINDOWS);
        }
    }

    /** Switched off with no end: what "switch the partner off now" means. */
    public static FaultSettings offline() {
        return HEALTHY.withAvailability(Availability.OFFLINE, null);
    }

    public FaultSettings withAvailability(Availability newAvailability, Instant until) {
        return new FaultSettings(latencyMs, jitterMs, failureRate, failureMode, newAvailability, until, outageWindows);
    }

    /**
     * The outage the partner is in at {@code now}, if any. Overlapping or back-to-back outages count as one, so its
     * end is when the partner really answers again, not when the first of them ends.
     */
    public Optional<Outage> outageAt(Instant now) {
        if (!down(now)) {
            return Optional.empty();
        }
        Instant end = now;
        boolean extended = true;
        while (extended) {
            extended = false;
            if (availability == Availability.OFFLINE && (offlineUntil == null || end.isBefore(offlineUntil))) {
                if (offlineUntil == null) {
                    return Optional.of(Outage.INDEFINITE);
                }
                end = offlineUntil;
                extended = true;
            }
            for (OutageWindow window : outageWindows) {
                if (window.contains(end)) {
                    end = window.end();
                    extended = true;
                }
            }
        }
        return Optional.of(new Outage(end));
    }

    private boolean down(Instant now) {
        boolean switchedOff = availability == Availability.OFFLINE && (offlineUntil == null || now.isBefore(offlineUntil));
        return switchedOff || outageWindows.stream().anyMatch(w -> w.contains(now));
    }

    /**
     * Decides what happens to one message arriving at {@code now}. An outage wins over everything and answers at
     * once; otherwise the latency applies to every answer, and the failure rate decides whether that answer is a
     * failure. {@code random} is a parameter so tests can make the draw repeatable.
     */
    public FaultDecision decide(Instant now, RandomGenerator random) {
        Optional<Outage> outage = outageAt(now);
        if (outage.isPresent()) {
            return new FaultDecision(FaultOutcome.OUTAGE, Duration.ZERO, outage.get());
        }
        long delay = latencyMs + (jitterMs > 0 ? random.nextLong(jitterMs + 1L) : 0L);
        // nextDouble() is in [0, 1): a rate of 1 always fails, a rate of 0 never does.
        boolean fails = failureRate > 0.0 && random.nextDouble() < failureRate;
        FaultOutcome outcome = !fails ? FaultOutcome.ANSWER
                : failureMode == FailureMode.SEALED_ERROR ? FaultOutcome.FAIL_SEALED_ERROR : FaultOutcome.FAIL_UNAVAILABLE;
        return new FaultDecision(outcome, Duration.ofMillis(delay), null);
    }

    /** The longest an answer can take: fixed latency plus all of the jitter. */
    public Duration worstLatency() {
        return Duration.ofMillis((long) latencyMs + jitterMs);
    }
}
