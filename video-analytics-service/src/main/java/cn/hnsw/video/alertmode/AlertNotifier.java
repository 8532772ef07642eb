package cn.hnsw.video.alertmode;

import cn.hnsw.video.alertmode.AlertModeService.Channel;
import cn.hnsw.video.alertmode.NotificationGateway.Message;
import cn.hnsw.video.alertmode.NotificationGateway.NotificationFailed;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 预警短信与 App 推送: when an alert is raised, one delivery per bound officer and requested channel is written in the
 * alert's transaction (the delivery outbox: an alert that commits has its deliveries, one that rolls back has none);
 * the dispatcher then sends each through {@link NotificationGateway}, rows locked {@code FOR UPDATE SKIP LOCKED} so
 * two instances never send the same one. An officer without a phone (SMS) or device (app push) is recorded
 * {@code NO_CONTACT}; a failed attempt is {@code RETRYING} with a doubling wait, {@code FAILED} after
 * {@code max-attempts}; a refusal by the partner is {@code FAILED} at once.
 */
@Component
public class AlertNotifier {

    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final NotificationGateway gateway;
    private final OfficerContacts contacts;
    private final boolean enabled;
    private final int maxAttempts;
    private final long retryMs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-notifier");
        t.setDaemon(true);
        return t;
    });

    public AlertNotifier(JdbcTemplate jdbc, TransactionTemplate tx, NotificationGateway gateway,
            OfficerContacts contacts, @Value("${hnsw.video.notify.enabled:true}") boolean enabled,
            @Value("${hnsw.video.notify.max-attempts:3}") int maxAttempts,
            @Value("${hnsw.video.notify.retry-ms:1000}") long retryMs) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.gateway = gateway;
        this.contacts = contacts;
        this.enabled = enabled;
        this.maxAttempts = maxAttempts;
        this.retryMs = retryMs;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (enabled) {
            scheduler.scheduleWithFixedDelay(this::dispatchSafely, 1, 1, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** In the caller's (the alert's) transaction: one delivery per officer and SMS/app-push channel. */
    public void enqueue(String alertId, List<String> officers, List<Channel> channels, String title) {
        for (String officer : officers) {
            OfficerContacts.Contact c = contacts.find(officer).orElse(null);
            for (Channel ch : channels) {
                if (ch != Channel.SMS && ch != Channel.APP_PUSH) {
                    continue;
                }
                String address = c == null ? null : ch == Channel.SMS ? c.phone() : c.pushDeviceId();
                boolean none = address == null || address.isBlank();
                jdbc.update("INSERT INTO alert_notification (id, alert_id, username, channel, address, title, status, "
                        + "last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", UUID.randomUUID(), alertId,
                        officer, ch.name(), none ? null : address, title.length() > 500 ? title.substring(0, 500) : title,
                        none ? "NO_CONTACT" : "PENDING", none ? "未登记" + (ch == Channel.SMS ? "手机号码" : "移动端设备")
                                + " / no " + (ch == Channel.SMS ? "phone number" : "push device") + " on record" : null);
            }
        }
    }

    private void dispatchSafely() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("event=alert-notify-failed error={}", e.toString());
        }
    }

    /** Sends the deliveries that are due; answers how many were attempted. */
    public int dispatchDue() {
        Integer n = tx.execute(s -> {
            List<Map<String, Object>> due = jdbc.queryForList("SELECT id, alert_id, channel, address, title, attempts "
                    + "FROM alert_notification WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now() "
                    + "ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED");
            for (Map<String, Object> d : due) {
                UUID id = (UUID) d.get("id");
                int attempt = ((Number) d.get("attempts")).intValue() + 1;
                String alertId = (String) d.get("alert_id");
                Channel channel = Channel.valueOf((String) d.get("channel"));
                try {
                    String messageId = gateway.send(new Message(channel, (String) d.get("address"),
                            (String) d.get("title"), "预警编号 " + alertId + "，请及时处置 / please handle", alertId));
                    jdbc.update("UPDATE alert_notification SET status = 'SENT', attempts = ?, partner_message_id = ?, "
                            + "sent_at = now(), last_error = NULL WHERE id = ?", attempt, messageId, id);
                    log.info("event=alert-notified alert={} channel={} attempt={}", alertId, channel, attempt);
                } catch (NotificationFailed e) {
                    boolean again = e.retryable() && attempt < maxAttempts;
                    String error = e.getMessage() == null ? "failed" : e.getMessage();
                    jdbc.update("UPDATE alert_notification SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? "
                            + "WHERE id = ?", again ? "RETRYING" : "FAILED", attempt,
                            error.length() > 500 ? error.substring(0, 500) : error,
                            Timestamp.from(Instant.now().plusMillis(retryMs << (attempt - 1))), id);
                    log.warn("event=alert-notify-attempt-failed alert={} channel={} attempt={} retry={} error={}", alertId,
                            channel, attempt, again, error);
                }
            }
            return due.size();
        });
        return n == null ? 0 : n;
    }

    /** The deliveries of an alert, per officer and channel, with their outcome. */
    public List<Map<String, Object>> deliveries(String alertId) {
        return jdbc.queryForList("SELECT username, channel, status, attempts, partner_message_id AS \"partnerMessageId\", "
                + "last_error AS \"lastError\", created_at AS \"createdAt\", sent_at AS \"sentAt\" FROM alert_notification "
                + "WHERE alert_id = ? ORDER BY username, channel", alertId);
    }
}
