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
 *
 * <p>The loitering window keeps a sample of the fixes, at most one per {@value #SAMPLES_PER_WINDOW}th of the window
 * (20 s of a 30-minute window): whether a ship stayed inside a radius for half an hour does not need every report of a
 * ship that reports every two seconds, and a vessel's history then stays small however often it reports.
 */
public final class VesselState {

    private final int mmsi;
    private String mmsiText;
    private AisPosition latest;
    private AisStatic staticData;
    private final Set<String> insideAreas = new HashSet<>();
    private final Deque<AisPosition> recent = new ArrayDeque<>();
    private final Map<String, Instant> lastWarned = new HashMap<>();
    private boolean silent;
    /** The latest position changed since the live map last took it. */
    private boolean changed;
    static final int SAMPLES_PER_WINDOW = 90;

    VesselState(int mmsi) {
        this.mmsi = mmsi;
    }

    public int mmsi() { return mmsi; }

    /** The MMSI as text (a rule's subject), made once per vessel rather than once per fix. */
    String mmsiText() {
        if (mmsiText == null) {
            mmsiText = Integer.toString(mmsi);
        }
        return mmsiText;
    }

    public AisPosition latest() { return latest; }
    public AisStatic staticData() { return staticData; }
    public boolean silent() { return silent; }

    void latest(AisPosition fix, Duration window) {
        latest = fix;
        silent = false;
        changed = true;
        long at = fix.receivedAt().toEpochMilli();
        long windowMillis = window.toMillis();
        AisPosition last = recent.peekLast();
        if (last == null || at - last.receivedAt().toEpochMilli() >= windowMillis / SAMPLES_PER_WINDOW) {
            recent.addLast(fix);
        }
        long cutoff = at - windowMillis;
        while (!recent.isEmpty() && recent.peekFirst().receivedAt().toEpochMilli() < cutoff) {
            recent.removeFirst();
        }
    }

    /** Whether the latest position changed since the previous call (for the live map); resets the mark. */
    boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
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
