package cn.hnsw.portsituation.kpi;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** 口岸指标体系 for the big screen: each port's six dimension scores, overall score and rank (radar, score board). */
@RestController
@RequestMapping("${hnsw.api.base}/v1/monitoring/kpi")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer','gov-province','gov-provincial-dept')")
class KpiController {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final KpiRepository kpi;
    private final Clock clock;

    KpiController(KpiRepository kpi, Clock clock) {
        this.kpi = kpi;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> scores() {
        Instant now = clock.instant();
        Instant today = LocalDate.now(clock.withZone(SHANGHAI)).atStartOfDay(SHANGHAI).toInstant();
        return Map.of("at", now, "dimensions", PortScores.DIMENSIONS,
                "ports", PortScores.of(kpi.facts(today, now.minus(Duration.ofDays(1)), now)));
    }
}
