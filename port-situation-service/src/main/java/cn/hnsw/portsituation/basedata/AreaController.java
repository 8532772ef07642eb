package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import java.io.InputStream;
import java.util.UUID;

/**
 * 基础信息维护 — 港区、区域、区域点位 (FP 502–529): officers read; platform administrators and single-window operators
 * change, confirm, import and export. Every change is in the operation log (common-lib audit).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/base-data")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','maritime-officer','border-officer')")
class AreaController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CHANGE = "hasAnyRole('platform-admin','sw-operator')";
    private static final long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

    private final PortAreaService portAreaService;
    private final PortAreaRepository portAreas;
    private final ZoneService zoneService;
    private final ZoneRepository zones;
    private final ZonePointService pointService;
    private final ZonePointRepository points;
    private final PortScope scope;

    AreaController(PortAreaService portAreaService, PortAreaRepository portAreas, ZoneService zoneService,
                   ZoneRepository zones, ZonePointService pointService, ZonePointRepository points, PortScope scope) {
        this.scope = scope;
        this.portAreaService = portAreaService;
        this.portAreas = portAreas;
        this.zoneService = zoneService;
        this.zones = zones;
        this.pointService = pointService;
        this.points = points;
    }

    // ---- 港区 port areas

    @GetMapping("/port-areas")
    PageResponse<PortArea> portAreas(@RequestParam(required = false) String portCode,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        // an officer registered as a port user sees their port's areas only (PORT_SCOPE for another port)
        Search s = PortAreaRepository.search(scope.limit(portCode), status, q);
        return PageResponse.of(portAreas.search(s, query.size(), query.offset()), query, portAreas.count(s));
    }

    @GetMapping("/port-areas/{id}")
    PortArea portArea(@PathVariable UUID id) {
        PortArea area = portAreaService.get(id);
        scope.check(area.portCode());
        return area;
    }

    @PostMapping("/port-areas")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CHANGE)
    PortArea createPortArea(@RequestBody PortAreaService.Input input) {
        scope.check(input == null ? null : input.portCode());
        return portAreaService.create(input, Actors.current().username());
    }

    @PutMapping("/port-areas/{id}")
    @PreAuthorize(CHANGE)
    PortArea updatePortArea(@PathVariable UUID id, @RequestBody PortAreaService.Input input) {
        scope.check(portAreaService.get(id).portCode());
        scope.check(input == null ? null : input.portCode());
        return portAreaService.update(id, input, Actors.current().username());
    }

    @DeleteMapping("/port-areas/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(CHANGE)
    void deletePortArea(@PathVariable UUID id) {
        scope.check(portAreaService.get(id).portCode());
        portAreaService.delete(id);
    }

    @PostMapping("/port-areas/{id}/confirmation")
    @PreAuthorize(CHANGE)
    PortArea confirmPortArea(@PathVariable UUID id) {
        scope.check(portAreaService.get(id).portCode());
        return portAreaService.confirm(id, Actors.current().username());
    }

    // ---- 区域 zones

    @GetMapping("/zones")
    PageResponse<Zone> zones(@RequestParam(required = false) String kind,
                             @RequestParam(required = false) String portCode,
                             @RequestParam(required = false) String portAreaCode,
                             @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                             @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Search s = ZoneRepository.search(kind, scope.limit(portCode), portAreaCode, status, q);
        return PageResponse.of(zones.search(s, query.size(), query.offset()), query, zones.count(s));
    }

    @GetMapping("/zones/{id}")
    Zone zone(@PathVariable UUID id) {
        Zone zone = zoneService.get(id);
        scope.check(zone.portCode());
        return zone;
    }

    @PostMapping("/zones")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CHANGE)
    Zone createZone(@RequestBody ZoneService.Input input) {
        checkArea(input);
        return zoneService.create(input, Actors.current().username());
    }

    @PutMapping("/zones/{id}")
    @PreAuthorize(CHANGE)
    Zone updateZone(@PathVariable UUID id, @RequestBody ZoneService.Input input) {
        // an officer limited to a port changes their port's zones only, and keeps them in their port
        scope.check(zoneService.get(id).portCode());
        checkArea(input);
        return zoneService.update(id, input, Actors.current().username());
    }

    @DeleteMapping("/zones/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(CHANGE)
    void deleteZone(@PathVariable UUID id) {
        scope.check(zoneService.get(id).portCode());
        zoneService.delete(id);
    }

    @PostMapping("/zones/{id}/confirmation")
    @PreAuthorize(CHANGE)
    Zone confirmZone(@PathVariable UUID id) {
        Zone zone = zoneService.get(id);
        scope.check(zone.portCode());
        if (zone.kind().onWater()) {
            scope.requireAllPorts();
        }
        return zoneService.confirm(id, Actors.current().username());
    }

    /** A point's zone must be of the officer's port when they are limited to one (an unknown zone: 400 later). */
    private void checkZone(String zoneCode) {
        if (zoneCode != null) {
            zones.byCode(zoneCode.strip()).ifPresent(z -> scope.check(z.portCode()));
        }
    }

    /** The port of the zone's port area must be the officer's when they are limited to one (an unknown area: 400 later). */
    private void checkArea(ZoneService.Input input) {
        if (input != null && input.portAreaCode() != null) {
            portAreas.byCode(input.portAreaCode().strip()).ifPresent(a -> scope.check(a.portCode()));
        }
    }

    /** Excel import (the body is the .xlsx file): all rows or none. */
    @PostMapping(value = "/zones/import", consumes = {XLSX, "application/octet-stream"})
    @PreAuthorize(CHANGE)
    ZoneService.ImportResult importZones(HttpServletRequest request) throws IOException {
        scope.requireAllPortsForImport();
        try (InputStream in = body(request)) {
            return zoneService.importWorkbook(in, Actors.current().username());
        }
    }

    @GetMapping("/zones/export")
    void exportZones(@RequestParam(required = false) String kind, @RequestParam(required = false) String portCode,
                     @RequestParam(required = false) String portAreaCode,
                     @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                     HttpServletResponse response) throws IOException {
        String port = scope.limit(portCode);
        attachment(response, "zones.xlsx");
        zoneService.export(zones.search(ZoneRepository.search(kind, port, portAreaCode, status, q), 10_000, 0),
                response.getOutputStream());
    }

    // ---- 区域点位 zone points

    @GetMapping("/zone-points")
    PageResponse<ZonePoint> points(@RequestParam(required = false) String zoneCode,
                                   @RequestParam(required = false) String kind,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        // an officer registered as a port user sees the points of their port's zones only
        Search s = ZonePointRepository.search(zoneCode, kind, status, q, scope.current());
        return PageResponse.of(points.search(s, query.size(), query.offset()), query, points.count(s));
    }

    @GetMapping("/zone-points/{id}")
    ZonePoint point(@PathVariable UUID id) {
        ZonePoint point = pointService.get(id);
        checkZone(point.zoneCode());
        return point;
    }

    @PostMapping("/zone-points")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CHANGE)
    ZonePoint createPoint(@RequestBody ZonePointService.Input input) {
        checkZone(input == null ? null : input.zoneCode());
        return pointService.create(input, Actors.current().username());
    }

    @PutMapping("/zone-points/{id}")
    @PreAuthorize(CHANGE)
    ZonePoint updatePoint(@PathVariable UUID id, @RequestBody ZonePointService.Input input) {
        checkZone(pointService.get(id).zoneCode());
        checkZone(input == null ? null : input.zoneCode());
        return pointService.update(id, input, Actors.current().username());
    }

    @DeleteMapping("/zone-points/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(CHANGE)
    void deletePoint(@PathVariable UUID id) {
        checkZone(pointService.get(id).zoneCode());
        pointService.delete(id);
    }

    @PostMapping("/zone-points/{id}/confirmation")
    @PreAuthorize(CHANGE)
    ZonePoint confirmPoint(@PathVariable UUID id) {
        checkZone(pointService.get(id).zoneCode());
        return pointService.confirm(id, Actors.current().username());
    }

    @PostMapping(value = "/zone-points/import", consumes = {XLSX, "application/octet-stream"})
    @PreAuthorize(CHANGE)
    ZonePointService.ImportResult importPoints(HttpServletRequest request) throws IOException {
        scope.requireAllPortsForImport();
        try (InputStream in = body(request)) {
            return pointService.importWorkbook(in, Actors.current().username());
        }
    }

    @GetMapping("/zone-points/export")
    void exportPoints(@RequestParam(required = false) String zoneCode, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                      HttpServletResponse response) throws IOException {
        attachment(response, "zone-points.xlsx");
        pointService.export(points.search(ZonePointRepository.search(zoneCode, kind, status, q, scope.current()),
                10_000, 0), response.getOutputStream());
    }

    private static InputStream body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_IMPORT_BYTES) {
            throw new HnswException(BaseDataErrorCode.IMPORT_INVALID, "over 10 MiB / 文件超过 10 MiB");
        }
        return request.getInputStream();
    }

    private static void attachment(HttpServletResponse response, String name) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
