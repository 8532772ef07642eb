package cn.hnsw.simulators.fault;

import cn.hnsw.common.web.HnswException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A scheduled outage, {@code [start, end)}: the partner is down from {@code start} and back at {@code end}, like a
 * maintenance window announced by a real partner.
 */
public record OutageWindow(Instant start, Instant end) {

    public OutageWindow {
        if (start == null || end == null) {
            throw new HnswException(FaultErrorCode.OUTAGE_WINDOW_INVALID, start + " – " + end);
        }
        // Milliseconds: what JSON clients send and what the database gives back unchanged.
        start = start.truncatedTo(ChronoUnit.MILLIS);
        end = end.truncatedTo(ChronoUnit.MILLIS);
        if (!end.isAfter(start)) {
            throw new HnswException(FaultErrorCode.OUTAGE_WINDOW_INVALID, start + " – " + end);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
