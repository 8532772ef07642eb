package cn.hnsw.portsituation.alert;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.web.HnswException;

import java.time.Instant;

/**
 * 预警 as the command centre keeps it: the {@link Alert} received from the shared topic and its lifecycle with the
 * handling record (AlertHandling: who, what was done, when).
 */
public final class AlertRecord {

    private final Alert alert;
    private final Instant raisedAt;
    private AlertStatus status;
    private Instant notifiedAt;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private Instant handledAt;
    private String handledBy;
    private String handlingAction;
    private String handlingRecord;
    private Instant closedAt;
    private String closedBy;
    private String closingRemark;
    private final int version;

    AlertRecord(Alert alert, Instant raisedAt, AlertStatus status, Instant notifiedAt, Instant acknowledgedAt,
                String acknowledgedBy, Instant handledAt, String handledBy, String handlingAction,
                String handlingRecord, Instant closedAt, String closedBy, String closingRemark, int version) {
        this.alert = alert;
        this.raisedAt = raisedAt;
        this.status = status;
        this.notifiedAt = notifiedAt;
        this.acknowledgedAt = acknowledgedAt;
        this.acknowledgedBy = acknowledgedBy;
        this.handledAt = handledAt;
        this.handledBy = handledBy;
        this.handlingAction = handlingAction;
        this.handlingRecord = handlingRecord;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.closingRemark = closingRemark;
        this.version = version;
    }

    public static AlertRecord raised(Alert alert, Instant at) {
        return new AlertRecord(alert, at, AlertStatus.RAISED, null, null, null, null, null, null, null, null, null,
                null, 0);
    }

    private void move(AlertStatus target) {
        if (!status.canMoveTo(target)) {
            throw new HnswException(AlertErrorCode.ALERT_STATE_CONFLICT, status, target);
        }
        status = target;
    }

    /** Pushed to the screens; only a raised alert becomes notified (a later push changes nothing). */
    public boolean notified(Instant at) {
        if (status != AlertStatus.RAISED) {
            return false;
        }
        move(AlertStatus.NOTIFIED);
        notifiedAt = at;
        return true;
    }

    public void acknowledge(String officer, Instant at) {
        move(AlertStatus.ACKNOWLEDGED);
        acknowledgedBy = officer;
        acknowledgedAt = at;
    }

    public void handle(String officer, String action, String record, Instant at) {
        move(AlertStatus.HANDLED);
        handledBy = officer;
        handlingAction = action;
        handlingRecord = record;
        handledAt = at;
    }

    public void close(String officer, String remark, Instant at) {
        move(AlertStatus.CLOSED);
        closedBy = officer;
        closingRemark = remark;
        closedAt = at;
    }

    public Alert alert() { return alert; }
    public Instant raisedAt() { return raisedAt; }
    public AlertStatus status() { return status; }
    public Instant notifiedAt() { return notifiedAt; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public String acknowledgedBy() { return acknowledgedBy; }
    public Instant handledAt() { return handledAt; }
    public String handledBy() { return handledBy; }
    public String handlingAction() { return handlingAction; }
    public String handlingRecord() { return handlingRecord; }
    public Instant closedAt() { return closedAt; }
    public String closedBy() { return closedBy; }
    public String closingRemark() { return closingRemark; }
    public int version() { return version; }
}
