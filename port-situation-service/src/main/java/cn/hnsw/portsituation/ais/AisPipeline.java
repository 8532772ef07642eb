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
 */
public final class AisPipeline {

    private final Map<Integer, VesselState> vessels = new ConcurrentHashMap<>();
    private final Map<Integer, AisPosition> changedSincePush = new ConcurrentHashMap<>();
    private final AisWatch watch;
    private final PositionWriter writer;
    private final Consumer<Alert> alerts;
    private final AisProperties properties;
    private final Clock clock;
    private final LongAdder fixes = new LongAdder();
    private final LongAdder statics = new LongAdder();
    private final LongAdder alertsRaised = new LongAdder();

    public AisPipeline(AisWatch watch, PositionWriter writer, Consumer<Alert> alerts, AisProperties properties, Clock clock) {
        this.watch = watch;
        this.writer = writer;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
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
        fixes.increment();
        VesselState vessel = vessels.computeIfAbsent(fix.mmsi(), VesselState::new);
        List<Alert> raised;
        synchronized (vessel) {
            vessel.latest(fix, properties.loiteringWindow());
            raised = watch.evaluate(vessel, fix);
        }
        changedSincePush.put(fix.mmsi(), fix);
        writer.offer(fix);
        for (Alert alert : raised) {
            alertsRaised.increment();
            alerts.accept(alert);
        }
    }

    public void accept(AisStatic data) {
        statics.increment();
        VesselState vessel = vessels.computeIfAbsent(data.mmsi(), VesselState::new);
        synchronized (vessel) {
            vessel.staticData(data);
        }
        writer.offer(data);
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
        List<VesselSnapshot> out = new ArrayList<>(changedSincePush.size());
        for (Integer mmsi : List.copyOf(changedSincePush.keySet())) {
            AisPosition fix = changedSincePush.remove(mmsi);
            if (fix != null) {
                out.add(snapshot(vessels.get(mmsi), fix));
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
