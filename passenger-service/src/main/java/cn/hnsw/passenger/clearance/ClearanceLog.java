package cn.hnsw.passenger.clearance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 通关流程 — each step of a declaration's clearance, written in the transaction of the step; it is the traveler's
 * {@link ClearanceTimeline} and the pipeline's log.
 */
@Component
public class ClearanceLog {

    public record Step(Instant occurredAt, String kind, String status, String actor, String detailZh, String detailEn) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ClearanceLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(UUID declarationId, String kind, String status, String actor, String detailZh, String detailEn) {
        jdbc.update("""
                INSERT INTO declaration_event (declaration_id, occurred_at, kind, status, actor, detail_zh, detail_en)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", declarationId, Timestamp.from(clock.instant()), kind, status, actor,
                cut(detailZh), cut(detailEn));
    }

    public List<Step> steps(UUID declarationId) {
        return jdbc.query("SELECT * FROM declaration_event WHERE declaration_id = ? ORDER BY id", (rs, i) -> new Step(
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"), rs.getString("status"),
                rs.getString("actor"), rs.getString("detail_zh"), rs.getString("detail_en")), declarationId);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
