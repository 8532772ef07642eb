package cn.hnsw.portsituation.ais;

import java.time.Instant;

/**
 * AIS 动态数据 (AisPosition): one position report of a vessel as the platform received it.
 *
 * @param sogKnots    speed over ground, knots; null when not available
 * @param cogDegrees  course over ground, degrees; null when not available
 * @param heading     true heading, degrees; null when not available
 * @param navStatus   ITU-R M.1371 navigational status code (0 under way using engine, 1 at anchor, 5 moored…), or null
 */
public record AisPosition(int mmsi, Instant receivedAt, double latitude, double longitude, Float sogKnots, Float cogDegrees,
                     Integer heading, Integer navStatus, String feeder) {

    public static final int AT_ANCHOR = 1;
    public static final int MOORED = 5;

    /** At anchor or moored: staying in one place is what the ship is meant to do. */
    public boolean stationary() {
        return navStatus != null && (navStatus == AT_ANCHOR || navStatus == MOORED);
    }

    public float speedOrZero() {
        return sogKnots == null ? 0f : sogKnots;
    }
}
