package cn.hnsw.tradewindow.lowaltitude;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class LowAltitudeRepository {

    private final JdbcClient jdbc;

    public LowAltitudeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 报送主体. status: DRAFT (暂存), SUBMITTED, REVOKED. */
    public record Subject(UUID id, String kind, String ownerKey, String name, String certificateNo, String contactPhone,
                          String aircraftRegs, String operatorLicence, String status, int version, Instant createdAt,
                          Instant submittedAt, Instant updatedAt) {
    }

    /** One report form. */
    public record Report(UUID id, String reportNo, UUID subjectId, String ownerKey, String activity, String form,
                         UUID originalId, String airport, String aircraftReg, LocalDate flightDate, String content,
                         ReportStatus status, Boolean logicCheckPassed, String logicCheckErrors, String reviewResult,
                         String reviewOpinion, String reviewedBy, int receiptSentCount, Instant receiptAppliedAt,
                         boolean effective, Instant createdAt, Instant declaredAt, Instant updatedAt) {
    }

    public void saveSubject(Subject s) {
        jdbc.sql("""
                INSERT INTO reporting_subject (id, kind, owner_key, name, certificate_no, contact_phone, aircraft_regs,
                  operator_licence, status, version, created_at, submitted_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, certificate_no = EXCLUDED.certificate_no,
                  contact_phone = EXCLUDED.contact_phone, aircraft_regs = EXCLUDED.aircraft_regs,
                  operator_licence = EXCLUDED.operator_licence, status = EXCLUDED.status, version = EXCLUDED.version,
                  submitted_at = EXCLUDED.submitted_at, updated_at = EXCLUDED.updated_at""")
                .params(s.id(), s.kind(), s.ownerKey(), s.name(), s.certificateNo(), s.contactPhone(), s.aircraftRegs(),
                        s.operatorLicence(), s.status(), s.version(), ts(s.createdAt()), ts(s.submittedAt()),
                        ts(s.updatedAt()))
                .update();
    }

    public void deleteSubject(UUID id) {
        jdbc.sql("DELETE FROM reporting_subject WHERE id = ?").param(id).update();
    }

    public void recordChange(UUID subjectId, int version, String previous, String by, Instant at) {
        jdbc.sql("INSERT INTO reporting_subject_change (id, subject_id, version, previous, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), subjectId, version, previous, by, ts(at)).update();
    }

    public Optional<Subject> subject(UUID id) {
        return jdbc.sql("SELECT * FROM reporting_subject WHERE id = ?").param(id).query(this::mapSubject).optional();
    }

    public List<Subject> subjects(String ownerKey) {
        var spec = ownerKey == null ? jdbc.sql("SELECT * FROM reporting_subject ORDER BY created_at DESC LIMIT 500")
                : jdbc.sql("SELECT * FROM reporting_subject WHERE owner_key = ? ORDER BY created_at DESC").param(ownerKey);
        return spec.query(this::mapSubject).list();
    }

    public String nextReportNo(String activity) {
        long n = jdbc.sql("SELECT nextval('activity_report_no')").query(Long.class).single();
        return ("CARGO".equals(activity) ? "LSC" : "LSP") + String.format("%010d", n);
    }

    public void insertReport(Report r) {
        jdbc.sql("""
                INSERT INTO activity_report (id, report_no, subject_id, owner_key, activity, form, original_id, airport,
                  aircraft_reg, flight_date, content, status, effective, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.reportNo(), r.subjectId(), r.ownerKey(), r.activity(), r.form(), r.originalId(),
                        r.airport(), r.aircraftReg(), r.flightDate(), r.content(), r.status().name(), r.effective(),
                        ts(r.createdAt()), ts(r.updatedAt()))
                .update();
    }

    public void updateReport(Report r) {
        jdbc.sql("""
                UPDATE activity_report SET airport = ?, aircraft_reg = ?, flight_date = ?, content = ?, status = ?,
                  logic_check_passed = ?, logic_check_errors = ?, review_result = ?, review_opinion = ?, reviewed_by = ?,
                  receipt_sent_count = ?, receipt_applied_at = ?, effective = ?, declared_at = ?, updated_at = ?,
                  version = version + 1 WHERE id = ?""")
                .params(r.airport(), r.aircraftReg(), r.flightDate(), r.content(), r.status().name(),
                        r.logicCheckPassed(), r.logicCheckErrors(), r.reviewResult(), r.reviewOpinion(), r.reviewedBy(),
                        r.receiptSentCount(), ts(r.receiptAppliedAt()), r.effective(), ts(r.declaredAt()),
                        ts(r.updatedAt()), r.id())
                .update();
    }

    public void deleteReport(UUID id) {
        jdbc.sql("DELETE FROM activity_report WHERE id = ?").param(id).update();
    }

    public Optional<Report> report(UUID id) {
        return jdbc.sql("SELECT * FROM activity_report WHERE id = ?").param(id).query(this::mapReport).optional();
    }

    public Optional<Report> reportForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM activity_report WHERE id = ? FOR UPDATE").param(id).query(this::mapReport).optional();
    }

    public List<Report> reports(String ownerKey, String activity, String status, String form) {
        StringBuilder sql = new StringBuilder("SELECT * FROM activity_report WHERE TRUE");
        Map<String, Object> p = new java.util.HashMap<>();
        if (ownerKey != null) { sql.append(" AND owner_key = :owner"); p.put("owner", ownerKey); }
        if (activity != null) { sql.append(" AND activity = :activity"); p.put("activity", activity); }
        if (status != null) { sql.append(" AND status = :status"); p.put("status", status); }
        if (form != null) { sql.append(" AND form = :form"); p.put("form", form); }
        sql.append(" ORDER BY created_at DESC LIMIT 500");
        return jdbc.sql(sql.toString()).params(p).query(this::mapReport).list();
    }

    public List<Report> followUps(UUID originalId) {
        return jdbc.sql("SELECT * FROM activity_report WHERE original_id = ? ORDER BY created_at").param(originalId)
                .query(this::mapReport).list();
    }

    public void credit(UUID subjectId, String kind, UUID reportId, String detail, Instant at) {
        jdbc.sql("INSERT INTO subject_credit_record (id, subject_id, kind, report_id, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), subjectId, kind, reportId, detail, ts(at)).update();
    }

    public List<Map<String, Object>> creditRecords(UUID subjectId) {
        return jdbc.sql("SELECT id, kind, report_id, detail, created_at, corrected_at FROM subject_credit_record WHERE subject_id = ? ORDER BY created_at")
                .param(subjectId).query().listOfRows();
    }

    /** 报送信息统计分析: per activity, airport and month (Asia/Shanghai) of effective original reports. */
    public List<Map<String, Object>> statistics() {
        return jdbc.sql("""
                SELECT activity, airport, to_char(flight_date, 'YYYY-MM') AS month, count(*) AS reports
                FROM activity_report WHERE form = 'ORIGINAL' AND effective AND status <> 'DRAFT'
                GROUP BY activity, airport, month ORDER BY month, activity, airport""").query().listOfRows();
    }

    /** The counting periods of the statistics, each from its start (inclusive) to now. */
    public record Periods(java.time.Instant day, java.time.Instant month, java.time.Instant quarter,
                          java.time.Instant year) {

        Object[] starts() {
            return new Object[]{Timestamp.from(day), Timestamp.from(month), Timestamp.from(quarter), Timestamp.from(year)};
        }
    }

    private static final String DECLARED_ORIGINALS =
            " FROM activity_report WHERE form = 'ORIGINAL' AND effective AND declared_at IS NOT NULL";

    /** Declared reports (effective originals) per activity: today, this month, quarter, year, and in all. */
    public List<Map<String, Object>> reportsByPeriod(Periods p) {
        return jdbc.sql("SELECT activity, " + periodCounts("declared_at") + ", count(*) AS total" + DECLARED_ORIGINALS
                        + " GROUP BY activity ORDER BY activity")
                .params(p.starts()).query().listOfRows();
    }

    /** The same per airport (报送机场统计分析). */
    public List<Map<String, Object>> airportsByPeriod(Periods p) {
        return jdbc.sql("SELECT activity, airport, " + periodCounts("declared_at") + ", count(*) AS total"
                        + DECLARED_ORIGINALS + " GROUP BY activity, airport ORDER BY activity, airport")
                .params(p.starts()).query().listOfRows();
    }

    /** Declared reports per activity and quarter of declaration (Asia/Shanghai), oldest first. */
    public List<Map<String, Object>> reportsByQuarter() {
        return jdbc.sql("SELECT activity, to_char(declared_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-\"Q\"Q') AS quarter, "
                        + "count(*) AS reports" + DECLARED_ORIGINALS + " GROUP BY activity, quarter ORDER BY quarter, activity")
                .query().listOfRows();
    }

    /** Subjects registered (submitted) today, this month, quarter, year and in all. */
    public Map<String, Object> subjectsByPeriod(Periods p) {
        return jdbc.sql("SELECT " + periodCounts("submitted_at") + ", count(*) AS total FROM reporting_subject "
                        + "WHERE submitted_at IS NOT NULL")
                .params(p.starts()).query().singleRow();
    }

    /** Subjects registered per month of registration and kind (the monthly trend), oldest first. */
    public List<Map<String, Object>> subjectsByMonth() {
        return jdbc.sql("""
                SELECT to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, kind, count(*) AS subjects
                FROM reporting_subject WHERE submitted_at IS NOT NULL GROUP BY month, kind ORDER BY month, kind""")
                .query().listOfRows();
    }

    /** Active subjects: those that declared at least one report in the quarter and in the year. */
    public Map<String, Object> activeSubjects(Periods p) {
        return jdbc.sql("SELECT count(DISTINCT subject_id) FILTER (WHERE declared_at >= ?) AS quarter, "
                        + "count(DISTINCT subject_id) FILTER (WHERE declared_at >= ?) AS year" + DECLARED_ORIGINALS)
                .params(Timestamp.from(p.quarter()), Timestamp.from(p.year())).query().singleRow();
    }

    private static String periodCounts(String column) {
        return "count(*) FILTER (WHERE " + column + " >= ?) AS today, count(*) FILTER (WHERE " + column
                + " >= ?) AS month, count(*) FILTER (WHERE " + column + " >= ?) AS quarter, count(*) FILTER (WHERE "
                + column + " >= ?) AS year";
    }

    public Map<String, Object> subjectStatistics() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'SUBMITTED') AS active,
                       count(*) FILTER (WHERE status = 'SUBMITTED' AND kind = 'ENTERPRISE') AS enterprises,
                       count(*) FILTER (WHERE status = 'SUBMITTED' AND kind = 'INDIVIDUAL') AS individuals,
                       count(*) FILTER (WHERE status = 'REVOKED') AS revoked FROM reporting_subject""").query().singleRow();
    }

    private Subject mapSubject(ResultSet rs, int i) throws SQLException {
        return new Subject(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("owner_key"),
                rs.getString("name"), rs.getString("certificate_no"), rs.getString("contact_phone"),
                rs.getString("aircraft_regs"), rs.getString("operator_licence"), rs.getString("status"),
                rs.getInt("version"), inst(rs, "created_at"), inst(rs, "submitted_at"), inst(rs, "updated_at"));
    }

    private Report mapReport(ResultSet rs, int i) throws SQLException {
        return new Report(rs.getObject("id", UUID.class), rs.getString("report_no"), rs.getObject("subject_id", UUID.class),
                rs.getString("owner_key"), rs.getString("activity"), rs.getString("form"),
                rs.getObject("original_id", UUID.class), rs.getString("airport"), rs.getString("aircraft_reg"),
                rs.getObject("flight_date", LocalDate.class), rs.getString("content"),
                ReportStatus.valueOf(rs.getString("status")), (Boolean) rs.getObject("logic_check_passed"),
                rs.getString("logic_check_errors"), rs.getString("review_result"), rs.getString("review_opinion"),
                rs.getString("reviewed_by"), rs.getInt("receipt_sent_count"), inst(rs, "receipt_applied_at"),
                rs.getBoolean("effective"), inst(rs, "created_at"), inst(rs, "declared_at"), inst(rs, "updated_at"));
    }

    private static Instant inst(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
