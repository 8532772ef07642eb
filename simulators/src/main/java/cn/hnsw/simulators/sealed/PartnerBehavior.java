package cn.hnsw.simulators.sealed;

import cn.hnsw.simulators.partner.Partner;

/**
 * How a simulated partner answers an opened message. Later issues add one per partner (H2018 answering declarations
 * with business receipts, banks confirming payments…) as Spring beans; {@link PartnerBehaviors} asks them in
 * {@link org.springframework.core.annotation.Order} and uses the first that {@link #handles} the partner, with the
 * generic {@link TechnicalReceiptBehavior} last. Sealing, faults and refusals are done around the behaviour: it sees
 * only authentic messages and returns a plain body.
 */
public interface PartnerBehavior {

    /** Whether this behaviour answers for {@code partner} (typically by {@link Partner#kind()}). */
    boolean handles(Partner partner);

    /**
     * The answer to one message. Throw {@link cn.hnsw.common.web.HnswException} to refuse it with a problem detail
     * instead of a sealed reply.
     */
    PartnerReply reply(PartnerRequest request);
}
