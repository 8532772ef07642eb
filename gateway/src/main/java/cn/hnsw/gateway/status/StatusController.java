package cn.hnsw.gateway.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** The public status API behind the Portbase-style status page; open without a token. */
@RestController
@Tag(name = "status", description = "平台运行状态 / platform status")
class StatusController {

    private final PlatformStatusChecker checker;
    private final CacheControl cacheControl;

    StatusController(PlatformStatusChecker checker, StatusProperties properties) {
        this.checker = checker;
        // browsers and proxies may keep it as long as the gateway does: a reload inside that time would learn nothing
        this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(Math.max(1, properties.cacheTtl().toSeconds())))
                .cachePublic();
    }

    @GetMapping(path = "/api/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "各服务与合作方链路的运行状态 / health of every service and partner link")
    Mono<ResponseEntity<PlatformStatus>> status() {
        return checker.current().map(status -> ResponseEntity.ok().cacheControl(cacheControl).body(status));
    }
}
