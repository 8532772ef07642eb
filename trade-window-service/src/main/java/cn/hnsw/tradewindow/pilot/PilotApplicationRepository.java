package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.dao.OptimisticLockingFailureException;
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
import java.util.UUID;

@Repository
public class PilotApplicationRepository {

    private final JdbcClient jdbc;

    public PilotApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PilotApplication a) {
        jdbc.sql("""
                INSERT INTO pilot_application (id, enterprise_uscc, enterprise_name, region_code, product_summary, status,
                  created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.enterpriseUscc(), a.enterpriseName(), a.regionCode(), a.productSummary(),
                        a.status().name(), a.createdBy(), Timestamp.from(a.createdAt()))
                .update();
    }

    /** Saves the state, refusing a concurrent change made since it was read. */
    public void update(PilotApplication a) {
        int n = jdbc.sql("""
                UPDATE pilot_application SET status = ?, case_number = ?, process_instance_id = ?, current_step = ?,
                  submitted_at = ?, decided_at = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(a.status().name(), a.caseNumber(), a.processInstanceId(), a.currentStep(),
                        ts(a.submittedAt()), ts(a.decidedAt()), a.id(), a.version())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("pilot application " + a.id() + " changed concurrently");
        }
    }

    public Optional<PilotApplication> find(UUID id) {
        return jdbc.sql("SELECT * FROM pilot_application WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Locks the row for the rest of the transaction, so two approvers acting at once are serialised. */
    public Optional<PilotApplication> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM pilot_application WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
    }

    public Optional<PilotApplication> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("SELECT * FROM pilot_application WHERE process_instance_id = ?").param(processInstanceId)
                .query(this::map).optional();
    }

    public PageResponse<PilotApplication> search(String enterprise, String status, List<String> regions,
                                                 PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (enterprise != null) {
            where.append(" AND enterprise_uscc = :enterprise");
            params.put("enterprise", enterprise);
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status);
        }
        if (regions != null) {
            if (regions.isEmpty()) {
                return PageResponse.of(List.of(), page, 0);
            }
            where.append(" AND region_code IN (:regions)");
            params.put("regions", regions);
        }
        long total = jdbc.sql("SELECT count(*) FROM pilot_application" + where).params(params)
                .query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<PilotApplication> rows = jdbc.sql("SELECT * FROM pilot_application" + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params).query(this::map).list();
        return PageResponse.of(rows, page, total);
    }

    public List<PilotApplication> approved() {
        return jdbc.sql("SELECT * FROM pilot_application WHERE status = 'APPROVED' ORDER BY decided_at DESC")
                .query(this::map).list();
    }

    public List<String> regionsWithUnit(List<String> orgs) {
        if (orgs.isEmpty()) {
            return new ArrayList<>();
        }
        return jdbc.sql("""
                SELECT code FROM pilot_region WHERE county_gov_org IN (:orgs) OR lead_unit_org IN (:orgs)
                UNION SELECT region_code FROM pilot_routing_unit WHERE kind = 'CITY_EXTRA' AND unit_org IN (:orgs)""")
                .param("orgs", orgs).query(String.class).list();
    }

    private PilotApplication map(ResultSet rs, int row) throws SQLException {
        return new PilotApplication(rs.getObject("id", UUID.class), rs.getString("enterprise_uscc"),
                rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("product_summary"),
                PilotStatus.valueOf(rs.getString("status")), rs.getString("case_number"),
                rs.getString("process_instance_id"), rs.getString("current_step"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "submitted_at"), instant(rs, "decided_at"), rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
