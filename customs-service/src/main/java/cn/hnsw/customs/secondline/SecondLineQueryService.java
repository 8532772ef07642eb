package cn.hnsw.customs.secondline;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 二线综合查询: one row per second-line declaration with what the second line knows about it — the list it names and
 * how much of that list is written off, the consolidated list it came from, and the latest arrival report with its
 * control decision and gate pass. Enterprises see their own; officers see all.
 */
@Service
public class SecondLineQueryService {

    private final JdbcClient jdbc;

    public SecondLineQueryService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(UUID declarationId, String preEntryNo, String customsNo, String declarationType, String status,
                      String enterpriseUscc, String enterpriseName, String verificationListNo, String listStatus,
                      BigDecimal listQuantity, BigDecimal listWrittenOff, String consolidatedNo, String arrivalReportNo,
                      String arrivalStatus, String controlDecision, String inspectionResult, String gatePassNo,
                      Instant submittedAt, Instant createdAt) {
    }

    /** Filters: all optional; {@code from}/{@code to} on the declaration's creation time. */
    public record Filter(String enterprise, String preEntryNo, String customsNo, String verificationListNo,
                         String status, String arrivalStatus, Instant from, Instant to) {
    }

    private static final String FROM = """
            FROM customs_declaration d
              LEFT JOIN verification_list l ON l.list_no = d.verification_list_no AND l.enterprise_uscc = d.enterprise_uscc
              LEFT JOIN consolidated_list c ON c.declaration_id = d.id
              LEFT JOIN LATERAL (SELECT * FROM arrival_report a WHERE a.declaration_id = d.id ORDER BY a.created_at DESC LIMIT 1) a ON true
            WHERE d.declaration_type IN ('SECOND_LINE_DOMESTIC_SALE', 'SECOND_LINE_GENERAL', 'CONSOLIDATED')
              AND d.status <> 'DELETED'
              AND (CAST(:e AS varchar) IS NULL OR d.enterprise_uscc = :e)
              AND (CAST(:pre AS varchar) IS NULL OR d.pre_entry_no = :pre)
              AND (CAST(:cno AS varchar) IS NULL OR d.customs_no = :cno)
              AND (CAST(:list AS varchar) IS NULL OR d.verification_list_no = :list)
              AND (CAST(:st AS varchar) IS NULL OR d.status = :st)
              AND (CAST(:ast AS varchar) IS NULL OR a.status = :ast)
              AND (CAST(:f AS timestamptz) IS NULL OR d.created_at >= :f)
              AND (CAST(:t AS timestamptz) IS NULL OR d.created_at < :t)""";

    @Transactional(readOnly = true)
    public PageResponse<Row> query(CurrentActor actor, Filter filter, PageQuery page) {
        String enterprise = EnterpriseScope.restrictionFor(actor).orElse(filter.enterprise());
        List<Row> rows = bind(jdbc.sql("""
                SELECT d.id, d.pre_entry_no, d.customs_no, d.declaration_type, d.status, d.enterprise_uscc, d.enterprise_name,
                  d.verification_list_no, l.status AS list_status,
                  (SELECT sum(quantity) FROM verification_list_item i WHERE i.list_id = l.id) AS list_quantity,
                  (SELECT sum(written_off) FROM verification_list_item i WHERE i.list_id = l.id) AS list_written_off,
                  c.consolidated_no, a.report_no, a.status AS arrival_status, a.control_decision, a.inspection_result,
                  a.gate_pass_no, d.submitted_at, d.created_at
                """ + FROM + " ORDER BY d.created_at DESC LIMIT :limit OFFSET :offset"), enterprise, filter)
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("pre_entry_no"),
                        rs.getString("customs_no"), rs.getString("declaration_type"), rs.getString("status"),
                        rs.getString("enterprise_uscc"), rs.getString("enterprise_name"),
                        rs.getString("verification_list_no"), rs.getString("list_status"),
                        rs.getBigDecimal("list_quantity"), rs.getBigDecimal("list_written_off"),
                        rs.getString("consolidated_no"), rs.getString("report_no"), rs.getString("arrival_status"),
                        rs.getString("control_decision"), rs.getString("inspection_result"),
                        rs.getString("gate_pass_no"), instant(rs.getTimestamp("submitted_at")),
                        instant(rs.getTimestamp("created_at"))))
                .list();
        long total = bind(jdbc.sql("SELECT count(*) " + FROM), enterprise, filter).query(Long.class).single();
        return PageResponse.of(rows, page, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String enterprise, Filter f) {
        return spec.param("e", enterprise).param("pre", blank(f.preEntryNo())).param("cno", blank(f.customsNo()))
                .param("list", blank(f.verificationListNo())).param("st", blank(f.status()))
                .param("ast", blank(f.arrivalStatus()))
                .param("f", f.from() == null ? null : Timestamp.from(f.from()))
                .param("t", f.to() == null ? null : Timestamp.from(f.to()));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
