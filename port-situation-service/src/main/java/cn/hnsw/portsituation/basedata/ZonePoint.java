package cn.hnsw.portsituation.basedata;

import java.time.Instant;
import java.util.UUID;

/** 区域点位 — a point of a zone (gate, berth, sensor, camera pole, check point); it lies inside its zone's polygon. */
public record ZonePoint(UUID id, String code, String nameZh, String nameEn, String zoneCode, Kind kind,
                        double latitude, double longitude, String status, String confirmedBy, Instant confirmedAt,
                        String updatedBy, Instant updatedAt) {

    /** What stands at the point. */
    public enum Kind { GATE, BERTH, SENSOR, CAMERA_POLE, CHECKPOINT, OTHER }
}
