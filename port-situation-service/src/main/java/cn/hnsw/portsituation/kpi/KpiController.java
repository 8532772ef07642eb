package cn.hnsw.portsituation.kpi;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.portsituation.basedata.PortScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * 口岸指标体系 for the big screen and the thematic analyses (S1): the six-dimension score board, and every indicator of
 * the catalogue per port (ranking), in total, as a trend with its anomalies, cut by a dimension (doughnut, top 5,
 * enterprise ranking), per port and hour (heat map) and side by side (radar); targets per indicator; business facts
 * recorded by hand. An officer registered as a port user sees their own port only ({@link PortScope}).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/monitoring/kpi")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer','gov-province','gov-provincial-dept')")
class KpiController {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String WRITERS = "hasAnyRole('platform-admin','sw-operator')";

    private final KpiRepository kpi;
    private final IndicatorRepository indicators;
    private final KpiEngine engine;
    private final PortFactRepository facts;
    private final PortScope scope;
    private final Clock clock;
    private final TradeModeReport report;

    KpiController(KpiRepository kpi, IndicatorRepository indicators, KpiEngine engine, PortFactRepository facts,
                  PortScope scope, Clock clock, TradeModeReport report) {
        this.report = report;
        this.kpi = kpi;
        this.indicators = indicators;
        this.engine = engine;
        this.facts = facts;
        this.scope = scope;
        this.clock = clock;
    }

    /** The six dimension scores, overall score and rank of each port the officer may see. */
    @GetMapping
    Map<String, Object> scores() {
        Instant now = clock.instant();
        Instant today = LocalDate.now(clock.withZone(SHANGHAI)).atStartOfDay(SHANGHAI).toInstant();
        Predicate<String> visible = scope.visible();
        return Map.of("at", now, "dimensions", PortScores.DIMENSIONS,
                "ports", PortScores.of(kpi.facts(today, now.minus(Duration.ofDays(1)), now)).stream()
                        .filter(s -> visible.test(s.portCode())).toList());
    }

    @GetMapping("/indicators")
    List<Indicator> catalogue(@RequestParam(required = false) String module) {
        return indicators.all(module == null || module.isBlank() ? null : module.strip());
    }

    @GetMapping("/indicators/{key}")
    Indicator indicator(@PathVariable String key) {
        return find(key);
    }

    /** The indicator per port (ranking, score board) and in total over the period, with its target if one is set. */
    @GetMapping("/indicators/{key}/values")
    Map<String, Object> values(@PathVariable String key, @RequestParam Map<String, String> params) {
        Indicator i = find(key);
        KpiEngine.Slice s = slice(i, params);
        Map<String, BigDecimal> perPort = engine.perPort(i, s);
        IndicatorRepository.Target target = indicators.target(i.key()).filter(IndicatorRepository.Target::enabled)
                .orElse(null);
        boolean zeroWhenNone = "SUM".equals(i.aggregation()) || "DISTINCT".equals(i.aggregation());
        List<Map<String, Object>> ports = new ArrayList<>();
        for (Map<String, Object> p : indicators.ports()) {
            String code = (String) p.get("portCode");
            if (s.portCode() != null && !s.portCode().equals(code)) {
                continue;
            }
            BigDecimal v = perPort.getOrDefault(code, zeroWhenNone ? BigDecimal.ZERO.setScale(2) : null);
            Map<String, Object> row = new LinkedHashMap<>(p);
            row.put("value", v);
            if (target != null) {
                row.put("meetsTarget", target.met(v));
            }
            ports.add(row);
        }
        for (Map<String, Object> row : ports) {
            BigDecimal v = (BigDecimal) row.get("value");
            row.put("rank", v == null ? null : 1 + ports.stream().filter(o -> o.get("value") != null
                    && ((BigDecimal) o.get("value")).compareTo(v) > 0).count());
        }
        ports.sort(Comparator.comparing((Map<String, Object> r) -> r.get("rank") == null ? Long.MAX_VALUE
                : (Long) r.get("rank")));
        Map<String, Object> out = header(i, s);
        BigDecimal total = engine.total(i, s);
        out.put("total", total == null && zeroWhenNone ? BigDecimal.ZERO.setScale(2) : total);
        out.put("ports", ports);
        out.put("target", target);
        if (target != null) {
            out.put("meetsTarget", target.met((BigDecimal) out.get("total")));
        }
        return out;
    }

    /**
     * The indicator per hour, day, month or year; a point more than two standard deviations from the series' mean is
     * flagged as an anomaly (异常情况分析).
     */
    @GetMapping("/indicators/{key}/trend")
    Map<String, Object> trend(@PathVariable String key, @RequestParam Map<String, String> params) {
        Indicator i = timed(find(key));
        KpiEngine.Slice s = slice(i, params);
        String bucket = params.getOrDefault("bucket", defaultBucket(s)).toLowerCase();
        if (!List.of("hour", "day", "month", "year").contains(bucket)) {
            throw new HnswException(KpiErrorCode.KPI_QUERY_INVALID, "bucket");
        }
        List<KpiEngine.Point> points = engine.trend(i, s, bucket);
        List<Double> values = new ArrayList<>();
        for (KpiEngine.Point p : points) {
            if (p.value() != null) {
                values.add(p.value().doubleValue());
            }
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = values.isEmpty() ? 0 : sum / values.size();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.isEmpty() ? 0 : Math.sqrt(squares / values.size());
        List<Map<String, Object>> series = new ArrayList<>();
        for (KpiEngine.Point p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bucket", p.key());
            row.put("value", p.value());
            row.put("anomaly", values.size() >= 4 && sd > 0 && p.value() != null
                    && Math.abs(p.value().doubleValue() - mean) > 2 * sd);
            series.add(row);
        }
        Map<String, Object> out = header(i, s);
        out.put("bucket", bucket);
        out.put("points", series);
        return out;
    }

    /** The indicator cut by one of its dimensions, largest first, with each key's share of the whole. */
    @GetMapping("/indicators/{key}/breakdown")
    Map<String, Object> breakdown(@PathVariable String key, @RequestParam Map<String, String> params) {
        Indicator i = find(key);
        String by = params.get("by");
        if (by == null || !i.breakdowns().contains(by)) {
            throw new HnswException(KpiErrorCode.KPI_QUERY_INVALID, "by");
        }
        int top = integer(params.getOrDefault("top", "10"), 1, 100, "top");
        KpiEngine.Slice s = slice(i, params);
        BigDecimal whole = "SUM".equals(i.aggregation()) ? engine.total(i, s) : null;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (KpiEngine.Point p : engine.breakdown(i, s, by, top)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", p.key());
            row.put("value", p.value());
            row.put("share", whole == null || whole.signum() == 0 || p.value() == null ? null
                    : p.value().multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP));
            rows.add(row);
        }
        Map<String, Object> out = header(i, s);
        out.put("by", by);
        out.put("rows", rows);
        return out;
    }

    /**
     * Peaks of a summed indicator over the period (default: this year): each month with its daily average, the peak and
     * off-peak months (出港高峰/平峰月日均), the hour of the day with the highest daily average in the peak month
     * (高峰月日均高峰小时) and the busiest single hour of the period (日高峰小时通行量).
     */
    @GetMapping("/indicators/{key}/peaks")
    Map<String, Object> peaks(@PathVariable String key, @RequestParam Map<String, String> params) {
        Indicator i = timed(find(key));
        if (!"SUM".equals(i.aggregation())) {
            throw new HnswException(KpiErrorCode.KPI_QUERY_INVALID, "aggregation " + i.aggregation());
        }
        Map<String, String> p = new LinkedHashMap<>(params);
        p.putIfAbsent("period", "YEAR");
        KpiEngine.Slice s = slice(i, p);
        LocalDate last = LocalDate.ofInstant(s.to().minusNanos(1), SHANGHAI);
        List<Map<String, Object>> months = new ArrayList<>();
        for (KpiEngine.Point m : engine.trend(i, s, "month")) {
            java.time.YearMonth ym = java.time.YearMonth.parse(m.key());
            // the month so far when it is the period's last, else the whole month
            int days = ym.equals(java.time.YearMonth.from(last)) ? last.getDayOfMonth() : ym.lengthOfMonth();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", m.key());
            row.put("value", m.value());
            row.put("days", days);
            row.put("dailyAverage", m.value().divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP));
            months.add(row);
        }
        Comparator<Map<String, Object>> byAverage = Comparator.comparing(m -> (BigDecimal) m.get("dailyAverage"));
        Map<String, Object> peak = months.stream().max(byAverage).orElse(null);
        Map<String, Object> out = header(i, s);
        out.put("months", months);
        out.put("peakMonth", peak);
        out.put("offPeakMonth", months.stream().min(byAverage).orElse(null));
        if (peak != null) {
            java.time.YearMonth ym = java.time.YearMonth.parse((String) peak.get("month"));
            Instant from = ym.atDay(1).atStartOfDay(SHANGHAI).toInstant();
            Instant to = ym.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();
            KpiEngine.Slice month = new KpiEngine.Slice(from.isBefore(s.from()) ? s.from() : from,
                    to.isAfter(s.to()) ? s.to() : to, s.portCode(), s.where());
            Map<Integer, BigDecimal> byHour = new java.util.TreeMap<>();
            for (KpiEngine.Cell c : engine.heatMap(i, month)) {
                byHour.merge(c.hour(), c.value(), BigDecimal::add);
            }
            byHour.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(e -> out.put("peakMonthPeakHour",
                    Map.of("hour", e.getKey(), "dailyAverage", e.getValue().divide(
                            BigDecimal.valueOf((Integer) peak.get("days")), 2, RoundingMode.HALF_UP))));
        }
        engine.trend(i, s, "hour").stream().filter(h -> h.value() != null)
                .max(Comparator.comparing(KpiEngine.Point::value))
                .ifPresent(h -> out.put("peakHour", Map.of("bucket", h.key(), "value", h.value())));
        return out;
    }

    /** The indicator per port and hour of the day (热力图, 时间段分布). */
    @GetMapping("/indicators/{key}/heat-map")
    Map<String, Object> heatMap(@PathVariable String key, @RequestParam Map<String, String> params) {
        Indicator i = timed(find(key));
        KpiEngine.Slice s = slice(i, params);
        Map<String, Object> out = header(i, s);
        out.put("cells", engine.heatMap(i, s));
        return out;
    }

    /** Several indicators per port, each also as 0–100 of the best port's value (雷达图). */
    @GetMapping("/radar")
    Map<String, Object> radar(@RequestParam String keys, @RequestParam Map<String, String> params) {
        List<Indicator> list = new ArrayList<>();
        for (String k : keys.split(",")) {
            if (!k.isBlank()) {
                list.add(find(k.strip()));
            }
        }
        if (list.size() < 2 || list.size() > 12) {
            throw new HnswException(KpiErrorCode.KPI_QUERY_INVALID, "keys");
        }
        Map<String, Map<String, Object>> ports = new LinkedHashMap<>();
        List<Map<String, Object>> axes = new ArrayList<>();
        KpiEngine.Slice s = null;
        for (Indicator i : list) {
            s = slice(i, params);
            Map<String, BigDecimal> perPort = engine.perPort(i, s);
            BigDecimal max = perPort.values().stream().filter(v -> v != null).max(BigDecimal::compareTo)
                    .orElse(BigDecimal.ZERO);
            axes.add(Map.of("key", i.key(), "nameZh", i.nameZh(), "nameEn", i.nameEn(), "max", max));
            for (Map<String, Object> p : indicators.ports()) {
                String code = (String) p.get("portCode");
                if (s.portCode() != null && !s.portCode().equals(code)) {
                    continue;
                }
                Map<String, Object> row = ports.computeIfAbsent(code, c -> {
                    Map<String, Object> r = new LinkedHashMap<>(p);
                    r.put("values", new LinkedHashMap<String, BigDecimal>());
                    r.put("scores", new LinkedHashMap<String, BigDecimal>());
                    return r;
                });
                BigDecimal v = perPort.get(code);
                @SuppressWarnings("unchecked")
                Map<String, BigDecimal> values = (Map<String, BigDecimal>) row.get("values");
                @SuppressWarnings("unchecked")
                Map<String, BigDecimal> scores = (Map<String, BigDecimal>) row.get("scores");
                values.put(i.key(), v);
                scores.put(i.key(), v == null || max.signum() <= 0 ? null
                        : v.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", s.from());
        out.put("to", s.to());
        out.put("axes", axes);
        out.put("ports", ports.values());
        return out;
    }

    /** A target on an indicator (运输时效指标设定), enabled or not. */
    @PutMapping("/indicators/{key}/target")
    @PreAuthorize(WRITERS)
    IndicatorRepository.Target setTarget(@PathVariable String key, @RequestBody Map<String, Object> body) {
        Indicator i = find(key);
        BigDecimal target;
        try {
            target = new BigDecimal(String.valueOf(body.get("target")));
        } catch (NumberFormatException e) {
            throw new HnswException(KpiErrorCode.TARGET_INVALID, "target");
        }
        String comparison = String.valueOf(body.getOrDefault("comparison", "AT_MOST"));
        if (target.signum() < 0 || !List.of("AT_MOST", "AT_LEAST").contains(comparison)) {
            throw new HnswException(KpiErrorCode.TARGET_INVALID, target.signum() < 0 ? "target" : "comparison");
        }
        boolean enabled = !Boolean.FALSE.equals(body.get("enabled"));
        indicators.saveTarget(i.key(), target, comparison, enabled, clock.instant(), Actors.current().username());
        return indicators.target(i.key()).orElseThrow();
    }

    @PostMapping("/indicators/{key}/target/enable")
    @PreAuthorize(WRITERS)
    IndicatorRepository.Target enable(@PathVariable String key) {
        return toggle(key, true);
    }

    @PostMapping("/indicators/{key}/target/disable")
    @PreAuthorize(WRITERS)
    IndicatorRepository.Target disable(@PathVariable String key) {
        return toggle(key, false);
    }

    /** Records a business fact by hand (e.g. 贸易额采集和记录, 货物查验合格数量, 运输时间统计和记录). */
    @PostMapping("/facts")
    @PreAuthorize(WRITERS)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> record(@RequestBody PortBusinessFact fact) {
        List<String> problems = FactSubjects.problems(fact, facts.portExists(fact.portCode()), clock.instant());
        if (!problems.isEmpty()) {
            throw new HnswException(KpiErrorCode.FACT_INVALID, String.join(", ", problems));
        }
        scope.check(fact.portCode());
        String id = "manual-" + UUID.randomUUID();
        String user = Actors.current().username();
        facts.insert(id, new PortBusinessFact(fact.portCode(), fact.subject(), fact.dims(), fact.measures(),
                fact.occurredAt(), "manual"), user);
        return Map.of("id", id, "recordedBy", user);
    }

    /** Recorded facts of a subject and period, newest first (采集和记录查询). */
    @GetMapping("/facts")
    List<Map<String, Object>> facts(@RequestParam(required = false) String subject,
                                    @RequestParam Map<String, String> params) {
        Period p = period(params);
        int limit = integer(params.getOrDefault("limit", "200"), 1, 1000, "limit");
        return facts.find(subject, scope.limit(params.get("portCode")), p.from(), p.to(), limit);
    }

    private IndicatorRepository.Target toggle(String key, boolean enabled) {
        Indicator i = find(key);
        if (!indicators.enable(i.key(), enabled, clock.instant(), Actors.current().username())) {
            throw new HnswException(KpiErrorCode.TARGET_NOT_FOUND, i.key());
        }
        return indicators.target(i.key()).orElseThrow();
    }

    /**
     * 企业贸易方式报告信息打印 (S1 FP 286): the foreign-trade enterprise's trade-mode report (import + export, import and
     * export value per trade mode, with shares) of one enterprise ({@code d.enterprise}, required), port and period
     * (default this year), as a printable PDF with the CJK font embedded. Port-limited officers print their port's only.
     */
    @GetMapping(value = "/reports/enterprise-trade-mode.pdf", produces = TradeModeReport.CONTENT_TYPE)
    org.springframework.http.ResponseEntity<byte[]> tradeModeReport(@RequestParam Map<String, String> params) {
        String enterprise = params.get("d.enterprise");
        if (enterprise == null || enterprise.isBlank() || enterprise.strip().length() > 100) {
            throw new HnswException(KpiErrorCode.KPI_QUERY_INVALID, "d.enterprise");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("period", "YEAR");
        params.forEach((k, v) -> {
            if (k.equals("period") || k.equals("from") || k.equals("to") || k.equals("portCode") || k.equals("d.enterprise")) {
                p.put(k, v);
            }
        });
        Indicator all = find("TR_VALUE");
        Indicator in = find("TR_IMPORT_VALUE");
        Indicator out = find("TR_EXPORT_VALUE");
        KpiEngine.Slice s = slice(all, p);
        Map<String, BigDecimal[]> modes = new java.util.TreeMap<>();
        Indicator[] three = {all, in, out};
        for (int c = 0; c < 3; c++) {
            for (KpiEngine.Point point : engine.breakdown(three[c], slice(three[c], p), "tradeMode", 100)) {
                String mode = point.key() == null ? "—" : point.key();
                modes.computeIfAbsent(mode, k -> new BigDecimal[3])[c] = point.value();
            }
        }
        BigDecimal total = engine.total(all, s);
        List<TradeModeReport.Row> rows = modes.entrySet().stream()
                .map(e -> new TradeModeReport.Row(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        total == null || total.signum() == 0 || e.getValue()[0] == null ? null
                                : e.getValue()[0].multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_UP)))
                .sorted(Comparator.comparing((TradeModeReport.Row r) -> r.total() == null ? BigDecimal.ZERO : r.total())
                        .reversed().thenComparing(TradeModeReport.Row::tradeMode))
                .toList();
        byte[] pdf = report.render(new TradeModeReport.Header(enterprise.strip(), s.portCode(), s.from(), s.to(),
                clock.instant(), Actors.current().username()), rows, total);
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "inline; filename=\"enterprise-trade-mode-report.pdf\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF).body(pdf);
    }

    private Indicator find(String key) {
        return indicators.find(key).orElseThrow(() -> new HnswException(KpiErrorCode.INDICATOR_NOT_FOUND, key));
    }

    private static Indicator timed(Indicator i) {
        if (i.snapshot()) {
            throw new HnswException(KpiErrorCode.KPI_NOT_TIMED, i.key());
        }
        return i;
    }

    private record Period(Instant from, Instant to, String name) {
    }

    /** TODAY (default), WEEK, MONTH or YEAR in Asia/Shanghai, or an explicit from/to (ISO instants). */
    private Period period(Map<String, String> params) {
        Instant now = clock.instant();
        if (params.get("from") != null || params.get("to") != null) {
            try {
                Instant from = Instant.parse(params.get("from"));
                Instant to = params.get("to") == null ? now : Instant.parse(params.get("to"));
                if (!from.isBefore(to) || Duration.between(from, to).toDays() > 366 * 5) {
                    throw new HnswException(KpiErrorCode.KPI_QUERY_INVALID, "from/to");
                }
                return new Period(from, to, "CUSTOM");
            } catch (RuntimeException e) {
                if (e instanceof HnswException h) {
                    throw h;
                }
                throw new HnswException(KpiErrorCode.KPI_QUERY_INVALID, "from/to");
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        String name = params.getOrDefault("period", "TODAY").toUpperCase();
        LocalDate start = switch (name) {
            case "TODAY" -> today;
            case "WEEK" -> today.minusDays(6);
            case "MONTH" -> today.withDayOfMonth(1);
            case "YEAR" -> today.withDayOfYear(1);
            default -> throw new HnswException(KpiErrorCode.KPI_QUERY_INVALID, "period");
        };
        return new Period(start.atStartOfDay(SHANGHAI).toInstant(), now.plusSeconds(1), name);
    }

    private KpiEngine.Slice slice(Indicator i, Map<String, String> params) {
        Period p = period(params);
        Map<String, String> where = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("d.")) {
                String dim = k.substring(2);
                if (!i.breakdowns().contains(dim) || v == null || v.isBlank()) {
                    throw new HnswException(KpiErrorCode.KPI_QUERY_INVALID, k);
                }
                where.put(dim, v.strip());
            }
        });
        return new KpiEngine.Slice(p.from(), p.to(), scope.limit(params.get("portCode")), where);
    }

    private static String defaultBucket(KpiEngine.Slice s) {
        long days = Duration.between(s.from(), s.to()).toDays();
        return days < 2 ? "hour" : days <= 62 ? "day" : "month";
    }

    private static int integer(String value, int min, int max, String name) {
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new HnswException(KpiErrorCode.KPI_QUERY_INVALID, name);
        }
    }

    private Map<String, Object> header(Indicator i, KpiEngine.Slice s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("indicator", i);
        out.put("from", i.snapshot() ? null : s.from());
        out.put("to", i.snapshot() ? clock.instant() : s.to());
        out.put("portCode", s.portCode());
        out.put("where", s.where());
        return out;
    }
}
