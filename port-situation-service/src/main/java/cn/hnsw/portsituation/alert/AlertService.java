package cn.hnsw.portsituation.alert;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.portsituation.live.LiveFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Receives alerts from the shared topic (idempotent on {@code alertId}), notifies the screens, and moves an alert
 * through its lifecycle for the officer who may see it.
 */
@Service
public class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertRepository alerts;
    private final LiveFeed live;
    private final Clock clock;
    private final List<Consumer<AlertRecord>> notifiers = new CopyOnWriteArrayList<>();
    private final List<java.util.function.BiConsumer<AlertRecord, String>> changeListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public AlertService(AlertRepository alerts, LiveFeed live, Clock clock) {
        this.alerts = alerts;
        this.live = live;
        this.clock = clock;
    }

    /** Another channel told of every new alert, after commit. */
    public void addNotifier(Consumer<AlertRecord> notifier) {
        notifiers.add(notifier);
    }

    /**
     * Told, inside the transaction that makes it, of every new alert ({@code RAISED}) and every lifecycle move (the
     * new status' name): subscriptions queue their deliveries with the change, so none is lost or made up.
     */
    public void addChangeListener(java.util.function.BiConsumer<AlertRecord, String> listener) {
        changeListeners.add(listener);
    }

    /** Stores a raised alert unless its id is known; after commit it is pushed live and marked notified. */
    @Transactional
    public boolean receive(Alert alert) {
        AlertRecord record = AlertRecord.raised(alert, clock.instant());
        if (!alerts.insertIfAbsent(record)) {
            log.info("event=alert-duplicate alertId={}", alert.alertId());
            return false;
        }
        log.info("event=alert-received alertId={} type={} level={} source={}", alert.alertId(), alert.type(),
                alert.level(), alert.sourceService());
        for (var listener : changeListeners) {
            listener.accept(record, "RAISED");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                notifyNew(alert.alertId());
            }
        });
        return true;
    }

    private void notifyNew(String alertId) {
        try {
            AlertRecord record = alerts.find(alertId).orElseThrow();
            AlertView view = AlertView.of(record);
            live.publish("alert", view, s -> s.principal() instanceof CurrentActor a && AlertAudience.of(a).sees(record.alert())
                    && s.seesPort(record.alert().portCode()));
            for (Consumer<AlertRecord> notifier : notifiers) {
                notifier.accept(record);
            }
            if (record.notified(clock.instant())) {
                alerts.update(record);
            }
        } catch (RuntimeException e) {
            log.warn("event=alert-notify-failed alertId={} error={}", alertId, e.toString());
        }
    }

    public AlertRecord get(String alertId, AlertAudience audience) {
        AlertRecord record = alerts.find(alertId).orElseThrow(() -> new HnswException(AlertErrorCode.ALERT_NOT_FOUND, alertId));
        if (!audience.sees(record.alert())) {
            throw new HnswException(AlertErrorCode.ALERT_NOT_VISIBLE);
        }
        return record;
    }

    @Transactional
    public AlertRecord acknowledge(String alertId, CurrentActor officer) {
        return change(alertId, officer, r -> r.acknowledge(officer.username(), clock.instant()));
    }

    @Transactional
    public AlertRecord handle(String alertId, CurrentActor officer, String action, String record) {
        return change(alertId, officer, r -> r.handle(officer.username(), action, record, clock.instant()));
    }

    @Transactional
    public AlertRecord close(String alertId, CurrentActor officer, String remark) {
        return change(alertId, officer, r -> r.close(officer.username(), remark, clock.instant()));
    }

    private AlertRecord change(String alertId, CurrentActor officer, Consumer<AlertRecord> move) {
        AlertAudience audience = AlertAudience.of(officer);
        AlertRecord record = get(alertId, audience);
        move.accept(record);
        if (!alerts.update(record)) {
            throw new HnswException(CommonErrorCode.CONFLICT);
        }
        for (var listener : changeListeners) {
            listener.accept(record, record.status().name());
        }
        AlertView view = AlertView.of(record);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                live.publish("alert-changed", view,
                        s -> s.principal() instanceof CurrentActor a && AlertAudience.of(a).sees(record.alert())
                                && s.seesPort(record.alert().portCode()));
            }
        });
        return record;
    }
}
