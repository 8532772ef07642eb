package cn.hnsw.portsituation.alert;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.web.PageQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code alert} table. */
@Repository
public class AlertRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<AlertRecord> row;

    public AlertRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> new AlertRecord(
                new Alert(rs.getString("alert_id"), rs.getString("source_service"), rs.getString("type"),
                        Alert.Level.valueOf(rs.getString("level")), rs.getString("port_code"),
                        rs.getString("organization"), read(rs.getString("recipients"), STRINGS),
                        rs.getString("title_zh"), rs.getString("title_en"), instant(rs.getTimestamp("occurred_at")),
                        (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                        read(rs.getString("attributes"), ATTRIBUTES)),
                instant(rs.getTimestamp("raised_at")), AlertStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("notified_at")), instant(rs.getTimestamp("acknowledged_at")),
                rs.getString("acknowledged_by"), instant(rs.getTimestamp("handled_at")), rs.getString("handled_by"),
                rs.getString("handling_action"), rs.getString("handling_record"), instant(rs.getTimestamp("closed_at")),
                rs.getString("closed_by"), rs.getString("closing_remark"), rs.getInt("version"));
    }

    /** Stores a newly raised alert; false when an alert with this id is already there (a re-sent alert). */
    public boolean insertIfAbsent(AlertRecord r) {
        Alert a = r.alert();
        return jdbc.update("""
                INSERT INTO alert (alert_id, source_service, type, level, port_code, organization, recipients, title_zh,
                                   title_en, occurred_at, latitude, longitude, attributes, status, raised_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (alert_id) DO NOTHING
                """, a.alertId(), a.sourceService(), a.type(), a.level().name(), a.portCode(), a.organization(),
                write(a.recipients()), a.titleZh(), a.titleEn(), Timestamp.from(a.occurredAt()), a.latitude(),
                a.longitude(), write(a.attributes()), r.status().name(), Timestamp.from(r.raisedAt())) > 0;
    }

    public Optional<AlertRecord> find(String alertId) {
        return jdbc.query("SELECT * FROM alert WHERE alert_id = ?", row, alertId).stream().findFirst();
    }

    /** Writes the lifecycle fields; false when someone else changed the alert first. */
    public boolean update(AlertRecord r) {
        return jdbc.update("""
                UPDATE alert SET status = ?, notified_at = ?, acknowledged_at = ?, acknowledged_by = ?, handled_at = ?,
                    handled_by = ?, handling_action = ?, handling_record = ?, closed_at = ?, closed_by = ?,
                    closing_remark = ?, version = version + 1
                WHERE alert_id = ? AND version = ?
                """, r.status().name(), ts(r.notifiedAt()), ts(r.acknowledgedAt()), r.acknowledgedBy(),
                ts(r.handledAt()), r.handledBy(), r.handlingAction(), r.handlingRecord(), ts(r.closedAt()),
                r.closedBy(), r.closingRemark(), r.alert().alertId(), r.version()) > 0;
    }

    public List<AlertRecord> search(AlertFilter filter, AlertAudience audience, PageQuery page) {
        return search(filter, audience, page.size(), page.offset());
    }

    public List<AlertRecord> search(AlertFilter filter, AlertAudience audience, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, audience, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT * FROM alert" + where + " ORDER BY occurred_at DESC, alert_id LIMIT ? OFFSET ?", row,
                args.toArray());
    }

    public long count(AlertFilter filter, AlertAudience audience) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("SELECT count(*) FROM alert" + where(filter, audience, args), Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    /** Counts grouped by one column (type, level, status, port_code, or the day of occurrence). */
    public List<Map<String, Object>> countBy(String dimension, AlertFilter filter, AlertAudience audience) {
        String column = switch (dimension) {
            case "type" -> "type";
            case "level" -> "level";
            case "status" -> "status";
            case "port" -> "port_code";
            case "day" -> "to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')";
            default -> throw new IllegalArgumentException(dimension);
        };
        List<Object> args = new ArrayList<>();
        String where = where(filter, audience, args);
        return jdbc.queryForList("SELECT " + column + " AS key, count(*) AS count FROM alert" + where
                + " GROUP BY 1 ORDER BY 1", args.toArray());
    }

    private static String where(AlertFilter f, AlertAudience audience, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        if (f.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(Timestamp.from(f.to()));
        }
        if (f.organization() != null) {
            sql.append(" AND organization = ?");
            args.add(f.organization());
        }
        if (f.level() != null) {
            sql.append(" AND level = ?");
            args.add(f.level().name());
        }
        if (f.type() != null) {
            sql.append(" AND type = ?");
            args.add(f.type());
        }
        if (f.status() != null) {
            sql.append(" AND status = ?");
            args.add(f.status().name());
        }
        if (f.portCode() != null) {
            sql.append(" AND port_code = ?");
            args.add(f.portCode());
        }
        if (f.sourceService() != null) {
            sql.append(" AND source_service = ?");
            args.add(f.sourceService());
        }
        if (!audience.everything()) {
            sql.append(" AND (CASE WHEN jsonb_array_length(recipients) > 0 THEN jsonb_exists(recipients, ?)"
                    + " ELSE organization IS NULL OR EXISTS (SELECT 1 FROM unnest(?::text[]) o"
                    + " WHERE o = organization OR o LIKE organization || '/%') END)");
            args.add(audience.username());
            args.add(audience.organizations().toArray(String[]::new));
        }
        return sql.toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
