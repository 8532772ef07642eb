package cn.hnsw.portsituation.facility;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.portsituation.basedata.PortScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 设施监测: the facilities of the ports, online / fault / offline, their incidents and the time to repair. An officer
 * registered as a port user sees the facilities of their organisation's port only ({@link PortScope}).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/facilities")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer','gov-province','gov-provincial-dept')")
class FacilityController {

    private final FacilityRepository facilities;
    private final Clock clock;
    private final PortScope scope;

    FacilityController(FacilityRepository facilities, Clock clock, PortScope scope) {
        this.facilities = facilities;
        this.clock = clock;
        this.scope = scope;
    }

    @GetMapping
    PageResponse<Facility> list(@RequestParam(required = false) String portCode,
                                @RequestParam(required = false) String kind,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        portCode = scope.limit(portCode);
        return PageResponse.of(facilities.search(portCode, kind, status, query.size(), query.offset()), query,
                facilities.count(portCode, kind, status));
    }

    /** Per port and kind: online, fault, offline, open incidents, mean time to repair over the last 30 days. */
    @GetMapping("/summary")
    List<Map<String, Object>> summary(@RequestParam(required = false) String portCode) {
        return facilities.summary(scope.limit(portCode), clock.instant().minus(Duration.ofDays(30)));
    }

    @GetMapping("/{code}/incidents")
    List<Map<String, Object>> incidents(@PathVariable String code) {
        Facility facility = facilities.find(code)
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND, code));
        scope.check(facility.portCode());
        return facilities.incidents(code, 200);
    }
}
