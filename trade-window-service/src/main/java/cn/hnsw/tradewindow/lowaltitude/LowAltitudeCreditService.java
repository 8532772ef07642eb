package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeRepository.Subject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * S2 government end beyond the report cycle: warning models and the warnings they raise (预警信息管理, FP 315–332;
 * as credit warnings 366–372), credit reports and the credit score (361–365), the negative list (负面清单, 373–376),
 * credit-data corrections (数据纠偏, 377–386) and policy / announcement notices (119–126, 403–410).
 * <p>
 * Models, score deductions and notices are data; reviewers ({@link LowAltitudeReportingService#isReviewer}) change
 * them. Reporting subjects see their own credit report, warnings, corrections, and the notices.
 */
@Service
public class LowAltitudeCreditService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> ACTIVITIES = List.of("CARGO", "PASSENGER");

    private final JdbcClient jdbc;
    private final LowAltitudeRepository repo;
    private final ObjectMapper json;
    private final Clock clock;
    private final LowAltitudeSystemLog systemLog;
    private final LowAltitudeNotices notices;

    public LowAltitudeCreditService(JdbcClient jdbc, LowAltitudeRepository repo, ObjectMapper json, Clock clock,
                                    LowAltitudeSystemLog systemLog, LowAltitudeNotices notices) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.json = json;
        this.clock = clock;
        this.systemLog = systemLog;
        this.notices = notices;
    }

    private static void requireReviewer(CurrentActor actor) {
        if (!LowAltitudeReportingService.isReviewer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
    }

    /** The subject, if the actor is a reviewer or its owner. */
    private Subject readableSubject(CurrentActor actor, UUID subjectId) {
        Subject s = repo.subject(subjectId)
                .orElseThrow(() -> new HnswException(LowAltitudeErrorCode.SUBJECT_NOT_FOUND, subjectId));
        if (!LowAltitudeReportingService.isReviewer(actor)
                && !LowAltitudeReportingService.ownerKey(actor).equals(s.ownerKey())) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return s;
    }

    // --- warning models and warnings --------------------------------------------------------------------------

    public record WarningModel(String activity, int windowDays, int maxFlightsPerAircraft, int maxRefusedPerSubject,
                               int maxItemsPerFlight, boolean enabled, String updatedBy, Instant updatedAt) {
    }

    public List<WarningModel> models(CurrentActor actor) {
        requireReviewer(actor);
        return jdbc.sql("SELECT * FROM la_warning_model ORDER BY activity").query(LowAltitudeCreditService::model).list();
    }

    @Transactional
    public WarningModel saveModel(CurrentActor actor, WarningModel m) {
        requireReviewer(actor);
        if (!ACTIVITIES.contains(m.activity())) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "activity");
        }
        jdbc.sql("""
                UPDATE la_warning_model SET window_days = ?, max_flights_per_aircraft = ?, max_refused_per_subject = ?,
                  max_items_per_flight = ?, enabled = ?, updated_by = ?, updated_at = ? WHERE activity = ?""")
                .params(m.windowDays(), m.maxFlightsPerAircraft(), m.maxRefusedPerSubject(), m.maxItemsPerFlight(),
                        m.enabled(), actor.username(), Timestamp.from(clock.instant()), m.activity())
                .update();
        return jdbc.sql("SELECT * FROM la_warning_model WHERE activity = ?").param(m.activity())
                .query(LowAltitudeCreditService::model).single();
    }

    private static WarningModel model(ResultSet rs, int i) throws SQLException {
        return new WarningModel(rs.getString("activity"), rs.getInt("window_days"),
                rs.getInt("max_flights_per_aircraft"), rs.getInt("max_refused_per_subject"),
                rs.getInt("max_items_per_flight"), rs.getBoolean("enabled"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    /**
     * Runs every enabled model over the effective, declared reports of its window and stores each new warning once
     * (a warning is keyed by rule, subject or aircraft, and window or report). Returns how many were raised.
     */
    @Scheduled(initialDelayString = "${tradewindow.low-altitude.warnings.initial-delay:PT2M}",
            fixedDelayString = "${tradewindow.low-altitude.warnings.interval:PT30M}")
    @Transactional
    public int scan() {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        int raised = 0;
        for (WarningModel m : jdbc.sql("SELECT * FROM la_warning_model WHERE enabled")
                .query(LowAltitudeCreditService::model).list()) {
            LocalDate from = today.minusDays(m.windowDays() - 1L);
            // flights of one aircraft (original reports) in the window
            for (Map<String, Object> row : jdbc.sql("""
                    SELECT aircraft_reg, min(subject_id::text) AS subject_id, count(*) AS n FROM activity_report
                    WHERE activity = ? AND form = 'ORIGINAL' AND effective AND declared_at IS NOT NULL
                      AND flight_date BETWEEN ? AND ?
                    GROUP BY aircraft_reg HAVING count(*) > ?""")
                    .params(m.activity(), Date.valueOf(from), Date.valueOf(today), m.maxFlightsPerAircraft())
                    .query().listOfRows()) {
                int n = ((Number) row.get("n")).intValue();
                raised += raise(m.activity(), "FLIGHTS_PER_AIRCRAFT",
                        "FLIGHTS_PER_AIRCRAFT:" + m.activity() + ":" + row.get("aircraft_reg") + ":" + from,
                        UUID.fromString((String) row.get("subject_id")), null, n, m.maxFlightsPerAircraft(),
                        "航空器 " + row.get("aircraft_reg") + " 自 " + from + " 起飞行 " + n + " 架次，超过模型阈值 "
                                + m.maxFlightsPerAircraft() + " / Aircraft " + row.get("aircraft_reg") + " flew " + n
                                + " times since " + from + ", above " + m.maxFlightsPerAircraft());
            }
            // refused reports (logic check failed or returned) of one subject in the window
            for (Map<String, Object> row : jdbc.sql("""
                    SELECT subject_id, count(*) AS n FROM activity_report
                    WHERE activity = ? AND declared_at IS NOT NULL AND flight_date BETWEEN ? AND ?
                      AND (logic_check_passed = FALSE OR review_result = 'RETURNED')
                    GROUP BY subject_id HAVING count(*) >= ?""")
                    .params(m.activity(), Date.valueOf(from), Date.valueOf(today), m.maxRefusedPerSubject())
                    .query().listOfRows()) {
                int n = ((Number) row.get("n")).intValue();
                UUID subject = (UUID) row.get("subject_id");
                raised += raise(m.activity(), "REFUSED_PER_SUBJECT",
                        "REFUSED_PER_SUBJECT:" + m.activity() + ":" + subject + ":" + from, subject, null, n,
                        m.maxRefusedPerSubject(), "报送主体自 " + from + " 起有 " + n + " 份报送未通过逻辑检查或被退回 / "
                                + n + " reports of the subject failed the logic check or were returned since " + from);
            }
            // items on one flight: persons (passenger) or goods lines (cargo)
            String items = "PASSENGER".equals(m.activity()) ? "persons" : "goods";
            for (Map<String, Object> row : jdbc.sql("""
                    SELECT id, subject_id, report_no, jsonb_array_length(COALESCE(content::jsonb -> ?, '[]'::jsonb)) AS n
                    FROM activity_report
                    WHERE activity = ? AND form = 'ORIGINAL' AND effective AND declared_at IS NOT NULL
                      AND flight_date BETWEEN ? AND ?
                      AND jsonb_typeof(content::jsonb -> ?) = 'array'
                      AND jsonb_array_length(content::jsonb -> ?) > ?""")
                    .params(items, m.activity(), Date.valueOf(from), Date.valueOf(today), items, items,
                            m.maxItemsPerFlight())
                    .query().listOfRows()) {
                int n = ((Number) row.get("n")).intValue();
                raised += raise(m.activity(), "ITEMS_PER_FLIGHT", "ITEMS_PER_FLIGHT:" + row.get("id"),
                        (UUID) row.get("subject_id"), (UUID) row.get("id"), n, m.maxItemsPerFlight(),
                        "报送单 " + row.get("report_no") + " 单次飞行" + ("persons".equals(items) ? "人员 " : "货物 ") + n
                                + "，超过模型阈值 " + m.maxItemsPerFlight() + " / Report " + row.get("report_no") + " has "
                                + n + " " + items + " on one flight, above " + m.maxItemsPerFlight());
            }
        }
        systemLog.record(LowAltitudeSystemLog.Level.INFO, "WARNING_SCAN", "WARNING_SCAN_FINISHED", null, null,
                "预警扫描完成，新增预警 " + raised + " 条 / Warning scan finished, " + raised + " new warnings");
        return raised;
    }

    private int raise(String activity, String rule, String key, UUID subject, UUID report, int observed, int threshold,
                      String detail) {
        UUID id = UUID.randomUUID();
        int raised = jdbc.sql("""
                INSERT INTO la_warning (id, activity, rule, dedupe_key, subject_id, report_id, observed, threshold,
                  detail, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?)
                ON CONFLICT (dedupe_key) DO NOTHING""")
                .params(id, activity, rule, key, subject, report, observed, threshold,
                        detail.length() > 1000 ? detail.substring(0, 1000) : detail, Timestamp.from(clock.instant()))
                .update();
        if (raised == 1) {
            repo.subject(subject).ifPresent(s -> notices.warningRaised(s, id.toString(), detail));
        }
        return raised;
    }

    public record Warning(UUID id, String activity, String rule, UUID subjectId, String subjectName, UUID reportId,
                          int observed, int threshold, String detail, String status, Instant createdAt,
                          String processedBy, Instant processedAt, String processNote) {
    }

    /** Reviewers see all warnings (filtered); a subject's owner only its own. */
    public List<Warning> warnings(CurrentActor actor, String activity, String status, UUID subjectId) {
        if (subjectId != null) {
            readableSubject(actor, subjectId);
        } else {
            requireReviewer(actor);
        }
        StringBuilder sql = new StringBuilder("""
                SELECT w.*, s.name AS subject_name FROM la_warning w JOIN reporting_subject s ON s.id = w.subject_id
                WHERE 1 = 1""");
        Map<String, Object> p = new LinkedHashMap<>();
        if (activity != null) { sql.append(" AND w.activity = :activity"); p.put("activity", activity); }
        if (status != null) { sql.append(" AND w.status = :status"); p.put("status", status); }
        if (subjectId != null) { sql.append(" AND w.subject_id = :subject"); p.put("subject", subjectId); }
        sql.append(" ORDER BY w.created_at DESC LIMIT 500");
        return jdbc.sql(sql.toString()).params(p).query(LowAltitudeCreditService::warning).list();
    }

    private static Warning warning(ResultSet rs, int i) throws SQLException {
        Timestamp processed = rs.getTimestamp("processed_at");
        return new Warning(rs.getObject("id", UUID.class), rs.getString("activity"), rs.getString("rule"),
                rs.getObject("subject_id", UUID.class), rs.getString("subject_name"),
                rs.getObject("report_id", UUID.class), rs.getInt("observed"), rs.getInt("threshold"),
                rs.getString("detail"), rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("processed_by"), processed == null ? null : processed.toInstant(),
                rs.getString("process_note"));
    }

    /** 预警处理: a NEW warning is processed with a note; it then no longer counts against the subject's score. */
    @Transactional
    public Warning process(CurrentActor actor, UUID id, String note) {
        requireReviewer(actor);
        int n = jdbc.sql("""
                UPDATE la_warning SET status = 'PROCESSED', processed_by = ?, processed_at = ?, process_note = ?
                WHERE id = ? AND status = 'NEW'""")
                .params(actor.username(), Timestamp.from(clock.instant()), note, id).update();
        if (n == 0) {
            boolean exists = jdbc.sql("SELECT count(*) FROM la_warning WHERE id = ?").param(id).query(Long.class)
                    .single() > 0;
            throw new HnswException(exists ? LowAltitudeErrorCode.WARNING_PROCESSED
                    : LowAltitudeErrorCode.WARNING_NOT_FOUND, id);
        }
        return jdbc.sql("SELECT w.*, s.name AS subject_name FROM la_warning w JOIN reporting_subject s ON s.id = w.subject_id WHERE w.id = ?")
                .param(id).query(LowAltitudeCreditService::warning).single();
    }

    /** 批量删除: only processed warnings are deleted; returns how many. */
    @Transactional
    public int deleteWarnings(CurrentActor actor, List<UUID> ids) {
        requireReviewer(actor);
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM la_warning WHERE id IN (:ids) AND status = 'PROCESSED'").param("ids", ids).update();
    }

    /** 模型数据展示 / 可视化图表: warnings per day and rule over the model's window. */
    public List<Map<String, Object>> modelData(CurrentActor actor, String activity) {
        requireReviewer(actor);
        return jdbc.sql("""
                SELECT (created_at AT TIME ZONE 'Asia/Shanghai')::date AS day, rule, count(*) AS warnings
                FROM la_warning WHERE activity = ? GROUP BY 1, 2 ORDER BY 1, 2""")
                .param(activity).query().listOfRows();
    }

    // --- credit report and negative list ----------------------------------------------------------------------

    public record CreditReport(UUID id, UUID subjectId, String subjectName, int score, String grade, JsonNode content,
                               String generatedBy, Instant generatedAt) {
    }

    /**
     * 信用报告生成/入库: 100 minus the deductions (la_credit_rule) of the subject's uncorrected credit records and of
     * its unprocessed warnings; grade A ≥ 90, B ≥ 75, C ≥ 60, else D. A grade D puts the subject on the negative
     * list; a better report takes it off.
     */
    @Transactional
    public CreditReport generateReport(CurrentActor actor, UUID subjectId) {
        Subject s = readableSubject(actor, subjectId);
        Map<String, Integer> deduction = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, deduction FROM la_credit_rule").query((rs, i) -> deduction.put(rs.getString(1), rs.getInt(2)))
                .list();
        ObjectNode content = json.createObjectNode();
        var lines = content.putArray("deductions");
        int score = 100;
        for (Map<String, Object> r : jdbc.sql("""
                SELECT kind, count(*) AS n FROM subject_credit_record WHERE subject_id = ? AND corrected_at IS NULL
                GROUP BY kind ORDER BY kind""").param(subjectId).query().listOfRows()) {
            String kind = (String) r.get("kind");
            int n = ((Number) r.get("n")).intValue();
            int d = deduction.getOrDefault(kind, 0) * n;
            score -= d;
            lines.addObject().put("kind", kind).put("count", n).put("deduction", d);
        }
        long warnings = jdbc.sql("SELECT count(*) FROM la_warning WHERE subject_id = ? AND status = 'NEW'")
                .param(subjectId).query(Long.class).single();
        if (warnings > 0) {
            int d = deduction.getOrDefault("WARNING", 0) * (int) warnings;
            score -= d;
            lines.addObject().put("kind", "WARNING").put("count", warnings).put("deduction", d);
        }
        score = Math.max(0, score);
        String grade = score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : "D";
        content.put("subject", s.name()).put("kind", s.kind()).put("certificateNo", s.certificateNo());
        content.put("corrected", jdbc.sql("SELECT count(*) FROM subject_credit_record WHERE subject_id = ? AND corrected_at IS NOT NULL")
                .param(subjectId).query(Long.class).single());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO la_credit_report (id, subject_id, score, grade, content, generated_by, generated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, subjectId, score, grade, content.toString(), actor.username(), Timestamp.from(now)).update();
        if ("D".equals(grade)) {
            jdbc.sql("""
                    INSERT INTO la_negative_list (subject_id, report_id, score, reason, listed_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (subject_id) DO UPDATE SET report_id = EXCLUDED.report_id, score = EXCLUDED.score,
                      reason = EXCLUDED.reason""")
                    .params(subjectId, id, score, "信用评分 " + score + " 分（D 级） / Credit score " + score + " (grade D)",
                            Timestamp.from(now)).update();
        } else {
            jdbc.sql("DELETE FROM la_negative_list WHERE subject_id = ?").param(subjectId).update();
        }
        return new CreditReport(id, subjectId, s.name(), score, grade, content, actor.username(), now);
    }

    /** One credit report, for its subject's reporter or a reviewer. */
    public CreditReport report(CurrentActor actor, UUID reportId) {
        UUID subjectId = jdbc.sql("SELECT subject_id FROM la_credit_report WHERE id = ?").param(reportId)
                .query(UUID.class).optional()
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
        return reports(actor, subjectId).stream().filter(r -> r.id().equals(reportId)).findFirst().orElseThrow();
    }

    public List<CreditReport> reports(CurrentActor actor, UUID subjectId) {
        if (subjectId != null) {
            readableSubject(actor, subjectId);
        } else {
            requireReviewer(actor);
        }
        var spec = subjectId == null
                ? jdbc.sql("SELECT r.*, s.name AS subject_name FROM la_credit_report r JOIN reporting_subject s ON s.id = r.subject_id ORDER BY r.generated_at DESC LIMIT 500")
                : jdbc.sql("SELECT r.*, s.name AS subject_name FROM la_credit_report r JOIN reporting_subject s ON s.id = r.subject_id WHERE r.subject_id = ? ORDER BY r.generated_at DESC").param(subjectId);
        return spec.query((rs, i) -> {
            try {
                return new CreditReport(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                        rs.getString("subject_name"), rs.getInt("score"), rs.getString("grade"),
                        json.readTree(rs.getString("content")), rs.getString("generated_by"),
                        rs.getTimestamp("generated_at").toInstant());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).list();
    }

    public List<Map<String, Object>> negativeList(CurrentActor actor) {
        requireReviewer(actor);
        return jdbc.sql("""
                SELECT n.subject_id, s.name, s.kind, s.certificate_no, n.score, n.reason, n.listed_at
                FROM la_negative_list n JOIN reporting_subject s ON s.id = n.subject_id ORDER BY n.listed_at DESC""")
                .query().listOfRows();
    }

    // --- credit-data corrections ------------------------------------------------------------------------------

    public record Correction(UUID id, UUID subjectId, UUID recordId, String reason, String evidence, String status,
                             String logicErrors, String reviewOpinion, String reviewedBy, UUID copiedFrom,
                             Instant createdAt, Instant declaredAt, Instant decidedAt) {
    }

    private static Correction correction(ResultSet rs, int i) throws SQLException {
        Timestamp declared = rs.getTimestamp("declared_at");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Correction(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getObject("record_id", UUID.class), rs.getString("reason"), rs.getString("evidence"),
                rs.getString("status"), rs.getString("logic_errors"), rs.getString("review_opinion"),
                rs.getString("reviewed_by"), rs.getObject("copied_from", UUID.class),
                rs.getTimestamp("created_at").toInstant(), declared == null ? null : declared.toInstant(),
                decided == null ? null : decided.toInstant());
    }

    private Correction ownCorrectionForUpdate(CurrentActor actor, UUID id) {
        Correction c = jdbc.sql("SELECT * FROM la_credit_correction WHERE id = ? FOR UPDATE").param(id)
                .query(LowAltitudeCreditService::correction).optional()
                .orElseThrow(() -> new HnswException(LowAltitudeErrorCode.CORRECTION_NOT_FOUND, id));
        String owner = jdbc.sql("SELECT owner_key FROM la_credit_correction WHERE id = ?").param(id)
                .query(String.class).single();
        if (!LowAltitudeReportingService.ownerKey(actor).equals(owner)) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return c;
    }

    private Correction reload(UUID id) {
        return jdbc.sql("SELECT * FROM la_credit_correction WHERE id = ?").param(id)
                .query(LowAltitudeCreditService::correction).single();
    }

    /** 暂存: a draft correction of one of the subject's own credit records. */
    @Transactional
    public Correction draft(CurrentActor actor, UUID subjectId, UUID recordId, String reason, String evidence) {
        Subject s = readableSubject(actor, subjectId);
        String owner = LowAltitudeReportingService.ownerKey(actor);
        if (!owner.equals(s.ownerKey())) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO la_credit_correction (id, subject_id, owner_key, record_id, reason, evidence, status,
                  created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
                .params(id, subjectId, owner, requireRecord(subjectId, recordId), reason, evidence, now, now).update();
        return reload(id);
    }

    private UUID requireRecord(UUID subjectId, UUID recordId) {
        long n = jdbc.sql("SELECT count(*) FROM subject_credit_record WHERE id = ? AND subject_id = ?")
                .params(recordId, subjectId).query(Long.class).single();
        if (n == 0) {
            throw new HnswException(LowAltitudeErrorCode.CREDIT_RECORD_NOT_FOUND, recordId);
        }
        return recordId;
    }

    @Transactional
    public Correction modify(CurrentActor actor, UUID id, String reason, String evidence) {
        Correction c = ownCorrectionForUpdate(actor, id);
        requireState(c, "DRAFT", "修改 modify");
        jdbc.sql("UPDATE la_credit_correction SET reason = ?, evidence = ?, updated_at = ? WHERE id = ?")
                .params(reason, evidence, Timestamp.from(clock.instant()), id).update();
        return reload(id);
    }

    @Transactional
    public void delete(CurrentActor actor, UUID id) {
        Correction c = ownCorrectionForUpdate(actor, id);
        requireState(c, "DRAFT", "删除 delete");
        jdbc.sql("DELETE FROM la_credit_correction WHERE id = ?").param(id).update();
    }

    /** 复制: a new draft with the same record, reason and evidence (e.g. after a refusal). */
    @Transactional
    public Correction copy(CurrentActor actor, UUID id) {
        Correction c = ownCorrectionForUpdate(actor, id);
        Correction copy = draft(actor, c.subjectId(), c.recordId(), c.reason(), c.evidence());
        jdbc.sql("UPDATE la_credit_correction SET copied_from = ? WHERE id = ?").params(id, copy.id()).update();
        return reload(copy.id());
    }

    /**
     * 申报 with the 申报逻辑检查 (FP 385): the reason must say why (at least 10 characters), the record must not be
     * corrected already, and no other correction of that record may be open. A failing check ends LOGIC_REJECTED.
     */
    @Transactional
    public Correction declare(CurrentActor actor, UUID id) {
        Correction c = ownCorrectionForUpdate(actor, id);
        requireState(c, "DRAFT", "申报 declare");
        List<String> errors = new ArrayList<>();
        if (c.reason() == null || c.reason().strip().length() < 10) {
            errors.add("纠偏理由不少于 10 个字 / The reason must have at least 10 characters");
        }
        boolean corrected = jdbc.sql("SELECT corrected_at IS NOT NULL FROM subject_credit_record WHERE id = ?")
                .param(c.recordId()).query(Boolean.class).single();
        if (corrected) {
            errors.add("该信用记录已纠偏 / The credit record has already been corrected");
        }
        long open = jdbc.sql("""
                SELECT count(*) FROM la_credit_correction WHERE record_id = ? AND id <> ? AND status IN ('DECLARED', 'CHANGE_REQUESTED')""")
                .params(c.recordId(), id).query(Long.class).single();
        if (open > 0) {
            errors.add("该信用记录已有办理中的纠偏申请 / A correction of this record is already in progress");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                UPDATE la_credit_correction SET status = ?, logic_errors = ?, declared_at = ?, updated_at = ?
                WHERE id = ?""")
                .params(errors.isEmpty() ? "DECLARED" : "LOGIC_REJECTED",
                        errors.isEmpty() ? null : String.join("\n", errors), now, now, id).update();
        return reload(id);
    }

    /** 撤销申请: the reporter withdraws a declared correction before it is decided. */
    @Transactional
    public Correction revoke(CurrentActor actor, UUID id) {
        Correction c = ownCorrectionForUpdate(actor, id);
        requireState(c, "DECLARED", "撤销 revoke");
        jdbc.sql("UPDATE la_credit_correction SET status = 'REVOKED', updated_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
        return reload(id);
    }

    public record CorrectionChangeRequest(UUID id, UUID correctionId, String oldReason, String oldEvidence,
                                          String reason, String evidence, String why, String requestedBy,
                                          Instant requestedAt, String status, String decidedBy, Instant decidedAt,
                                          String opinion) {
    }

    private static CorrectionChangeRequest change(ResultSet rs, int i) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new CorrectionChangeRequest(rs.getObject("id", UUID.class), rs.getObject("correction_id", UUID.class),
                rs.getString("old_reason"), rs.getString("old_evidence"), rs.getString("reason"),
                rs.getString("evidence"), rs.getString("why"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("status"), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("opinion"));
    }

    /**
     * 变更申请 (FP 383): the reporter asks to change the reason and evidence of a declared correction, saying why. The
     * new reason passes the declaration check (at least 10 characters). The correction waits (CHANGE_REQUESTED) for
     * the reviewer, who cannot decide the correction itself meanwhile.
     */
    @Transactional
    public CorrectionChangeRequest requestChange(CurrentActor actor, UUID id, String reason, String evidence,
                                                 String why) {
        Correction c = ownCorrectionForUpdate(actor, id);
        requireState(c, "DECLARED", "变更申请 request a change");
        if (reason == null || reason.strip().length() < 10) {
            throw new HnswException(LowAltitudeErrorCode.CORRECTION_REASON_SHORT);
        }
        UUID changeId = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO la_credit_correction_change (id, correction_id, old_reason, old_evidence, reason, evidence,
                  why, requested_by, requested_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED')""")
                .params(changeId, id, c.reason(), c.evidence(), reason.strip(), evidence, why, actor.username(), now)
                .update();
        jdbc.sql("UPDATE la_credit_correction SET status = 'CHANGE_REQUESTED', updated_at = ? WHERE id = ?")
                .params(now, id).update();
        return jdbc.sql("SELECT * FROM la_credit_correction_change WHERE id = ?").param(changeId)
                .query(LowAltitudeCreditService::change).single();
    }

    /**
     * The reviewer's answer to a change request: accepted, the correction takes the new reason and evidence and is
     * declared again (its declaration time now); refused, it stays as it was declared. Either way it is DECLARED.
     */
    @Transactional
    public Correction decideChange(CurrentActor actor, UUID id, boolean accept, String opinion) {
        requireReviewer(actor);
        Correction c = jdbc.sql("SELECT * FROM la_credit_correction WHERE id = ? FOR UPDATE").param(id)
                .query(LowAltitudeCreditService::correction).optional()
                .orElseThrow(() -> new HnswException(LowAltitudeErrorCode.CORRECTION_NOT_FOUND, id));
        requireState(c, "CHANGE_REQUESTED", "审核变更申请 decide a change request");
        CorrectionChangeRequest open = jdbc.sql("""
                SELECT * FROM la_credit_correction_change WHERE correction_id = ? AND status = 'REQUESTED'""")
                .param(id).query(LowAltitudeCreditService::change).single();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                UPDATE la_credit_correction_change SET status = ?, decided_by = ?, decided_at = ?, opinion = ?
                WHERE id = ?""")
                .params(accept ? "ACCEPTED" : "REFUSED", actor.username(), now, opinion, open.id()).update();
        if (accept) {
            jdbc.sql("""
                    UPDATE la_credit_correction SET status = 'DECLARED', reason = ?, evidence = ?, declared_at = ?,
                      updated_at = ? WHERE id = ?""")
                    .params(open.reason(), open.evidence(), now, now, id).update();
        } else {
            jdbc.sql("UPDATE la_credit_correction SET status = 'DECLARED', updated_at = ? WHERE id = ?")
                    .params(now, id).update();
        }
        return reload(id);
    }

    /** Every change request of a correction, oldest first: for its reporter or a reviewer. */
    public List<CorrectionChangeRequest> changes(CurrentActor actor, UUID id) {
        Correction c = jdbc.sql("SELECT * FROM la_credit_correction WHERE id = ?").param(id)
                .query(LowAltitudeCreditService::correction).optional()
                .orElseThrow(() -> new HnswException(LowAltitudeErrorCode.CORRECTION_NOT_FOUND, id));
        if (!LowAltitudeReportingService.isReviewer(actor)) {
            String owner = jdbc.sql("SELECT owner_key FROM la_credit_correction WHERE id = ?").param(c.id())
                    .query(String.class).single();
            if (!LowAltitudeReportingService.ownerKey(actor).equals(owner)) {
                throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
            }
        }
        return jdbc.sql("SELECT * FROM la_credit_correction_change WHERE correction_id = ? ORDER BY requested_at")
                .param(id).query(LowAltitudeCreditService::change).list();
    }

    /**
     * 审核结果报文处理: the reviewer's result on a declared correction. An approved correction marks the credit
     * record corrected, so it no longer counts in the score.
     */
    @Transactional
    public Correction decide(CurrentActor actor, UUID id, boolean approve, String opinion) {
        requireReviewer(actor);
        Correction c = jdbc.sql("SELECT * FROM la_credit_correction WHERE id = ? FOR UPDATE").param(id)
                .query(LowAltitudeCreditService::correction).optional()
                .orElseThrow(() -> new HnswException(LowAltitudeErrorCode.CORRECTION_NOT_FOUND, id));
        requireState(c, "DECLARED", "审核 decide");
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                UPDATE la_credit_correction SET status = ?, review_opinion = ?, reviewed_by = ?, decided_at = ?,
                  updated_at = ? WHERE id = ?""")
                .params(approve ? "APPROVED" : "REJECTED", opinion, actor.username(), now, now, id).update();
        if (approve) {
            jdbc.sql("UPDATE subject_credit_record SET corrected_at = ?, correction_id = ? WHERE id = ?")
                    .params(now, id, c.recordId()).update();
        }
        return reload(id);
    }

    public List<Correction> corrections(CurrentActor actor, String status) {
        boolean reviewer = LowAltitudeReportingService.isReviewer(actor);
        StringBuilder sql = new StringBuilder("SELECT * FROM la_credit_correction WHERE 1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (!reviewer) { sql.append(" AND owner_key = :owner"); p.put("owner", LowAltitudeReportingService.ownerKey(actor)); }
        if (status != null) { sql.append(" AND status = :status"); p.put("status", status); }
        sql.append(" ORDER BY created_at DESC LIMIT 500");
        return jdbc.sql(sql.toString()).params(p).query(LowAltitudeCreditService::correction).list();
    }

    private static void requireState(Correction c, String state, String action) {
        if (!state.equals(c.status())) {
            throw new HnswException(LowAltitudeErrorCode.CORRECTION_STATE, c.status(), action);
        }
    }

    // --- notices ----------------------------------------------------------------------------------------------

    public record Notice(UUID id, String kind, String titleZh, String titleEn, String bodyZh, String bodyEn,
                         String publishedBy, Instant publishedAt) {
    }

    private static Notice notice(ResultSet rs, int i) throws SQLException {
        return new Notice(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title_zh"),
                rs.getString("title_en"), rs.getString("body_zh"), rs.getString("body_en"),
                rs.getString("published_by"), rs.getTimestamp("published_at").toInstant());
    }

    @Transactional
    public Notice publish(CurrentActor actor, String kind, String titleZh, String titleEn, String bodyZh, String bodyEn) {
        requireReviewer(actor);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO la_notice (id, kind, title_zh, title_en, body_zh, body_en, published_by, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, kind, titleZh, titleEn, bodyZh, bodyEn, actor.username(), Timestamp.from(clock.instant()))
                .update();
        return notice(id);
    }

    public List<Notice> notices(String kind) {
        var spec = kind == null ? jdbc.sql("SELECT * FROM la_notice ORDER BY published_at DESC LIMIT 200")
                : jdbc.sql("SELECT * FROM la_notice WHERE kind = ? ORDER BY published_at DESC LIMIT 200").param(kind);
        return spec.query(LowAltitudeCreditService::notice).list();
    }

    public Notice notice(UUID id) {
        return jdbc.sql("SELECT * FROM la_notice WHERE id = ?").param(id).query(LowAltitudeCreditService::notice)
                .optional().orElseThrow(() -> new HnswException(LowAltitudeErrorCode.NOTICE_NOT_FOUND, id));
    }

    @Transactional
    public void deleteNotice(CurrentActor actor, UUID id) {
        requireReviewer(actor);
        if (jdbc.sql("DELETE FROM la_notice WHERE id = ?").param(id).update() == 0) {
            throw new HnswException(LowAltitudeErrorCode.NOTICE_NOT_FOUND, id);
        }
    }
}
