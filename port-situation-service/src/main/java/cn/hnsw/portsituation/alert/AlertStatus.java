package cn.hnsw.portsituation.alert;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of an alert: raised → notified → acknowledged → handled → closed. The allowed moves, written once. */
public enum AlertStatus {
    /** 已产生: received from the alerts topic */
    RAISED,
    /** 已通知: pushed to the screens (popup, sound) and to subscribers */
    NOTIFIED,
    /** 已确认: an officer has taken it */
    ACKNOWLEDGED,
    /** 已处置: the handling record (处置信息备案) is filed */
    HANDLED,
    /** 已关闭: history, part of the knowledge base */
    CLOSED;

    public Set<AlertStatus> next() {
        return switch (this) {
            case RAISED -> EnumSet.of(NOTIFIED, ACKNOWLEDGED);
            case NOTIFIED -> EnumSet.of(ACKNOWLEDGED);
            case ACKNOWLEDGED -> EnumSet.of(HANDLED);
            case HANDLED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(AlertStatus.class);
        };
    }

    public boolean canMoveTo(AlertStatus target) {
        return next().contains(target);
    }
}
