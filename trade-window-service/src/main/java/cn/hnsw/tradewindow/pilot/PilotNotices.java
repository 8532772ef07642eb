package cn.hnsw.tradewindow.pilot;

import cn.hnsw.tradewindow.calendar.WorkingDayCalendar;
import cn.hnsw.tradewindow.partner.NoticeGateway;
import cn.hnsw.tradewindow.pilot.PilotRecordsRepository.NotificationRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * 消息通知 — to-do notices to approvers (统一代办), status messages to the enterprise (SMS) and warnings, each kept as a
 * notification record (通知消息记录) with whether the partner took it. A partner outage never undoes an approval:
 * the notice is recorded as FAILED and can be seen and resent.
 */
@Component
public class PilotNotices {

    private static final Logger log = LoggerFactory.getLogger(PilotNotices.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkingDayCalendar.ZONE);

    private final NoticeGateway gateway;
    private final PilotRecordsRepository records;
    private final Clock clock;

    public PilotNotices(NoticeGateway gateway, PilotRecordsRepository records, Clock clock) {
        this.gateway = gateway;
        this.records = records;
        this.clock = clock;
    }

    void todo(String group, PilotApplication app, ApprovalStep step, Instant due) {
        send("TODO", group, app.id().toString(), "TODO_" + step.name(),
                "【待办】" + app.enterpriseName() + " 加工增值试点申请（" + nullToDash(app.caseNumber()) + "）待" + step.nameZh()
                        + "，请于 " + DAY.format(due) + " 前办理 / To do: " + step.nameEn() + " by " + DAY.format(due));
    }

    void statusToEnterprise(PilotApplication app) {
        send("SMS", "/enterprises/" + app.enterpriseUscc(), app.id().toString(), "STATUS_" + app.status().name(),
                "【海南国际贸易单一窗口】您的加工增值试点申请（" + nullToDash(app.caseNumber()) + "）状态：" + app.status().name()
                        + " / Your pilot application is now " + app.status().name());
    }

    void copy(String toOrg, PilotApplication app, String from) {
        send("TODO", toOrg, app.id().toString(), "COPY",
                "【抄送】" + from + " 抄送 " + app.enterpriseName() + " 加工增值试点申请 / Copied to you for information");
    }

    public void warning(String group, String businessId, String kind, String content) {
        send("TODO", group, businessId, kind, content);
    }

    private void send(String channel, String recipient, String businessId, String kind, String content) {
        String status = "SENT";
        try {
            gateway.send(channel, recipient, content, businessId);
        } catch (RuntimeException e) {
            status = "FAILED";
            log.warn("event=notice-failed channel={} business={} kind={} cause={}", channel, businessId, kind,
                    e.toString());
        }
        records.insertNotification(new NotificationRecord(UUID.randomUUID(), channel, recipient, businessId, kind,
                content.length() > 1000 ? content.substring(0, 1000) : content, status, clock.instant()));
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
