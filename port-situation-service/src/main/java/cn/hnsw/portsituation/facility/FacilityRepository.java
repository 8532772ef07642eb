package cn.hnsw.portsituation.facility;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code facility} and {@code facility_incident} tables. */
@Repository
public class FacilityRepository {

    private static final RowMapper<Facility> ROW = (rs, i) -> new Facility(rs.getString("code"), rs.getString("kind"),
            rs.getString("port_code"), rs.getString("name_zh"), Facility.Status.valueOf(rs.getString("status")),
            rs.getTimestamp("status_since").toInstant(), rs.getTimestamp("last_heartbeat_at").toInstant(),
            rs.getInt("heartbeat_timeout_s"), rs.getString("fault_reason"));

    private final JdbcTemplate jdbc;

    public FacilityRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean portExists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists (SELECT 1 FROM port WHERE code = ?)",
                Boolean.class, code));
    }

    public Optional<Facility> find(String code) {
        return jdbc.query("SELECT * FROM facility WHERE code = ?", ROW, code).stream().findFirst();
    }

    /** The facility, locked for this transaction. */
    public Optional<Facility> lock(String code) {
        return jdbc.query("SELECT * FROM facility WHERE code = ? FOR UPDATE", ROW, code).stream().findFirst();
    }

    public void register(Facility f) {
        jdbc.update("""
                INSERT INTO facility (code, kind, port_code, name_zh, status, status_since, last_heartbeat_at,
                                      heartbeat_timeout_s)
                VALUES (?, ?, ?, ?, 'ONLINE', ?, ?, ?) ON CONFLICT (code) DO NOTHING
                """, f.code(), f.kind(), f.portCode(), f.nameZh(), Timestamp.from(f.statusSince()),
                Timestamp.from(f.lastHeartbeatAt()), f.heartbeatTimeoutSec());
    }

    /** The area of the port the facility stands in (GATE_AREA, INSPECTION_AREA, STORAGE_AREA). */
    public void area(String code, String area) {
        jdbc.update("UPDATE facility SET area = ? WHERE code = ?", area, code);
    }

    public void heartbeat(String code, Instant at) {
        jdbc.update("UPDATE facility SET last_heartbeat_at = greatest(last_heartbeat_at, ?) WHERE code = ?",
                Timestamp.from(at), code);
    }

    public void status(String code, Facility.Status status, Instant since, String reason) {
        jdbc.update("UPDATE facility SET status = ?, status_since = ?, fault_reason = ? WHERE code = ?", status.name(),
                Timestamp.from(since), reason, code);
    }

    public void openIncident(String code, String kind, String reason, Instant at, String alertId) {
        jdbc.update("INSERT INTO facility_incident (id, facility_code, kind, reason, started_at, alert_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), code, kind, reason, Timestamp.from(at), alertId);
    }

    public void repair(String code, Instant at) {
        jdbc.update("UPDATE facility_incident SET repaired_at = greatest(started_at, ?) WHERE facility_code = ?"
                + " AND repaired_at IS NULL", Timestamp.from(at), code);
    }

    /** Online facilities silent for longer than their timeout at {@code now}. */
    public List<String> silentSince(Instant now) {
        return jdbc.queryForList("SELECT code FROM facility WHERE status = 'ONLINE'"
                + " AND last_heartbeat_at < ?::timestamptz - make_interval(secs => heartbeat_timeout_s)", String.class,
                Timestamp.from(now));
    }

    public List<Facility> search(String portCode, String kind, String status, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = where(portCode, kind, status, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT * FROM facility" + where + " ORDER BY port_code, kind, code LIMIT ? OFFSET ?", ROW,
                args.toArray());
    }

    public long count(String portCode, String kind, String status) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("SELECT count(*) FROM facility" + where(portCode, kind, status, args), Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(String portCode, String kind, String status, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        for (String[] f : new String[][] {{"port_code", portCode}, {"kind", kind}, {"status", status}}) {
            if (f[1] != null && !f[1].isBlank()) {
                sql.append(" AND ").append(f[0]).append(" = ?");
                args.add(f[1]);
            }
        }
        return sql.toString();
    }

    /**
     * Per port and kind: how many facilities, how many online / with a fault / offline and the online rate, the faults
     * begun and the incidents repaired since {@code since} with their mean time to repair (minutes), the incidents begun
     * since then whose alert an officer has acknowledged with their mean fault response time (minutes, from the fault to
     * the acknowledgement), the open incidents.
     */
    public List<Map<String, Object>> summary(String portCode, Instant since) {
        List<Object> args = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            args.add(Timestamp.from(since));
        }
        String filter = "";
        if (portCode != null && !portCode.isBlank()) {
            filter = " WHERE f.port_code = ?";
            args.add(portCode);
        }
        return jdbc.queryForList("""
                SELECT f.port_code AS "portCode", f.kind AS "kind", count(*) AS "total",
                       count(*) FILTER (WHERE f.status = 'ONLINE') AS "online",
                       count(*) FILTER (WHERE f.status = 'FAULT') AS "fault",
                       count(*) FILTER (WHERE f.status = 'OFFLINE') AS "offline",
                       round(count(*) FILTER (WHERE f.status = 'ONLINE')::numeric / count(*), 4) AS "onlineRate",
                       sum(i.faults) AS "faults", sum(i.open) AS "openIncidents", sum(i.repaired) AS "repaired",
                       round((sum(i.repair_minutes) / nullif(sum(i.repaired), 0))::numeric, 1) AS "meanMinutesToRepair",
                       sum(i.responded) AS "responded",
                       round((sum(i.response_minutes) / nullif(sum(i.responded), 0))::numeric, 1)
                           AS "meanMinutesToRespond"
                FROM facility f
                LEFT JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE repaired_at IS NULL) AS open,
                           count(*) FILTER (WHERE fi.kind = 'FAULT' AND started_at >= ?) AS faults,
                           count(*) FILTER (WHERE repaired_at >= ?) AS repaired,
                           coalesce(sum(extract(epoch FROM repaired_at - started_at) / 60)
                                    FILTER (WHERE repaired_at >= ?), 0) AS repair_minutes,
                           count(a.acknowledged_at) FILTER (WHERE started_at >= ?) AS responded,
                           coalesce(sum(extract(epoch FROM a.acknowledged_at - started_at) / 60)
                                    FILTER (WHERE started_at >= ?), 0) AS response_minutes
                    FROM facility_incident fi LEFT JOIN alert a ON a.alert_id = fi.alert_id
                    WHERE fi.facility_code = f.code) i ON true
                """ + filter + " GROUP BY f.port_code, f.kind ORDER BY f.port_code, f.kind", args.toArray());
    }

    /**
     * A facility's incidents, latest first: when each began and was repaired (time to repair), and when an officer first
     * responded to it by acknowledging its alert, and who (fault response time).
     */
    public List<Map<String, Object>> incidents(String code, int limit) {
        return jdbc.queryForList("""
                SELECT i.kind AS "kind", i.reason AS "reason", i.started_at AS "startedAt", i.repaired_at AS "repairedAt",
                       round((extract(epoch FROM i.repaired_at - i.started_at) / 60)::numeric, 1) AS "minutesToRepair",
                       a.acknowledged_at AS "respondedAt", a.acknowledged_by AS "respondedBy",
                       round((extract(epoch FROM a.acknowledged_at - i.started_at) / 60)::numeric, 1)
                           AS "minutesToRespond",
                       i.alert_id AS "alertId"
                FROM facility_incident i LEFT JOIN alert a ON a.alert_id = i.alert_id
                WHERE i.facility_code = ? ORDER BY i.started_at DESC LIMIT ?
                """, code, limit);
    }
}
