package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.tradewindow.calendar.HolidayCalendarRepository;
import cn.hnsw.tradewindow.calendar.WorkingDayCalendar;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeRepository.Subject;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeTemplates.Template;
import cn.hnsw.tradewindow.pilot.PilotRecordsRepository;
import cn.hnsw.tradewindow.pilot.PilotRecordsRepository.NotificationRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * S2's own notices, from its notice templates (通知模版配置, {@link LowAltitudeTemplates}): a returned report
 * (REPORT_RETURNED, with a correction deadline of {@value #CORRECTION_WORKING_DAYS} working days on the holiday
 * calendar), every review result (REPORT_RESULT) and a raised warning (WARNING_RAISED) reach the reporting subject on
 * the channels its template names — the PC and mobile ends as in-app messages (status DELIVERED, read by the
 * reporter here), SMS to the subject's contact phone through the SMS platform (a PENDING record the notice
 * dispatcher sends). A disabled or deleted template sends nothing. Written in the caller's transaction.
 */
@Component
public class LowAltitudeNotices {

    static final int CORRECTION_WORKING_DAYS = 5;
    private static final String RECIPIENT_PREFIX = "/low-altitude/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkingDayCalendar.ZONE);

    private final LowAltitudeTemplates templates;
    private final PilotRecordsRepository records;
    private final HolidayCalendarRepository calendar;
    private final JdbcClient jdbc;
    private final Clock clock;

    public LowAltitudeNotices(LowAltitudeTemplates templates, PilotRecordsRepository records,
                              HolidayCalendarRepository calendar, JdbcClient jdbc, Clock clock) {
        this.templates = templates;
        this.records = records;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An in-app notice of a reporter (PC or mobile end). */
    public record Message(UUID id, String channel, String kind, String businessId, String content, Instant createdAt) {
    }

    void reviewed(Subject subject, String reportId, String reportNo, String activity, String result, String opinion) {
        Map<String, String> v = new HashMap<>();
        v.put("reportNo", reportNo);
        v.put("activity", "CARGO".equals(activity) ? "货运 cargo" : "载客 passenger");
        v.put("status", "APPROVED".equals(result) ? "审核通过 approved" : "退回 returned");
        send("REPORT_RESULT", subject, reportId, v);
        if ("RETURNED".equals(result)) {
            v.put("reason", opinion);
            v.put("deadline", DAY.format(calendar.calendar().deadline(clock.instant(), CORRECTION_WORKING_DAYS)));
            send("REPORT_RETURNED", subject, reportId, v);
        }
    }

    void warningRaised(Subject subject, String warningKey, String detail) {
        send("WARNING_RAISED", subject, warningKey, new HashMap<>(Map.of("reason", detail)));
    }

    /** The reporter's own in-app notices, newest first. */
    public List<Message> mine(CurrentActor actor) {
        String recipient = RECIPIENT_PREFIX + LowAltitudeReportingService.ownerKey(actor);
        return jdbc.sql("""
                SELECT * FROM notification_record WHERE recipient = ? AND channel IN ('PC', 'MOBILE')
                ORDER BY created_at DESC LIMIT 200""").param(recipient)
                .query((rs, i) -> new Message(rs.getObject("id", UUID.class), rs.getString("channel"),
                        rs.getString("kind"), rs.getString("business_id"), rs.getString("content"),
                        rs.getTimestamp("created_at").toInstant())).list();
    }

    private void send(String code, Subject subject, String businessId, Map<String, String> values) {
        Template t = templates.find(code).orElse(null);
        if (t == null || !t.enabled()) {
            return;
        }
        values.put("subjectName", subject.name());
        String content = t.render(values);
        if (content.length() > 1000) {
            content = content.substring(0, 1000);
        }
        String kind = "LA_" + code;
        String business = businessId.length() > 64 ? businessId.substring(0, 64) : businessId;
        Instant now = clock.instant();
        if (t.channelPc()) {
            write("PC", RECIPIENT_PREFIX + subject.ownerKey(), business, kind, content, "DELIVERED", now);
        }
        if (t.channelMobile()) {
            write("MOBILE", RECIPIENT_PREFIX + subject.ownerKey(), business, kind, content, "DELIVERED", now);
        }
        if (t.channelSms() && subject.contactPhone() != null && !subject.contactPhone().isBlank()) {
            write("SMS", subject.contactPhone(), business, kind, content, "PENDING", now);
        }
    }

    private void write(String channel, String recipient, String businessId, String kind, String content, String status,
                       Instant now) {
        records.insertNotification(new NotificationRecord(UUID.randomUUID(), channel, recipient, businessId, kind,
                content, status, now));
    }
}
