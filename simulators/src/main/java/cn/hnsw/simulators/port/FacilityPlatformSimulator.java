package cn.hnsw.simulators.port;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 口岸设施物联平台模拟器 — the ports' device platform: every camera, sensor, gate, yard, inspection site and software
 * of the ten second-line ports and the central inspection site sends a heartbeat each round on
 * {@code hnsw.platform.facility-status}; now and then one reports a fault and, a few rounds later, its repair. An
 * operator (or a test) can fault or repair a facility at once. Off unless {@code hnsw.simulators.port.feeds.enabled}.
 */
@Component
public class FacilityPlatformSimulator extends PeriodicSimulator {

    static final String TOPIC = "hnsw.platform.facility-status";
    static final String SOURCE = "facility-platform-simulator";
    private static final Logger log = LoggerFactory.getLogger(FacilityPlatformSimulator.class);
    private static final String[] FAULTS = {"镜头遮挡 / lens blocked", "供电中断 / power cut",
            "网络丢包 / packet loss", "存储写满 / storage full", "道闸卡滞 / barrier stuck"};
    private static final double FAULT_CHANCE = 0.01;
    private static final int ROUNDS_TO_REPAIR = 6;

    /** A simulated facility: its code, kind (as the platform names kinds), port and Chinese name. */
    public record SimulatedFacility(String code, String kind, String portCode, String nameZh) {
    }

    private final PortSimulatorProperties.Feeds properties;
    private final PlatformEventPublisher events;
    private final List<SimulatedFacility> facilities = List.copyOf(fleet());
    /** Facilities at fault, and the rounds left until their repair (a negative count: only an operator repairs). */
    private final Map<String, Integer> faulted = new ConcurrentHashMap<>();

    public FacilityPlatformSimulator(PortSimulatorProperties properties, PlatformEventPublisher events) {
        super("facility-platform");
        this.properties = properties.feeds();
        this.events = events;
    }

    static List<SimulatedFacility> fleet() {
        List<SimulatedFacility> out = new ArrayList<>();
        for (PortFeeds.Port p : PortFeeds.PORTS) {
            out.add(new SimulatedFacility(p.code() + "-CAM-01", "CAMERA", p.code(), p.nameZh() + "高点摄像机1"));
            out.add(new SimulatedFacility(p.code() + "-CAM-02", "CAMERA", p.code(), p.nameZh() + "低点摄像机2"));
            out.add(new SimulatedFacility(p.code() + "-SENSOR-01", "SENSOR", p.code(), p.nameZh() + "环境传感器"));
            out.add(new SimulatedFacility(p.code() + "-SW-01", "SOFTWARE", p.code(), p.nameZh() + "现场采集软件"));
            switch (p.kind()) {
                case "SEAPORT" -> {
                    out.add(new SimulatedFacility(p.code() + "-GATE-01", "GATE", p.code(), p.nameZh() + "车辆卡口"));
                    out.add(new SimulatedFacility(p.code() + "-YARD-01", "YARD", p.code(), p.nameZh() + "堆场"));
                }
                case "AIRPORT" -> out.add(new SimulatedFacility(p.code() + "-GATE-01", "GATE", p.code(),
                        p.nameZh() + "货运卡口"));
                default -> out.add(new SimulatedFacility(p.code() + "-SITE-01", "INSPECTION_SITE", p.code(),
                        p.nameZh() + "查验区"));
            }
            // the parts of the smart gate (智能卡口) and the inspection equipment (查验设备) of the port
            out.add(new SimulatedFacility(p.code() + "-BARRIER-01", "BARRIER", p.code(), p.nameZh() + "卡口自动栏杆"));
            out.add(new SimulatedFacility(p.code() + "-DOOR-01", "DOOR_CONTROL", p.code(), p.nameZh() + "卡口门控系统"));
            out.add(new SimulatedFacility(p.code() + "-LPR-01", "PLATE_RECOGNITION", p.code(), p.nameZh() + "车牌识别"));
            out.add(new SimulatedFacility(p.code() + "-RFID-01", "RFID_READER", p.code(), p.nameZh() + "电子标签读写器"));
            out.add(new SimulatedFacility(p.code() + "-TOLL-01", "TOLL_SYSTEM", p.code(), p.nameZh() + "收费系统"));
            out.add(new SimulatedFacility(p.code() + "-XRAY-01", "XRAY", p.code(), p.nameZh() + "X光机"));
            out.add(new SimulatedFacility(p.code() + "-TABLE-01", "UNPACKING_TABLE", p.code(), p.nameZh() + "开包台"));
            if (!"AIRPORT".equals(p.kind())) {
                out.add(new SimulatedFacility(p.code() + "-H986-01", "H986", p.code(), p.nameZh() + "H986集装箱检查系统"));
            } else {
                out.add(new SimulatedFacility(p.code() + "-CT-01", "CT", p.code(), p.nameZh() + "行李CT机"));
            }
        }
        return out;
    }

    public List<SimulatedFacility> facilities() {
        return facilities;
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected Duration interval() {
        return properties.interval();
    }

    @Override
    protected void tick() {
        round(true);
    }

    /**
     * One round: a heartbeat from every facility that works, a fault report from those at fault; with
     * {@code randomFaults} a facility may fail and one at fault long enough is repaired. Returns the reports sent.
     */
    public int round(boolean randomFaults) {
        Instant now = Instant.now();
        List<PlatformEventPublisher.Report> reports = new ArrayList<>(facilities.size());
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (SimulatedFacility f : facilities) {
            Integer left = faulted.get(f.code());
            if (left == null && randomFaults && r.nextDouble() < FAULT_CHANCE) {
                faulted.put(f.code(), ROUNDS_TO_REPAIR);
                reports.add(report(f, "FAULT", FAULTS[r.nextInt(FAULTS.length)], now));
            } else if (left != null && left == 0 && randomFaults) {
                faulted.remove(f.code());
                reports.add(report(f, "RECOVERED", null, now));
            } else if (left != null) {
                if (left > 0 && randomFaults) {
                    faulted.put(f.code(), left - 1);
                }
                reports.add(report(f, "FAULT", "未修复 / not repaired yet", now));
            } else {
                reports.add(report(f, "HEARTBEAT", null, now));
            }
        }
        events.publish(reports);
        return reports.size();
    }

    /** An operator's fault: the facility reports it at once and stays at fault until {@link #repair}. */
    public SimulatedFacility fault(String code, String reason) {
        SimulatedFacility f = find(code).orElseThrow(() -> new IllegalArgumentException("unknown facility " + code));
        faulted.put(code, -1);
        events.publish(List.of(report(f, "FAULT", reason == null || reason.isBlank() ? FAULTS[0] : reason,
                Instant.now())));
        return f;
    }

    public SimulatedFacility repair(String code) {
        SimulatedFacility f = find(code).orElseThrow(() -> new IllegalArgumentException("unknown facility " + code));
        faulted.remove(code);
        events.publish(List.of(report(f, "RECOVERED", null, Instant.now())));
        return f;
    }

    public Optional<SimulatedFacility> find(String code) {
        return facilities.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    private PlatformEventPublisher.Report report(SimulatedFacility f, String signal, String reason, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("facilityCode", f.code());
        data.put("kind", f.kind());
        data.put("portCode", f.portCode());
        data.put("nameZh", f.nameZh());
        data.put("signal", signal);
        data.put("reason", reason);
        data.put("heartbeatTimeoutSec", Math.max(30, (int) (properties.interval().toSeconds() * 4)));
        data.put("occurredAt", at.toString());
        data.put("source", SOURCE);
        if (f.kind().equals("CAMERA")) {
            // the high-point camera watches the gate area, the low-point one the inspection area
            data.put("area", f.code().endsWith("-CAM-01") ? "GATE_AREA" : "INSPECTION_AREA");
        }
        return new PlatformEventPublisher.Report(TOPIC, "Facility", f.code(), data);
    }
}
