package cn.hnsw.portsituation.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An alert as the screens and the API show it. */
public record AlertView(String alertId, String sourceService, String type, String level, String portCode,
                        String organization, List<String> recipients, String titleZh, String titleEn,
                        Instant occurredAt, Double latitude, Double longitude, Map<String, String> attributes,
                        AlertStatus status, Instant raisedAt, Instant notifiedAt, Instant acknowledgedAt,
                        String acknowledgedBy, Instant handledAt, String handledBy, String handlingAction,
                        String handlingRecord, Instant closedAt, String closedBy, String closingRemark) {

    public static AlertView of(AlertRecord r) {
        var a = r.alert();
        return new AlertView(a.alertId(), a.sourceService(), a.type(), a.level().name(), a.portCode(),
                a.organization(), a.recipients(), a.titleZh(), a.titleEn(), a.occurredAt(), a.latitude(),
                a.longitude(), a.attributes(), r.status(), r.raisedAt(), r.notifiedAt(), r.acknowledgedAt(),
                r.acknowledgedBy(), r.handledAt(), r.handledBy(), r.handlingAction(), r.handlingRecord(), r.closedAt(),
                r.closedBy(), r.closingRemark());
    }
}
