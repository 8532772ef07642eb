package cn.hnsw.portsituation.ais;

import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** When a vessel came near a place: the first of its recorded fixes within a box around it, since a given time. */
@Component
public class VesselArrivals {

    private static final int MAX_FIXES = 5_000;

    private final AisHistoryRepository history;

    VesselArrivals(AisHistoryRepository history) {
        this.history = history;
    }

    public Optional<Instant> firstNear(int mmsi, double latitude, double longitude, double degrees, Instant since,
                                       Instant until) {
        for (Map<String, Object> fix : history.track(mmsi, since, until, MAX_FIXES)) {
            if (Math.abs(((Number) fix.get("latitude")).doubleValue() - latitude) < degrees
                    && Math.abs(((Number) fix.get("longitude")).doubleValue() - longitude) < degrees) {
                return Optional.of(((Timestamp) fix.get("at")).toInstant());
            }
        }
        return Optional.empty();
    }
}
