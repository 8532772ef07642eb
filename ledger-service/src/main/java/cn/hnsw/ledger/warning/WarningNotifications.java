package cn.hnsw.ledger.warning;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 预警通知 — how a new ledger warning reaches its enterprise. Each enterprise chooses per warning kind (通知方式配置,
 * FP 2907–2910) which channels carry it: in-app (站内通知, read on the platform), SMS and e-mail (handed sealed to
 * partner platforms through a {@link NotificationChannel} adapter). Without a setting a warning goes in-app only.
 * <p>
 * Notices are written in the transaction that raises the warning, once per warning, channel and recipient; the
 * dispatcher sends the pending SMS and e-mail notices, retries an outage with doubling back-off up to
 * {@value #MAX_ATTEMPTS} attempts and stops at a refusal, keeping the partner's code.
 */
@Service
public class WarningNotifications {

    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final List<String> KINDS = List.of("LOW_STOCK", "RECEIPT_OVERDUE", "BOOKING_OVERDUE");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final int MAX_RECIPIENTS = 5;
    private static final Logger log = LoggerFactory.getLogger(WarningNotifications.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Map<String, NotificationChannel> channels;
    private final boolean scheduledDispatch;

    public WarningNotifications(JdbcClient jdbc, ObjectMapper json, Clock clock, TransactionTemplate tx,
                                List<NotificationChannel> channels,
                                @Value("${hnsw.ledger.notifications.scheduled-dispatch:true}") boolean scheduledDispatch) {
        this.scheduledDispatch = scheduledDispatch;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.tx = tx;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
    }

    /** An enterprise's channels for one warning kind; {@code configured} is false for the default (in-app only). */
    public record Setting(String kind, boolean inApp, boolean sms, boolean email, List<String> smsRecipients,
                          List<String> emailRecipients, boolean configured) {
    }

    /** One notice as the enterprise sees it. */
    public record Notice(long id, long warningId, String kind, String channel, String recipient, String subject,
                         String messageZh, String messageEn, String status, int attempts, String detail,
                         Instant createdAt, Instant deliveredAt, Instant readAt) {
    }

    // ------------------------------------------------------------------ settings

    public List<Setting> settings(String enterprise) {
        List<Setting> out = new ArrayList<>();
        for (String kind : KINDS) {
            out.add(setting(enterprise, kind));
        }
        return out;
    }

    public Setting setting(String enterprise, String kind) {
        return jdbc.sql("""
                        SELECT kind, in_app, sms, email, sms_recipients::text, email_recipients::text
                        FROM warning_notification_setting WHERE enterprise = :e AND kind = :k""")
                .param("e", enterprise).param("k", kind)
                .query((rs, n) -> new Setting(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        list(rs.getString(5)), list(rs.getString(6)), true))
                .optional().orElse(new Setting(kind, true, false, false, List.of(), List.of(), false));
    }

    /** 新增 / 修改: validated whole; a bad number or address changes nothing. */
    @Transactional
    public Setting save(String enterprise, Setting s, String by) {
        if (!KINDS.contains(s.kind())) {
            throw invalid("未知预警类型 " + s.kind(), "unknown warning kind " + s.kind());
        }
        List<String> phones = clean(s.smsRecipients());
        List<String> mails = clean(s.emailRecipients());
        if (phones.size() > MAX_RECIPIENTS || mails.size() > MAX_RECIPIENTS) {
            throw invalid("每种渠道最多 " + MAX_RECIPIENTS + " 个接收人", "at most " + MAX_RECIPIENTS + " recipients a channel");
        }
        for (String p : phones) {
            if (!MOBILE.matcher(p).matches()) {
                throw invalid("手机号码 " + p + " 无效", "mobile number " + p + " is not valid");
            }
        }
        for (String m : mails) {
            if (m.length() > 254 || !EMAIL.matcher(m).matches()) {
                throw invalid("邮箱地址 " + m + " 无效", "e-mail address " + m + " is not valid");
            }
        }
        if (s.sms() && phones.isEmpty()) {
            throw invalid("短信通知须至少填写一个手机号码", "SMS needs at least one mobile number");
        }
        if (s.email() && mails.isEmpty()) {
            throw invalid("邮件通知须至少填写一个邮箱地址", "e-mail needs at least one address");
        }
        jdbc.sql("""
                        INSERT INTO warning_notification_setting (enterprise, kind, in_app, sms, email, sms_recipients,
                            email_recipients, updated_by, updated_at)
                        VALUES (:e, :k, :i, :s, :m, CAST(:sr AS jsonb), CAST(:mr AS jsonb), :by, :at)
                        ON CONFLICT (enterprise, kind) DO UPDATE SET in_app = EXCLUDED.in_app, sms = EXCLUDED.sms,
                            email = EXCLUDED.email, sms_recipients = EXCLUDED.sms_recipients,
                            email_recipients = EXCLUDED.email_recipients, updated_by = EXCLUDED.updated_by,
                            updated_at = EXCLUDED.updated_at""")
                .param("e", enterprise).param("k", s.kind()).param("i", s.inApp()).param("s", s.sms()).param("m", s.email())
                .param("sr", write(phones)).param("mr", write(mails)).param("by", by)
                .param("at", Timestamp.from(clock.instant())).update();
        log.info("event=warning-notification-setting-saved enterprise={} kind={} inApp={} sms={} email={}", enterprise,
                s.kind(), s.inApp(), s.sms(), s.email());
        return setting(enterprise, s.kind());
    }

    /** 删除: back to the default (in-app only). @return whether there was a setting */
    @Transactional
    public boolean reset(String enterprise, String kind) {
        return jdbc.sql("DELETE FROM warning_notification_setting WHERE enterprise = :e AND kind = :k")
                .param("e", enterprise).param("k", kind).update() > 0;
    }

    // ------------------------------------------------------------------ notices

    /** Writes the notices of a new warning on the channels its enterprise chose; called in the raising transaction. */
    void enqueue(long warningId, String enterprise, String kind, String ledgerNo, String messageZh, String messageEn,
                 Instant now) {
        Setting s = setting(enterprise, kind);
        String subject = switch (kind) {
            case "LOW_STOCK" -> "账册库存预警";
            case "BOOKING_OVERDUE" -> "简化申报入账预警";
            default -> "账册回执超时预警";
        } + " " + ledgerNo;
        if (s.inApp()) {
            insert(warningId, enterprise, kind, "IN_APP", null, subject, messageZh, "DELIVERED", now);
        }
        if (s.sms()) {
            s.smsRecipients().forEach(p -> insert(warningId, enterprise, kind, "SMS", p, subject, messageZh, "PENDING", now));
        }
        if (s.email()) {
            s.emailRecipients().forEach(m -> insert(warningId, enterprise, kind, "EMAIL", m, subject,
                    messageZh + "\n\n" + messageEn, "PENDING", now));
        }
    }

    private void insert(long warningId, String enterprise, String kind, String channel, String recipient, String subject,
                        String content, String status, Instant now) {
        jdbc.sql("""
                        INSERT INTO warning_notification (warning_id, enterprise, kind, channel, recipient, subject, content,
                            status, next_attempt_at, created_at, delivered_at)
                        VALUES (:w, :e, :k, :c, :r, :s, :t, :st, :next, :at, :del)
                        ON CONFLICT DO NOTHING""")
                .param("w", warningId).param("e", enterprise).param("k", kind).param("c", channel).param("r", recipient)
                .param("s", subject).param("t", content.length() > 1000 ? content.substring(0, 1000) : content)
                .param("st", status).param("next", "PENDING".equals(status) ? Timestamp.from(now) : null)
                .param("at", Timestamp.from(now)).param("del", "DELIVERED".equals(status) ? Timestamp.from(now) : null)
                .update();
    }

    /** The enterprise's notices, newest first, optionally of one channel or only the unread in-app ones. */
    public List<Notice> notices(String enterprise, String channel, boolean unreadOnly) {
        return jdbc.sql("""
                        SELECT n.id, n.warning_id, n.kind, n.channel, n.recipient, n.subject, w.message_zh, w.message_en,
                               n.status, n.attempts, n.detail, n.created_at, n.delivered_at, n.read_at
                        FROM warning_notification n JOIN ledger_warning w ON w.id = n.warning_id
                        WHERE n.enterprise = :e AND (CAST(:c AS varchar) IS NULL OR n.channel = :c)
                          AND (NOT :u OR (n.channel = 'IN_APP' AND n.read_at IS NULL))
                        ORDER BY n.id DESC LIMIT 500""")
                .param("e", enterprise).param("c", channel).param("u", unreadOnly)
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                        rs.getString(11), rs.getTimestamp(12).toInstant(), instant(rs.getTimestamp(13)),
                        instant(rs.getTimestamp(14))))
                .list();
    }

    /** Marks an in-app notice of the enterprise read; another enterprise's notice is not found. */
    @Transactional
    public void markRead(String enterprise, long id) {
        int n = jdbc.sql("""
                        UPDATE warning_notification SET read_at = coalesce(read_at, :at)
                        WHERE id = :id AND enterprise = :e AND channel = 'IN_APP'""")
                .param("at", Timestamp.from(clock.instant())).param("id", id).param("e", enterprise).update();
        if (n == 0) {
            throw new HnswException(LedgerErrorCode.NOTIFICATION_NOT_FOUND, id);
        }
    }

    // ------------------------------------------------------------------ dispatch

    @Scheduled(fixedDelayString = "${hnsw.ledger.notifications.interval:PT15S}",
            initialDelayString = "${hnsw.ledger.notifications.initial-delay:PT30S}")
    public void scheduled() {
        if (!scheduledDispatch) {
            return;
        }
        try {
            dispatch();
        } catch (RuntimeException e) {
            log.warn("event=warning-notifications-failed cause={}", e.toString());
        }
    }

    /** Sends the due SMS and e-mail notices; each is locked while it is sent, so two dispatchers never send one twice. */
    public int dispatch() {
        List<Long> due = jdbc.sql("""
                        SELECT id FROM warning_notification WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id LIMIT 100""")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            Boolean delivered = tx.execute(st -> sendOne(id));
            if (Boolean.TRUE.equals(delivered)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean sendOne(long id) {
        List<Map<String, Object>> locked = jdbc.sql("""
                        SELECT id, channel, recipient, subject, content, attempts FROM warning_notification
                        WHERE id = :id AND status = 'PENDING' FOR UPDATE SKIP LOCKED""")
                .param("id", id).query().listOfRows();
        if (locked.isEmpty()) {
            return false;
        }
        Map<String, Object> n = locked.get(0);
        String channelName = (String) n.get("channel");
        NotificationChannel channel = channels.get(channelName);
        int attempts = ((Number) n.get("attempts")).intValue() + 1;
        Instant now = clock.instant();
        NotificationChannel.Outcome outcome = channel == null
                ? new NotificationChannel.Outcome(NotificationChannel.Outcome.Kind.REFUSED, "NO_CHANNEL " + channelName)
                : channel.send((String) n.get("recipient"), (String) n.get("subject"), (String) n.get("content"),
                "ledger-warning-notice-" + id);
        String status;
        Timestamp next = null;
        switch (outcome.kind()) {
            case DELIVERED -> status = "DELIVERED";
            case REFUSED -> status = "FAILED";
            default -> {
                if (attempts >= MAX_ATTEMPTS) {
                    status = "FAILED";
                } else {
                    status = "PENDING";
                    next = Timestamp.from(now.plus(FIRST_RETRY.multipliedBy(1L << (attempts - 1))));
                }
            }
        }
        String detail = outcome.detail() == null ? null : outcome.detail().length() > 300 ? outcome.detail().substring(0, 300) : outcome.detail();
        jdbc.sql("""
                        UPDATE warning_notification SET status = :st, attempts = :a, next_attempt_at = :next, detail = :d,
                            partner_ref = CASE WHEN :st = 'DELIVERED' THEN :d ELSE partner_ref END,
                            delivered_at = CASE WHEN :st = 'DELIVERED' THEN :at ELSE delivered_at END
                        WHERE id = :id""")
                .param("st", status).param("a", attempts).param("next", next).param("d", detail)
                .param("at", Timestamp.from(now)).param("id", id).update();
        log.info("event=warning-notice-attempt notice={} channel={} attempt={} outcome={} status={}", id, channelName,
                attempts, outcome.kind(), status);
        return "DELIVERED".equals(status);
    }

    // ------------------------------------------------------------------ helpers

    private static HnswException invalid(String zh, String en) {
        return new HnswException(LedgerErrorCode.NOTIFICATION_SETTING_INVALID, zh, en);
    }

    private static List<String> clean(List<String> in) {
        if (in == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : in) {
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return List.copyOf(out);
    }

    private List<String> list(String jsonArray) {
        try {
            return json.readValue(jsonArray, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
