package cn.hnsw.simulators.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/** Operator view of the app-push service simulator: what it pushed, the fault switch, a reset. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/app-push")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
class AppPushController {

    private final AppPushInbox inbox;

    AppPushController(AppPushInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/pushes")
    List<AppPushInbox.Push> pushes() {
        return inbox.pushes();
    }

    record Failures(@NotNull @Min(0) @Max(100) Integer next) {
    }

    /** The next {@code next} messages are answered 503. */
    @PutMapping("/failures")
    Map<String, Object> failures(@Valid @RequestBody Failures f) {
        inbox.failNext(f.next());
        return Map.of("failNext", f.next());
    }

    @PostMapping("/reset")
    Map<String, Object> reset() {
        inbox.reset();
        return Map.of("reset", true);
    }
}
