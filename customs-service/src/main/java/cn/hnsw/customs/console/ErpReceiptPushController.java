package cn.hnsw.customs.console;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** 回执下发状态监控 and 重新推送 of the receipt pushes to enterprise ERPs (FP 563–568). */
@RestController
@RequestMapping("${hnsw.api.base}/v1/service-console/receipt-deliveries")
class ErpReceiptPushController {

    private final ErpReceiptPush deliveries;

    ErpReceiptPushController(ErpReceiptPush deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'sw-operator', 'platform-admin', 'customs-officer')")
    PageResponse<ErpReceiptPush.Delivery> list(@RequestParam(required = false) ErpReceiptPush.Status status,
                                               @RequestParam(required = false) UUID declarationId,
                                               @RequestParam(required = false) String kind,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        PageQuery q = PageQuery.of(page, size);
        return PageResponse.of(deliveries.search(Actors.current(), status, declarationId, kind, q.offset(), q.size()), q,
                deliveries.count(Actors.current(), status, declarationId, kind));
    }

    /** 下发日志 (FP 574): every attempt of one delivery. */
    @GetMapping("/{id}/attempts")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'sw-operator', 'platform-admin', 'customs-officer')")
    List<ErpReceiptPush.Attempt> attempts(@PathVariable UUID id) {
        return deliveries.attempts(Actors.current(), id);
    }

    @PostMapping("/{id}/redrive")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'sw-operator', 'platform-admin')")
    ErpReceiptPush.Delivery redrive(@PathVariable UUID id) {
        return deliveries.redrive(Actors.current(), id);
    }
}
