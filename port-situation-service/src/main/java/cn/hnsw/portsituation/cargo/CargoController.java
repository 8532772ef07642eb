package cn.hnsw.portsituation.cargo;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.portsituation.basedata.PortScope;
import cn.hnsw.portsituation.gate.ContainerNumbers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * 集装箱位置追踪 and 单证流与物流匹配度: a container's live position and trajectory playback, the containers on site
 * at a port with their statistics, and the match degree of documents and logistics per port. An officer registered as
 * a port user sees the containers, positions and match degree of their organisation's port only ({@link PortScope}).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer','gov-province','gov-provincial-dept')")
class CargoController {

    private final CargoRepository cargo;
    private final Clock clock;
    private final PortScope scope;

    CargoController(CargoRepository cargo, Clock clock, PortScope scope) {
        this.cargo = cargo;
        this.clock = clock;
        this.scope = scope;
    }

    @GetMapping("/containers/{containerNo}")
    Map<String, Object> container(@PathVariable String containerNo) {
        check(containerNo);
        Map<String, Object> latest = cargo.latest(containerNo).stream().findFirst()
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND, containerNo));
        scope.check((String) latest.get("portCode"));
        return latest;
    }

    @GetMapping("/containers/{containerNo}/track")
    Map<String, Object> track(@PathVariable String containerNo, @RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to) {
        check(containerNo);
        Instant t = to == null ? clock.instant() : to;
        Instant f = from == null ? t.minus(Duration.ofDays(7)) : from;
        window(f, t);
        // a limited officer plays back the part of the trajectory inside their port only
        Predicate<String> visible = scope.visible();
        List<Map<String, Object>> points = cargo.track(containerNo, f, t).stream()
                .filter(p -> visible.test((String) p.get("portCode"))).toList();
        return Map.of("containerNo", containerNo, "from", f, "to", t, "points", points);
    }

    @GetMapping("/containers")
    Map<String, Object> onSite(@RequestParam String portCode, @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "limit");
        }
        scope.check(portCode);
        return Map.of("portCode", portCode, "statistics", cargo.onSiteStatistics(portCode),
                "containers", cargo.onSite(portCode, limit));
    }

    /** 集装箱运抵口岸记录查询: containers arrived at the port (or every port the officer sees) over the window. */
    @GetMapping("/containers/arrivals")
    List<Map<String, Object>> arrivals(@RequestParam(required = false) String portCode,
                                       @RequestParam(required = false) Instant from,
                                       @RequestParam(required = false) Instant to,
                                       @RequestParam(defaultValue = "200") int limit) {
        Instant t = to == null ? clock.instant() : to;
        Instant f = from == null ? t.minus(Duration.ofDays(1)) : from;
        window(f, t);
        if (limit < 1 || limit > 1000) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "limit");
        }
        return cargo.arrivals(scope.limit(portCode), f, t, limit);
    }

    /** 审核流程回溯查询: a container's approval trail (its documents in time order) at the ports the officer sees. */
    @GetMapping("/containers/{containerNo}/approval-trail")
    List<Map<String, Object>> trail(@PathVariable String containerNo, @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to) {
        check(containerNo);
        Instant t = to == null ? clock.instant() : to;
        Instant f = from == null ? t.minus(Duration.ofDays(31)) : from;
        window(f, t);
        Predicate<String> visible = scope.visible();
        return cargo.trail(containerNo, f, t).stream().filter(d -> visible.test((String) d.get("portCode"))).toList();
    }

    /** 审核流程实时监控: where each container's approval stands at the port (or every port the officer sees). */
    @GetMapping("/approvals")
    List<Map<String, Object>> approvals(@RequestParam(required = false) String portCode,
                                        @RequestParam(required = false) Instant from,
                                        @RequestParam(required = false) Instant to,
                                        @RequestParam(defaultValue = "200") int limit) {
        Instant t = to == null ? clock.instant() : to;
        Instant f = from == null ? t.minus(Duration.ofDays(1)) : from;
        window(f, t);
        if (limit < 1 || limit > 1000) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "limit");
        }
        return cargo.approvals(scope.limit(portCode), f, t, limit);
    }

    @GetMapping("/match-degree")
    List<Map<String, Object>> matchDegree(@RequestParam(required = false) Instant from,
                                          @RequestParam(required = false) Instant to) {
        Instant t = to == null ? clock.instant() : to;
        Instant f = from == null ? t.minus(Duration.ofDays(1)) : from;
        window(f, t);
        Predicate<String> visible = scope.visible();
        return cargo.matchDegree(f, t).stream().filter(row -> visible.test((String) row.get("portCode"))).toList();
    }

    @GetMapping("/match-degree/{portCode}/unmatched")
    List<Map<String, Object>> unmatched(@PathVariable String portCode, @RequestParam(required = false) Instant from,
                                        @RequestParam(required = false) Instant to) {
        Instant t = to == null ? clock.instant() : to;
        Instant f = from == null ? t.minus(Duration.ofDays(1)) : from;
        window(f, t);
        scope.check(portCode);
        return cargo.unmatched(portCode, f, t);
    }

    private static void check(String containerNo) {
        if (!ContainerNumbers.valid(containerNo)) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "containerNo (ISO 6346)");
        }
    }

    private static void window(Instant from, Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).toDays() > 31) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "from/to");
        }
    }
}
