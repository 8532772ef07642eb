package cn.hnsw.passenger.payment;

import cn.hnsw.common.security.Actors;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Payment orders for online tax, and the sealed notification endpoint each channel calls back. */
@RestController
@RequestMapping("${hnsw.api.base}/v1")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    record OrderRequest(PaymentChannel channel) {
    }

    @PostMapping("/taxes/{id}/payment-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('traveler')")
    PaymentService.PaymentOrder create(@PathVariable UUID id, @RequestBody OrderRequest request) {
        if (request == null || request.channel() == null) {
            throw new cn.hnsw.common.web.HnswException(cn.hnsw.passenger.tax.TaxErrorCode.CHANNEL_DISABLED, "-");
        }
        return payments.createOrder(Actors.current(), id, request.channel());
    }

    @GetMapping("/taxes/{id}/payment-orders")
    @PreAuthorize("hasAnyRole('traveler','customs-officer','customs-reviewer','customs-finance','sw-operator','platform-admin')")
    List<PaymentService.PaymentOrder> orders(@PathVariable UUID id) {
        return payments.orders(Actors.current(), id);
    }

    @PostMapping(value = "/payment-notifications/{channel}", consumes = {"application/json", "application/xml",
            "text/xml", "application/*+json", "application/*+xml"})
    PaymentService.NotificationResult notification(@PathVariable PaymentChannel channel, @RequestBody byte[] body) {
        return payments.receiveNotification(Actors.current(), channel, body);
    }
}
