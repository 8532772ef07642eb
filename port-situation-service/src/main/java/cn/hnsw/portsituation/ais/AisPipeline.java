package cn.hnsw.portsituation.ais;

import cn.hnsw.common.events.Alert;
import dk.dma.ais.message.AisMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The AIS pipeline after decoding: track update (latest position and static data per MMSI), warnings, persistence.
 * Called concurrently by the receivers; one vessel's messages are applied one at a time.
 *
 * <p>Receivers hand decoded messages over through a {@link Feed} (one per connection): it spreads them by MMSI over
 * {@code lanes} threads that apply them, in batches, so decoding a connection's stream and tracking its vessels run
 * side by side while each vessel's fixes are still applied in the order they arrived. With no lanes the feed applies
 * them on the receiving thread.
 */
public final class AisPipeline implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AisPipeline.class);
    private static final int FEED_BATCH = 64;

    private final Map<Integer, VesselState> vessels = new ConcurrentHashMap<>();
    private final AisWatch watch;
    private final PositionWriter writer;
    private final Consumer<Alert> alerts;
    private final AisProperties properties;
    private final Clock clock;
    private final LongAdder fixes = new LongAdder();
    private final LongAdder statics = new LongAdder();
    private final LongAdder alertsRaised = new LongAdder();
    private final Lane[] lanes;

    public AisPipeline(AisWatch watch, PositionWriter writer, Consumer<Alert> alerts, AisProperties properties, Clock clock) {
        this.watch = watch;
        this.writer = writer;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
        this.lanes = new Lane[properties.lanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(i);
        }
    }

    /** A new feed for one receiving connection (not thread-safe: one receiving thread uses it). */
    public Feed feed(String feeder) {
        return new Feed(feeder);
    }

    public int lanes() {
        return lanes.length;
    }

    /**
     * One connection's way into the pipeline: decoded messages are mapped to fixes and static data, collected per
     * lane, and handed over when a batch is full or when {@link #flush} is called (at the end of each read from the
     * socket, so a lone sentence is not held back).
     */
    public final class Feed {
        private final String feeder;
        private final List<Object>[] pending;

        @SuppressWarnings("unchecked")
        private Feed(String feeder) {
            this.feeder = feeder;
            this.pending = new List[lanes.length];
            for (int i = 0; i < pending.length; i++) {
                pending[i] = new ArrayList<>(FEED_BATCH);
            }
        }

        public void add(AisMessage message) {
            Instant now = clock.instant();
            Object item = AisDecoded.fixOrNull(message, now, feeder);
            if (item == null) {
                item = AisDecoded.staticData(message, now).orElse(null);
                if (item == null) {
                    return;
                }
            }
            if (lanes.length == 0) {
                apply(item);
                return;
            }
            int mmsi = item instanceof AisPosition f ? f.mmsi() : ((AisStatic) item).mmsi();
            int lane = Math.floorMod(mmsi, lanes.length);
            List<Object> batch = pending[lane];
            batch.add(item);
            if (batch.size() >= FEED_BATCH) {
                hand(lane);
            }
        }

        /** Hands over everything collected so far. */
        public void flush() {
            for (int i = 0; i < pending.length; i++) {
                if (!pending[i].isEmpty()) {
                    hand(i);
                }
            }
        }

        private void hand(int lane) {
            Object[] batch = pending[lane].toArray();
            pending[lane].clear();
            lanes[lane].put(batch);
        }
    }

    private void apply(Object item) {
        if (item instanceof AisPosition f) {
            accept(f);
        } else if (item instanceof AisStatic s) {
            accept(s);
        }
    }

    /** A thread applying the batches of the vessels whose MMSI falls on it, in the order they were handed over. */
    private final class Lane {
        private final java.util.concurrent.BlockingQueue<Object[]> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(1024);
        private final Thread thread;
        private volatile boolean running = true;

        Lane(int index) {
            this.thread = Thread.ofPlatform().name("ais-lane-" + index).daemon().start(this::run);
        }

        void put(Object[] batch) {
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            while (running || !queue.isEmpty()) {
                Object[] batch;
                try {
                    batch = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (batch == null) {
                    continue;
                }
                // track, watch areas and rules per item; the batch goes to the writers in one hand-over, then its alerts
                List<Object> toWrite = new ArrayList<>(batch.length);
                List<Alert> raised = List.of();
                for (Object item : batch) {
                    try {
                        if (item instanceof AisPosition f) {
                            List<Alert> alertsOfFix = track(f);
                            if (!alertsOfFix.isEmpty()) {
                                if (raised.isEmpty()) {
                                    raised = new ArrayList<>(alertsOfFix.size());
                                }
                                raised.addAll(alertsOfFix);
                            }
                        } else if (item instanceof AisStatic s) {
                            track(s);
                        } else {
                            continue;
                        }
                        toWrite.add(item);
                    } catch (RuntimeException e) {
                        log.warn("event=ais-apply-failed item={} error={}", item, e.toString());
                    }
                }
                writer.offerAll(toWrite);
                raise(raised);
            }
        }

        void close() {
            running = false;
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.close();
        }
    }

    /** Takes one decoded message from a feeder. */
    public void accept(AisMessage message, String feeder) {
        Instant now = clock.instant();
        Optional<AisPosition> fix = AisDecoded.fix(message, now, feeder);
        if (fix.isPresent()) {
            accept(fix.get());
            return;
        }
        AisDecoded.staticData(message, now).ifPresent(this::accept);
    }

    public void accept(AisPosition fix) {
        List<Alert> raised = track(fix);
        writer.offer(fix);
        raise(raised);
    }

    public void accept(AisStatic data) {
        track(data);
        writer.offer(data);
    }

    /** Track update, watch areas and rules of one fix; returns the alerts it raises (not yet raised). */
    private List<Alert> track(AisPosition fix) {
        fixes.increment();
        VesselState vessel = vessels.computeIfAbsent(fix.mmsi(), VesselState::new);
        synchronized (vessel) {
            vessel.latest(fix, properties.loiteringWindow());
            return watch.evaluate(vessel, fix);
        }
    }

    private void track(AisStatic data) {
        statics.increment();
        VesselState vessel = vessels.computeIfAbsent(data.mmsi(), VesselState::new);
        synchronized (vessel) {
            vessel.staticData(data);
        }
    }

    private void raise(List<Alert> raised) {
        for (Alert alert : raised) {
            alertsRaised.increment();
            alerts.accept(alert);
        }
    }

    /** Looks for moving vessels that went silent (AIS switched off). */
    public void scanForSilence() {
        Instant now = clock.instant();
        for (VesselState vessel : vessels.values()) {
            Alert alert;
            synchronized (vessel) {
                alert = watch.silence(vessel, now);
            }
            if (alert != null) {
                alertsRaised.increment();
                alerts.accept(alert);
            }
        }
    }

    /** The vessels whose position changed since the previous call (for the live map). */
    public List<VesselSnapshot> takeChanged() {
        List<VesselSnapshot> out = new ArrayList<>();
        for (VesselState v : vessels.values()) {
            synchronized (v) {
                if (v.takeChanged()) {
                    out.add(snapshot(v, v.latest()));
                }
            }
        }
        return out;
    }

    public Optional<VesselSnapshot> vessel(int mmsi) {
        VesselState v = vessels.get(mmsi);
        if (v == null || v.latest() == null) {
            return Optional.empty();
        }
        synchronized (v) {
            return Optional.of(snapshot(v, v.latest()));
        }
    }

    public Collection<VesselSnapshot> vessels() {
        List<VesselSnapshot> out = new ArrayList<>(vessels.size());
        for (VesselState v : vessels.values()) {
            synchronized (v) {
                if (v.latest() != null) {
                    out.add(snapshot(v, v.latest()));
                }
            }
        }
        return out;
    }

    private static VesselSnapshot snapshot(VesselState v, AisPosition fix) {
        AisStatic s = v.staticData();
        return new VesselSnapshot(fix.mmsi(), s == null ? null : s.shipName(), s == null ? null : s.callsign(),
                s == null ? null : s.imo(), s == null ? null : s.shipType(), s == null ? null : s.destination(),
                fix.latitude(), fix.longitude(), fix.sogKnots(), fix.cogDegrees(), fix.heading(), fix.navStatus(),
                fix.receivedAt(), v.silent());
    }

    public long fixes() {
        return fixes.sum();
    }

    public long statics() {
        return statics.sum();
    }

    public long alertsRaised() {
        return alertsRaised.sum();
    }

    public int vesselCount() {
        return vessels.size();
    }

    public PositionWriter writer() {
        return writer;
    }

    /** The latest known state of a vessel, as the map and the customs query show it. */
    public record VesselSnapshot(int mmsi, String shipName, String callsign, Integer imo, String shipType,
                                 String destination, double latitude, double longitude, Float sogKnots, Float cogDegrees,
                                 Integer heading, Integer navStatus, Instant positionAt, boolean aisOff) {
    }
}
