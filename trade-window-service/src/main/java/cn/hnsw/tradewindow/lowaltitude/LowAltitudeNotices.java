package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.tradewindow.calendar.HolidayCalendarRepository;
import cn.hnsw.tradewindow.calendar.WorkingDayCalendar;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeRepository.Subject;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeTemplates.Template;
import cn.hnsw.tradewindow.pilot.PilotRecordsRepository;
import cn.hnsw.tradewindow.pilot.PilotRecordsRepository.NotificationRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import cn.hnsw.common.web.HnswException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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
 * dispatcher sends). A disabled or deleted template sends nothing. A subscribable template (订阅) reaches only the
 * reporters (by owner: enterprise or individual) who subscribed to it here; one that is not subscribable reaches every
 * subject concerned. Written in the caller's transaction.
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

    /** A subscribable, enabled template and whether the reporter subscribed to it. */
    public record Subscription(String code, String nameZh, String nameEn, boolean channelPc, boolean channelMobile,
                               boolean channelSms, boolean subscribed, Instant subscribedAt) {
    }

    /** The templates a reporter may subscribe to (subscribable and enabled), each with its own subscription. */
    public List<Subscription> subscriptions(CurrentActor actor) {
        String owner = LowAltitudeReportingService.ownerKey(actor);
        return jdbc.sql("""
                SELECT t.*, s.subscribed_at FROM la_notice_template t
                LEFT JOIN la_template_subscription s ON s.template_code = t.code AND s.owner_key = ?
                WHERE t.subscribable AND t.enabled ORDER BY t.code""").param(owner)
                .query((rs, i) -> {
                    java.sql.Timestamp at = rs.getTimestamp("subscribed_at");
                    return new Subscription(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                            rs.getBoolean("channel_pc"), rs.getBoolean("channel_mobile"), rs.getBoolean("channel_sms"),
                            at != null, at == null ? null : at.toInstant());
                }).list();
    }

    /** 订阅: the reporter's owner subscribes to a subscribable, enabled template (again: no change). */
    @Transactional
    public List<Subscription> subscribe(CurrentActor actor, String code) {
        String owner = LowAltitudeReportingService.ownerKey(actor);
        Template t = templates.find(code)
                .orElseThrow(() -> new HnswException(LowAltitudeErrorCode.TEMPLATE_NOT_FOUND, code));
        if (!t.subscribable() || !t.enabled()) {
            throw new HnswException(LowAltitudeErrorCode.TEMPLATE_NOT_SUBSCRIBABLE, code);
        }
        jdbc.sql("""
                INSERT INTO la_template_subscription (owner_key, template_code, subscribed_by, subscribed_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(owner, code, actor.username(), java.sql.Timestamp.from(clock.instant())).update();
        return subscriptions(actor);
    }

    /** 取消订阅: the reporter's owner no longer receives the template. */
    @Transactional
    public List<Subscription> unsubscribe(CurrentActor actor, String code) {
        String owner = LowAltitudeReportingService.ownerKey(actor);
        if (templates.find(code).isEmpty()) {
            throw new HnswException(LowAltitudeErrorCode.TEMPLATE_NOT_FOUND, code);
        }
        jdbc.sql("DELETE FROM la_template_subscription WHERE owner_key = ? AND template_code = ?")
                .params(owner, code).update();
        return subscriptions(actor);
    }

    private boolean subscribed(String ownerKey, String code) {
        return jdbc.sql("SELECT count(*) FROM la_template_subscription WHERE owner_key = ? AND template_code = ?")
                .params(ownerKey, code).query(Long.class).single() > 0;
    }

    private void send(String code, Subject subject, String businessId, Map<String, String> values) {
        Template t = templates.find(code).orElse(null);
        if (t == null || !t.enabled()) {
            return;
        }
        if (t.subscribable() && !subscribed(subject.ownerKey(), code)) {
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
