package cn.hnsw.portsituation.ais;

import cn.hnsw.common.events.Alert;
import cn.hnsw.portsituation.rule.AlertRule;
import cn.hnsw.portsituation.rule.RuleBook;
import cn.hnsw.portsituation.rule.RuleScope;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The AIS warnings: entering a restricted area, speeding in a channel, loitering outside an anchorage, AIS switched
 * off, plus the rules kept as data for AIS positions. Works on one vessel's state at a time; areas are swapped in whole
 * when they change.
 */
public final class AisWatch {

    private static final double EARTH_RADIUS_M = 6_371_000;

    private volatile List<WatchArea> areas = List.of();
    private final AisProperties properties;
    private final RuleBook rules;

    public AisWatch(AisProperties properties, RuleBook rules) {
        this.properties = properties;
        this.rules = rules;
    }

    public void areas(List<WatchArea> active) {
        this.areas = List.copyOf(active);
    }

    public List<WatchArea> areas() {
        return areas;
    }

    /** Applies a fix to the vessel's area memberships and returns the alerts it raises. */
    List<Alert> evaluate(VesselState vessel, AisPosition fix) {
        List<Alert> raised = new ArrayList<>(0);
        List<String> codes = new ArrayList<>(2);
        List<String> kinds = new ArrayList<>(2);
        boolean inAnchorage = false;
        for (WatchArea area : areas) {
            if (!area.contains(fix.latitude(), fix.longitude())) {
                vessel.insideAreas().remove(area.code());
                continue;
            }
            codes.add(area.code());
            kinds.add(area.kind().name());
            boolean entered = vessel.insideAreas().add(area.code());
            switch (area.kind()) {
                case RESTRICTED -> {
                    if (entered) {
                        raised.add(alert(vessel, fix, "restricted-area-entry", area.level(), area.portCode(),
                                name(vessel) + " 驶入禁航/限制水域「" + area.nameZh() + "」",
                                name(vessel) + " entered restricted area " + area.nameEn(), Map.of("areaCode", area.code())));
                    }
                }
                case CHANNEL -> {
                    String key = "speeding:" + area.code();
                    if (fix.sogKnots() != null && fix.sogKnots() > area.speedLimitKnots()
                            && !vessel.coolingDown(key, fix.receivedAt(), properties.speedingCooldown())) {
                        vessel.warned(key, fix.receivedAt());
                        raised.add(alert(vessel, fix, "channel-speeding", area.level(), area.portCode(),
                                name(vessel) + " 在航道「" + area.nameZh() + "」超速：" + fix.sogKnots() + " 节（限速 "
                                        + area.speedLimitKnots() + " 节）",
                                name(vessel) + " speeding in channel " + area.nameEn() + ": " + fix.sogKnots()
                                        + " kn (limit " + area.speedLimitKnots() + " kn)",
                                Map.of("areaCode", area.code(), "speedKnots", String.valueOf(fix.sogKnots()),
                                        "limitKnots", String.valueOf(area.speedLimitKnots()))));
                    }
                }
                case ANCHORAGE -> inAnchorage = true;
            }
        }
        if (!inAnchorage && !fix.stationary()) {
            loitering(vessel, fix).ifPresent(raised::add);
        }
        if (!rules.isEmpty(RuleScope.AIS_POSITION)) {
            Map<String, Object> facts = facts(vessel, fix, codes, kinds);
            for (AlertRule rule : rules.matching(RuleScope.AIS_POSITION, String.valueOf(fix.mmsi()), facts,
                    fix.receivedAt())) {
                raised.add(alert(vessel, fix, rule.alertType(), rule.level(), null,
                        name(vessel) + "：" + rule.nameZh(), name(vessel) + ": " + rule.nameEn(),
                        Map.of("ruleCode", rule.code())));
            }
        }
        return raised;
    }

    private java.util.Optional<Alert> loitering(VesselState vessel, AisPosition fix) {
        var recent = vessel.recent();
        if (recent.size() < 3) {
            return java.util.Optional.empty();
        }
        AisPosition first = recent.peekFirst();
        Duration span = Duration.between(first.receivedAt(), fix.receivedAt());
        if (span.compareTo(properties.loiteringWindow().multipliedBy(9).dividedBy(10)) < 0) {
            return java.util.Optional.empty();
        }
        double lat = 0;
        double lon = 0;
        double speed = 0;
        for (AisPosition f : recent) {
            lat += f.latitude();
            lon += f.longitude();
            speed += f.speedOrZero();
        }
        int n = recent.size();
        lat /= n;
        lon /= n;
        if (speed / n > properties.loiteringMaxKnots()) {
            return java.util.Optional.empty();
        }
        for (AisPosition f : recent) {
            if (metres(lat, lon, f.latitude(), f.longitude()) > properties.loiteringRadiusMetres()) {
                return java.util.Optional.empty();
            }
        }
        if (vessel.coolingDown("loitering", fix.receivedAt(), properties.loiteringWindow())) {
            return java.util.Optional.empty();
        }
        vessel.warned("loitering", fix.receivedAt());
        long minutes = span.toMinutes();
        return java.util.Optional.of(alert(vessel, fix, "loitering", Alert.Level.MEDIUM, null,
                name(vessel) + " 在非锚地水域徘徊 " + minutes + " 分钟",
                name(vessel) + " loitering outside an anchorage for " + minutes + " min",
                Map.of("minutes", String.valueOf(minutes), "radiusMetres", String.valueOf((int) properties.loiteringRadiusMetres()))));
    }

    /** The AIS-off warning for a vessel that was moving and has gone silent; null when it is not due. */
    Alert silence(VesselState vessel, Instant now) {
        AisPosition last = vessel.latest();
        if (last == null || vessel.silent() || last.stationary() || last.speedOrZero() < 1.0f
                || last.receivedAt().plus(properties.aisOffAfter()).isAfter(now)) {
            return null;
        }
        vessel.silent(true);
        long minutes = Duration.between(last.receivedAt(), now).toMinutes();
        return alert(vessel, last, "ais-off", Alert.Level.HIGH, null,
                name(vessel) + " AIS 信号中断（航行中失联 " + minutes + " 分钟）",
                name(vessel) + " AIS switched off while under way (" + minutes + " min silent)",
                Map.of("lastSeenAt", last.receivedAt().toString(), "silentMinutes", String.valueOf(minutes)));
    }

    private static Map<String, Object> facts(VesselState vessel, AisPosition fix, List<String> codes, List<String> kinds) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("mmsi", fix.mmsi());
        facts.put("sogKnots", fix.speedOrZero());
        facts.put("cogDegrees", fix.cogDegrees() == null ? 0f : fix.cogDegrees());
        facts.put("latitude", fix.latitude());
        facts.put("longitude", fix.longitude());
        facts.put("navStatus", fix.navStatus() == null ? 15 : fix.navStatus());
        facts.put("shipType", vessel.staticData() == null || vessel.staticData().shipType() == null ? ""
                : vessel.staticData().shipType());
        facts.put("shipName", vessel.staticData() == null || vessel.staticData().shipName() == null ? ""
                : vessel.staticData().shipName());
        facts.put("areaCodes", codes);
        facts.put("areaKinds", kinds);
        facts.put("hour", fix.receivedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).getHour());
        return facts;
    }

    private static String name(VesselState vessel) {
        String shipName = vessel.staticData() == null ? null : vessel.staticData().shipName();
        return shipName == null ? "MMSI " + vessel.mmsi() : shipName + "（MMSI " + vessel.mmsi() + "）";
    }

    private static Alert alert(VesselState vessel, AisPosition fix, String type, Alert.Level level, String portCode,
                               String titleZh, String titleEn, Map<String, String> attributes) {
        Map<String, String> attrs = new HashMap<>(attributes);
        attrs.put("mmsi", String.valueOf(vessel.mmsi()));
        if (fix.sogKnots() != null) {
            attrs.putIfAbsent("speedKnots", String.valueOf(fix.sogKnots()));
        }
        return new Alert(UUID.randomUUID().toString(), "port-situation-service", type, level, portCode, null, List.of(),
                titleZh, titleEn, fix.receivedAt(), fix.latitude(), fix.longitude(), attrs);
    }

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
    }
}
