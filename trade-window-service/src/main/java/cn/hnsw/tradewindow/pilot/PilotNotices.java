package cn.hnsw.tradewindow.pilot;

import cn.hnsw.tradewindow.calendar.WorkingDayCalendar;
import cn.hnsw.tradewindow.pilot.NoticeSettingsRepository.DepartmentAccount;
import cn.hnsw.tradewindow.pilot.NoticeSettingsRepository.NotificationConfig;
import cn.hnsw.tradewindow.pilot.PilotRecordsRepository.NotificationRecord;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 消息通知 — to-do notices to approvers (统一代办), status messages to the enterprise (SMS), copies and deadline
 * warnings. Each notice follows the notification configuration of its event (消息通知配置: enabled, which template,
 * which channels) and its text is the event's message template (消息内容模板) filled in; both are data
 * ({@link NoticeSettingsRepository}). SMS to an organisation goes to its enabled department accounts (部门账号).
 * <p>
 * A notice is only written here, as a PENDING notification record (通知消息记录) in the caller's transaction: the
 * partner calls (sealed, over the network) happen afterwards in {@link NoticeDispatcher}, off the decision's path,
 * and a partner outage never undoes an approval: the record turns FAILED and can be resent.
 */
@Component
public class PilotNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkingDayCalendar.ZONE);
    private static final String ENTERPRISE_PREFIX = "/enterprises/";
    /** The stored channel of a to-do notice (统一代办) sent to 海易办/海政通; the other channel is {@code SMS}. */
    public static final String PENDING_TASK = "PENDING_TASK";

    private final PilotRecordsRepository records;
    private final NoticeSettingsRepository settings;
    private final Clock clock;

    public PilotNotices(PilotRecordsRepository records, NoticeSettingsRepository settings, Clock clock) {
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    void pendingTask(String group, PilotApplication app, ApprovalStep step, Instant due) {
        Map<String, String> v = caseValues(app);
        v.put("step", step.nameZh());
        v.put("stepEn", step.nameEn());
        v.put("due", DAY.format(due));
        send("TASK", group, app.id().toString(), "TASK_" + step.name(), v);
    }

    void statusToEnterprise(PilotApplication app) {
        Map<String, String> v = caseValues(app);
        v.put("status", app.status().name());
        send("STATUS", ENTERPRISE_PREFIX + app.enterpriseUscc(), app.id().toString(), "STATUS_" + app.status().name(), v);
    }

    void copy(String toOrg, PilotApplication app, String from) {
        Map<String, String> v = caseValues(app);
        v.put("from", from);
        send("COPY", toOrg, app.id().toString(), "COPY", v);
    }

    /** A deadline warning; {@code event} is WARN_DUE_SOON or WARN_OVERDUE. */
    public void warning(String group, String businessId, String event, Map<String, String> values) {
        send(event, group, businessId, event, new HashMap<>(values));
    }

    private static Map<String, String> caseValues(PilotApplication app) {
        Map<String, String> v = new HashMap<>();
        v.put("enterprise", app.enterpriseName());
        v.put("caseNumber", app.caseNumber() == null ? "-" : app.caseNumber());
        return v;
    }

    private void send(String event, String recipient, String businessId, String kind, Map<String, String> values) {
        NotificationConfig config = settings.config(event).orElse(null);
        if (config == null || !config.enabled()) {
            return;
        }
        String content = settings.template(config.templateCode()).map(t -> t.render(values)).orElse(null);
        if (content == null) {
            return;
        }
        if (content.length() > 1000) {
            content = content.substring(0, 1000);
        }
        boolean enterprise = recipient.startsWith(ENTERPRISE_PREFIX);
        if (config.toUnit()) {
            write(PENDING_TASK, recipient, businessId, kind, content);
        }
        if (config.sms()) {
            if (enterprise) {
                write("SMS", recipient, businessId, kind, content);
            } else {
                for (DepartmentAccount a : settings.accounts(recipient)) {
                    if (a.enabled() && a.mobile() != null && !a.mobile().isBlank()) {
                        write("SMS", a.mobile(), businessId, kind, content);
                    }
                }
            }
        }
    }

    private void write(String channel, String recipient, String businessId, String kind, String content) {
        records.insertNotification(new NotificationRecord(UUID.randomUUID(), channel, recipient, businessId, kind,
                content, "PENDING", clock.instant()));
    }
}
