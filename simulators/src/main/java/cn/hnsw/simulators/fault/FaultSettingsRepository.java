package cn.hnsw.simulators.fault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fault settings in the simulators' own database (V2 migration), so that a partner switched off stays off across a
 * restart and every instance of the simulators sees the same settings.
 */
@Repository
public class FaultSettingsRepository {

    private final JdbcClient jdbc;

    public FaultSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PartnerFaults> find(String partnerId) {
        List<OutageWindow> windows = windows(partnerId);
        return jdbc.sql("""
                        SELECT partner_id, latency_ms, jitter_ms, failure_rate, failure_mode, availability, offline_until,
                               updated_at, updated_by
                        FROM partner_fault_settings WHERE partner_id = ?""")
                .param(partnerId)
                .query((rs, n) -> toFaults(rs, windows))
                .optional();
    }

    /** Every stored partner's settings, by partner id. */
    public Map<String, PartnerFaults> findAll() {
        Map<String, List<OutageWindow>> windows = new HashMap<>();
        jdbc.sql("SELECT partner_id, starts_at, ends_at FROM partner_outage_window ORDER BY partner_id, position")
                .query(rs -> {
                    windows.computeIfAbsent(rs.getString("partner_id"), id -> new ArrayList<>()).add(toWindow(rs));
                });
        Map<String, PartnerFaults> all = new HashMap<>();
        jdbc.sql("""
                        SELECT partner_id, latency_ms, jitter_ms, failure_rate, failure_mode, availability, offline_until,
                               updated_at, updated_by
                        FROM partner_fault_settings""")
                .query(rs -> {
                    String id = rs.getString("partner_id");
                    all.put(id, toFaults(rs, windows.getOrDefault(id, List.of())));
                });
        return all;
    }

    /** Replaces the partner's settings and windows; call inside a transaction so readers never see half of it. */
    public void save(PartnerFaults faults) {
        FaultSettings s = faults.settings();
        jdbc.sql("""
                        INSERT INTO partner_fault_settings (partner_id, latency_ms, jitter_ms, failure_rate, failure_mode,
                                                            availability, offline_until, updated_at, updated_by)
                        VALUES (:id, :latency, :jitter, :rate, :mode, :availability, :until, :at, :by)
                        ON CONFLICT (partner_id) DO UPDATE SET
                            latency_ms = EXCLUDED.latency_ms, jitter_ms = EXCLUDED.jitter_ms,
                            failure_rate = EXCLUDED.failure_rate, failure_mode = EXCLUDED.failure_mode,
                            availability = EXCLUDED.availability, offline_until = EXCLUDED.offline_until,
                            updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .param("id", faults.partnerId())
                .param("latency", s.latencyMs())
                .param("jitter", s.jitterMs())
                .param("rate", s.failureRate())
                .param("mode", s.failureMode().name())
                .param("availability", s.availability().name())
                .param("until", timestamp(s.offlineUntil()))
                .param("at", timestamp(faults.updatedAt()))
                .param("by", faults.updatedBy())
                .update();
        jdbc.sql("DELETE FROM partner_outage_window WHERE partner_id = ?").param(faults.partnerId()).update();
        int position = 0;
        for (OutageWindow window : s.outageWindows()) {
            jdbc.sql("INSERT INTO partner_outage_window (partner_id, position, starts_at, ends_at) VALUES (?, ?, ?, ?)")
                    .params(faults.partnerId(), position++, timestamp(window.start()), timestamp(window.end()))
                    .update();
        }
    }

    private List<OutageWindow> windows(String partnerId) {
        return jdbc.sql("SELECT starts_at, ends_at FROM partner_outage_window WHERE partner_id = ? ORDER BY position")
                .param(partnerId)
                .query((rs, n) -> toWindow(rs))
                .list();
    }

    private static PartnerFaults toFaults(ResultSet rs, List<OutageWindow> windows) throws SQLException {
        FaultSettings settings = new FaultSettings(rs.getInt("latency_ms"), rs.getInt("jitter_ms"),
                rs.getDouble("failure_rate"), FailureMode.valueOf(rs.getString("failure_mode")),
                Availability.valueOf(rs.getString("availability")), instant(rs.getTimestamp("offline_until")), windows);
        return new PartnerFaults(rs.getString("partner_id"), settings, instant(rs.getTimestamp("updated_at")),
                rs.getString("updated_by"));
    }

    private static OutageWindow toWindow(ResultSet rs) throws SQLException {
        return new OutageWindow(instant(rs.getTimestamp("starts_at")), instant(rs.getTimestamp("ends_at")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
