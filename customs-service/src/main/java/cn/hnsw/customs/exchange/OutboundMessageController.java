package cn.hnsw.customs.exchange;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * 发送记录查询 / 发送进度监控 (FP 326–329) and the permanently-failed queue: enterprises see their own messages,
 * operators see all and re-drive a failed one.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1")
class OutboundMessageController {

    private final OutboundMessageRepository messages;
    private final OutboundSignal signal;
    private final ReceiptService receipts;
    private final Clock clock = Clock.systemUTC();

    OutboundMessageController(OutboundMessageRepository messages, OutboundSignal signal, ReceiptService receipts) {
        this.messages = messages;
        this.signal = signal;
        this.receipts = receipts;
    }

    @GetMapping("/outbound-messages")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'sw-operator', 'platform-admin', 'customs-officer')")
    PageResponse<OutboundMessage> list(@RequestParam(required = false) OutboundMessage.Status status,
                                       @RequestParam(required = false) UUID declarationId,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        CurrentActor actor = Actors.current();
        String enterprise = EnterpriseScope.restrictionFor(actor).orElse(null);
        PageQuery q = PageQuery.of(page, size);
        return PageResponse.of(messages.search(enterprise, status, declarationId, q.offset(), q.size()), q,
                messages.count(enterprise, status, declarationId));
    }

    /** 重新发送: a permanently failed message back to the queue, due now. */
    @PostMapping("/outbound-messages/{id}/redrive")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    OutboundMessage redrive(@PathVariable UUID id) {
        messages.find(id).orElseThrow(() -> new HnswException(CustomsErrorCode.MESSAGE_NOT_FOUND));
        if (!messages.redrive(id, clock.instant())) {
            throw new HnswException(CustomsErrorCode.MESSAGE_NOT_FAILED);
        }
        signal.wake();
        return messages.find(id).orElseThrow();
    }

    /** Pull by query: the receipts that arrived for the caller's enterprise after {@code since}. */
    @GetMapping("/receipts")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'sw-operator', 'platform-admin', 'customs-officer')")
    java.util.List<ReceiptView> pull(@RequestParam Instant since, @RequestParam(defaultValue = "100") int limit) {
        String enterprise = EnterpriseScope.restrictionFor(Actors.current()).orElse(null);
        return receipts.receiptsSince(enterprise, since, Math.max(1, Math.min(limit, 500)));
    }
}
