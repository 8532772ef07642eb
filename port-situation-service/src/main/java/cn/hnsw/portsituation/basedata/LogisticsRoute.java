package cn.hnsw.portsituation.basedata;

import java.time.Instant;
import java.util.UUID;

/**
 * 物流线路 — a domestic (内贸) or foreign (外贸) trade route served from a seaport (海港) or an airport (空港); only
 * enabled routes are offered to the screens.
 */
public record LogisticsRoute(UUID id, String code, String nameZh, String nameEn, Trade trade, Mode mode,
                             String portCode, String origin, String destination, String description, boolean enabled,
                             String updatedBy, Instant updatedAt) {

    /** 内贸 / 外贸. */
    public enum Trade { DOMESTIC, FOREIGN }

    /** 海港 / 空港: the port of the route must be of this kind. */
    public enum Mode { SEA, AIR }
}
