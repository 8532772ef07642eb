package cn.hnsw.portsituation.basedata;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 区域 — a zone of a port area, drawn as a polygon of [longitude, latitude] pairs (WGS-84). Zones on the water are the
 * AIS watch areas (restricted areas, channels with a speed limit, anchorages); zones on land are the key areas of the
 * map (first-line and second-line business areas, yards, inspection areas).
 *
 * @param status {@code DRAFT} until an operator confirms it; the AIS warnings use only confirmed, active zones
 */
public record Zone(UUID id, String code, String nameZh, String nameEn, Kind kind, String portCode,
                   String portAreaCode, List<double[]> polygon, Float speedLimitKnots, String level, boolean active,
                   String status, String confirmedBy, Instant confirmedAt, String updatedBy, Instant updatedAt) {

    /** What the zone is; the first three are on the water and watched by AIS. */
    public enum Kind {
        RESTRICTED, CHANNEL, ANCHORAGE, KEY_AREA, FIRST_LINE, SECOND_LINE, YARD, INSPECTION;

        public boolean onWater() {
            return this == RESTRICTED || this == CHANNEL || this == ANCHORAGE;
        }
    }
}
