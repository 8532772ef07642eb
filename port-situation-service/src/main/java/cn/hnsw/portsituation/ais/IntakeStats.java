package cn.hnsw.portsituation.ais;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one AIS feeder (数据接收日志 source): lines received, messages decoded, lines dropped by reason. */
public final class IntakeStats {

    private final String feeder;
    private final LongAdder received = new LongAdder();
    private final LongAdder decoded = new LongAdder();
    private final Map<NmeaIntake.DropReason, LongAdder> dropped = new EnumMap<>(NmeaIntake.DropReason.class);
    private final AtomicLong lastReceivedAtMillis = new AtomicLong();
    private final LongAdder missingLines = new LongAdder();

    public IntakeStats(String feeder) {
        this.feeder = feeder;
        for (NmeaIntake.DropReason reason : NmeaIntake.DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    public String feeder() {
        return feeder;
    }

    void received() {
        received.increment();
        lastReceivedAtMillis.lazySet(System.currentTimeMillis());
    }

    /** A line that was counted as received is re-offered: do not count it twice. */
    void unreceived() {
        received.decrement();
    }

    void gap(long lines) {
        missingLines.add(lines);
    }

    void decoded() {
        decoded.increment();
    }

    void dropped(NmeaIntake.DropReason reason) {
        dropped.get(reason).increment();
    }

    /** A whole group was dropped after its lines were counted as received. */
    void droppedGroup(NmeaIntake.DropReason reason) {
        dropped.get(reason).increment();
    }

    public Snapshot snapshot() {
        Map<String, Long> reasons = new java.util.LinkedHashMap<>();
        long total = 0;
        for (var e : dropped.entrySet()) {
            long v = e.getValue().sum();
            reasons.put(e.getKey().name(), v);
            total += v;
        }
        return new Snapshot(feeder, received.sum(), decoded.sum(), total, reasons, missingLines.sum(),
                lastReceivedAtMillis.get());
    }

    /** Point-in-time counters. */
    public record Snapshot(String feeder, long received, long decoded, long dropped, Map<String, Long> dropReasons,
                           long missingLines, long lastReceivedAtMillis) {

        public Snapshot minus(Snapshot earlier) {
            Map<String, Long> reasons = new java.util.LinkedHashMap<>();
            dropReasons.forEach((k, v) -> reasons.put(k, v - earlier.dropReasons.getOrDefault(k, 0L)));
            return new Snapshot(feeder, received - earlier.received, decoded - earlier.decoded, dropped - earlier.dropped,
                    reasons, missingLines - earlier.missingLines, lastReceivedAtMillis);
        }
    }
}
