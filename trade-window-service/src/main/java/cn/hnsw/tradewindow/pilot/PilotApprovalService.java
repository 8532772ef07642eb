package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.crypto.Sm3;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.tradewindow.calendar.HolidayCalendarRepository;
import cn.hnsw.tradewindow.calendar.WorkingDayCalendar;
import cn.hnsw.tradewindow.partner.CaseNumberingGateway;
import cn.hnsw.tradewindow.partner.SharedDataGateway;
import cn.hnsw.tradewindow.partner.SharedDataGateway.SharedDataKind;
import cn.hnsw.tradewindow.pilot.ApprovalStep.Decision;
import cn.hnsw.tradewindow.pilot.PilotRecordsRepository.BlacklistEntry;
import cn.hnsw.tradewindow.pilot.PilotRecordsRepository.TerminationCase;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 加工增值试点企业审批 — the application, its documents, the four-level chain on Flowable (processes/pilot-approval
 * .bpmn20.xml), termination and exit (processes/pilot-termination.bpmn20.xml) and the blacklist.
 * <p>
 * Who may act on a task: the step's realm role, and membership of the organisation the task is offered to (the
 * candidate group, resolved from the routing configuration when the case started), or being the one who claimed it.
 * Every act is kept as an {@link ApprovalOpinion} whose SM3 hash is anchored in the audit chain.
 */
@Service
public class PilotApprovalService {

    private static final Logger log = LoggerFactory.getLogger(PilotApprovalService.class);
    public static final String PROCESS = "pilotApproval";
    public static final String TERMINATION_PROCESS = "pilotTermination";
    /** {@code hnsw.trade-window.pilot-application-status-changed} (a constant so listeners can name it). */
    public static final String STATUS_TOPIC = "hnsw.trade-window.pilot-application-status-changed";
    static final String BUCKET = "trade-window-documents";
    static final String CUSTOMS_ORG_PREFIX = "/customs/";
    /** The process variable with the case's approvers (RoutingRepository#asVariable). */
    static final String ROUTE = "route";
    /** The transient variable with the decision just taken. */
    static final String STAGE_OUTCOME = "stageOutcome";

    private final PilotApplicationRepository applications;
    private final PilotDocumentRepository documents;
    private final PilotRecordsRepository records;
    private final RoutingRepository routing;
    /** Task-local variable: the to-do notice of the task has been sent. */
    static final String ANNOUNCED = "pendingTaskAnnounced";

    private final HolidayCalendarRepository calendar;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ObjectStorage storage;
    private final OutboxPublisher outbox;
    private final ApprovalRecordAnchor anchor;
    private final CaseNumberingGateway caseNumbering;
    private final SharedDataGateway sharedData;
    private final PilotNotices notices;
    private final DocumentPolicy documentPolicy;
    private final Clock clock;

    public PilotApprovalService(PilotApplicationRepository applications, PilotDocumentRepository documents,
                                PilotRecordsRepository records, RoutingRepository routing,
                                HolidayCalendarRepository calendar, RuntimeService runtime, TaskService tasks,
                                ObjectStorage storage, OutboxPublisher outbox,
                                ApprovalRecordAnchor anchor, CaseNumberingGateway caseNumbering,
                                SharedDataGateway sharedData, PilotNotices notices,
                                @Value("${tradewindow.documents.max-size:10MB}") org.springframework.util.unit.DataSize maxSize,
                                Clock clock) {
        this.applications = applications;
        this.documents = documents;
        this.records = records;
        this.routing = routing;
        this.calendar = calendar;
        this.runtime = runtime;
        this.tasks = tasks;
        this.storage = storage;
        this.outbox = outbox;
        this.anchor = anchor;
        this.caseNumbering = caseNumbering;
        this.sharedData = sharedData;
        this.notices = notices;
        this.documentPolicy = new DocumentPolicy(maxSize.toBytes());
        this.clock = clock;
    }

    // --- qualification and application ----------------------------------------------------------------------

    /** 申请资格提示 (R1): blacklist, serious dishonesty and Hainan penalties, from the shared data sources. */
    public QualificationPrompt qualification(CurrentActor actor) {
        String uscc = EnterpriseScope.restrictionFor(actor)
                .orElseThrow(() -> new HnswException(CommonErrorCode.ACCESS_DENIED));
        List<String> reasonsZh = new ArrayList<>();
        List<String> reasonsEn = new ArrayList<>();
        if (records.isBlacklisted(uscc)) {
            reasonsZh.add("企业已列入试点黑名单");
            reasonsEn.add("The enterprise is on the pilot blacklist");
        }
        for (SharedDataKind kind : EnumSet.of(SharedDataKind.SERIOUS_DISHONESTY,
                SharedDataKind.HAINAN_PENALTIES_LEGAL_PERSON)) {
            if (!sharedData.fetch(uscc, kind).records().isEmpty()) {
                reasonsZh.add("存在" + kind.nameZh() + "记录");
                reasonsEn.add("Listed in: " + kind.nameEn());
            }
        }
        return new QualificationPrompt(uscc, reasonsZh.isEmpty(), reasonsZh, reasonsEn);
    }

    public record QualificationPrompt(String enterpriseUscc, boolean qualified, List<String> reasonsZh,
                                      List<String> reasonsEn) {
    }

    @Transactional
    public PilotApplication create(CurrentActor actor, String regionCode, String productSummary) {
        String uscc = EnterpriseScope.restrictionFor(actor)
                .orElseThrow(() -> new HnswException(CommonErrorCode.ACCESS_DENIED));
        if (records.isBlacklisted(uscc)) {
            throw new HnswException(PilotErrorCode.ENTERPRISE_BLACKLISTED);
        }
        routing.region(regionCode).filter(RoutingRepository.Region::enabled)
                .orElseThrow(() -> new HnswException(PilotErrorCode.REGION_NOT_APPROVING, regionCode));
        String name = sharedData.fetch(uscc, SharedDataKind.BUSINESS_REGISTRATION).records().stream()
                .map(r -> r.get("enterpriseName")).filter(n -> n != null && !n.isBlank()).findFirst().orElse(uscc);
        PilotApplication app = PilotApplication.draft(uscc, name, regionCode, productSummary, actor.username(),
                clock.instant());
        applications.insert(app);
        return app;
    }

    public PilotApplication read(CurrentActor actor, UUID id) {
        PilotApplication app = applications.find(id)
                .orElseThrow(() -> new HnswException(PilotErrorCode.APPLICATION_NOT_FOUND, id));
        requireReader(actor, app);
        return app;
    }

    public PageResponse<PilotApplication> search(CurrentActor actor, String status, PageQuery page) {
        String enterprise = EnterpriseScope.restrictionFor(actor).orElse(null);
        List<String> regions = null;
        if (enterprise == null && !seesAllRegions(actor)) {
            regions = applications.regionsWithUnit(actor.organizations());
        }
        return applications.search(enterprise, status, regions, page);
    }

    /** Enterprise users see their own; county-level officers their regions; provincial officers and operators all. */
    private void requireReader(CurrentActor actor, PilotApplication app) {
        if (actor.isEnterpriseUser()) {
            EnterpriseScope.check(actor, app.enterpriseUscc());
            return;
        }
        if (seesAllRegions(actor) || actor.hasRole(Roles.CUSTOMS_OFFICER)
                || applications.regionsWithUnit(actor.organizations()).contains(app.regionCode())
                || records.copiedTo(app.id(), actor.organizations())
                || isOrWasApprover(actor, app)) {
            return;
        }
        throw new HnswException(PilotErrorCode.OUT_OF_REGION);
    }

    /** A unit added to this case (加签, configured extra or countersign unit) reads it while offered a task and after. */
    private boolean isOrWasApprover(CurrentActor actor, PilotApplication app) {
        if (actor.organizations().isEmpty()) {
            return false;
        }
        if (app.processInstanceId() != null && tasks.createTaskQuery().processInstanceId(app.processInstanceId())
                .taskCandidateGroupIn(actor.organizations()).count() > 0) {
            return true;
        }
        return records.actedAsUnit(app.id(), actor.organizations());
    }

    private static boolean seesAllRegions(CurrentActor actor) {
        return actor.hasAnyRole(List.of(Roles.GOV_PROVINCIAL_DEPT, Roles.GOV_PROVINCE, Roles.SW_OPERATOR,
                Roles.PLATFORM_ADMIN));
    }

    // --- documents -------------------------------------------------------------------------------------------

    @Transactional
    public PilotDocument upload(CurrentActor actor, UUID applicationId, DocumentType type, String fileName,
                                byte[] content) {
        PilotApplication app = ownApplicationForUpdate(actor, applicationId);
        app.requireDocumentsEditable();
        String contentType = documentPolicy.check(fileName, content);
        UUID id = UUID.randomUUID();
        String key = app.enterpriseUscc() + "/" + app.id() + "/" + id;
        String sm3 = HexFormat.of().formatHex(Sm3.digest(content));
        storage.put(BUCKET, key, content, contentType);
        PilotDocument doc = new PilotDocument(id, app.id(), type, fileName, contentType, content.length, sm3, key,
                actor.username(), clock.instant(), null);
        documents.insert(doc);
        return doc;
    }

    public List<PilotDocument> documents(CurrentActor actor, UUID applicationId) {
        read(actor, applicationId);
        return documents.forApplication(applicationId);
    }

    public record DocumentContent(PilotDocument document, byte[] content) {
    }

    public DocumentContent content(CurrentActor actor, UUID applicationId, UUID documentId) {
        read(actor, applicationId);
        PilotDocument doc = documents.find(applicationId, documentId)
                .orElseThrow(() -> new HnswException(PilotErrorCode.DOCUMENT_NOT_FOUND, documentId));
        return new DocumentContent(doc, storage.get(BUCKET, doc.objectKey()));
    }

    /** 撤销: the document stays on record but no longer counts. */
    @Transactional
    public void revoke(CurrentActor actor, UUID applicationId, UUID documentId) {
        PilotApplication app = ownApplicationForUpdate(actor, applicationId);
        app.requireDocumentsEditable();
        PilotDocument doc = documents.find(applicationId, documentId)
                .orElseThrow(() -> new HnswException(PilotErrorCode.DOCUMENT_NOT_FOUND, documentId));
        if (!doc.active()) {
            throw new HnswException(PilotErrorCode.DOCUMENT_REVOKED);
        }
        documents.revoke(documentId, clock.instant());
    }

    /** 删除: only while the application was never submitted; afterwards documents are revoked, not removed. */
    @Transactional
    public void delete(CurrentActor actor, UUID applicationId, UUID documentId) {
        PilotApplication app = ownApplicationForUpdate(actor, applicationId);
        if (app.status() != PilotStatus.DRAFT) {
            throw new HnswException(PilotErrorCode.APPLICATION_NOT_EDITABLE, app.status());
        }
        PilotDocument doc = documents.find(applicationId, documentId)
                .orElseThrow(() -> new HnswException(PilotErrorCode.DOCUMENT_NOT_FOUND, documentId));
        documents.delete(documentId);
        storage.delete(BUCKET, doc.objectKey());
    }

    private PilotApplication ownApplicationForUpdate(CurrentActor actor, UUID id) {
        if (!actor.isEnterpriseUser()) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        PilotApplication app = applications.findForUpdate(id)
                .orElseThrow(() -> new HnswException(PilotErrorCode.APPLICATION_NOT_FOUND, id));
        EnterpriseScope.check(actor, app.enterpriseUscc());
        return app;
    }

    // --- submission, correction, withdrawal ------------------------------------------------------------------

    /**
     * 提交: all six document types present; the first submission obtains the case number from 海易办 and starts the
     * chain with the approvers resolved from the routing configuration now; a resubmission after a return completes
     * the enterprise's correction task and the chain starts again at the city/county unit.
     */
    @Transactional
    public PilotApplication submit(CurrentActor actor, UUID id) {
        PilotApplication app = ownApplicationForUpdate(actor, id);
        Set<DocumentType> present = documents.forApplication(id).stream().filter(PilotDocument::active)
                .map(PilotDocument::type).collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentType.class)));
        Set<DocumentType> missing = EnumSet.allOf(DocumentType.class);
        missing.removeAll(present);
        if (!missing.isEmpty()) {
            throw new HnswException(PilotErrorCode.DOCUMENTS_MISSING,
                    missing.stream().map(DocumentType::nameZh).collect(Collectors.joining("、")));
        }
        if (records.isBlacklisted(app.enterpriseUscc())) {
            throw new HnswException(PilotErrorCode.ENTERPRISE_BLACKLISTED);
        }
        Instant now = clock.instant();
        if (app.status() == PilotStatus.RETURNED) {
            Task correction = tasks.createTaskQuery().processInstanceId(app.processInstanceId())
                    .taskDefinitionKey(ApprovalStep.enterpriseCorrection.name()).singleResult();
            if (correction == null) {
                throw new HnswException(PilotErrorCode.ILLEGAL_STATUS_CHANGE, app.status(), PilotStatus.IN_REVIEW);
            }
            app.submit(null, null, now);
            recordOpinion(actor, "APPLICATION", app.id(), app, ApprovalStep.enterpriseCorrection.name(),
                    correction.getId(), null, "RESUBMIT", "企业补正后重新提交 Resubmitted after correction", now);
            complete(correction.getId(), actor, Decision.APPROVE);
        } else {
            if (app.status() != PilotStatus.DRAFT) {
                throw new HnswException(PilotErrorCode.ILLEGAL_STATUS_CHANGE, app.status(), PilotStatus.IN_REVIEW);
            }
            PilotRouting route = routing.resolve(app.regionCode());
            String caseNumber;
            try {
                caseNumber = caseNumbering.assignCaseNumber(new CaseNumberingGateway.CaseRequest("PILOT_APPLICATION",
                        app.id().toString(), app.enterpriseUscc(), app.enterpriseName(),
                        "加工增值试点企业申请 " + app.enterpriseName()));
            } catch (HnswException e) {
                throw e;
            } catch (RuntimeException e) {
                log.warn("event=case-numbering-failed application={} cause={}", app.id(), e.toString());
                throw new HnswException(PilotErrorCode.CASE_NUMBERING_FAILED);
            }
            ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS, app.id().toString(),
                    Map.of(ROUTE, RoutingRepository.asVariable(route, enterpriseGroup(app.enterpriseUscc()))));
            app.submit(caseNumber, pi.getId(), now);
            recordOpinion(actor, "APPLICATION", app.id(), app, "submission", null, null, "SUBMIT",
                    "企业提交申请 Application submitted", now);
        }
        afterFlowableMove(app, actor, null);
        return app;
    }

    /**
     * Completes a task in one engine call. Who acted is kept in the hashed opinion record (and in the task's
     * assignee when it was claimed first); the decision travels as a transient variable, read by the step's
     * outgoing flows and the countersign's completion condition in this transaction and never stored.
     */
    private void complete(String taskId, CurrentActor actor, Decision decision) {
        tasks.complete(taskId, actor.username(), null, Map.of(STAGE_OUTCOME, decision.name()));
    }

    @Transactional
    public PilotApplication withdraw(CurrentActor actor, UUID id, String reason) {
        PilotApplication app = ownApplicationForUpdate(actor, id);
        app.withdraw();
        Instant now = clock.instant();
        if (app.processInstanceId() != null
                && runtime.createProcessInstanceQuery().processInstanceId(app.processInstanceId()).count() > 0) {
            runtime.deleteProcessInstance(app.processInstanceId(), "withdrawn by the enterprise");
        }
        recordOpinion(actor, "APPLICATION", app.id(), app, "withdrawal", null, null, "WITHDRAW",
                reason == null || reason.isBlank() ? "企业撤回 Withdrawn by the enterprise" : reason, now);
        applications.update(app);
        statusChanged(app, null);
        return app;
    }

    static String enterpriseGroup(String uscc) {
        return "/enterprises/" + uscc;
    }

    // --- decisions -------------------------------------------------------------------------------------------

    /** An approver's opinion on an application: finds the open task the actor may act on, else says why not. */
    @Transactional
    public PilotApplication decide(CurrentActor actor, UUID applicationId, Decision decision, String opinion) {
        PilotApplication app = applications.findForUpdate(applicationId)
                .orElseThrow(() -> new HnswException(PilotErrorCode.APPLICATION_NOT_FOUND, applicationId));
        if (actor.isEnterpriseUser()) {
            EnterpriseScope.check(actor, app.enterpriseUscc());
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        List<String> processes = new ArrayList<>();
        if (app.status() == PilotStatus.IN_REVIEW) {
            processes.add(app.processInstanceId());
        }
        records.terminationsOf(app.id()).stream().filter(t -> "IN_REVIEW".equals(t.status()))
                .forEach(t -> processes.add(t.processInstanceId()));
        if (processes.isEmpty()) {
            throw new HnswException(PilotErrorCode.ILLEGAL_STATUS_CHANGE, app.status(), decision);
        }
        List<Task> open = tasks.createTaskQuery().processInstanceIdIn(processes).list();
        Task task = pickTask(actor, open);
        return completeTask(actor, app, task, decision, opinion);
    }

    /** The process centre's path: an opinion on a task by its id. */
    @Transactional
    public PilotApplication decideTask(CurrentActor actor, String taskId, Decision decision, String opinion) {
        Task task = openTask(taskId);
        PilotApplication app = applicationOf(task);
        applications.findForUpdate(app.id());
        app = applications.find(app.id()).orElseThrow();
        authorize(actor, task);
        return completeTask(actor, app, task, decision, opinion);
    }

    Task pickTask(CurrentActor actor, List<Task> open) {
        List<Task> atMyLevel = open.stream().filter(t -> {
            ApprovalStep step = ApprovalStep.of(t.getTaskDefinitionKey());
            return step.role() != null && actor.hasRole(step.role());
        }).toList();
        if (atMyLevel.isEmpty()) {
            throw new HnswException(PilotErrorCode.NOT_YOUR_TURN, open.stream()
                    .map(t -> ApprovalStep.of(t.getTaskDefinitionKey()).nameZh()).distinct()
                    .collect(Collectors.joining("、")));
        }
        for (Task t : atMyLevel) {
            if (actor.username().equals(t.getAssignee())) {
                return t;
            }
        }
        for (Task t : atMyLevel) {
            if (t.getAssignee() == null && !intersect(candidateGroups(t.getId()), actor.organizations()).isEmpty()) {
                return t;
            }
        }
        for (Task t : atMyLevel) {
            if (!intersect(candidateGroups(t.getId()), actor.organizations()).isEmpty()) {
                throw new HnswException(PilotErrorCode.TASK_CLAIMED_BY_OTHER, t.getAssignee());
            }
        }
        throw new HnswException(PilotErrorCode.OUT_OF_REGION);
    }

    /** Refuses an actor who may not act on {@code task}: wrong level, wrong organisation, or claimed by another. */
    void authorize(CurrentActor actor, Task task) {
        ApprovalStep step = ApprovalStep.of(task.getTaskDefinitionKey());
        if (step == ApprovalStep.enterpriseCorrection) {
            throw new HnswException(PilotErrorCode.NOT_YOUR_TURN, step.nameZh());
        }
        if (!actor.hasRole(step.role())) {
            throw new HnswException(PilotErrorCode.NOT_YOUR_TURN, step.nameZh());
        }
        if (intersect(candidateGroups(task.getId()), actor.organizations()).isEmpty()
                && !actor.username().equals(task.getAssignee())) {
            throw new HnswException(PilotErrorCode.OUT_OF_REGION);
        }
        if (task.getAssignee() != null && !actor.username().equals(task.getAssignee())) {
            throw new HnswException(PilotErrorCode.TASK_CLAIMED_BY_OTHER, task.getAssignee());
        }
    }

    private PilotApplication completeTask(CurrentActor actor, PilotApplication app, Task task, Decision decision,
                                          String opinion) {
        ApprovalStep step = ApprovalStep.of(task.getTaskDefinitionKey());
        if (!step.allowedDecisions().contains(decision)) {
            throw new HnswException(PilotErrorCode.DECISION_NOT_ALLOWED, decision);
        }
        Instant now = clock.instant();
        List<String> offeredTo = candidateGroups(task.getId());
        String unit = intersect(offeredTo, actor.organizations()).stream().findFirst()
                .orElse(offeredTo.stream().findFirst().orElse(null));
        boolean termination = TERMINATION_PROCESS.equals(processKey(task));
        UUID caseId = termination
                ? records.terminationByProcess(task.getProcessInstanceId()).orElseThrow().id() : app.id();
        recordOpinion(actor, termination ? "TERMINATION" : "APPLICATION", caseId, app, step.name(), task.getId(),
                unit, decision.name(), opinion, now);
        if (decision == Decision.APPROVE && offeredTo.size() > 1 && unit != null) {
            // A step of several units (加签, 会签): this unit has approved, the others still have to; the task stays.
            tasks.deleteCandidateGroup(task.getId(), unit);
        } else {
            complete(task.getId(), actor, decision);
        }
        if (termination) {
            afterTerminationMove(actor, app, caseId, task.getProcessInstanceId(), decision);
        } else {
            afterFlowableMove(app, actor, decision);
        }
        return app;
    }

    /**
     * Brings the application in line with where its process now stands. {@code lastDecision}: the decision just
     * taken; when no task is left open it ended the process (approval at the top, or a refusal at any level).
     */
    private void afterFlowableMove(PilotApplication app, CurrentActor actor, Decision lastDecision) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(app.processInstanceId()).list();
        String before = app.currentStep();
        PilotStatus statusBefore = app.status();
        if (open.isEmpty()) {
            app.decide(lastDecision == Decision.APPROVE, clock.instant());
        } else if (open.stream().anyMatch(t -> ApprovalStep.enterpriseCorrection.name().equals(t.getTaskDefinitionKey()))) {
            if (app.status() == PilotStatus.IN_REVIEW) {
                app.returnForCorrection();
            }
            app.atStep(ApprovalStep.enterpriseCorrection.name());
        } else {
            app.atStep(open.stream().map(Task::getTaskDefinitionKey).distinct().sorted()
                    .collect(Collectors.joining(",")));
        }
        scheduleAndNotify(app, open);
        applications.update(app);
        if (!java.util.Objects.equals(before, app.currentStep()) || statusBefore != app.status()) {
            statusChanged(app, actor);
        }
    }

    /**
     * New tasks get a to-do notice to the units they are offered to, with the deadline the engine gave them: each
     * user task of the BPMN declares it ({@code flowable:dueDate="step:<id>"} on the working-day business calendar,
     * {@link cn.hnsw.tradewindow.calendar.StepDeadlineCalendar}). A task-local flag keeps a task from being announced
     * twice (a step of several units stays open while its units approve one by one).
     */
    private void scheduleAndNotify(PilotApplication app, List<Task> open) {
        for (Task t : open) {
            if (Boolean.TRUE.equals(tasks.getVariableLocal(t.getId(), ANNOUNCED))) {
                continue;
            }
            tasks.setVariableLocal(t.getId(), ANNOUNCED, true);
            if (t.getDueDate() == null) {
                throw new IllegalStateException("task " + t.getTaskDefinitionKey() + " has no deadline in its BPMN");
            }
            ApprovalStep step = ApprovalStep.of(t.getTaskDefinitionKey());
            for (String group : candidateGroups(t.getId())) {
                notices.pendingTask(group, app, step, t.getDueDate().toInstant());
            }
        }
    }

    private void statusChanged(PilotApplication app, CurrentActor actor) {
        outbox.publish(STATUS_TOPIC, "PilotApplication", app.id().toString(), STATUS_TOPIC,
                new PilotStatusChanged(app.id(), app.caseNumber(), app.enterpriseUscc(), app.regionCode(),
                        app.status().name(), app.currentStep(), clock.instant()));
        notices.statusToEnterprise(app);
    }

    /** The event behind 办件状态同步 and the enterprise's status message. */
    public record PilotStatusChanged(UUID applicationId, String caseNumber, String enterpriseUscc, String regionCode,
                                     String status, String step, Instant changedAt) {
    }

    // --- 加签 and 抄送 -----------------------------------------------------------------------------------------

    /**
     * 加签 at run time: the approver of a multi-unit step asks one more configured unit to approve at the same step;
     * the step completes only when that unit has approved too.
     */
    @Transactional
    public void addExtraApprover(CurrentActor actor, String taskId, String unitOrg, String reason) {
        Task task = openTask(taskId);
        PilotApplication app = applicationOf(task);
        applications.findForUpdate(app.id());
        authorize(actor, task);
        ApprovalStep step = ApprovalStep.of(task.getTaskDefinitionKey());
        if (!step.acceptsExtraApprovers()) {
            throw new HnswException(PilotErrorCode.EXTRA_APPROVER_NOT_ALLOWED);
        }
        if (!routing.isKnownUnit(unitOrg)) {
            throw new HnswException(PilotErrorCode.UNIT_UNKNOWN, unitOrg);
        }
        // The unit joins the case's route (a return to this step offers it again) and is offered the open task; the
        // step completes when every unit it is offered to has approved.
        ObjectNode route = (ObjectNode) runtime.getVariable(task.getProcessInstanceId(), ROUTE);
        ArrayNode units = (ArrayNode) route.get(RoutingRepository.unitsKey(step));
        for (var u : units) {
            if (u.asText().equals(unitOrg)) {
                throw new HnswException(PilotErrorCode.EXTRA_APPROVER_DUPLICATE, unitOrg);
            }
        }
        units.add(unitOrg);
        runtime.setVariable(task.getProcessInstanceId(), ROUTE, route);
        tasks.addCandidateGroup(taskId, unitOrg);
        if (task.getAssignee() != null) {
            // a claim holds a task for one person; a task several units share is held by none
            tasks.unclaim(taskId);
        }
        boolean termination = TERMINATION_PROCESS.equals(processKey(task));
        UUID caseId = termination
                ? records.terminationByProcess(task.getProcessInstanceId()).orElseThrow().id() : app.id();
        recordOpinion(actor, termination ? "TERMINATION" : "APPLICATION", caseId, app, step.name(), taskId, unitOrg,
                "ADD_APPROVER", reason == null || reason.isBlank() ? "加签 " + unitOrg : reason, clock.instant());
        Instant due = task.getDueDate() != null ? task.getDueDate().toInstant()
                : calendar.calendar().deadline(task.getCreateTime().toInstant(),
                calendar.warningConfig(step.name()).limitWorkingDays());
        notices.pendingTask(unitOrg, app, step, due);
    }

    @Transactional
    public PilotRecordsRepository.CaseCopy copyTo(CurrentActor actor, UUID applicationId, String toOrg, String note) {
        PilotApplication app = read(actor, applicationId);
        if (actor.isEnterpriseUser()) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        if (!routing.isKnownUnit(toOrg) && !PilotRouting.PROVINCE_ORG.equals(toOrg)) {
            throw new HnswException(PilotErrorCode.UNIT_UNKNOWN, toOrg);
        }
        var copy = new PilotRecordsRepository.CaseCopy(UUID.randomUUID(), app.id(), toOrg, actor.username(), note,
                clock.instant());
        records.insertCopy(copy);
        notices.copy(toOrg, app, actor.username());
        return copy;
    }

    public List<ApprovalOpinion> opinions(CurrentActor actor, UUID applicationId) {
        read(actor, applicationId);
        return records.opinions(applicationId);
    }

    /** Each opinion's hash recomputed and compared with its anchor, and the audit chain checked. */
    public List<OpinionCheck> verifyOpinions(CurrentActor actor, UUID applicationId) {
        read(actor, applicationId);
        boolean chain = anchor.chainIntact();
        return records.opinions(applicationId).stream().map(o -> {
            String recomputed = o.computeHash();
            String anchored = anchor.anchoredHash(o.auditSeq(), o.id().toString()).orElse(null);
            return new OpinionCheck(o.id(), o.step(), recomputed.equals(o.recordHash()) && recomputed.equals(anchored)
                    && chain, o.auditSeq());
        }).toList();
    }

    public record OpinionCheck(UUID opinionId, String step, boolean intact, long auditSeq) {
    }

    private static final java.util.Set<String> AMENDABLE = java.util.Set.of("APPROVE", "RETURN", "REJECT", "INITIATE");

    /**
     * 修改审核意见: the approver who gave an opinion amends its text until a later step of the same case has acted
     * (an opinion of a co-approver of the same step does not count). The decision stands (the process has moved on);
     * the original opinion is kept as it was and the amendment is an opinion of its own, decision AMEND, hashed and
     * anchored like every other, so the record shows both and who changed what when.
     */
    @Transactional
    public ApprovalOpinion amendOpinion(CurrentActor actor, UUID applicationId, UUID opinionId, String text) {
        PilotApplication app = applications.findForUpdate(applicationId)
                .orElseThrow(() -> new HnswException(PilotErrorCode.APPLICATION_NOT_FOUND, applicationId));
        List<ApprovalOpinion> all = records.opinions(applicationId);
        ApprovalOpinion target = all.stream().filter(o -> o.id().equals(opinionId)).findFirst()
                .orElseThrow(() -> new HnswException(PilotErrorCode.OPINION_NOT_FOUND, opinionId));
        if (!target.actorId().equals(actor.userId())) {
            throw new HnswException(PilotErrorCode.OPINION_NOT_AUTHOR);
        }
        boolean actedOn = all.stream().anyMatch(o -> o.caseId().equals(target.caseId())
                && o.createdAt().isAfter(target.createdAt()) && !o.step().equals(target.step()));
        if (!AMENDABLE.contains(target.decision()) || actedOn) {
            throw new HnswException(PilotErrorCode.OPINION_NOT_AMENDABLE);
        }
        recordOpinion(actor, target.caseKind(), target.caseId(), app, target.step(), target.taskId(), target.unitOrg(),
                "AMEND", text, clock.instant());
        List<ApprovalOpinion> after = records.opinions(applicationId);
        return after.get(after.size() - 1);
    }

    private void recordOpinion(CurrentActor actor, String caseKind, UUID caseId, PilotApplication app, String step,
                               String taskId, String unit, String decision, String opinion, Instant now) {
        // The database keeps microseconds: hash what will be read back.
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        ApprovalOpinion draft = new ApprovalOpinion(UUID.randomUUID(), caseKind, caseId, app.id(), step, taskId,
                unit, actor.userId(), actor.username(), decision, opinion == null ? "" : opinion, at, null, 0);
        String hash = draft.computeHash();
        long seq = anchor.anchor(actor, draft.id().toString(), "pilot." + step + "." + decision, hash, at);
        records.insertOpinion(draft.withAnchor(hash, seq));
    }

    // --- termination and blacklist ---------------------------------------------------------------------------

    /**
     * 终止退出: started by a city/county unit of the enterprise's region (市县单位发现记录) or by local customs
     * (属地海关发现记录); then county government → provincial units → provincial government; a termination approved
     * at the top puts the enterprise on the blacklist with the stated reason.
     */
    @Transactional
    public TerminationCase startTermination(CurrentActor actor, UUID applicationId, String discoveryRecord,
                                            String blacklistReason) {
        PilotApplication app = applications.findForUpdate(applicationId)
                .orElseThrow(() -> new HnswException(PilotErrorCode.APPLICATION_NOT_FOUND, applicationId));
        String kind;
        String org;
        if (actor.hasRole(Roles.CUSTOMS_OFFICER) && actor.organizations().stream()
                .anyMatch(o -> o.startsWith(CUSTOMS_ORG_PREFIX))) {
            kind = "LOCAL_CUSTOMS";
            org = actor.organizations().stream().filter(o -> o.startsWith(CUSTOMS_ORG_PREFIX)).findFirst().orElseThrow();
        } else if (actor.hasRole(Roles.GOV_COUNTY_UNIT)) {
            PilotRouting route = routing.resolve(app.regionCode());
            List<String> mine = intersect(route.cityUnits(), actor.organizations());
            if (mine.isEmpty()) {
                throw new HnswException(PilotErrorCode.OUT_OF_REGION);
            }
            kind = "COUNTY_UNIT";
            org = mine.get(0);
        } else {
            throw new HnswException(PilotErrorCode.TERMINATION_INITIATOR);
        }
        if (app.status() != PilotStatus.APPROVED) {
            throw new HnswException(PilotErrorCode.TERMINATION_NOT_ALLOWED);
        }
        if (records.terminationsOf(app.id()).stream().anyMatch(t -> "IN_REVIEW".equals(t.status()))) {
            throw new HnswException(PilotErrorCode.TERMINATION_PENDING);
        }
        PilotRouting route = routing.resolve(app.regionCode());
        UUID id = UUID.randomUUID();
        ProcessInstance pi = runtime.startProcessInstanceByKey(TERMINATION_PROCESS, id.toString(),
                Map.of(ROUTE, RoutingRepository.asVariable(route, null)));
        Instant now = clock.instant();
        TerminationCase t = new TerminationCase(id, app.id(), app.enterpriseUscc(), kind, org, actor.username(),
                discoveryRecord, blacklistReason, "IN_REVIEW", pi.getId(), now, null);
        records.insertTermination(t);
        recordOpinion(actor, "TERMINATION", id, app, kind.equals("LOCAL_CUSTOMS") ? "customsDiscovery" : "countyUnitDiscovery",
                null, org, "INITIATE", discoveryRecord, now);
        scheduleAndNotify(app, tasks.createTaskQuery().processInstanceId(pi.getId()).list());
        return t;
    }

    private void afterTerminationMove(CurrentActor actor, PilotApplication app, UUID caseId, String processInstanceId,
                                      Decision lastDecision) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
        if (!open.isEmpty()) {
            scheduleAndNotify(app, open);
            return;
        }
        Instant now = clock.instant();
        TerminationCase t = records.terminationByProcess(processInstanceId).orElseThrow();
        if (lastDecision == Decision.APPROVE) {
            records.decideTermination(caseId, "TERMINATED", now);
            app.terminate();
            app.atStep(null);
            applications.update(app);
            if (!records.isBlacklisted(app.enterpriseUscc())) {
                BlacklistEntry entry = new BlacklistEntry(UUID.randomUUID(), app.enterpriseUscc(),
                        app.enterpriseName(), t.blacklistReason(), caseId, now, actor.username(), null);
                records.insertBlacklist(entry);
                blacklistChange(actor, entry.id(), "ADD", null, entry.reason(),
                        "终止退出批准 Termination approved", now);
            }
            statusChanged(app, actor);
        } else {
            records.decideTermination(caseId, "DISMISSED", now);
        }
    }

    /**
     * 撤销发现记录: the unit that started a termination (a city/county unit or the local customs) withdraws its
     * discovery record while no level has given an opinion on it yet. The process ends, the case is WITHDRAWN, and
     * the withdrawal is an opinion of its own (hashed and anchored like every other); nothing is deleted.
     */
    @Transactional
    public TerminationCase withdrawTermination(CurrentActor actor, UUID applicationId, UUID terminationId, String reason) {
        PilotApplication app = applications.findForUpdate(applicationId)
                .orElseThrow(() -> new HnswException(PilotErrorCode.APPLICATION_NOT_FOUND, applicationId));
        TerminationCase t = records.terminationsOf(applicationId).stream().filter(c -> c.id().equals(terminationId))
                .findFirst().orElseThrow(() -> new HnswException(PilotErrorCode.TERMINATION_NOT_FOUND, terminationId));
        if (!actor.organizations().contains(t.initiatorOrg())) {
            throw new HnswException(PilotErrorCode.TERMINATION_NOT_INITIATOR);
        }
        boolean decided = records.opinions(applicationId).stream()
                .anyMatch(o -> o.caseId().equals(t.id()) && !"INITIATE".equals(o.decision())
                        && !"AMEND".equals(o.decision()));
        if (!"IN_REVIEW".equals(t.status()) || decided) {
            throw new HnswException(PilotErrorCode.TERMINATION_NOT_WITHDRAWABLE);
        }
        Instant now = clock.instant();
        runtime.deleteProcessInstance(t.processInstanceId(), "WITHDRAWN");
        records.decideTermination(t.id(), "WITHDRAWN", now);
        recordOpinion(actor, "TERMINATION", t.id(), app,
                "LOCAL_CUSTOMS".equals(t.initiatorKind()) ? "customsDiscovery" : "countyUnitDiscovery", null,
                t.initiatorOrg(), "WITHDRAW", reason, now);
        return records.terminationsOf(applicationId).stream().filter(c -> c.id().equals(terminationId))
                .findFirst().orElseThrow();
    }

    public List<TerminationCase> terminations(CurrentActor actor, UUID applicationId) {
        read(actor, applicationId);
        return records.terminationsOf(applicationId);
    }

    public List<BlacklistEntry> blacklist() {
        return records.blacklist(true);
    }

    @Transactional
    public BlacklistEntry addToBlacklist(CurrentActor actor, String uscc, String name, String reason) {
        var entry = new BlacklistEntry(UUID.randomUUID(), uscc, name, reason, null, clock.instant(), actor.username(),
                null);
        if (records.isBlacklisted(uscc)) {
            throw new HnswException(PilotErrorCode.ENTERPRISE_BLACKLISTED);
        }
        records.insertBlacklist(entry);
        blacklistChange(actor, entry.id(), "ADD", null, reason, "人工列入 Added by hand", entry.createdAt());
        return entry;
    }

    /** 黑名单编辑: a new reason for an entry still on the list, with why it changed; kept and anchored. */
    @Transactional
    public BlacklistEntry editBlacklistReason(CurrentActor actor, UUID id, String reason, String changeReason) {
        BlacklistEntry entry = records.blacklistEntryForUpdate(id)
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
        if (entry.removedAt() != null) {
            throw new HnswException(PilotErrorCode.BLACKLIST_ENTRY_REMOVED);
        }
        if (entry.reason().equals(reason)) {
            throw new HnswException(PilotErrorCode.BLACKLIST_REASON_UNCHANGED);
        }
        Instant now = clock.instant();
        records.updateBlacklistReason(id, reason, actor.username(), now);
        blacklistChange(actor, id, "EDIT", entry.reason(), reason, changeReason, now);
        return new BlacklistEntry(entry.id(), entry.enterpriseUscc(), entry.enterpriseName(), reason,
                entry.terminationCaseId(), entry.createdAt(), entry.createdBy(), null);
    }

    @Transactional
    public void removeFromBlacklist(CurrentActor actor, UUID id, String changeReason) {
        BlacklistEntry entry = records.blacklistEntryForUpdate(id)
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
        Instant now = clock.instant();
        if (!records.removeFromBlacklist(id, now)) {
            throw new HnswException(CommonErrorCode.NOT_FOUND);
        }
        blacklistChange(actor, id, "REMOVE", entry.reason(), null,
                changeReason == null || changeReason.isBlank() ? "移出黑名单 Removed from the blacklist" : changeReason,
                now);
    }

    /** 黑名单变更记录 of one entry, oldest first, each with whether its anchored hash still matches. */
    public List<BlacklistChangeCheck> blacklistHistory(UUID id) {
        return records.blacklistChanges(id).stream().map(c -> new BlacklistChangeCheck(c,
                anchor.anchoredHash(c.auditSeq(), c.id().toString()).map(h -> h.equals(c.computeHash())
                        && h.equals(c.sm3())).orElse(false))).toList();
    }

    public record BlacklistChangeCheck(PilotRecordsRepository.BlacklistChange change, boolean intact) {
    }

    private void blacklistChange(CurrentActor actor, UUID entryId, String action, String before, String after,
                                 String changeReason, Instant now) {
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        String hash = PilotRecordsRepository.BlacklistChange.hash(id, entryId, action, before, after, changeReason,
                actor.username(), at);
        long seq = anchor.anchor(actor, id.toString(), "pilot.blacklist." + action, hash, at);
        records.insertBlacklistChange(new PilotRecordsRepository.BlacklistChange(id, entryId, action, before, after,
                changeReason, actor.username(), at, hash, seq));
    }

    /** 区外试点企业（产品）清单. */
    public List<PilotApplication> approvedList() {
        return applications.approved();
    }

    // --- helpers for the process centre ----------------------------------------------------------------------

    Task openTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new HnswException(PilotErrorCode.TASK_NOT_FOUND, taskId);
        }
        return task;
    }

    PilotApplication applicationOf(Task task) {
        String pi = task.getProcessInstanceId();
        return (TERMINATION_PROCESS.equals(processKey(task))
                ? records.terminationByProcess(pi).flatMap(t -> applications.find(t.applicationId()))
                : applications.findByProcessInstance(pi))
                .orElseThrow(() -> new HnswException(PilotErrorCode.APPLICATION_NOT_FOUND, pi));
    }

    List<String> candidateGroups(String taskId) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private String processKey(Task task) {
        return task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
    }

    private static List<String> intersect(List<String> a, List<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.retainAll(b);
        return List.copyOf(s);
    }
}
