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

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    private volatile List<WatchArea> areas = List.of();
    private final AisProperties properties;
    private final RuleBook rules;
    /** A vessel's recent fixes must span this much of the loitering window before it can be loitering. */
    private final Duration loiteringMinSpan;

    public AisWatch(AisProperties properties, RuleBook rules) {
        this.properties = properties;
        this.rules = rules;
        this.loiteringMinSpan = properties.loiteringWindow().multipliedBy(9).dividedBy(10);
    }

    public void areas(List<WatchArea> active) {
        this.areas = List.copyOf(active);
    }

    public List<WatchArea> areas() {
        return areas;
    }

    /** The area's English name, or its code where it has none (never the Chinese name in an English text). */
    private static String english(WatchArea area) {
        return area.nameEn() == null || area.nameEn().isBlank() ? area.code() : area.nameEn();
    }

    /** Applies a fix to the vessel's area memberships and returns the alerts it raises. */
    List<Alert> evaluate(VesselState vessel, AisPosition fix) {
        List<Alert> raised = List.of();
        List<String> codes = List.of();
        List<String> kinds = List.of();
        boolean inAnchorage = false;
        List<WatchArea> active = areas;
        for (int a = 0, n = active.size(); a < n; a++) { // by index: no iterator a fix
            WatchArea area = active.get(a);
            if (!area.contains(fix.latitude(), fix.longitude())) {
                if (!vessel.insideAreas().isEmpty()) {
                    vessel.insideAreas().remove(area.code());
                }
                continue;
            }
            if (codes.isEmpty()) {
                codes = new ArrayList<>(2);
                kinds = new ArrayList<>(2);
            }
            codes.add(area.code());
            kinds.add(area.kind().name());
            boolean entered = vessel.insideAreas().add(area.code());
            switch (area.kind()) {
                case RESTRICTED -> {
                    if (entered) {
                        raised = add(raised, alert(vessel, fix, "restricted-area-entry", area.level(), area.portCode(),
                                name(vessel) + " 驶入禁航/限制水域「" + area.nameZh() + "」",
                                name(vessel) + " entered restricted area " + english(area), Map.of("areaCode", area.code())));
                    }
                }
                case CHANNEL -> {
                    String key = "speeding:" + area.code();
                    if (fix.sogKnots() != null && fix.sogKnots() > area.speedLimitKnots()
                            && !vessel.coolingDown(key, fix.receivedAt(), properties.speedingCooldown())) {
                        vessel.warned(key, fix.receivedAt());
                        raised = add(raised, alert(vessel, fix, "channel-speeding", area.level(), area.portCode(),
                                name(vessel) + " 在航道「" + area.nameZh() + "」超速：" + fix.sogKnots() + " 节（限速 "
                                        + area.speedLimitKnots() + " 节）",
                                name(vessel) + " speeding in channel " + english(area) + ": " + fix.sogKnots()
                                        + " kn (limit " + area.speedLimitKnots() + " kn)",
                                Map.of("areaCode", area.code(), "speedKnots", String.valueOf(fix.sogKnots()),
                                        "limitKnots", String.valueOf(area.speedLimitKnots()))));
                    }
                }
                case ANCHORAGE -> inAnchorage = true;
            }
        }
        if (!inAnchorage && !fix.stationary()) {
            var loitering = loitering(vessel, fix);
            if (loitering.isPresent()) {
                raised = add(raised, loitering.get());
            }
        }
        if (!rules.isEmpty(RuleScope.AIS_POSITION)) {
            Map<String, Object> facts = facts(vessel, fix, codes, kinds);
            for (AlertRule rule : rules.matching(RuleScope.AIS_POSITION, vessel.mmsiText(), facts,
                    fix.receivedAt())) {
                raised = add(raised, alert(vessel, fix, rule.alertType(), rule.level(), null,
                        name(vessel) + "：" + rule.nameZh(), name(vessel) + ": " + rule.nameEn(),
                        Map.of("ruleCode", rule.code())));
            }
        }
        return raised;
    }

    private static List<Alert> add(List<Alert> raised, Alert alert) {
        List<Alert> out = raised.isEmpty() ? new ArrayList<>(2) : raised;
        out.add(alert);
        return out;
    }

    private java.util.Optional<Alert> loitering(VesselState vessel, AisPosition fix) {
        var recent = vessel.recent();
        if (recent.size() < 3) {
            return java.util.Optional.empty();
        }
        AisPosition first = recent.peekFirst();
        Duration span = Duration.between(first.receivedAt(), fix.receivedAt());
        if (span.compareTo(loiteringMinSpan) < 0) {
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
        return new AisFacts(vessel, fix, codes, kinds);
    }

    /**
     * The facts a rule of scope {@code AIS_POSITION} sees (RuleScope's sample names them), read on demand: a rule that
     * reads one fact costs one look-up, not a map of eleven built for every fix. Speed and course are given as doubles
     * (as the scope's sample facts say), so that a compared literal and the fact have one type and SpEL can compile.
     */
    private static final class AisFacts extends java.util.AbstractMap<String, Object> {
        private static final List<String> NAMES = List.of("mmsi", "sogKnots", "cogDegrees", "latitude", "longitude",
                "navStatus", "shipType", "shipName", "areaCodes", "areaKinds", "hour");
        private final VesselState vessel;
        private final AisPosition fix;
        private final List<String> codes;
        private final List<String> kinds;

        AisFacts(VesselState vessel, AisPosition fix, List<String> codes, List<String> kinds) {
            this.vessel = vessel;
            this.fix = fix;
            this.codes = codes;
            this.kinds = kinds;
        }

        @Override
        public boolean containsKey(Object key) {
            return NAMES.contains(key);
        }

        @Override
        public Object get(Object key) {
            if (!(key instanceof String name)) {
                return null;
            }
            AisStatic s = vessel.staticData();
            return switch (name) {
                case "mmsi" -> fix.mmsi();
                case "sogKnots" -> (double) fix.speedOrZero();
                case "cogDegrees" -> fix.cogDegrees() == null ? 0.0 : (double) fix.cogDegrees();
                case "latitude" -> fix.latitude();
                case "longitude" -> fix.longitude();
                case "navStatus" -> fix.navStatus() == null ? 15 : fix.navStatus();
                case "shipType" -> s == null || s.shipType() == null ? "" : s.shipType();
                case "shipName" -> s == null || s.shipName() == null ? "" : s.shipName();
                case "areaCodes" -> codes;
                case "areaKinds" -> kinds;
                case "hour" -> fix.receivedAt().atZone(CHINA).getHour();
                default -> null;
            };
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            java.util.Set<Entry<String, Object>> entries = new java.util.LinkedHashSet<>();
            for (String name : NAMES) {
                entries.add(new SimpleImmutableEntry<>(name, get(name)));
            }
            return entries;
        }
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
