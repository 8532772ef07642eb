package cn.hnsw.portsituation.basedata;

import java.time.Instant;
import java.util.UUID;

/**
 * 港区 — a port area: part of a port (洋浦港 has 洋浦港区 and 神头港区), with the point the map centres on.
 *
 * @param status {@code DRAFT} until an operator confirms it ({@code CONFIRMED}); an edit makes it a draft again
 */
public record PortArea(UUID id, String code, String nameZh, String nameEn, String portCode, double latitude,
                       double longitude, String description, String status, String confirmedBy, Instant confirmedAt,
                       String updatedBy, Instant updatedAt) {
}
