package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeRepository.Report;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeRepository.Subject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 低慢小航空器载客货运活动信息报送 (S2): reporting subjects (enterprise or individual) registered, submitted, changed
 * and revoked; cargo and passenger activity reports and their correction, withdrawal and supplement forms, each with
 * its own declare → receive + logic check → review result → receipt (re-sendable) → receipt applied cycle; credit
 * records of returns and withdrawals; statistics. A declared form is never edited: changes go through a follow-up form.
 */
@Service
public class LowAltitudeReportingService {

    /** Realm role of the trade window's low-altitude reviewers (deploy/keycloak/hnsw-realm.json). */
    public static final String REVIEWER_ROLE = "low-altitude-reviewer";
    /** Realm role of an individual reporting subject (报送主体, 个人). */
    public static final String REPORTER_ROLE = "low-altitude-reporter";
    static final List<String> REVIEWERS = List.of(REVIEWER_ROLE, Roles.GOV_PROVINCIAL_DEPT, Roles.SW_OPERATOR,
            Roles.PLATFORM_ADMIN);

    private final LowAltitudeRepository repo;
    private final ObjectMapper json;
    private final Clock clock;
    private final LowAltitudeSystemLog systemLog;
    private final LowAltitudeNotices notices;

    public LowAltitudeReportingService(LowAltitudeRepository repo, ObjectMapper json, Clock clock,
                                       LowAltitudeSystemLog systemLog, LowAltitudeNotices notices) {
        this.repo = repo;
        this.json = json;
        this.clock = clock;
        this.systemLog = systemLog;
        this.notices = notices;
    }

    // --- who --------------------------------------------------------------------------------------------------

    /** The owner key of a reporter: the enterprise's credit code, or the individual's user id (role traveler). */
    static String ownerKey(CurrentActor actor) {
        if (actor.isEnterpriseUser()) {
            if (actor.enterprise() == null) {
                throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
            }
            return actor.enterprise();
        }
        if (actor.hasRole(REPORTER_ROLE) || actor.hasRole(Roles.TRAVELER)) {
            return "user:" + actor.userId();
        }
        throw new HnswException(CommonErrorCode.ACCESS_DENIED);
    }

    static boolean isReviewer(CurrentActor actor) {
        return actor.hasAnyRole(REVIEWERS);
    }

    private void requireOwnerOrReviewer(CurrentActor actor, String owner) {
        if (isReviewer(actor)) {
            return;
        }
        if (!ownerKey(actor).equals(owner)) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
    }

    // --- subjects ---------------------------------------------------------------------------------------------

    public record SubjectInput(String name, String certificateNo, String contactPhone, String aircraftRegs,
                               String operatorLicence) {
    }

    /** 录入 + 暂存 (DRAFT) or 提交 (SUBMITTED) at once. */
    @Transactional
    public Subject registerSubject(CurrentActor actor, String kind, SubjectInput in, boolean submit) {
        String owner = ownerKey(actor);
        boolean enterprise = actor.isEnterpriseUser();
        if (enterprise != "ENTERPRISE".equals(kind)) {
            throw new HnswException(LowAltitudeErrorCode.SUBJECT_KIND_NOT_ALLOWED);
        }
        Instant now = clock.instant();
        String certificate = enterprise ? actor.enterprise() : mask(in.certificateNo());
        Subject s = new Subject(UUID.randomUUID(), kind, owner, in.name(), certificate, in.contactPhone(),
                in.aircraftRegs(), in.operatorLicence(), submit ? "SUBMITTED" : "DRAFT", 1, now, submit ? now : null, now);
        repo.saveSubject(s);
        return s;
    }

    /** 修改 (draft) or 变更 (submitted: the previous values are kept, the version goes up). */
    @Transactional
    public Subject changeSubject(CurrentActor actor, UUID id, SubjectInput in) {
        Subject s = ownSubject(actor, id);
        if ("REVOKED".equals(s.status())) {
            throw new HnswException(LowAltitudeErrorCode.SUBJECT_NOT_EDITABLE, s.status());
        }
        Instant now = clock.instant();
        int version = s.version();
        if ("SUBMITTED".equals(s.status())) {
            repo.recordChange(s.id(), s.version(), write(s), actor.username(), now);
            version++;
        }
        String certificate = "ENTERPRISE".equals(s.kind()) ? s.certificateNo() : mask(in.certificateNo());
        Subject changed = new Subject(s.id(), s.kind(), s.ownerKey(), in.name(), certificate, in.contactPhone(),
                in.aircraftRegs(), in.operatorLicence(), s.status(), version, s.createdAt(), s.submittedAt(), now);
        repo.saveSubject(changed);
        return changed;
    }

    @Transactional
    public Subject submitSubject(CurrentActor actor, UUID id) {
        Subject s = ownSubject(actor, id);
        if (!"DRAFT".equals(s.status())) {
            throw new HnswException(LowAltitudeErrorCode.SUBJECT_NOT_EDITABLE, s.status());
        }
        Instant now = clock.instant();
        Subject submitted = new Subject(s.id(), s.kind(), s.ownerKey(), s.name(), s.certificateNo(), s.contactPhone(),
                s.aircraftRegs(), s.operatorLicence(), "SUBMITTED", s.version(), s.createdAt(), now, now);
        repo.saveSubject(submitted);
        return submitted;
    }

    @Transactional
    public Subject revokeSubject(CurrentActor actor, UUID id) {
        Subject s = ownSubject(actor, id);
        if (!"SUBMITTED".equals(s.status())) {
            throw new HnswException(LowAltitudeErrorCode.SUBJECT_NOT_EDITABLE, s.status());
        }
        Subject revoked = new Subject(s.id(), s.kind(), s.ownerKey(), s.name(), s.certificateNo(), s.contactPhone(),
                s.aircraftRegs(), s.operatorLicence(), "REVOKED", s.version(), s.createdAt(), s.submittedAt(), clock.instant());
        repo.saveSubject(revoked);
        return revoked;
    }

    @Transactional
    public void deleteSubject(CurrentActor actor, UUID id) {
        Subject s = ownSubject(actor, id);
        if (!"DRAFT".equals(s.status())) {
            throw new HnswException(LowAltitudeErrorCode.SUBJECT_NOT_EDITABLE, s.status());
        }
        repo.deleteSubject(id);
    }

    public List<Subject> subjects(CurrentActor actor) {
        return repo.subjects(isReviewer(actor) ? null : ownerKey(actor));
    }

    public Subject subject(CurrentActor actor, UUID id) {
        Subject s = repo.subject(id).orElseThrow(() -> new HnswException(LowAltitudeErrorCode.SUBJECT_NOT_FOUND, id));
        requireOwnerOrReviewer(actor, s.ownerKey());
        return s;
    }

    private Subject ownSubject(CurrentActor actor, UUID id) {
        Subject s = repo.subject(id).orElseThrow(() -> new HnswException(LowAltitudeErrorCode.SUBJECT_NOT_FOUND, id));
        if (!ownerKey(actor).equals(s.ownerKey())) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return s;
    }

    private static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return idNumber;
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    // --- reports ----------------------------------------------------------------------------------------------

    public record ReportInput(String airport, String aircraftReg, LocalDate flightDate, JsonNode content) {
    }

    @Transactional
    public Report createReport(CurrentActor actor, UUID subjectId, String activity, ReportInput in) {
        Subject s = ownSubject(actor, subjectId);
        if (!"SUBMITTED".equals(s.status())) {
            throw new HnswException(LowAltitudeErrorCode.SUBJECT_NOT_ACTIVE);
        }
        return insert(s, activity, "ORIGINAL", null, in);
    }

    /** 更正单 / 撤回单 / 补充报送单 against an approved, effective original. */
    @Transactional
    public Report createFollowUp(CurrentActor actor, UUID originalId, String form, ReportInput in) {
        Report original = repo.reportForUpdate(originalId)
                .orElseThrow(() -> new HnswException(LowAltitudeErrorCode.REPORT_NOT_FOUND, originalId));
        if (!ownerKey(actor).equals(original.ownerKey())) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        if (!"ORIGINAL".equals(original.form()) || original.status() != ReportStatus.COMPLETED
                || !"APPROVED".equals(original.reviewResult()) || !original.effective()) {
            throw new HnswException(LowAltitudeErrorCode.FOLLOW_UP_NOT_ALLOWED);
        }
        if (repo.followUps(originalId).stream().anyMatch(f -> f.status() != ReportStatus.COMPLETED)) {
            throw new HnswException(LowAltitudeErrorCode.FOLLOW_UP_PENDING);
        }
        Subject s = repo.subject(original.subjectId()).orElseThrow();
        ReportInput effective = new ReportInput(in.airport() == null ? original.airport() : in.airport(),
                in.aircraftReg() == null ? original.aircraftReg() : in.aircraftReg(),
                in.flightDate() == null ? original.flightDate() : in.flightDate(), in.content());
        return insert(s, original.activity(), form, original.id(), effective);
    }

    private Report insert(Subject s, String activity, String form, UUID originalId, ReportInput in) {
        Instant now = clock.instant();
        Report r = new Report(UUID.randomUUID(), repo.nextReportNo(activity), s.id(), s.ownerKey(), activity, form,
                originalId, in.airport(), in.aircraftReg(), in.flightDate(), write(in.content()), ReportStatus.DRAFT,
                null, null, null, null, null, 0, null, true, now, null, now);
        repo.insertReport(r);
        return r;
    }

    /** 修改: only a draft; a declared form changes only through a follow-up form. */
    @Transactional
    public Report editReport(CurrentActor actor, UUID id, ReportInput in) {
        Report r = ownReport(actor, id);
        if (r.status() != ReportStatus.DRAFT) {
            throw new HnswException(LowAltitudeErrorCode.REPORT_NOT_EDITABLE, r.status());
        }
        // what the edit leaves out stays as it was (an edit of the persons or goods alone sends only the content)
        Report edited = with(r, in.airport() == null ? r.airport() : in.airport(),
                in.aircraftReg() == null ? r.aircraftReg() : in.aircraftReg(),
                in.flightDate() == null ? r.flightDate() : in.flightDate(), write(in.content()), r.status());
        repo.updateReport(edited);
        return edited;
    }

    @Transactional
    public void deleteReport(CurrentActor actor, UUID id) {
        Report r = ownReport(actor, id);
        if (r.status() != ReportStatus.DRAFT) {
            throw new HnswException(LowAltitudeErrorCode.REPORT_NOT_EDITABLE, r.status());
        }
        repo.deleteReport(id);
    }

    /**
     * 申报: the government end receives the form (接收服务) and runs the logic check with business validation at once;
     * a failing form gets its receipt with the errors, a passing one waits for review.
     */
    @Transactional
    public Report declare(CurrentActor actor, UUID id) {
        Report r = ownReport(actor, id);
        move(r, ReportStatus.PENDING_REVIEW, "申报 declare");
        Subject s = repo.subject(r.subjectId()).orElseThrow();
        List<String> errors = LogicCheck.check(r.activity(), r.form(), read(r.content()), r.aircraftReg(),
                r.flightDate(), LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))), s.aircraftRegs());
        if (!"SUBMITTED".equals(s.status())) {
            errors = new java.util.ArrayList<>(errors);
            errors.add("报送主体未提交或已撤销 / The subject is not active");
        }
        Instant now = clock.instant();
        Report declared;
        if (errors.isEmpty()) {
            declared = new Report(r.id(), r.reportNo(), r.subjectId(), r.ownerKey(), r.activity(), r.form(),
                    r.originalId(), r.airport(), r.aircraftReg(), r.flightDate(), r.content(),
                    ReportStatus.PENDING_REVIEW, true, null, null, null, null, 0, null, r.effective(), r.createdAt(),
                    now, now);
        } else {
            declared = new Report(r.id(), r.reportNo(), r.subjectId(), r.ownerKey(), r.activity(), r.form(),
                    r.originalId(), r.airport(), r.aircraftReg(), r.flightDate(), r.content(),
                    ReportStatus.RECEIPT_SENT, false, String.join("\n", errors), "LOGIC_FAILED", null, "logic-check",
                    1, null, r.effective(), r.createdAt(), now, now);
            repo.credit(r.subjectId(), "LOGIC_CHECK_FAILED", r.id(), r.reportNo() + ": " + errors.get(0), now);
            systemLog.record(LowAltitudeSystemLog.Level.WARN, "LOGIC_CHECK", "LOGIC_CHECK_FAILED", actor.username(),
                    r.reportNo(), "逻辑检控未通过 / Logic check failed: " + String.join("; ", errors));
        }
        repo.updateReport(declared);
        return declared;
    }

    /** 审核结果生成: APPROVED or RETURNED, by a reviewer, on a form that passed the logic check. */
    @Transactional
    public Report review(CurrentActor actor, UUID id, String result, String opinion) {
        if (!isReviewer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        if (!"APPROVED".equals(result) && !"RETURNED".equals(result)) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED);
        }
        Report r = repo.reportForUpdate(id).orElseThrow(() -> new HnswException(LowAltitudeErrorCode.REPORT_NOT_FOUND, id));
        move(r, ReportStatus.REVIEWED, "审核 review");
        Instant now = clock.instant();
        Report reviewed = new Report(r.id(), r.reportNo(), r.subjectId(), r.ownerKey(), r.activity(), r.form(),
                r.originalId(), r.airport(), r.aircraftReg(), r.flightDate(), r.content(), ReportStatus.REVIEWED,
                r.logicCheckPassed(), r.logicCheckErrors(), result, opinion, actor.username(), r.receiptSentCount(),
                null, r.effective(), r.createdAt(), r.declaredAt(), now);
        repo.updateReport(reviewed);
        if ("RETURNED".equals(result)) {
            repo.credit(r.subjectId(), "REPORT_RETURNED", r.id(), r.reportNo() + ": " + opinion, now);
        }
        repo.subject(r.subjectId()).ifPresent(s -> notices.reviewed(s, r.id().toString(), r.reportNo(), r.activity(),
                result, opinion));
        return reviewed;
    }

    /** 审核结果反馈企业端 and 补发 (re-send): the receipt goes (again) to the reporter. */
    @Transactional
    public Report sendReceipt(CurrentActor actor, UUID id) {
        if (!isReviewer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        Report r = repo.reportForUpdate(id).orElseThrow(() -> new HnswException(LowAltitudeErrorCode.REPORT_NOT_FOUND, id));
        move(r, ReportStatus.RECEIPT_SENT, "反馈回执 send the receipt");
        Report sent = new Report(r.id(), r.reportNo(), r.subjectId(), r.ownerKey(), r.activity(), r.form(),
                r.originalId(), r.airport(), r.aircraftReg(), r.flightDate(), r.content(), ReportStatus.RECEIPT_SENT,
                r.logicCheckPassed(), r.logicCheckErrors(), r.reviewResult(), r.reviewOpinion(), r.reviewedBy(),
                r.receiptSentCount() + 1, null, r.effective(), r.createdAt(), r.declaredAt(), clock.instant());
        repo.updateReport(sent);
        return sent;
    }

    /**
     * 回执结果更新: the reporter applies the receipt. An approved correction replaces the original's content, an
     * approved withdrawal makes the original ineffective, an approved supplement is appended to it.
     */
    @Transactional
    public Report applyReceipt(CurrentActor actor, UUID id) {
        Report r = ownReport(actor, id);
        move(r, ReportStatus.COMPLETED, "回执结果更新 apply the receipt");
        Instant now = clock.instant();
        Report done = new Report(r.id(), r.reportNo(), r.subjectId(), r.ownerKey(), r.activity(), r.form(),
                r.originalId(), r.airport(), r.aircraftReg(), r.flightDate(), r.content(), ReportStatus.COMPLETED,
                r.logicCheckPassed(), r.logicCheckErrors(), r.reviewResult(), r.reviewOpinion(), r.reviewedBy(),
                r.receiptSentCount(), now, r.effective(), r.createdAt(), r.declaredAt(), now);
        repo.updateReport(done);
        if ("APPROVED".equals(r.reviewResult()) && r.originalId() != null) {
            Report original = repo.reportForUpdate(r.originalId()).orElseThrow();
            switch (r.form()) {
                case "CORRECTION" -> repo.updateReport(with(original, r.airport(), r.aircraftReg(), r.flightDate(),
                        r.content(), original.status()));
                case "WITHDRAWAL" -> {
                    repo.updateReport(new Report(original.id(), original.reportNo(), original.subjectId(),
                            original.ownerKey(), original.activity(), original.form(), original.originalId(),
                            original.airport(), original.aircraftReg(), original.flightDate(), original.content(),
                            original.status(), original.logicCheckPassed(), original.logicCheckErrors(),
                            original.reviewResult(), original.reviewOpinion(), original.reviewedBy(),
                            original.receiptSentCount(), original.receiptAppliedAt(), false, original.createdAt(),
                            original.declaredAt(), now));
                    repo.credit(original.subjectId(), "REPORT_WITHDRAWN", original.id(), original.reportNo(), now);
                }
                case "SUPPLEMENT" -> {
                    ObjectNode merged = (ObjectNode) read(original.content());
                    ArrayNode supplements = merged.has("supplements") ? (ArrayNode) merged.get("supplements")
                            : merged.putArray("supplements");
                    supplements.add(read(r.content()));
                    repo.updateReport(with(original, original.airport(), original.aircraftReg(), original.flightDate(),
                            write(merged), original.status()));
                }
                default -> throw new IllegalStateException(r.form());
            }
        }
        return done;
    }

    public Report report(CurrentActor actor, UUID id) {
        Report r = repo.report(id).orElseThrow(() -> new HnswException(LowAltitudeErrorCode.REPORT_NOT_FOUND, id));
        requireOwnerOrReviewer(actor, r.ownerKey());
        return r;
    }

    public List<Report> reports(CurrentActor actor, String activity, String status, String form) {
        return repo.reports(isReviewer(actor) ? null : ownerKey(actor), activity, status, form);
    }

    public List<Map<String, Object>> credit(CurrentActor actor, UUID subjectId) {
        subject(actor, subjectId);
        return repo.creditRecords(subjectId);
    }

    public Map<String, Object> statistics(CurrentActor actor) {
        if (!isReviewer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        return Map.of("subjects", repo.subjectStatistics(), "reports", repo.statistics());
    }

    /**
     * 统计分析 by period (Asia/Shanghai): declared reports per activity and per airport today, this month, quarter
     * and year and in all, their quarterly trend; subjects registered per period and their monthly trend by kind;
     * subjects active in the quarter and the year.
     */
    public Map<String, Object> periodStatistics(CurrentActor actor) {
        if (!isReviewer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate quarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        LowAltitudeRepository.Periods p = new LowAltitudeRepository.Periods(today.atStartOfDay(zone).toInstant(),
                today.withDayOfMonth(1).atStartOfDay(zone).toInstant(), quarter.atStartOfDay(zone).toInstant(),
                today.withDayOfYear(1).atStartOfDay(zone).toInstant());
        return Map.of("reports", repo.reportsByPeriod(p), "airports", repo.airportsByPeriod(p),
                "reportsByQuarter", repo.reportsByQuarter(), "subjects", repo.subjectsByPeriod(p),
                "subjectsByMonth", repo.subjectsByMonth(), "activeSubjects", repo.activeSubjects(p));
    }

    private Report ownReport(CurrentActor actor, UUID id) {
        Report r = repo.reportForUpdate(id).orElseThrow(() -> new HnswException(LowAltitudeErrorCode.REPORT_NOT_FOUND, id));
        if (!ownerKey(actor).equals(r.ownerKey())) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return r;
    }

    private static void move(Report r, ReportStatus target, String what) {
        if (!r.status().canMoveTo(target)) {
            throw new HnswException(LowAltitudeErrorCode.ILLEGAL_REPORT_STATE, r.status(), what);
        }
    }

    private Report with(Report r, String airport, String aircraftReg, LocalDate flightDate, String content,
                               ReportStatus status) {
        return new Report(r.id(), r.reportNo(), r.subjectId(), r.ownerKey(), r.activity(), r.form(), r.originalId(),
                airport, aircraftReg, flightDate, content, status, r.logicCheckPassed(), r.logicCheckErrors(),
                r.reviewResult(), r.reviewOpinion(), r.reviewedBy(), r.receiptSentCount(), r.receiptAppliedAt(),
                r.effective(), r.createdAt(), r.declaredAt(), clock.instant());
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (IOException e) {
            throw new HnswException(LowAltitudeErrorCode.CONTENT_INVALID, e.getMessage());
        }
    }

    private JsonNode read(String s) {
        try {
            return json.readTree(s);
        } catch (IOException e) {
            throw new HnswException(LowAltitudeErrorCode.CONTENT_INVALID, "stored content");
        }
    }
}
