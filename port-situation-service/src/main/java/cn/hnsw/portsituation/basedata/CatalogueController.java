package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
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

import java.util.UUID;

/**
 * 物流线路维护、场所标签管理、视频转码管理（联网平台） (FP 550–588): officers read; platform administrators and
 * single-window operators change. Every change is in the operation log (common-lib audit). An officer or operator
 * limited to a port ({@link PortScope}) reads and changes only its port's routes, labels and platforms; the labels and
 * platforms without a port are the command centre's.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/base-data")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','maritime-officer','border-officer')")
class CatalogueController {

    private static final String CHANGE = "hasAnyRole('platform-admin','sw-operator')";

    private final LogisticsRouteService routeService;
    private final LogisticsRouteRepository routes;
    private final SiteLabelService labelService;
    private final SiteLabelRepository labels;
    private final VideoPlatformService platformService;
    private final VideoPlatformRepository platforms;
    private final PortScope scope;

    CatalogueController(LogisticsRouteService routeService, LogisticsRouteRepository routes,
                        SiteLabelService labelService, SiteLabelRepository labels,
                        VideoPlatformService platformService, VideoPlatformRepository platforms, PortScope scope) {
        this.scope = scope;
        this.routeService = routeService;
        this.routes = routes;
        this.labelService = labelService;
        this.labels = labels;
        this.platformService = platformService;
        this.platforms = platforms;
    }

    // ---- 物流线路 logistics routes

    @GetMapping("/logistics-routes")
    PageResponse<LogisticsRoute> routes(@RequestParam(required = false) String trade,
                                        @RequestParam(required = false) String mode,
                                        @RequestParam(required = false) String portCode,
                                        @RequestParam(required = false) Boolean enabled,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        // 内贸/外贸路线信息展示: an officer registered as a port user sees their port's routes only (PORT_SCOPE otherwise)
        Search s = LogisticsRouteRepository.search(trade, mode, scope.limit(portCode), enabled, q);
        return PageResponse.of(routes.search(s, query.size(), query.offset()), query, routes.count(s));
    }

    @GetMapping("/logistics-routes/{id}")
    LogisticsRoute route(@PathVariable UUID id) {
        LogisticsRoute route = routeService.get(id);
        scope.check(route.portCode());
        return route;
    }

    @PostMapping("/logistics-routes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CHANGE)
    LogisticsRoute createRoute(@RequestBody LogisticsRouteService.Input input) {
        return routeService.create(input, Actors.current().username());
    }

    @PutMapping("/logistics-routes/{id}")
    @PreAuthorize(CHANGE)
    LogisticsRoute updateRoute(@PathVariable UUID id, @RequestBody LogisticsRouteService.Input input) {
        return routeService.update(id, input, Actors.current().username());
    }

    /** 启用/禁用. */
    record Enabled(boolean enabled) {
    }

    @PutMapping("/logistics-routes/{id}/enabled")
    @PreAuthorize(CHANGE)
    LogisticsRoute enableRoute(@PathVariable UUID id, @RequestBody Enabled body) {
        return routeService.enable(id, body.enabled(), Actors.current().username());
    }

    @DeleteMapping("/logistics-routes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(CHANGE)
    void deleteRoute(@PathVariable UUID id) {
        routeService.delete(id);
    }

    // ---- 场所标签 site labels

    @GetMapping("/site-labels")
    PageResponse<SiteLabel> labels(@RequestParam(required = false) String q,
                                   @RequestParam(required = false) String portCode,
                                   @RequestParam(required = false) String targetType,
                                   @RequestParam(required = false) String targetCode,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        // an officer limited to a port sees that port's labels only (PORT_SCOPE for another port)
        Search s = SiteLabelRepository.search(q, scope.limit(portCode), targetType, targetCode);
        return PageResponse.of(labels.search(s, query.size(), query.offset()), query, labels.count(s));
    }

    @GetMapping("/site-labels/{id}")
    SiteLabel label(@PathVariable UUID id) {
        SiteLabel label = labelService.get(id);
        scope.check(label.portCode());
        return label;
    }

    @PostMapping("/site-labels")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CHANGE)
    SiteLabel createLabel(@RequestBody SiteLabelService.Input input) {
        scope.check(input == null ? null : blankToNull(input.portCode()));
        return labelService.create(input, Actors.current().username());
    }

    @PutMapping("/site-labels/{id}")
    @PreAuthorize(CHANGE)
    SiteLabel updateLabel(@PathVariable UUID id, @RequestBody SiteLabelService.Input input) {
        scope.check(labelService.get(id).portCode());
        scope.check(input == null ? null : blankToNull(input.portCode()));
        return labelService.update(id, input, Actors.current().username());
    }

    @DeleteMapping("/site-labels/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(CHANGE)
    void deleteLabel(@PathVariable UUID id) {
        scope.check(labelService.get(id).portCode());
        labelService.delete(id);
    }

    // ---- 联网平台 video platforms

    @GetMapping("/video-platforms")
    PageResponse<VideoPlatform> platforms(@RequestParam(required = false) String protocol,
                                          @RequestParam(required = false) String portCode,
                                          @RequestParam(required = false) Boolean enabled,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        // an officer limited to a port sees that port's platforms only (PORT_SCOPE for another port)
        Search s = VideoPlatformRepository.search(protocol, scope.limit(portCode), enabled, q);
        return PageResponse.of(platforms.search(s, query.size(), query.offset()), query, platforms.count(s));
    }

    @GetMapping("/video-platforms/{id}")
    VideoPlatform platform(@PathVariable UUID id) {
        VideoPlatform platform = platformService.get(id);
        scope.check(platform.portCode());
        return platform;
    }

    @PostMapping("/video-platforms")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CHANGE)
    VideoPlatform createPlatform(@RequestBody VideoPlatformService.Input input) {
        scope.check(input == null ? null : blankToNull(input.portCode()));
        return platformService.create(input, Actors.current().username());
    }

    @PutMapping("/video-platforms/{id}")
    @PreAuthorize(CHANGE)
    VideoPlatform updatePlatform(@PathVariable UUID id, @RequestBody VideoPlatformService.Input input) {
        scope.check(platformService.get(id).portCode());
        scope.check(input == null ? null : blankToNull(input.portCode()));
        return platformService.update(id, input, Actors.current().username());
    }

    @DeleteMapping("/video-platforms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(CHANGE)
    void deletePlatform(@PathVariable UUID id) {
        scope.check(platformService.get(id).portCode());
        platformService.delete(id);
    }

    private static String blankToNull(String portCode) {
        return portCode == null || portCode.isBlank() ? null : portCode.strip();
    }
}
