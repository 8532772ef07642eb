package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.tradewindow.calendar.HolidayCalendarRepository;
import cn.hnsw.tradewindow.calendar.WorkingDayCalendar;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ActivityInstance;
import org.flowable.image.impl.DefaultProcessDiagramGenerator;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 流程中心 — the approver's process centre: to-do (待办, offered to one of the user's organisations or claimed by
 * the user), done (已办), claim/unclaim (签收), copies (抄送) and the process diagram with the current step highlighted,
 * drawn by Flowable's image generator from the BPMN's diagram interchange.
 */
@Service
public class ProcessCentreService {

    private final TaskService tasks;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final PilotApprovalService pilot;
    private final PilotApplicationRepository applications;
    private final PilotRecordsRepository records;
    private final HolidayCalendarRepository calendar;
    private final Clock clock;
    private final String font;

    public ProcessCentreService(TaskService tasks, HistoryService history, RuntimeService runtime,
                                RepositoryService repository, PilotApprovalService pilot,
                                PilotApplicationRepository applications, PilotRecordsRepository records,
                                HolidayCalendarRepository calendar, Clock clock,
                                @Value("${tradewindow.diagram.font:Noto Sans CJK SC}") String font) {
        this.tasks = tasks;
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
        this.pilot = pilot;
        this.applications = applications;
        this.records = records;
        this.calendar = calendar;
        this.clock = clock;
        this.font = font;
    }

    /**
     * One task in a list. {@code warning}: NORMAL, DUE_SOON (within the step's warning days) or OVERDUE, counted in
     * working days on the holiday calendar.
     */
    public record TaskItem(String taskId, String step, String stepZh, String stepEn, String process,
                           UUID applicationId, String caseNumber, String enterpriseName, String regionCode,
                           List<String> candidateGroups, String assignee, Instant createdAt, Instant dueAt,
                           Instant endedAt, Integer workingDaysLeft, String warning) {
    }

    public List<TaskItem> pending(CurrentActor actor) {
        List<Task> open = actor.organizations().isEmpty()
                ? tasks.createTaskQuery().taskAssignee(actor.username()).orderByTaskCreateTime().desc().list()
                : tasks.createTaskQuery().or().taskCandidateGroupIn(actor.organizations()).taskAssignee(actor.username())
                .endOr().orderByTaskCreateTime().desc().list();
        WorkingDayCalendar cal = calendar.calendar();
        Instant now = clock.instant();
        List<TaskItem> items = new ArrayList<>();
        for (Task t : open) {
            ApprovalStep step = ApprovalStep.of(t.getTaskDefinitionKey());
            if (step.role() != null && !actor.hasRole(step.role())) {
                continue;
            }
            if (step.role() == null && !actor.isEnterpriseUser()) {
                continue;
            }
            items.add(item(t.getId(), step, t.getProcessDefinitionId(), t.getProcessInstanceId(), t.getExecutionId(),
                    pilot.candidateGroups(t.getId()), t.getAssignee(), t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(), null, cal, now));
        }
        return items;
    }

    /**
     * 已办: the tasks the user decided, from the hashed opinion records (a task is completed in one engine call
     * without claiming it first, so the opinion, not the task's assignee, says who acted).
     */
    public List<TaskItem> done(CurrentActor actor) {
        List<TaskItem> items = new ArrayList<>();
        for (ApprovalOpinion o : records.decisionsBy(actor.username(), 200)) {
            if ("ADD_APPROVER".equals(o.decision())) {
                continue;
            }
            ApprovalStep step = ApprovalStep.of(o.step());
            PilotApplication app = applications.find(o.applicationId()).orElse(null);
            items.add(new TaskItem(o.taskId(), step.name(), step.nameZh(), step.nameEn(),
                    step.isTermination() ? PilotApprovalService.TERMINATION_PROCESS : PilotApprovalService.PROCESS,
                    o.applicationId(), app == null ? null : app.caseNumber(), app == null ? null : app.enterpriseName(),
                    app == null ? null : app.regionCode(), o.unitOrg() == null ? List.of() : List.of(o.unitOrg()),
                    o.actorName(), null, null, o.createdAt(), null, null));
        }
        return items;
    }

    /** Tasks at risk, for the warning screen and the scheduled warnings. */
    public List<TaskItem> atRisk() {
        WorkingDayCalendar cal = calendar.calendar();
        Instant now = clock.instant();
        List<TaskItem> items = new ArrayList<>();
        for (Task t : tasks.createTaskQuery().taskDueBefore(java.util.Date.from(now.plus(java.time.Duration.ofDays(45))))
                .orderByTaskDueDate().asc().list()) {
            TaskItem item = item(t.getId(), ApprovalStep.of(t.getTaskDefinitionKey()), t.getProcessDefinitionId(),
                    t.getProcessInstanceId(), t.getExecutionId(), pilot.candidateGroups(t.getId()), t.getAssignee(),
                    t.getCreateTime().toInstant(), t.getDueDate().toInstant(), null, cal, now);
            if (!"NORMAL".equals(item.warning())) {
                items.add(item);
            }
        }
        return items;
    }

    private TaskItem item(String taskId, ApprovalStep step, String definitionId, String processInstanceId,
                          String executionId, List<String> groups, String assignee, Instant created, Instant due,
                          Instant ended, WorkingDayCalendar cal, Instant now) {
        String process = definitionId.substring(0, definitionId.indexOf(':'));
        PilotApplication app = applicationOfProcess(process, processInstanceId);
        Integer left = null;
        String warning = null;
        if (cal != null && due != null) {
            left = cal.workingDaysLeft(now, due);
            int warnBefore = calendar.warningConfig(step.name()).warnBeforeDays();
            warning = left < 0 || now.isAfter(due) ? "OVERDUE" : left <= warnBefore ? "DUE_SOON" : "NORMAL";
        }
        return new TaskItem(taskId, step.name(), step.nameZh(), step.nameEn(), process,
                app == null ? null : app.id(), app == null ? null : app.caseNumber(),
                app == null ? null : app.enterpriseName(), app == null ? null : app.regionCode(), groups, assignee,
                created, due, ended, left, warning);
    }

    private PilotApplication applicationOfProcess(String process, String processInstanceId) {
        if (PilotApprovalService.PROCESS.equals(process)) {
            return applications.findByProcessInstance(processInstanceId).orElse(null);
        }
        return records.terminationByProcess(processInstanceId)
                .flatMap(t -> applications.find(t.applicationId())).orElse(null);
    }

    @Transactional
    public void claim(CurrentActor actor, String taskId) {
        Task task = pilot.openTask(taskId);
        pilot.authorize(actor, task);
        if (pilot.candidateGroups(taskId).size() > 1) {
            throw new HnswException(PilotErrorCode.SHARED_TASK_NOT_CLAIMABLE);
        }
        if (task.getAssignee() == null) {
            tasks.claim(taskId, actor.username());
        }
    }

    @Transactional
    public void unclaim(CurrentActor actor, String taskId) {
        Task task = pilot.openTask(taskId);
        pilot.authorize(actor, task);
        tasks.unclaim(taskId);
    }

    public List<PilotRecordsRepository.CaseCopy> copies(CurrentActor actor) {
        return records.copiesTo(actor.organizations());
    }

    /** The PNG of the application's approval process (or its latest termination) with the open steps highlighted. */
    public byte[] diagram(CurrentActor actor, UUID applicationId, boolean termination) {
        PilotApplication app = pilot.read(actor, applicationId);
        String processInstanceId = termination
                ? records.terminationsOf(app.id()).stream().findFirst().map(PilotRecordsRepository.TerminationCase::processInstanceId).orElse(null)
                : app.processInstanceId();
        String key = termination ? PilotApprovalService.TERMINATION_PROCESS : PilotApprovalService.PROCESS;
        String definitionId;
        List<String> active = new ArrayList<>();
        List<String> flows = new ArrayList<>();
        if (processInstanceId == null) {
            definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult().getId();
        } else {
            var hpi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
            definitionId = hpi.getProcessDefinitionId();
            // The running instance's activities and flows taken (history level task keeps no activity history).
            for (ActivityInstance a : runtime.createActivityInstanceQuery().processInstanceId(processInstanceId).list()) {
                if ("sequenceFlow".equals(a.getActivityType())) {
                    flows.add(a.getActivityId());
                } else if (a.getEndTime() == null) {
                    active.add(a.getActivityId());
                }
            }
        }
        BpmnModel model = repository.getBpmnModel(definitionId);
        try (InputStream in = new DefaultProcessDiagramGenerator().generateDiagram(model, "png", active, flows, font,
                font, font, getClass().getClassLoader(), 1.0, true)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application's steps for the browser: which are done, which are open, with their deadlines. */
    public List<TaskItem> trail(CurrentActor actor, UUID applicationId) {
        PilotApplication app = pilot.read(actor, applicationId);
        List<TaskItem> items = new ArrayList<>();
        if (app.processInstanceId() == null) {
            return items;
        }
        WorkingDayCalendar cal = calendar.calendar();
        Instant now = clock.instant();
        java.util.Map<String, String> actedBy = new java.util.HashMap<>();
        for (ApprovalOpinion o : records.opinions(app.id())) {
            if (o.taskId() != null && !"ADD_APPROVER".equals(o.decision())) {
                actedBy.put(o.taskId(), o.actorName());
            }
        }
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(app.processInstanceId())
                .orderByHistoricTaskInstanceStartTime().asc().list()) {
            items.add(item(t.getId(), ApprovalStep.of(t.getTaskDefinitionKey()), t.getProcessDefinitionId(),
                    t.getProcessInstanceId(), null, List.of(), actedBy.getOrDefault(t.getId(), t.getAssignee()),
                    t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    t.getEndTime() == null ? null : t.getEndTime().toInstant(), t.getEndTime() == null ? cal : null, now));
        }
        return items;
    }

}
