package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 审批预警: tasks due soon or overdue (working days on the holiday calendar, per-step configuration) are announced
 * once per task and level: a to-do warning to the units the task is offered to (通知消息记录) and an alert on the
 * platform's shared alerts topic.
 */
@Component
public class PilotDeadlineWarnings {

    private final ProcessCentreService centre;
    private final PilotRecordsRepository records;
    private final PilotNotices notices;
    private final OutboxPublisher outbox;
    private final Clock clock;

    public PilotDeadlineWarnings(ProcessCentreService centre, PilotRecordsRepository records, PilotNotices notices,
                                 OutboxPublisher outbox, Clock clock) {
        this.centre = centre;
        this.records = records;
        this.notices = notices;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${tradewindow.warnings.initial-delay:PT1M}",
            fixedDelayString = "${tradewindow.warnings.interval:PT10M}")
    @Transactional
    public int scan() {
        int raised = 0;
        for (ProcessCentreService.TaskItem task : centre.atRisk()) {
            String kind = "WARN_" + task.warning();
            if (records.notified(task.taskId(), kind)) {
                continue;
            }
            boolean overdue = "OVERDUE".equals(task.warning());
            String zh = (overdue ? "【审批超期】" : "【审批即将到期】") + task.enterpriseName() + " 加工增值试点申请（"
                    + task.caseNumber() + "）" + task.stepZh() + "，剩余 " + task.workingDaysLeft() + " 个工作日";
            String en = (overdue ? "Approval overdue: " : "Approval due soon: ") + task.stepEn() + " of case "
                    + task.caseNumber() + ", " + task.workingDaysLeft() + " working days left";
            Map<String, String> values = Map.of("enterprise", String.valueOf(task.enterpriseName()),
                    "caseNumber", String.valueOf(task.caseNumber()), "step", task.stepZh(), "stepEn", task.stepEn(),
                    "daysLeft", String.valueOf(task.workingDaysLeft()));
            for (String group : task.candidateGroups()) {
                notices.warning(group, task.taskId(), kind, values);
            }
            if (task.candidateGroups().isEmpty()) {
                notices.warning(String.valueOf(task.assignee()), task.taskId(), kind, values);
            }
            Alert alert = new Alert(UUID.nameUUIDFromBytes((task.taskId() + kind).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), "trade-window-service", "pilot-approval-deadline",
                    overdue ? Alert.Level.MEDIUM : Alert.Level.LOW, null,
                    task.candidateGroups().isEmpty() ? null : task.candidateGroups().get(0), List.of(),
                    zh, en, clock.instant(), null, null,
                    Map.of("taskId", task.taskId(), "step", task.step(), "caseNumber", String.valueOf(task.caseNumber()),
                            "dueAt", String.valueOf(task.dueAt())));
            outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alert.alertId(), Alert.EVENT_TYPE, alert);
            raised++;
        }
        return raised;
    }
}
