package cn.hnsw.video.alert;

import cn.hnsw.video.alertmode.AlertDelivery;
import cn.hnsw.video.alertmode.AlertDelivery.Plan;
import java.util.HashMap;
import java.util.Map;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.alert.WatchlistHitRepository.WatchlistHit;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.support.VideoErrorCode;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 预警处置 — raises watch-list alerts on the platform's one alerts topic (through the outbox, addressed to the
 * officers bound to the task, FP 1126), shows them only to those officers, and closes them with the handling
 * feedback (FP 1086–1088, 1133–1136).
 */
@Service
public class AlertService {

    /** Fact published when an officer has handled a video alert. */
    public static final String HANDLED_TOPIC = EventTopics.topic("video-analytics", "alert-handled");

    /** Payload of {@link #HANDLED_TOPIC}. */
    public record AlertHandled(String alertId, String handledBy, String result, String note, Instant handledAt) {
    }

    private final WatchlistHitRepository hits;
    private final OutboxPublisher outbox;
    private final ObjectStorage storage;
    private final AlertDelivery delivery;
    private final cn.hnsw.video.alertmode.AlertNotifier notifier;

    public AlertService(WatchlistHitRepository hits, OutboxPublisher outbox, ObjectStorage storage,
            AlertDelivery delivery, cn.hnsw.video.alertmode.AlertNotifier notifier) {
        this.notifier = notifier;
        this.hits = hits;
        this.outbox = outbox;
        this.storage = storage;
        this.delivery = delivery;
    }

    /**
     * Stores the hit and publishes its alert in the caller's transaction. The enabled risk alert mode of the alert's
     * level applies (AlertDelivery): its channels are recorded on the hit and carried in the alert's attributes
     * ({@code screen}, {@code sound} for the console; {@code requestedChannels} for SMS and app push), and its
     * escalation minutes start the escalation clock (AlertEscalation).
     */
    @Transactional
    public void raise(WatchlistHit hit, Alert alert) {
        Plan plan = delivery.planFor(alert.level());
        hits.insert(hit);
        hits.recordDelivery(hit.alertId(), plan.level().name(), plan.modeId(),
                plan.channels().stream().map(Enum::name).toList(), plan.escalateMinutes());
        Map<String, String> attributes = new HashMap<>(alert.attributes());
        attributes.put("channels", String.join(",", plan.channels().stream().map(Enum::name).toList()));
        attributes.put("screen", Boolean.toString(plan.screen()));
        attributes.put("sound", Boolean.toString(plan.sound()));
        attributes.put("requestedChannels", String.join(",", plan.requested().stream().map(Enum::name).toList()));
        if (plan.modeCode() != null) {
            attributes.put("alertMode", plan.modeCode());
        }
        Alert delivered = new Alert(alert.alertId(), alert.sourceService(), alert.type(), alert.level(),
                alert.portCode(), alert.organization(), alert.recipients(), alert.titleZh(), alert.titleEn(),
                alert.occurredAt(), alert.latitude(), alert.longitude(), attributes);
        outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alert.alertId(), Alert.EVENT_TYPE, delivered);
        // SMS and app push to each bound officer: delivery rows in this transaction, sent by the notifier
        notifier.enqueue(alert.alertId(), hit.recipients(), plan.requested(), alert.titleZh());
    }

    /** 预警呈现方式: how the alert reaches its officers (its mode's channels) and whether it was escalated. */
    public Map<String, Object> delivery(CurrentActor actor, String alertId) {
        get(actor, alertId);
        Map<String, Object> out = new java.util.LinkedHashMap<>(hits.delivery(alertId));
        out.put("notifications", notifier.deliveries(alertId));
        return out;
    }

    public PageResponse<WatchlistHit> visibleTo(CurrentActor actor, String status, PageQuery page) {
        String who = seesAll(actor) ? null : actor.username();
        return PageResponse.of(hits.forRecipient(who, status, page.size(), page.offset()), page,
                hits.countForRecipient(who, status));
    }

    public WatchlistHit get(CurrentActor actor, String alertId) {
        WatchlistHit hit = hits.findByAlertId(alertId)
                .orElseThrow(() -> new HnswException(VideoErrorCode.ALERT_NOT_FOUND, alertId));
        if (!seesAll(actor) && !hit.recipients().contains(actor.username())) {
            throw new HnswException(VideoErrorCode.NOT_BOUND_OFFICER);
        }
        return hit;
    }

    /** The alert's video clip (a hit on a stream or an offline video), to the same officers as the alert itself. */
    public byte[] clip(CurrentActor actor, String alertId) {
        WatchlistHit hit = get(actor, alertId);
        String key = "clips/" + hit.alertId() + ".mp4";
        if (!storage.exists(CameraService.CLIP_BUCKET, key)) {
            throw new HnswException(VideoErrorCode.CLIP_NOT_FOUND, alertId);
        }
        return storage.get(CameraService.CLIP_BUCKET, key);
    }

    public byte[] snapshot(CurrentActor actor, String alertId) {
        return storage.get(CameraService.SNAPSHOT_BUCKET, get(actor, alertId).snapshotKey());
    }

    /** 处置结果反馈: only an officer bound to the task may handle; handling closes the alert. */
    @Transactional
    public WatchlistHit handle(CurrentActor actor, String alertId, String result, String note) {
        WatchlistHit hit = hits.lockByAlertId(alertId)
                .orElseThrow(() -> new HnswException(VideoErrorCode.ALERT_NOT_FOUND, alertId));
        if (!hit.recipients().contains(actor.username())) {
            throw new HnswException(VideoErrorCode.NOT_BOUND_OFFICER);
        }
        if (!"RAISED".equals(hit.status())) {
            throw new HnswException(VideoErrorCode.ALERT_ALREADY_HANDLED);
        }
        hits.handle(alertId, actor.username(), result, note);
        outbox.publish(HANDLED_TOPIC, Alert.AGGREGATE_TYPE, alertId, HANDLED_TOPIC,
                new AlertHandled(alertId, actor.username(), result, note, Instant.now()));
        return hits.findByAlertId(alertId).orElseThrow();
    }

    private static boolean seesAll(CurrentActor actor) {
        return actor.hasRole(Roles.PLATFORM_ADMIN);
    }

}
