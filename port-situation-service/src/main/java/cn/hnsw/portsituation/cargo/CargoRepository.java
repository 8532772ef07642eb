package cn.hnsw.portsituation.cargo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@code container_position} and {@code document_flow} tables. */
@Repository
public class CargoRepository {

    private final JdbcTemplate jdbc;

    public CargoRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean portExists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists (SELECT 1 FROM port WHERE code = ?)",
                Boolean.class, code));
    }

    public void position(String eventId, ContainerPositionReported p) {
        jdbc.update("""
                INSERT INTO container_position (event_id, container_no, port_code, latitude, longitude, place, stage,
                                                trade, laden, occurred_at, yard_block, yard_bay, yard_row, yard_tier,
                                                direction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
                """, eventId, p.containerNo(), p.portCode(), p.latitude(), p.longitude(), p.place(), p.stage(),
                p.trade(), p.laden(), Timestamp.from(p.occurredAt()), p.yardBlock(), p.yardBay(), p.yardRow(),
                p.yardTier(), p.direction());
    }

    public void document(String eventId, DocumentFlowRecorded d) {
        jdbc.update("""
                INSERT INTO document_flow (event_id, document_no, kind, port_code, container_no, occurred_at,
                                           goods_name_zh, goods_name_en, hs_code, packages, gross_kg)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
                """, eventId, d.documentNo(), d.kind(), d.portCode(), d.containerNo(), Timestamp.from(d.occurredAt()),
                d.goodsNameZh(), d.goodsNameEn(), d.hsCode(), d.packages(), d.grossKg());
    }

    private static final String POSITION = """
            container_no AS "containerNo", port_code AS "portCode", latitude AS "latitude", longitude AS "longitude",
            place AS "place", stage AS "stage", trade AS "trade", laden AS "laden", occurred_at AS "occurredAt"
            """;

    public List<Map<String, Object>> latest(String containerNo) {
        return jdbc.queryForList("SELECT " + POSITION + " FROM container_position WHERE container_no = ?"
                + " ORDER BY occurred_at DESC LIMIT 1", containerNo);
    }

    /** The trajectory in time order, for playback. */
    public List<Map<String, Object>> track(String containerNo, Instant from, Instant to) {
        return jdbc.queryForList("SELECT " + POSITION + " FROM container_position WHERE container_no = ?"
                        + " AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at LIMIT 10000", containerNo,
                Timestamp.from(from), Timestamp.from(to));
    }

    /** The containers on site at a port: those whose latest position is there and not yet out of the gate. */
    public List<Map<String, Object>> onSite(String portCode, int limit) {
        return jdbc.queryForList("SELECT * FROM (SELECT DISTINCT ON (container_no) " + POSITION
                + " FROM container_position WHERE port_code = ? ORDER BY container_no, occurred_at DESC) l"
                + " WHERE stage NOT IN ('GATE_OUT', 'ON_ROAD', 'LOADED') ORDER BY \"occurredAt\" DESC LIMIT ?",
                portCode, limit);
    }

    /** 集装箱运抵口岸记录: the containers reported arrived at a port in [from, to), newest first. */
    public List<Map<String, Object>> arrivals(String portCode, Instant from, Instant to, int limit) {
        return jdbc.queryForList("SELECT " + POSITION + " FROM container_position WHERE stage = 'ARRIVED'"
                + " AND (?::text IS NULL OR port_code = ?) AND occurred_at >= ? AND occurred_at < ?"
                + " ORDER BY occurred_at DESC LIMIT ?", portCode, portCode, Timestamp.from(from), Timestamp.from(to), limit);
    }

    /** 在场集装箱统计: counts on site by trade and laden/empty. */
    public Map<String, Object> onSiteStatistics(String portCode) {
        return jdbc.queryForMap("""
                SELECT count(*) AS "total",
                       count(*) FILTER (WHERE trade = 'FOREIGN') AS "foreign",
                       count(*) FILTER (WHERE trade = 'DOMESTIC') AS "domestic",
                       count(*) FILTER (WHERE laden) AS "laden",
                       count(*) FILTER (WHERE NOT laden) AS "empty"
                FROM (SELECT DISTINCT ON (container_no) trade, laden, stage FROM container_position
                      WHERE port_code = ? ORDER BY container_no, occurred_at DESC) l
                WHERE stage NOT IN ('GATE_OUT', 'ON_ROAD', 'LOADED')
                """, portCode);
    }

    /**
     * 单证流与物流匹配度 per port over [from, to): containers named by a document, containers seen moving, those in
     * both, and the match degree |both| / |either| (null where neither).
     */
    public List<Map<String, Object>> matchDegree(Instant from, Instant to) {
        return jdbc.queryForList("""
                WITH d AS (SELECT DISTINCT port_code, container_no FROM document_flow
                           WHERE occurred_at >= ? AND occurred_at < ?),
                     l AS (SELECT DISTINCT port_code, container_no FROM container_position
                           WHERE occurred_at >= ? AND occurred_at < ?),
                     j AS (SELECT coalesce(d.port_code, l.port_code) AS port_code, d.container_no IS NOT NULL AS doc,
                                  l.container_no IS NOT NULL AS log
                           FROM d FULL JOIN l ON d.port_code = l.port_code AND d.container_no = l.container_no)
                SELECT p.code AS "portCode", p.name_zh AS "nameZh", p.name_en AS "nameEn",
                       count(j.port_code) FILTER (WHERE j.doc) AS "documents",
                       count(j.port_code) FILTER (WHERE j.log) AS "logistics",
                       count(j.port_code) FILTER (WHERE j.doc AND j.log) AS "matched",
                       count(j.port_code) FILTER (WHERE j.doc AND NOT j.log) AS "documentsOnly",
                       count(j.port_code) FILTER (WHERE j.log AND NOT j.doc) AS "logisticsOnly",
                       round(count(j.port_code) FILTER (WHERE j.doc AND j.log)::numeric
                             / nullif(count(j.port_code), 0), 4) AS "degree"
                FROM port p LEFT JOIN j ON j.port_code = p.code
                GROUP BY p.code, p.name_zh, p.name_en, p.sort_order ORDER BY p.sort_order
                """, Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to));
    }

    /** The containers of a port that are only in the documents or only in the logistics flow. */
    public List<Map<String, Object>> unmatched(String portCode, Instant from, Instant to) {
        return jdbc.queryForList("""
                WITH d AS (SELECT DISTINCT container_no FROM document_flow
                           WHERE port_code = ? AND occurred_at >= ? AND occurred_at < ?),
                     l AS (SELECT DISTINCT container_no FROM container_position
                           WHERE port_code = ? AND occurred_at >= ? AND occurred_at < ?)
                SELECT coalesce(d.container_no, l.container_no) AS "containerNo",
                       CASE WHEN l.container_no IS NULL THEN 'DOCUMENT_ONLY' ELSE 'LOGISTICS_ONLY' END AS "side"
                FROM d FULL JOIN l ON d.container_no = l.container_no
                WHERE d.container_no IS NULL OR l.container_no IS NULL
                ORDER BY 2, 1 LIMIT 1000
                """, portCode, Timestamp.from(from), Timestamp.from(to), portCode, Timestamp.from(from),
                Timestamp.from(to));
    }

    /** 审核流程回溯: a container's documents (manifest, declaration, release) over [from, to), in time order. */
    public List<Map<String, Object>> trail(String containerNo, Instant from, Instant to) {
        return jdbc.queryForList("""
                SELECT document_no AS "documentNo", kind, port_code AS "portCode", occurred_at AS "occurredAt"
                FROM document_flow WHERE container_no = ? AND occurred_at >= ? AND occurred_at < ?
                ORDER BY occurred_at, kind LIMIT 1000
                """, containerNo, Timestamp.from(from), Timestamp.from(to));
    }

    /**
     * 审核流程实时监控: per container with documents at the port over [from, to), when it was manifested, declared and
     * released, where its approval stands and the minutes from declaration to release.
     */
    public List<Map<String, Object>> approvals(String portCode, Instant from, Instant to, int limit) {
        return jdbc.queryForList("""
                SELECT container_no AS "containerNo", port_code AS "portCode",
                       min(occurred_at) FILTER (WHERE kind = 'MANIFEST') AS "manifestAt",
                       min(occurred_at) FILTER (WHERE kind = 'DECLARATION') AS "declaredAt",
                       min(occurred_at) FILTER (WHERE kind = 'RELEASE') AS "releasedAt",
                       CASE WHEN bool_or(kind = 'RELEASE') THEN 'RELEASED'
                            WHEN bool_or(kind = 'DECLARATION') THEN 'DECLARED' ELSE 'MANIFESTED' END AS "status",
                       round((extract(epoch FROM min(occurred_at) FILTER (WHERE kind = 'RELEASE')
                             - min(occurred_at) FILTER (WHERE kind = 'DECLARATION')) / 60)::numeric, 2)
                           AS "minutesToRelease"
                FROM document_flow
                WHERE (?::text IS NULL OR port_code = ?) AND occurred_at >= ? AND occurred_at < ?
                GROUP BY container_no, port_code ORDER BY max(occurred_at) DESC LIMIT ?
                """, portCode, portCode, Timestamp.from(from), Timestamp.from(to), limit);
    }
}
