package cn.hnsw.simulators.sealed;

import cn.hnsw.simulators.partner.Partner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The generic behaviour of every simulated partner without a specific one: acknowledge receipt with a
 * {@link TechnicalReceipt} naming the message id and the time. Last in order, so any specific behaviour wins.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class TechnicalReceiptBehavior implements PartnerBehavior {

    @Override
    public boolean handles(Partner partner) {
        return true;
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        return new PartnerReply(TechnicalReceipt.received(request).encode(request.form()), "technical-receipt RECEIVED");
    }

    /** The sealed error reply of {@code FailureMode.SEALED_ERROR}: same receipt, status rejected. */
    public PartnerReply rejection(PartnerRequest request) {
        return new PartnerReply(TechnicalReceipt.rejected(request).encode(request.form()), "technical-receipt REJECTED");
    }
}
