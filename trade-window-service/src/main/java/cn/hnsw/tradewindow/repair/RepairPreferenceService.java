package cn.hnsw.tradewindow.repair;

import cn.hnsw.common.crypto.Sm3;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.tradewindow.calendar.HolidayCalendarRepository;
import cn.hnsw.tradewindow.partner.CaseNumberingGateway;
import cn.hnsw.tradewindow.partner.SharedDataGateway;
import cn.hnsw.tradewindow.pilot.DocumentPolicy;
import cn.hnsw.tradewindow.repair.RepairRepository.Application;
import cn.hnsw.tradewindow.repair.RepairRepository.Document;
import cn.hnsw.tradewindow.repair.RepairRepository.SupervisionRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 航空器、船舶暂时出境修理后复运入岛 享惠 (S3): airlines and shipping enterprises apply with their document sets,
 * pass the business check (业务校核) at submission, get a 海易办 case number, and are reviewed jointly by the competent
 * department (行业主管: 省交通运输厅 for aviation, 海南海事局 for shipping) and the related unit (有关单位: customs),
 * within 3 working days on the holiday calendar (R18). An approved enterprise files a change application whenever
 * anything changes (R19); supervision records follow the preference (R21).
 */
@Service
public class RepairPreferenceService {

    static final String BUCKET = "trade-window-documents";
    static final int REVIEW_WORKING_DAYS = 3;
    static final Map<String, String> COMPETENT = Map.of("AVIATION", "/government/provincial/transport",
            "SHIPPING", "/maritime/hainan-msa");
    static final Map<String, String> COMPETENT_ROLE = Map.of("AVIATION", Roles.GOV_PROVINCIAL_DEPT,
            "SHIPPING", Roles.MARITIME_OFFICER);
    static final String RELATED = "/customs/haikou-customs";

    private final RepairRepository repo;
    private final ObjectStorage storage;
    private final HolidayCalendarRepository calendar;
    private final CaseNumberingGateway caseNumbering;
    private final SharedDataGateway sharedData;
    private final DocumentPolicy policy;
    private final Clock clock;

    public RepairPreferenceService(RepairRepository repo, ObjectStorage storage, HolidayCalendarRepository calendar,
                                   CaseNumberingGateway caseNumbering, SharedDataGateway sharedData,
                                   @Value("${tradewindow.documents.max-size:10MB}") DataSize maxSize, Clock clock) {
        this.repo = repo;
        this.storage = storage;
        this.calendar = calendar;
        this.caseNumbering = caseNumbering;
        this.sharedData = sharedData;
        this.policy = new DocumentPolicy(maxSize.toBytes());
        this.clock = clock;
    }

    public record ApplicationInput(String kind, String regionCode, String conveyance, String imoNumber) {
    }

    @Transactional
    public Application create(CurrentActor actor, ApplicationInput in) {
        String uscc = EnterpriseScope.restrictionFor(actor).orElseThrow(() -> new HnswException(CommonErrorCode.ACCESS_DENIED));
        String name = sharedData.fetch(uscc, SharedDataGateway.SharedDataKind.BUSINESS_REGISTRATION).records().stream()
                .map(r -> r.get("enterpriseName")).filter(n -> n != null && !n.isBlank()).findFirst().orElse(uscc);
        Application a = draft(uscc, name, in.kind(), "NEW", null, in.regionCode(), in.conveyance(), in.imoNumber(), null);
        repo.insert(a);
        return a;
    }

    /** 享惠变更: a change application against the enterprise's current approved preference. */
    @Transactional
    public Application change(CurrentActor actor, UUID originalId, String summary, String conveyance, String imo) {
        Application original = own(actor, originalId);
        if (!"APPROVED".equals(original.status()) || original.supersededBy() != null) {
            throw new HnswException(RepairErrorCode.CHANGE_NOT_ALLOWED);
        }
        Application a = draft(original.enterpriseUscc(), original.enterpriseName(), original.kind(), "CHANGE",
                original.id(), original.regionCode(), conveyance == null ? original.conveyance() : conveyance,
                imo == null ? original.imoNumber() : imo, summary);
        repo.insert(a);
        return a;
    }

    private Application draft(String uscc, String name, String kind, String type, UUID originalId, String region,
                              String conveyance, String imo, String summary) {
        return new Application(UUID.randomUUID(), uscc, name, kind, type, originalId, region, conveyance, imo, summary,
                "DRAFT", null, COMPETENT.get(kind), null, null, null, null, RELATED, null, null, null, null, null,
                clock.instant(), null, null, null);
    }

    @Transactional
    public Document upload(CurrentActor actor, UUID id, RepairDocumentType type, String fileName, byte[] content) {
        Application a = ownForUpdate(actor, id);
        if (!"DRAFT".equals(a.status())) {
            throw new HnswException(RepairErrorCode.NOT_EDITABLE, a.status());
        }
        if (!type.appliesTo(a.kind())) {
            throw new HnswException(RepairErrorCode.DOCUMENT_TYPE_NOT_FOR_KIND, type.nameZh(), a.kind());
        }
        String contentType = policy.check(fileName, content);
        UUID docId = UUID.randomUUID();
        String key = "repair/" + a.enterpriseUscc() + "/" + a.id() + "/" + docId;
        storage.put(BUCKET, key, content, contentType);
        Document d = new Document(docId, a.id(), type, fileName, contentType, content.length,
                HexFormat.of().formatHex(Sm3.digest(content)), key, actor.username(), clock.instant(), null);
        repo.insertDocument(d);
        return d;
    }

    @Transactional
    public void revoke(CurrentActor actor, UUID id, UUID documentId) {
        Application a = ownForUpdate(actor, id);
        if (!"DRAFT".equals(a.status())) {
            throw new HnswException(RepairErrorCode.NOT_EDITABLE, a.status());
        }
        if (!repo.revokeDocument(id, documentId, clock.instant())) {
            throw new HnswException(CommonErrorCode.NOT_FOUND);
        }
    }

    /**
     * 删除: the enterprise deletes a document of its draft, the row and the stored object (after the commit, so a
     * rolled-back deletion keeps the file). Revocation keeps the file on record; deletion is for what should never
     * have been uploaded, and only before submission. Another enterprise's document is not found.
     */
    @Transactional
    public void deleteDocument(CurrentActor actor, UUID id, UUID documentId) {
        Application a = repo.findForUpdate(id).filter(x -> ownerOf(actor, x))
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
        if (!"DRAFT".equals(a.status())) {
            throw new HnswException(RepairErrorCode.NOT_EDITABLE, a.status());
        }
        String key = repo.deleteDocument(id, documentId)
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                storage.delete(BUCKET, key);
            }
        });
    }

    /**
     * 下载: a document of the application as a file, for its enterprise and for officers; another enterprise's
     * document is not found (its existence is not disclosed).
     */
    public RepairGuideAndAttachments.Content downloadDocument(CurrentActor actor, UUID id, UUID documentId) {
        Application a = repo.find(id).filter(x -> !actor.isEnterpriseUser() || ownerOf(actor, x))
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
        requireReader(actor, a);
        Document d = repo.documents(id).stream().filter(x -> x.id().equals(documentId)).findFirst()
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
        return new RepairGuideAndAttachments.Content(d.fileName(), d.contentType(), storage.get(BUCKET, d.objectKey()));
    }

    /** 提交: business check, case number from 海易办, deadline 3 working days on the calendar. */
    @Transactional
    public Application submit(CurrentActor actor, UUID id) {
        Application a = ownForUpdate(actor, id);
        if (!"DRAFT".equals(a.status())) {
            throw new HnswException(RepairErrorCode.NOT_EDITABLE, a.status());
        }
        Set<RepairDocumentType> present = repo.documents(id).stream().filter(d -> d.revokedAt() == null)
                .map(Document::type).collect(Collectors.toCollection(() -> EnumSet.noneOf(RepairDocumentType.class)));
        List<String> problems = BusinessCheck.check(a.kind(), a.conveyance(), a.imoNumber(), present);
        if (!problems.isEmpty()) {
            throw new HnswException(RepairErrorCode.BUSINESS_CHECK_FAILED, String.join("；", problems));
        }
        String caseNumber = caseNumbering.assignCaseNumber(new CaseNumberingGateway.CaseRequest("REPAIR_PREFERENCE",
                a.id().toString(), a.enterpriseUscc(), a.enterpriseName(),
                ("CHANGE".equals(a.applicationType()) ? "维修复运享惠变更 " : "维修复运享惠申请 ") + a.enterpriseName()));
        Instant now = clock.instant();
        Instant due = calendar.calendar().deadline(now, REVIEW_WORKING_DAYS);
        Application submitted = with(a, "PENDING", caseNumber, now, due, null);
        repo.update(submitted);
        return submitted;
    }

    /** 会审: the competent department or the related unit gives its opinion; both agreeing approves, either refusing rejects. */
    @Transactional
    public Application review(CurrentActor actor, UUID id, boolean approve, String opinion) {
        Application a = repo.findForUpdate(id).orElseThrow(() -> new HnswException(RepairErrorCode.APPLICATION_NOT_FOUND, id));
        boolean competent = actor.hasRole(COMPETENT_ROLE.get(a.kind())) && member(actor, a.competentOrg());
        boolean related = actor.hasRole(Roles.CUSTOMS_OFFICER) && member(actor, a.relatedOrg());
        if (!competent && !related) {
            throw new HnswException(RepairErrorCode.NOT_A_REVIEWER);
        }
        if (!"PENDING".equals(a.status())) {
            throw new HnswException(RepairErrorCode.NOT_PENDING, a.status());
        }
        Instant now = clock.instant();
        String result = approve ? "APPROVED" : "REJECTED";
        Application r;
        if (competent) {
            if (a.competentResult() != null) {
                throw new HnswException(RepairErrorCode.ALREADY_REVIEWED);
            }
            r = new Application(a.id(), a.enterpriseUscc(), a.enterpriseName(), a.kind(), a.applicationType(),
                    a.originalId(), a.regionCode(), a.conveyance(), a.imoNumber(), a.changeSummary(), a.status(),
                    a.caseNumber(), a.competentOrg(), result, opinion, actor.username(), now, a.relatedOrg(),
                    a.relatedResult(), a.relatedOpinion(), a.relatedBy(), a.relatedAt(), a.supersededBy(), a.createdAt(),
                    a.submittedAt(), a.dueAt(), a.decidedAt());
        } else {
            if (a.relatedResult() != null) {
                throw new HnswException(RepairErrorCode.ALREADY_REVIEWED);
            }
            r = new Application(a.id(), a.enterpriseUscc(), a.enterpriseName(), a.kind(), a.applicationType(),
                    a.originalId(), a.regionCode(), a.conveyance(), a.imoNumber(), a.changeSummary(), a.status(),
                    a.caseNumber(), a.competentOrg(), a.competentResult(), a.competentOpinion(), a.competentBy(),
                    a.competentAt(), a.relatedOrg(), result, opinion, actor.username(), now, a.supersededBy(),
                    a.createdAt(), a.submittedAt(), a.dueAt(), a.decidedAt());
        }
        if ("REJECTED".equals(r.competentResult()) || "REJECTED".equals(r.relatedResult())) {
            r = with(r, "REJECTED", r.caseNumber(), r.submittedAt(), r.dueAt(), now);
        } else if ("APPROVED".equals(r.competentResult()) && "APPROVED".equals(r.relatedResult())) {
            r = with(r, "APPROVED", r.caseNumber(), r.submittedAt(), r.dueAt(), now);
            if (r.originalId() != null) {
                Application original = repo.findForUpdate(r.originalId()).orElseThrow();
                repo.update(new Application(original.id(), original.enterpriseUscc(), original.enterpriseName(),
                        original.kind(), original.applicationType(), original.originalId(), original.regionCode(),
                        original.conveyance(), original.imoNumber(), original.changeSummary(), original.status(),
                        original.caseNumber(), original.competentOrg(), original.competentResult(),
                        original.competentOpinion(), original.competentBy(), original.competentAt(),
                        original.relatedOrg(), original.relatedResult(), original.relatedOpinion(), original.relatedBy(),
                        original.relatedAt(), r.id(), original.createdAt(), original.submittedAt(), original.dueAt(),
                        original.decidedAt()));
            }
        }
        repo.update(r);
        return r;
    }

    public record ApplicationView(Application application, List<Document> documents, boolean overdue,
                                  int workingDaysLeft) {
    }

    public ApplicationView read(CurrentActor actor, UUID id) {
        Application a = repo.find(id).orElseThrow(() -> new HnswException(RepairErrorCode.APPLICATION_NOT_FOUND, id));
        requireReader(actor, a);
        return view(a);
    }

    public List<ApplicationView> list(CurrentActor actor, String status) {
        String enterprise = EnterpriseScope.restrictionFor(actor).orElse(null);
        if (enterprise == null && !isOfficer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        return repo.list(enterprise, status).stream().map(this::view).toList();
    }

    private ApplicationView view(Application a) {
        boolean overdue = false;
        int left = 0;
        if ("PENDING".equals(a.status()) && a.dueAt() != null) {
            Instant now = clock.instant();
            left = calendar.calendar().workingDaysLeft(now, a.dueAt());
            overdue = now.isAfter(a.dueAt());
        }
        return new ApplicationView(a, repo.documents(a.id()), overdue, left);
    }

    // --- supervision ------------------------------------------------------------------------------------------

    /**
     * 享惠监管: customs records assistance requests; the enterprise records the self-use of repaired aircraft or ship
     * goods; the competent department or customs record enterprise changes and tax information.
     */
    @Transactional
    public SupervisionRecord supervise(CurrentActor actor, UUID id, String kind, String content) {
        Application a = repo.findForUpdate(id).orElseThrow(() -> new HnswException(RepairErrorCode.APPLICATION_NOT_FOUND, id));
        if (!"APPROVED".equals(a.status())) {
            throw new HnswException(RepairErrorCode.NOT_PENDING, a.status());
        }
        boolean allowed = switch (kind) {
            case "CUSTOMS_ASSISTANCE" -> actor.hasRole(Roles.CUSTOMS_OFFICER);
            case "AIRCRAFT_SELF_USE" -> "AVIATION".equals(a.kind()) && ownerOf(actor, a);
            case "SHIP_SELF_USE" -> "SHIPPING".equals(a.kind()) && ownerOf(actor, a);
            case "ENTERPRISE_CHANGE", "TAX_INFO" -> actor.hasRole(Roles.CUSTOMS_OFFICER)
                    || actor.hasRole(COMPETENT_ROLE.get(a.kind())) && member(actor, a.competentOrg());
            default -> false;
        };
        if (!allowed) {
            throw new HnswException(RepairErrorCode.SUPERVISION_NOT_ALLOWED);
        }
        SupervisionRecord r = new SupervisionRecord(UUID.randomUUID(), id, kind, content, actor.username(),
                actor.primaryOrganization(), clock.instant(), null);
        repo.insertSupervision(r);
        return r;
    }

    public List<SupervisionRecord> supervision(CurrentActor actor, UUID id) {
        read(actor, id);
        return repo.supervision(id);
    }

    @Transactional
    public void revokeSupervision(CurrentActor actor, UUID id, UUID recordId) {
        SupervisionRecord r = repo.supervision(id).stream().filter(s -> s.id().equals(recordId)).findFirst()
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
        if (!r.createdBy().equals(actor.username())) {
            throw new HnswException(RepairErrorCode.SUPERVISION_NOT_ALLOWED);
        }
        repo.revokeSupervision(id, recordId, clock.instant());
    }

    public List<Map<String, Object>> analysis(CurrentActor actor) {
        if (!isOfficer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        return repo.analysis();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void requireReader(CurrentActor actor, Application a) {
        if (actor.isEnterpriseUser()) {
            EnterpriseScope.check(actor, a.enterpriseUscc());
        } else if (!isOfficer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
    }

    private static boolean isOfficer(CurrentActor actor) {
        return actor.hasAnyRole(List.of(Roles.GOV_PROVINCIAL_DEPT, Roles.GOV_PROVINCE, Roles.GOV_COUNTY,
                Roles.GOV_COUNTY_UNIT, Roles.MARITIME_OFFICER, Roles.CUSTOMS_OFFICER, Roles.SW_OPERATOR,
                Roles.PLATFORM_ADMIN));
    }

    private static boolean ownerOf(CurrentActor actor, Application a) {
        return actor.isEnterpriseUser() && a.enterpriseUscc().equals(actor.enterprise());
    }

    private static boolean member(CurrentActor actor, String org) {
        return actor.organizations().stream().anyMatch(o -> o.equals(org) || o.startsWith(org + "/"));
    }

    private Application own(CurrentActor actor, UUID id) {
        Application a = repo.find(id).orElseThrow(() -> new HnswException(RepairErrorCode.APPLICATION_NOT_FOUND, id));
        if (!ownerOf(actor, a)) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return a;
    }

    private Application ownForUpdate(CurrentActor actor, UUID id) {
        Application a = repo.findForUpdate(id).orElseThrow(() -> new HnswException(RepairErrorCode.APPLICATION_NOT_FOUND, id));
        if (!ownerOf(actor, a)) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return a;
    }

    private static Application with(Application a, String status, String caseNumber, Instant submittedAt, Instant due,
                                    Instant decidedAt) {
        return new Application(a.id(), a.enterpriseUscc(), a.enterpriseName(), a.kind(), a.applicationType(),
                a.originalId(), a.regionCode(), a.conveyance(), a.imoNumber(), a.changeSummary(), status, caseNumber,
                a.competentOrg(), a.competentResult(), a.competentOpinion(), a.competentBy(), a.competentAt(),
                a.relatedOrg(), a.relatedResult(), a.relatedOpinion(), a.relatedBy(), a.relatedAt(), a.supersededBy(),
                a.createdAt(), submittedAt, due, decidedAt);
    }
}
