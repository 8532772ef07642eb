package cn.hnsw.portsituation.monitoring;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.portsituation.ais.AisPipeline;
import cn.hnsw.portsituation.basedata.PortScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 口岸实时监测 and the One Map: windowed flow metrics per port and flow, and the overview of every port. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/monitoring")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer','gov-province','gov-provincial-dept')")
class MonitoringController {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A vessel within this many degrees of a seaport counts as at or near it (about 15 km). */
    private static final double NEAR_DEGREES = 0.15;

    private final FlowRepository flows;
    private final OneMapRepository map;
    private final AisPipeline ais;
    private final cn.hnsw.portsituation.ais.VesselArrivals arrivals;
    private final PortScope scope;
    private final Clock clock;

    MonitoringController(FlowRepository flows, OneMapRepository map, AisPipeline ais,
                         cn.hnsw.portsituation.ais.VesselArrivals arrivals, PortScope scope, Clock clock) {
        this.flows = flows;
        this.map = map;
        this.ais = ais;
        this.arrivals = arrivals;
        this.scope = scope;
        this.clock = clock;
    }

    /** Tumbling windows of the flow metrics (default: the last 2 hours in 15-minute windows). */
    @GetMapping("/windows")
    List<Map<String, Object>> windows(@RequestParam(required = false) Instant from,
                                      @RequestParam(required = false) Instant to,
                                      @RequestParam(defaultValue = "15") int windowMinutes,
                                      @RequestParam(required = false) String portCode,
                                      @RequestParam(required = false) String flow) {
        Instant t = to == null ? clock.instant() : to;
        Instant f = from == null ? t.minus(Duration.ofHours(2)) : from;
        if (windowMinutes < 1 || windowMinutes > 1440 || !f.isBefore(t) || Duration.between(f, t).toDays() > 31) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "from/to/windowMinutes");
        }
        return flows.windows(f, t, Duration.ofMinutes(windowMinutes), scope.limit(portCode), flow);
    }

    /**
     * 一张图: every port with today's flows, gates, open alerts and the vessels near it; the hourly trend. An officer
     * limited to one port sees that port only (its alerts and trend too).
     */
    @GetMapping("/overview")
    Map<String, Object> overview() {
        java.util.function.Predicate<String> visible = scope.visible();
        Instant today = LocalDate.now(clock.withZone(SHANGHAI)).atStartOfDay(SHANGHAI).toInstant();
        List<Map<String, Object>> totals = flows.totalsSince(today);
        List<Map<String, Object>> gates = map.gatesByPort();
        List<Map<String, Object>> alerts = map.openAlertsByPort().stream()
                .filter(a -> visible.test((String) a.get("portCode"))).toList();
        List<Map<String, Object>> passes = map.passesByStateToday(today);
        var vessels = ais.vessels();
        List<Map<String, Object>> ports = new ArrayList<>();
        for (Map<String, Object> port : map.ports()) {
            String code = (String) port.get("code");
            if (!visible.test(code)) {
                continue;
            }
            double lat = ((Number) port.get("latitude")).doubleValue();
            double lon = ((Number) port.get("longitude")).doubleValue();
            Map<String, Object> p = new LinkedHashMap<>(port);
            Map<String, Object> flowTotals = new LinkedHashMap<>();
            totals.stream().filter(r -> code.equals(r.get("portCode")))
                    .forEach(r -> flowTotals.put(r.get("flow") + "." + r.get("stage"), r.get("value")));
            p.put("today", flowTotals);
            p.put("gates", gates.stream().filter(g -> code.equals(g.get("portCode"))).findFirst().orElse(Map.of()));
            p.put("openAlerts", alerts.stream().filter(a -> code.equals(a.get("portCode")))
                    .mapToLong(a -> ((Number) a.get("count")).longValue()).sum());
            p.put("passes", passes.stream().filter(r -> code.equals(r.get("portCode"))).toList());
            p.put("vesselsNear", "SEAPORT".equals(port.get("kind")) ? vessels.stream()
                    .filter(v -> Math.abs(v.latitude() - lat) < NEAR_DEGREES && Math.abs(v.longitude() - lon) < NEAR_DEGREES)
                    .count() : 0);
            ports.add(p);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", clock.instant());
        out.put("ports", ports);
        out.put("vessels", vessels.size());
        out.put("openAlerts", alerts.stream().mapToLong(a -> ((Number) a.get("count")).longValue()).sum());
        out.put("openAlertsByLevel", alerts);
        out.put("hourlyEntries", flows.hourlyEntries(clock.instant().minus(Duration.ofHours(24))).stream()
                .filter(r -> visible.test((String) r.get("portCode"))).toList());
        return out;
    }

    /** 进卡/出卡车辆轮播表, 旅检闸机/查验通道轮播表: the latest entries or exits at a flow's gates. */
    @GetMapping("/carousel")
    List<Map<String, Object>> carousel(@RequestParam(required = false) String portCode,
                                       @RequestParam(required = false) String flow,
                                       @RequestParam(defaultValue = "IN") String direction,
                                       @RequestParam(defaultValue = "20") int size) {
        if (!List.of("IN", "OUT").contains(direction) || size < 1 || size > 200) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "direction/size");
        }
        return map.carousel(scope.limit(portCode), flow == null || flow.isBlank() ? null : flow.strip(),
                "IN".equals(direction), size);
    }

    /** A vessel at most this fast (knots), or reporting moored, counts as at berth. */
    private static final double BERTHED_KNOTS = 0.5;
    /** A berthed vessel is put at the nearest berth point within this many degrees (about 2 km). */
    private static final double BERTH_DEGREES = 0.02;

    /**
     * 在泊船舶动态显示 and 泊位实时在泊船舶总数: per seaport, the vessels now at berth (near the port, stopped or moored)
     * with name, MMSI, IMO, call sign, the berth point nearest to them and when they arrived (the first of their fixes
     * near the port in the last day).
     */
    @GetMapping("/berths")
    List<Map<String, Object>> berths(@RequestParam(required = false) String portCode) {
        String limited = scope.limit(portCode);
        Instant now = clock.instant();
        var vessels = ais.vessels();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> port : map.ports()) {
            String code = (String) port.get("code");
            if (!"SEAPORT".equals(port.get("kind")) || (limited != null && !limited.equals(code))) {
                continue;
            }
            double lat = ((Number) port.get("latitude")).doubleValue();
            double lon = ((Number) port.get("longitude")).doubleValue();
            List<Map<String, Object>> berths = map.berths(code);
            List<Map<String, Object>> ships = new ArrayList<>();
            for (var v : vessels) {
                boolean near = Math.abs(v.latitude() - lat) < NEAR_DEGREES && Math.abs(v.longitude() - lon) < NEAR_DEGREES;
                boolean stopped = (v.sogKnots() != null && v.sogKnots() <= BERTHED_KNOTS)
                        || (v.navStatus() != null && v.navStatus() == cn.hnsw.portsituation.ais.AisPosition.MOORED);
                if (!near || !stopped || v.aisOff()) {
                    continue;
                }
                Map<String, Object> ship = new LinkedHashMap<>();
                ship.put("mmsi", v.mmsi());
                ship.put("shipName", v.shipName());
                ship.put("imo", v.imo());
                ship.put("callsign", v.callsign());
                ship.put("latitude", v.latitude());
                ship.put("longitude", v.longitude());
                ship.put("positionAt", v.positionAt());
                Map<String, Object> berth = null;
                double best = BERTH_DEGREES;
                for (Map<String, Object> b : berths) {
                    double d = Math.hypot(((Number) b.get("latitude")).doubleValue() - v.latitude(),
                            ((Number) b.get("longitude")).doubleValue() - v.longitude());
                    if (d <= best) {
                        best = d;
                        berth = b;
                    }
                }
                ship.put("berthCode", berth == null ? null : berth.get("code"));
                ship.put("berthNameZh", berth == null ? null : berth.get("nameZh"));
                ship.put("berthNameEn", berth == null ? null : berth.get("nameEn"));
                Instant arrived = arrivals.firstNear(v.mmsi(), lat, lon, NEAR_DEGREES, now.minus(Duration.ofDays(1)),
                        now.plusSeconds(1)).orElse(null);
                ship.put("arrivedAt", arrived == null ? v.positionAt() : arrived);
                ships.add(ship);
            }
            Map<String, Object> row = new LinkedHashMap<>(port);
            row.put("berthed", ships.size());
            row.put("ships", ships);
            out.add(row);
        }
        return out;
    }
}
