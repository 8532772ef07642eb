package cn.hnsw.portsituation.facility;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.EventJson;
import cn.hnsw.common.events.HandledEvents;
import cn.hnsw.portsituation.alert.AlertRaiser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * 设施监测: takes the facilities' heartbeats, faults and repairs from Kafka (each event once), and every 15 s marks
 * the facilities that fell silent as offline. Each fault and each silence is an incident and one alert on the shared
 * alerts topic; a repair closes the incident with its time to repair.
 */
@Component
class FacilityMonitor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FacilityMonitor.class);
    private static final int DEFAULT_TIMEOUT_S = 120;

    private final HandledEvents handled;
    private final EventJson eventJson;
    private final FacilityRepository facilities;
    private final AlertRaiser alerts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "facility-sweep");
        t.setDaemon(true);
        return t;
    });

    FacilityMonitor(HandledEvents handled, EventJson eventJson, FacilityRepository facilities, AlertRaiser alerts,
                    TransactionTemplate tx, Clock clock) {
        this.handled = handled;
        this.eventJson = eventJson;
        this.facilities = facilities;
        this.alerts = alerts;
        this.tx = tx;
        this.clock = clock;
        executor.scheduleWithFixedDelay(this::sweep, 15, 15, TimeUnit.SECONDS);
    }

    @KafkaListener(topics = FacilityStatusReported.TOPIC, groupId = "port-situation-facilities")
    void onReported(ConsumerRecord<String, String> record) {
        handled.handleOnce("port-situation.facility-status", record, event ->
                apply(eventJson.dataAs(event, FacilityStatusReported.class)));
    }

    /** Applies one report (inside the event's transaction). Reports that name no known kind or port are dropped. */
    void apply(FacilityStatusReported r) {
        if (r.facilityCode() == null || r.facilityCode().isBlank() || !Facility.KINDS.contains(r.kind())
                || r.portCode() == null || !facilities.portExists(r.portCode()) || r.occurredAt() == null
                || (r.area() != null && !FacilityStatusReported.AREAS.contains(r.area()))) {
            log.warn("event=facility-report-dropped facility={} kind={} port={}", r.facilityCode(), r.kind(),
                    r.portCode());
            return;
        }
        Instant at = r.occurredAt();
        if (facilities.lock(r.facilityCode()).isEmpty()) {
            int timeout = r.heartbeatTimeoutSec() == null ? DEFAULT_TIMEOUT_S
                    : Math.clamp(r.heartbeatTimeoutSec(), 10, 86_400);
            facilities.register(new Facility(r.facilityCode(), r.kind(), r.portCode(),
                    r.nameZh() == null || r.nameZh().isBlank() ? r.facilityCode() : r.nameZh(), Facility.Status.ONLINE,
                    at, at, timeout, null));
        }
        Facility f = facilities.lock(r.facilityCode()).orElseThrow();
        if (r.area() != null) {
            facilities.area(r.facilityCode(), r.area());
        }
        switch (r.signal() == null ? "" : r.signal()) {
            case "HEARTBEAT" -> {
                facilities.heartbeat(f.code(), at);
                if (f.status() == Facility.Status.OFFLINE) {
                    facilities.repair(f.code(), at);
                    facilities.status(f.code(), Facility.Status.ONLINE, at, null);
                }
            }
            case "FAULT" -> {
                facilities.heartbeat(f.code(), at);
                if (f.status() != Facility.Status.FAULT) {
                    facilities.repair(f.code(), at);
                    String reason = r.reason() == null || r.reason().isBlank() ? "未说明 / not given" : r.reason();
                    facilities.status(f.code(), Facility.Status.FAULT, at, reason);
                    facilities.openIncident(f.code(), "FAULT", reason, at, raise(f, "facility-fault", reason, at));
                }
            }
            case "RECOVERED" -> {
                facilities.heartbeat(f.code(), at);
                if (f.status() != Facility.Status.ONLINE) {
                    facilities.repair(f.code(), at);
                    facilities.status(f.code(), Facility.Status.ONLINE, at, null);
                }
            }
            default -> log.warn("event=facility-signal-unknown facility={} signal={}", f.code(), r.signal());
        }
    }

    /** Marks the silent facilities offline, one incident and alert each. Package-visible for the tests. */
    void sweep() {
        try {
            Instant now = clock.instant();
            for (String code : facilities.silentSince(now)) {
                tx.executeWithoutResult(s -> facilities.lock(code)
                        .filter(f -> f.status() == Facility.Status.ONLINE
                                && f.lastHeartbeatAt().plusSeconds(f.heartbeatTimeoutSec()).isBefore(now))
                        .ifPresent(f -> {
                            String reason = "no heartbeat since " + f.lastHeartbeatAt() + " / 心跳中断";
                            facilities.status(code, Facility.Status.OFFLINE, now, reason);
                            facilities.openIncident(code, "OFFLINE", reason, now,
                                    raise(f, "facility-offline", reason, now));
                        }));
            }
        } catch (RuntimeException e) {
            log.warn("event=facility-sweep-failed error={}", e.toString());
        }
    }

    private String raise(Facility f, String type, String reason, Instant at) {
        String id = UUID.randomUUID().toString();
        boolean critical = f.kind().equals("GATE") || f.kind().equals("INSPECTION_SITE");
        String what = type.equals("facility-fault") ? "故障" : "离线";
        String whatEn = type.equals("facility-fault") ? "fault" : "offline";
        alerts.raise(new Alert(id, AlertRaiser.SOURCE, type, critical ? Alert.Level.HIGH : Alert.Level.MEDIUM,
                f.portCode(), null, List.of(), f.nameZh() + "（" + f.code() + "）" + what + "：" + reason,
                f.kind() + " " + f.code() + " " + whatEn + ": " + reason, at, null, null,
                Map.of("facilityCode", f.code(), "facilityKind", f.kind(), "reason", reason)));
        return id;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
