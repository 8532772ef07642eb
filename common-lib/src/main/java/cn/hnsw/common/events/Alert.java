package cn.hnsw.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An operational alert (预警 / 告警, GLOSSARY §5 {@code Alert}): the one shape every service publishes on the one
 * alerts topic {@link #TOPIC}, which the situation map (port-situation-service) and the officer app read. Business-rule
 * warnings (ledger, booking, approval deadline, credit) are {@code …Warning}s and never travel here.
 *
 * <p>Publish through the outbox: {@code outbox.publish(Alert.TOPIC, "alert", alert.alertId(), Alert.EVENT_TYPE, alert)}.
 * The receiver keeps the lifecycle (raised → notified → acknowledged → handled → closed); the publisher only raises.
 *
 * @param alertId        unique and stable (a retry sends the same id; consumers are idempotent on it)
 * @param sourceService  the raising service, e.g. {@code video-analytics-service}
 * @param type           kebab-case kind, e.g. {@code watchlist-hit}, {@code restricted-area-entry}, {@code ais-off}
 * @param level          severity
 * @param portCode       the second-line port it concerns (GLOSSARY port codes), or null
 * @param organization   the organisation whose officers may see it (routing); null: all supervising officers
 * @param recipients     officers bound to it (usernames), e.g. those of a watch-list task (FP 1126); empty: by organisation
 * @param titleZh        one line in Chinese
 * @param titleEn        one line in English
 * @param occurredAt     when the triggering event happened (not when it was published)
 * @param latitude       where, WGS-84, or null
 * @param longitude      where, WGS-84, or null
 * @param attributes     type-specific facts (camera id, score, MMSI, snapshot object key…), strings only
 */
public record Alert(
        String alertId,
        String sourceService,
        String type,
        Level level,
        String portCode,
        String organization,
        List<String> recipients,
        String titleZh,
        String titleEn,
        Instant occurredAt,
        Double latitude,
        Double longitude,
        Map<String, String> attributes) {

    /** {@code hnsw.platform.alert-raised}: shared by every service. */
    public static final String TOPIC = EventTopics.topic("platform", "alert-raised");
    public static final String EVENT_TYPE = TOPIC;
    public static final String AGGREGATE_TYPE = "alert";

    public enum Level {
        /** 提示 */
        INFO,
        /** 一般 */
        LOW,
        /** 较重 */
        MEDIUM,
        /** 严重 */
        HIGH,
        /** 特别严重 */
        CRITICAL
    }

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(sourceService, "sourceService");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(titleZh, "titleZh");
        Objects.requireNonNull(titleEn, "titleEn");
        Objects.requireNonNull(occurredAt, "occurredAt");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
