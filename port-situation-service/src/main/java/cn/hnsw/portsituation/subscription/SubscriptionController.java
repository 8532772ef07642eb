package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.security.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 预警订阅: enterprises subscribe for themselves; platform administrators and single-window operators for partner
 * systems and enterprises. The delivery log (推送记录) shows every attempt.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/subscriptions")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','enterprise-admin','enterprise-declarant')")
class SubscriptionController {

    private final SubscriptionService service;

    SubscriptionController(SubscriptionService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Subscription create(@RequestBody SubscriptionService.Request request) {
        return service.create(request, Actors.current());
    }

    @GetMapping
    List<Subscription> list() {
        return service.list(Actors.current());
    }

    @GetMapping("/{id}")
    Subscription get(@PathVariable UUID id) {
        return service.get(id, Actors.current());
    }

    @PostMapping("/{id}/cancellation")
    Subscription cancel(@PathVariable UUID id) {
        return service.cancel(id, Actors.current());
    }

    @GetMapping("/{id}/deliveries")
    List<Map<String, Object>> deliveries(@PathVariable UUID id) {
        return service.deliveries(id, Actors.current());
    }
}
