package cn.hnsw.simulators.video;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 视频联网平台模拟器的设备目录 — the cameras and media distribution points (分发点) the simulated networked video
 * platform manages, with their health. Device codes follow GB/T 28181-2016 (8-digit administrative area, 2-digit
 * industry, 3-digit type, 7-digit serial): type 132 is a network camera, 202 a media distribution server. Cameras stream
 * through their distribution point; when a point is down, its cameras cannot be watched even if they are up.
 * Health changes only when an operator sets it ({@code PUT /v1/camera-platform/devices/{code}/status}), so tests and
 * demonstrations decide when a device fails.
 */
@Component
public class SimulatedCameraFleet {

    /** Health of a device as the platform reports it. */
    public enum Health {
        ONLINE, OFFLINE, FAULT
    }

    /** A media distribution point (流媒体分发服务器). */
    public record DistributionPoint(String code, String nameZh, String nameEn, String portCode, int capacity) {
    }

    /** A camera: its type (face capture, panorama, vehicle lane) and where it streams from. */
    public record Device(String code, String nameZh, String nameEn, String cameraType, String portCode,
                         String location, double latitude, double longitude, String distributionPoint) {
    }

    /** The reported state of a device or point. */
    public record State(Health health, String faultZh, String faultEn, Instant since) {
    }

    private final List<DistributionPoint> points = List.of(
            new DistributionPoint("46010500002020000001", "秀英港媒体分发点", "Xiuying Port media distribution point",
                    "XIUYING_PORT", 64),
            new DistributionPoint("46010800002020000001", "美兰机场媒体分发点", "Meilan Airport media distribution point",
                    "MEILAN_AIRPORT", 128));
    private final List<Device> devices = List.of(
            new Device("46010500001320000001", "秀英港出岛旅检通道人脸抓拍1", "Xiuying Port outbound channel face camera 1",
                    "FACE_CAPTURE", "XIUYING_PORT", "出岛旅检大厅 1 号通道", 20.0221, 110.2832, "46010500002020000001"),
            new Device("46010500001320000002", "秀英港出岛旅检通道人脸抓拍2", "Xiuying Port outbound channel face camera 2",
                    "FACE_CAPTURE", "XIUYING_PORT", "出岛旅检大厅 2 号通道", 20.0222, 110.2834, "46010500002020000001"),
            new Device("46010500001320000003", "秀英港候船厅全景", "Xiuying Port waiting hall panorama", "PANORAMIC",
                    "XIUYING_PORT", "候船厅", 20.0225, 110.2829, "46010500002020000001"),
            new Device("46010800001320000001", "美兰机场出发大厅人脸抓拍", "Meilan Airport departure hall face camera",
                    "FACE_CAPTURE", "MEILAN_AIRPORT", "T2 出发大厅二线安检口", 19.9349, 110.4590, "46010800002020000001"),
            new Device("46010800001320000002", "美兰机场安检口全景", "Meilan Airport security check panorama",
                    "PANORAMIC", "MEILAN_AIRPORT", "T2 安检口", 19.9352, 110.4587, "46010800002020000001"));
    private final Map<String, State> states = new LinkedHashMap<>();
    private final Clock clock;

    public SimulatedCameraFleet() {
        this(Clock.systemUTC());
    }

    SimulatedCameraFleet(Clock clock) {
        this.clock = clock;
        Instant now = clock.instant();
        points.forEach(p -> states.put(p.code(), new State(Health.ONLINE, null, null, now)));
        devices.forEach(d -> states.put(d.code(), new State(Health.ONLINE, null, null, now)));
    }

    public List<Device> devices() {
        return devices;
    }

    public List<DistributionPoint> points() {
        return points;
    }

    public Optional<Device> device(String code) {
        return devices.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public boolean known(String code) {
        return states.containsKey(code);
    }

    public synchronized State state(String code) {
        return states.get(code);
    }

    /** Sets a device's or point's health; the time it changed is kept only when it really changes. */
    public synchronized State set(String code, Health health, String faultZh, String faultEn) {
        State old = states.get(code);
        if (old == null) {
            throw new IllegalArgumentException("unknown device " + code);
        }
        State now = old.health() == health && health == Health.ONLINE ? old
                : new State(health, health == Health.ONLINE ? null : faultZh, health == Health.ONLINE ? null : faultEn,
                        old.health() == health ? old.since() : clock.instant());
        states.put(code, now);
        return now;
    }

    /** Whether the camera's picture can be had now: the camera and its distribution point are both up. */
    public synchronized boolean streaming(String code) {
        Optional<Device> d = device(code);
        return d.isPresent() && states.get(code).health() == Health.ONLINE
                && states.get(d.get().distributionPoint()).health() == Health.ONLINE;
    }

    /** Health of everything, as the platform's status answer lists it. */
    public synchronized List<Map<String, Object>> statusReport() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DistributionPoint p : points) {
            out.add(entry(p.code(), "DISTRIBUTION_POINT", states.get(p.code())));
        }
        for (Device d : devices) {
            Map<String, Object> e = entry(d.code(), "CAMERA", states.get(d.code()));
            boolean up = streaming(d.code());
            // what a platform measures on a live stream; nothing when the picture is not coming through
            e.put("frameRate", up ? 25 : 0);
            e.put("bitrateKbps", up ? 2048 : 0);
            out.add(e);
        }
        return out;
    }

    /** Back to every device up (tests start from a known fleet). */
    public synchronized void reset() {
        Instant now = clock.instant();
        states.replaceAll((k, v) -> new State(Health.ONLINE, null, null, now));
    }

    private static Map<String, Object> entry(String code, String kind, State s) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("deviceCode", code);
        e.put("kind", kind);
        e.put("status", s.health().name());
        e.put("faultZh", s.faultZh());
        e.put("faultEn", s.faultEn());
        e.put("since", s.since().toString());
        return e;
    }
}
