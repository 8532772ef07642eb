package cn.hnsw.portsituation.ais;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.portsituation.basedata.PortScope;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.UUID;

/**
 * AIS 船舶定位: live and historical positions, track playback, statistics, the feeders' receive log, and the watch
 * areas behind the warnings. The read side is also the query module for customs. The watch areas belong to a port: an
 * officer registered as a port user sees and draws those of their organisation's port only ({@link PortScope}); the
 * same officer sees the vessels in their port's confirmed water areas only ({@link VesselScope}): live list and detail,
 * historical positions and track playback.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/ais")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer','gov-province')")
class AisController {

    private final AisPipeline pipeline;
    private final AisReceiver receiver;
    private final AisHistoryRepository history;
    private final WatchAreaRepository areas;
    private final AisWatch watch;
    private final Clock clock;
    private final PortScope scope;
    private final VesselScope vesselScope;

    AisController(AisPipeline pipeline, AisReceiver receiver, AisHistoryRepository history, WatchAreaRepository areas,
                  AisWatch watch, Clock clock, PortScope scope, VesselScope vesselScope) {
        this.scope = scope;
        this.vesselScope = vesselScope;
        this.pipeline = pipeline;
        this.receiver = receiver;
        this.history = history;
        this.areas = areas;
        this.watch = watch;
        this.clock = clock;
    }

    @GetMapping("/vessels")
    PageResponse<AisPipeline.VesselSnapshot> vessels(@RequestParam(required = false) Double minLat,
                                                     @RequestParam(required = false) Double maxLat,
                                                     @RequestParam(required = false) Double minLon,
                                                     @RequestParam(required = false) Double maxLon,
                                                     @RequestParam(required = false) String shipType,
                                                     @RequestParam(required = false) String name,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        VesselScope.Waters waters = vesselScope.current();
        List<AisPipeline.VesselSnapshot> all = pipeline.vessels().stream()
                .filter(v -> waters.contains(v.latitude(), v.longitude()))
                .filter(v -> minLat == null || v.latitude() >= minLat)
                .filter(v -> maxLat == null || v.latitude() <= maxLat)
                .filter(v -> minLon == null || v.longitude() >= minLon)
                .filter(v -> maxLon == null || v.longitude() <= maxLon)
                .filter(v -> shipType == null || shipType.equals(v.shipType()))
                .filter(v -> name == null || (v.shipName() != null && v.shipName().contains(name.toUpperCase()))
                        || String.valueOf(v.mmsi()).equals(name))
                .sorted(Comparator.comparingInt(AisPipeline.VesselSnapshot::mmsi))
                .toList();
        int from = (int) Math.min(query.offset(), all.size());
        int to = Math.min(from + query.size(), all.size());
        return PageResponse.of(all.subList(from, to), query, all.size());
    }

    @GetMapping("/vessels/{mmsi}")
    AisPipeline.VesselSnapshot vessel(@PathVariable int mmsi) {
        AisPipeline.VesselSnapshot v = pipeline.vessel(mmsi)
                .orElseThrow(() -> new HnswException(AisErrorCode.VESSEL_NOT_FOUND, mmsi));
        vesselScope.current().check(v.latitude(), v.longitude());
        return v;
    }

    /** 轨迹回放: the vessel's positions between {@code from} and {@code to} (at most 7 days, 10,000 points). */
    @GetMapping("/vessels/{mmsi}/track")
    Map<String, Object> track(@PathVariable int mmsi, @RequestParam String from, @RequestParam String to) {
        Instant f = instant(from);
        Instant t = instant(to);
        if (!f.isBefore(t) || Duration.between(f, t).compareTo(Duration.ofDays(7)) > 0) {
            throw new HnswException(AisErrorCode.TRACK_RANGE_INVALID);
        }
        VesselScope.Waters waters = vesselScope.current();
        List<Map<String, Object>> points = history.track(mmsi, f, t, 10_000);
        if (waters.limited()) {
            // a port-limited officer plays back the part of the track inside their port's waters only
            points = points.stream().filter(p -> waters.contains(p.get("latitude"), p.get("longitude"))).toList();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mmsi", mmsi);
        out.put("from", f);
        out.put("to", t);
        out.put("points", points);
        return out;
    }

    /** 历史点位: where every vessel was at a moment of the past (its last fix in the 30 minutes before). */
    @GetMapping("/positions")
    List<Map<String, Object>> positionsAt(@RequestParam String at) {
        VesselScope.Waters waters = vesselScope.current();
        List<Map<String, Object>> all = history.positionsAt(instant(at), Duration.ofMinutes(30));
        return waters.limited()
                ? all.stream().filter(p -> waters.contains(p.get("latitude"), p.get("longitude"))).toList()
                : all;
    }

    /**
     * AIS statistics. The command centre and logins not registered as port users get the whole feed: vessel and report
     * counts, vessels by type, reports per hour over the last day and the feeders' health. An officer limited to a port
     * gets the vessels now in that port's confirmed waters and their types only ({@link VesselScope}): the feed-wide
     * counters and feeders describe every port's ships and are not theirs to see.
     */
    @GetMapping("/statistics")
    Map<String, Object> statistics() {
        VesselScope.Waters waters = vesselScope.current();
        if (waters.limited()) {
            List<AisPipeline.VesselSnapshot> mine = pipeline.vessels().stream()
                    .filter(v -> waters.contains(v.latitude(), v.longitude())).toList();
            Map<String, Long> byType = new java.util.TreeMap<>();
            mine.forEach(v -> byType.merge(v.shipType() == null ? "UNKNOWN" : v.shipType(), 1L, Long::sum));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("portCode", waters.port());
            out.put("vessels", mine.size());
            out.put("vesselsByType", byType.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> Map.<String, Object>of("shipType", e.getKey(), "count", e.getValue())).toList());
            out.put("waterAreas", waters.areas().size());
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("portCode", null);
        out.put("vessels", pipeline.vesselCount());
        out.put("positionReports", pipeline.fixes());
        out.put("staticReports", pipeline.statics());
        out.put("positionsWritten", pipeline.writer().written());
        out.put("writeBacklog", pipeline.writer().backlog());
        out.put("alertsRaised", pipeline.alertsRaised());
        out.put("vesselsByType", history.vesselsByType());
        out.put("reportsPerHour", history.reportsPerHour(clock.instant().minus(Duration.ofHours(24))));
        out.put("feeders", receiver.feeders().stream().map(IntakeStats::snapshot).toList());
        return out;
    }

    /** 数据接收日志 of the AIS feeders. */
    @GetMapping("/receive-logs")
    PageResponse<Map<String, Object>> receiveLogs(@RequestParam(required = false) String from,
                                                  @RequestParam(required = false) String to,
                                                  @RequestParam(required = false) String source,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Instant f = from == null ? Instant.EPOCH : instant(from);
        Instant t = to == null ? clock.instant().plusSeconds(1) : instant(to);
        return PageResponse.of(history.receiveLog(f, t, source, query.size(), query.offset()), query,
                history.receiveLogCount(f, t, source));
    }

    @GetMapping("/receive-logs/export")
    void exportReceiveLogs(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           HttpServletResponse response) throws IOException {
        Instant f = from == null ? Instant.EPOCH : instant(from);
        Instant t = to == null ? clock.instant().plusSeconds(1) : instant(to);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"ais-receive-log.xlsx\"");
        Workbook wb = new Workbook(response.getOutputStream(), "hnsw-port-situation", "1.0");
        Worksheet ws = wb.newWorksheet("数据接收日志 Receive log");
        String[] headers = {"通道 Channel", "来源 Source", "时段 Period", "接收 Received", "接受 Accepted", "丢弃 Dropped", "原因 Reasons"};
        for (int c = 0; c < headers.length; c++) {
            ws.value(0, c, headers[c]);
        }
        int r = 1;
        for (Map<String, Object> row : history.receiveLog(f, t, null, 10_000, 0)) {
            ws.value(r, 0, String.valueOf(row.get("channel")));
            ws.value(r, 1, String.valueOf(row.get("source")));
            ws.value(r, 2, String.valueOf(row.get("periodStart")));
            ws.value(r, 3, ((Number) row.get("received")).longValue());
            ws.value(r, 4, ((Number) row.get("accepted")).longValue());
            ws.value(r, 5, ((Number) row.get("dropped")).longValue());
            ws.value(r, 6, String.valueOf(row.get("dropReasons")));
            r++;
        }
        wb.finish();
    }

    record WatchAreaRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
                            @NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn,
                            @NotNull WatchArea.Kind kind, String portCode, @NotNull @Size(min = 3, max = 500) List<double[]> polygon,
                            Float speedLimitKnots, @NotNull Alert.Level level, boolean active) {
    }

    record WatchAreaView(UUID id, String code, String nameZh, String nameEn, WatchArea.Kind kind, String portCode,
                         List<double[]> polygon, Float speedLimitKnots, Alert.Level level, boolean active, Instant updatedAt) {
        static WatchAreaView of(WatchArea a) {
            return new WatchAreaView(a.id(), a.code(), a.nameZh(), a.nameEn(), a.kind(), a.portCode(), a.polygon(),
                    a.speedLimitKnots(), a.level(), a.active(), a.updatedAt());
        }
    }

    @GetMapping("/watch-areas")
    List<WatchAreaView> watchAreas() {
        Predicate<String> visible = scope.visible();
        return areas.findAll().stream().filter(a -> visible.test(a.portCode())).map(WatchAreaView::of).toList();
    }

    @PostMapping("/watch-areas")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','maritime-officer')")
    WatchAreaView createWatchArea(@Valid @RequestBody WatchAreaRequest request) {
        return saveWatchArea(UUID.randomUUID(), request);
    }

    @PutMapping("/watch-areas/{id}")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','maritime-officer')")
    WatchAreaView updateWatchArea(@PathVariable UUID id, @Valid @RequestBody WatchAreaRequest request) {
        WatchArea existing = areas.find(id).orElseThrow(() -> new HnswException(AisErrorCode.WATCH_AREA_NOT_FOUND, id));
        scope.check(existing.portCode());
        return saveWatchArea(id, request);
    }

    /**
     * 确认: a watch area drawn or changed here is a draft, as a zone of the base data is, and the AIS warnings watch it
     * only once confirmed.
     */
    @PostMapping("/watch-areas/{id}/confirmation")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','maritime-officer')")
    WatchAreaView confirmWatchArea(@PathVariable UUID id) {
        areas.find(id).ifPresent(a -> scope.check(a.portCode()));
        // a confirmed water area widens the vessels its port's officers see (VesselScope): an officer limited to a port
        // drafts the areas of their port, the command centre or an administrator (no port limit) confirms them
        scope.requireAllPorts();
        if (!areas.confirm(id, cn.hnsw.common.security.Actors.current().username(), clock.instant())) {
            throw new HnswException(AisErrorCode.WATCH_AREA_NOT_FOUND, id);
        }
        watch.areas(areas.findActive());
        return WatchAreaView.of(areas.find(id).orElseThrow());
    }

    @DeleteMapping("/watch-areas/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','maritime-officer')")
    void deleteWatchArea(@PathVariable UUID id) {
        areas.find(id).ifPresent(a -> scope.check(a.portCode()));
        if (!areas.delete(id)) {
            throw new HnswException(AisErrorCode.WATCH_AREA_NOT_FOUND, id);
        }
        watch.areas(areas.findActive());
    }

    private WatchAreaView saveWatchArea(UUID id, WatchAreaRequest r) {
        scope.check(r.portCode());
        WatchArea area = new WatchArea(id, r.code(), r.nameZh(), r.nameEn(), r.kind(), r.portCode(), r.polygon(),
                r.speedLimitKnots(), r.level(), r.active(), clock.instant());
        if (areas.codeTaken(r.code(), id)) {
            throw new HnswException(AisErrorCode.WATCH_AREA_CODE_TAKEN, r.code());
        }
        areas.save(area);
        watch.areas(areas.findActive());
        return WatchAreaView.of(area);
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new HnswException(AisErrorCode.TRACK_RANGE_INVALID);
        }
    }
}
