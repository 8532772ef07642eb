package cn.hnsw.portsituation.gate;

import cn.hnsw.common.web.PageQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code gate_pass} table. */
@Repository
public class GatePassRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<GatePass> row;

    public GatePassRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> {
            try {
                Gate gate = GateRepository.ROW.mapRow(rs, i);
                String decision = rs.getString("decision");
                return new GatePass(rs.getObject("id", UUID.class), gate, rs.getString("partner_message"),
                        json.readValue(rs.getString("capture"), GateCapture.class), instant(rs.getTimestamp("recorded_at")),
                        PassState.valueOf(rs.getString("state")), instant(rs.getTimestamp("reported_at")),
                        instant(rs.getTimestamp("decided_at")), decision == null ? null : ReleaseDecision.valueOf(decision),
                        rs.getString("decision_reason"), rs.getString("guidance_zh"), rs.getString("guidance_en"),
                        rs.getString("decided_by"), rs.getInt("relay_attempts"), rs.getString("relay_error"),
                        instant(rs.getTimestamp("relayed_at")), instant(rs.getTimestamp("guided_at")),
                        instant(rs.getTimestamp("displayed_at")), rs.getInt("version"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static final String SELECT = "SELECT p.*, g.code, g.port_code AS g_port, g.group_zh, g.name_zh, g.name_en,"
            + " g.gate_type, g.flow AS g_flow, g.capture_kind, g.reports, g.guides, g.sequence, g.first_fp, g.lanes,"
            + " g.status FROM gate_pass p JOIN gate g ON g.code = p.gate_code";

    /** False when this partner message was recorded already (a re-sent capture). */
    public boolean insert(GatePass p) {
        GateCapture c = p.capture();
        try {
            return jdbc.update("""
                    INSERT INTO gate_pass (id, gate_code, port_code, flow, lane, state, partner_message, plate_number,
                        container_number, person_count, gross_kg, tare_kg, capture, captured_at, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                    ON CONFLICT (partner_message) DO NOTHING
                    """, p.id(), p.gate().code(), p.gate().portCode(), p.gate().flow(), c.lane(), p.state().name(),
                    p.partnerMessage(), c.vehicle() == null ? null : c.vehicle().plateNumber(), c.containerNumber(),
                    c.persons() == null ? 0 : c.persons().size(),
                    c.weighbridge() == null ? null : c.weighbridge().grossKg(),
                    c.weighbridge() == null ? null : c.weighbridge().tareKg(), json.writeValueAsString(c),
                    Timestamp.from(c.capturedAt() == null ? p.recordedAt() : c.capturedAt()),
                    Timestamp.from(p.recordedAt())) > 0;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<GatePass> find(UUID id) {
        return jdbc.query(SELECT + " WHERE p.id = ?", row, id).stream().findFirst();
    }

    public Optional<GatePass> findByPartnerMessage(String messageId) {
        return jdbc.query(SELECT + " WHERE p.partner_message = ?", row, messageId).stream().findFirst();
    }

    public boolean update(GatePass p) {
        return jdbc.update("""
                UPDATE gate_pass SET state = ?, reported_at = ?, decided_at = ?, decision = ?, decision_reason = ?,
                    guidance_zh = ?, guidance_en = ?, decided_by = ?, relay_attempts = ?, relay_error = ?,
                    relayed_at = ?, guided_at = ?, displayed_at = ?, version = version + 1
                WHERE id = ? AND version = ?
                """, p.state().name(), ts(p.reportedAt()), ts(p.decidedAt()),
                p.decision() == null ? null : p.decision().name(), p.decisionReason(), p.guidanceZh(), p.guidanceEn(),
                p.decidedBy(), p.relayAttempts(), p.relayError(), ts(p.relayedAt()), ts(p.guidedAt()),
                ts(p.displayedAt()), p.id(), p.version()) > 0;
    }

    /** Decided passes whose instruction has not reached the gate yet. */
    public List<UUID> awaitingRelay(int limit) {
        return jdbc.queryForList("SELECT id FROM gate_pass WHERE state = 'DECIDED' AND relay_attempts < 20"
                + " ORDER BY decided_at LIMIT ?", UUID.class, limit);
    }

    public List<GatePass> search(String portCode, String gateCode, PassState state, String plate,
                                    Instant from, Instant to, PageQuery page) {
        List<Object> args = new ArrayList<>();
        String where = where(portCode, gateCode, state, plate, from, to, args);
        args.add(page.size());
        args.add(page.offset());
        return jdbc.query(SELECT + where + " ORDER BY p.recorded_at DESC LIMIT ? OFFSET ?", row, args.toArray());
    }

    public long count(String portCode, String gateCode, PassState state, String plate, Instant from, Instant to) {
        List<Object> args = new ArrayList<>();
        String where = where(portCode, gateCode, state, plate, from, to, args);
        Long n = jdbc.queryForObject("SELECT count(*) FROM gate_pass p" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(String portCode, String gateCode, PassState state, String plate, Instant from,
                                Instant to, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        if (portCode != null) {
            sql.append(" AND p.port_code = ?");
            args.add(portCode);
        }
        if (gateCode != null) {
            sql.append(" AND p.gate_code = ?");
            args.add(gateCode);
        }
        if (state != null) {
            sql.append(" AND p.state = ?");
            args.add(state.name());
        }
        if (plate != null) {
            sql.append(" AND p.plate_number = ?");
            args.add(plate);
        }
        if (from != null) {
            sql.append(" AND p.recorded_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND p.recorded_at < ?");
            args.add(Timestamp.from(to));
        }
        return sql.toString();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
