package cn.hnsw.portsituation.kpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@code port_fact} table. */
@Repository
public class PortFactRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PortFactRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public boolean portExists(String code) {
        return code != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM port WHERE code = ?)", Boolean.class, code));
    }

    /** False when the event was recorded already. */
    public boolean insert(String eventId, PortBusinessFact f, String recordedBy) {
        try {
            return jdbc.update("""
                    INSERT INTO port_fact (event_id, port_code, subject, dims, measures, occurred_at, source, recorded_by)
                    VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
                    """, eventId, f.portCode(), f.subject(), json.writeValueAsString(f.dims() == null ? Map.of() : f.dims()),
                    json.writeValueAsString(f.measures()), Timestamp.from(f.occurredAt()),
                    f.source() == null ? "unknown" : f.source(), recordedBy) > 0;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recorded facts, newest first (采集和记录查询). */
    public List<Map<String, Object>> find(String subject, String portCode, Instant from, Instant to, int limit) {
        return jdbc.queryForList("""
                SELECT event_id AS "id", port_code AS "portCode", subject, dims::text AS dims, measures::text AS measures,
                       occurred_at AS "occurredAt", source, recorded_by AS "recordedBy"
                FROM port_fact WHERE (?::text IS NULL OR subject = ?) AND (?::text IS NULL OR port_code = ?)
                  AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at DESC LIMIT ?
                """, subject, subject, portCode, portCode, Timestamp.from(from), Timestamp.from(to), limit);
    }
}
