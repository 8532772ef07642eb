package cn.hnsw.simulators.sealed;

import cn.hnsw.common.partner.SealRefusalError;
import cn.hnsw.common.crypto.CipherDeviceException;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.ReplayGuardFullException;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.fault.FaultDecision;
import cn.hnsw.simulators.fault.FaultService;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A simulated partner receiving a sealed message from the platform, in this order:
 * <ol>
 *   <li>an outage refuses at once with 503 {@code PARTNER_UNAVAILABLE}, without opening: the message is not
 *       consumed, so the platform may resend the same envelope once the partner is back;</li>
 *   <li>the latency passes (every other answer waits, refusals included, as a slow partner is slow for all);</li>
 *   <li>a failure in {@code UNAVAILABLE} mode answers 503, again without opening;</li>
 *   <li>the envelope is opened with the partner's key; a refusal becomes a problem with the {@code RefusalCode};</li>
 *   <li>a failure in {@code SEALED_ERROR} mode answers a sealed rejection; otherwise the partner's
 *       {@link PartnerBehavior} answers;</li>
 *   <li>the answer is sealed by the partner to the platform, in the envelope form of the request.</li>
 * </ol>
 */
@Service
public class PartnerMessageService {

    private static final Logger log = LoggerFactory.getLogger(PartnerMessageService.class);

    private final PartnerRegistry registry;
    private final PartnerSealers sealers;
    private final FaultService faults;
    private final PartnerBehaviors behaviors;
    private final TechnicalReceiptBehavior receipts;

    public PartnerMessageService(PartnerRegistry registry, PartnerSealers sealers, FaultService faults,
                                 PartnerBehaviors behaviors, TechnicalReceiptBehavior receipts) {
        this.registry = registry;
        this.sealers = sealers;
        this.faults = faults;
        this.behaviors = behaviors;
        this.receipts = receipts;
    }

    public SealedReply receive(String partnerId, byte[] body, EnvelopeForm form) {
        Partner partner = registry.require(partnerId);
        if (!sealers.holdsKeyOf(partner)) {
            log.warn("event=simulator-message-refused partner={} name={} code=PARTNER_KEYS_MISSING", partner.id(), partner.nameZh());
            throw new PartnerUnavailableException(SealedMessageErrorCode.PARTNER_KEYS_MISSING, partner, null);
        }
        FaultDecision decision = faults.decide(partner.id(), ThreadLocalRandom.current());
        switch (decision.outcome()) {
            case OUTAGE -> {
                log.info("event=simulator-message-refused partner={} name={} code=PARTNER_UNAVAILABLE reason=outage until={}",
                        partner.id(), partner.nameZh(), decision.outage().indefinite() ? "indefinite" : decision.outage().until());
                throw unavailable(partner, decision.outage().end()
                        .map(end -> Duration.between(faults.now(), end)).orElse(null));
            }
            case FAIL_UNAVAILABLE -> {
                pause(decision.latency(), partner);
                log.info("event=simulator-message-refused partner={} name={} code=PARTNER_UNAVAILABLE reason=failure-rate latencyMs={}",
                        partner.id(), partner.nameZh(), decision.latency().toMillis());
                throw unavailable(partner, null);
            }
            case ANSWER, FAIL_SEALED_ERROR -> pause(decision.latency(), partner);
        }

        try {
            SealedMessage envelope = form.parse(body);
            OpenedMessage opened = sealers.open(partner, envelope);
            PartnerRequest request = new PartnerRequest(partner, opened.messageId(), opened.senderKeyId(),
                    opened.timestamp(), faults.now(), form, opened.payload());
            PartnerReply reply = switch (decision.outcome()) {
                case FAIL_SEALED_ERROR -> receipts.rejection(request);
                default -> behaviors.reply(request);
            };
            SealedMessage sealed = sealers.sealToPlatform(partner, reply.payload());
            log.info("event=simulator-message-answered partner={} name={} messageId={} replyId={} reply=\"{}\" form={} latencyMs={}",
                    partner.id(), partner.nameZh(), opened.messageId(), sealed.messageId(), reply.summary(), form,
                    decision.latency().toMillis());
            return new SealedReply(form.encode(sealed), form, sealed.messageId(), opened.messageId());
        } catch (SealRefusedException e) {
            // getMessage() holds the detail for our log only; the sender gets the code and its two texts.
            log.info("event=simulator-message-refused partner={} name={} code={} detail=\"{}\"", partner.id(),
                    partner.nameZh(), e.code(), e.getMessage());
            throw new HnswException(new SealRefusalError(e.code()));
        } catch (CipherDeviceException | ReplayGuardFullException | DataAccessException e) {
            log.error("event=simulator-sealing-failed partner={} name={}", partner.id(), partner.nameZh(), e);
            throw new HnswException(SealedMessageErrorCode.SEALING_FAILED, partner.nameZh(), partner.nameEn());
        }
    }

    private static PartnerUnavailableException unavailable(Partner partner, Duration retryAfter) {
        return new PartnerUnavailableException(SealedMessageErrorCode.PARTNER_UNAVAILABLE, partner, retryAfter);
    }

    private static void pause(Duration latency, Partner partner) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            // Shutting down: keep the interrupt for the container and do not answer as if the partner had.
            Thread.currentThread().interrupt();
            throw unavailable(partner, null);
        }
    }
}
