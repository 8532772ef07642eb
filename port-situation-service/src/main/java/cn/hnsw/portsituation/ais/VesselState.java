package cn.hnsw.portsituation.ais;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the platform knows of one vessel right now: its latest position and static data, the watch areas it is in, a
 * short window of recent fixes for loitering, and when each warning last fired. Guarded by the tracker (one vessel's
 * fixes are applied one at a time).
 */
public final class VesselState {

    private final int mmsi;
    private AisPosition latest;
    private AisStatic staticData;
    private final Set<String> insideAreas = new HashSet<>();
    private final Deque<AisPosition> recent = new ArrayDeque<>();
    private final Map<String, Instant> lastWarned = new HashMap<>();
    private boolean silent;

    VesselState(int mmsi) {
        this.mmsi = mmsi;
    }

    public int mmsi() { return mmsi; }
    public AisPosition latest() { return latest; }
    public AisStatic staticData() { return staticData; }
    public boolean silent() { return silent; }

    void latest(AisPosition fix, Duration window) {
        latest = fix;
        silent = false;
        recent.addLast(fix);
        Instant cutoff = fix.receivedAt().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().receivedAt().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }

    void staticData(AisStatic data) {
        if (staticData == null) {
            staticData = data;
            return;
        }
        // Message 24 comes in two parts: keep what the other part said.
        staticData = new AisStatic(mmsi, data.receivedAt(), first(data.shipName(), staticData.shipName()),
                first(data.callsign(), staticData.callsign()), first(data.imo(), staticData.imo()),
                first(data.shipType(), staticData.shipType()), first(data.lengthMetres(), staticData.lengthMetres()),
                first(data.beamMetres(), staticData.beamMetres()), first(data.destination(), staticData.destination()),
                first(data.draughtMetres(), staticData.draughtMetres()));
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    Set<String> insideAreas() { return insideAreas; }
    Deque<AisPosition> recent() { return recent; }

    boolean coolingDown(String warning, Instant now, Duration cooldown) {
        Instant last = lastWarned.get(warning);
        return last != null && last.plus(cooldown).isAfter(now);
    }

    void warned(String warning, Instant now) {
        lastWarned.put(warning, now);
    }

    void silent(boolean value) {
        silent = value;
    }
}
