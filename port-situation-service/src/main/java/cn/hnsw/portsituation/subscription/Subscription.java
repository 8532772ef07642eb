package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.events.Alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 预警订阅 — an enterprise or a partner system subscribed to alerts and their status changes.
 *
 * @param subscriberKind {@code ENTERPRISE} (its own alerts: those whose {@code enterpriseUscc} attribute is its USCC)
 *                       or {@code PARTNER} (a partner system: every alert that passes the filters)
 * @param subscriberId   the enterprise's USCC or the partner system's id
 * @param channel        {@code WEBHOOK} (target: an https URL, or http on a host the platform allows) or {@code SMS}
 *                       (target: a mainland mobile number)
 * @param events         {@code RAISED} and/or lifecycle statuses ({@code ACKNOWLEDGED}, {@code HANDLED}, {@code CLOSED})
 * @param alertTypes     alert types told; empty: every type
 * @param minLevel       the least severe level told
 * @param portCodes      ports told; empty: every port
 */
public record Subscription(UUID id, String subscriberKind, String subscriberId, String name, String channel,
                           String target, List<String> events, List<String> alertTypes, Alert.Level minLevel,
                           List<String> portCodes, String status, String createdBy, Instant createdAt,
                           Instant cancelledAt) {

    public static final List<String> EVENTS = List.of("RAISED", "ACKNOWLEDGED", "HANDLED", "CLOSED");

    /** Whether this subscription is told of {@code event} for {@code alert}. */
    public boolean matches(Alert alert, String event) {
        if (!"ACTIVE".equals(status) || !events.contains(event)) {
            return false;
        }
        if ("ENTERPRISE".equals(subscriberKind)
                && !subscriberId.equals(alert.attributes().get("enterpriseUscc"))) {
            return false; // an enterprise hears of its own alerts only
        }
        if (!alertTypes.isEmpty() && !alertTypes.contains(alert.type())) {
            return false;
        }
        if (alert.level().ordinal() < minLevel.ordinal()) {
            return false;
        }
        return portCodes.isEmpty() || (alert.portCode() != null && portCodes.contains(alert.portCode()));
    }
}
