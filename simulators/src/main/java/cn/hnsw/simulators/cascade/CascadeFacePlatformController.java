package cn.hnsw.simulators.cascade;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator switches of the subordinate face-capture platform simulator: load captures, switch reachability, empty. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/cascade-face-platform")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
class CascadeFacePlatformController {

    private final CascadeFacePlatform platform;

    CascadeFacePlatformController(CascadeFacePlatform platform) {
        this.platform = platform;
    }

    /** Appends captures (each a map in the subordinate platform's own field names); answers the last sequence. */
    @PostMapping("/captures")
    Map<String, Object> add(@RequestBody List<Map<String, Object>> captures) {
        platform.add(captures);
        return Map.of("lastSeq", platform.lastSeq());
    }

    /** The rows platforms pushed here (数据推送), oldest first. */
    @GetMapping("/received")
    List<Map<String, Object>> received() {
        return platform.received();
    }

    /** The person records superior platforms added or changed here (数据操作), keyed {@code type/id}. */
    @GetMapping("/records")
    Map<String, Map<String, Object>> records() {
        return platform.records();
    }

    /** The comparison results pushed here by the platform it subscribed to (比对订阅), oldest first. */
    @GetMapping("/results")
    List<Map<String, Object>> results() {
        return platform.results();
    }

    record Reachability(@NotNull Boolean reachable) {
    }

    @PutMapping("/reachability")
    Map<String, Object> reachability(@Valid @RequestBody Reachability r) {
        platform.reachable(r.reachable());
        return Map.of("reachable", platform.reachable());
    }

    @PostMapping("/reset")
    Map<String, Object> reset() {
        platform.reset();
        return Map.of("reset", true);
    }
}
