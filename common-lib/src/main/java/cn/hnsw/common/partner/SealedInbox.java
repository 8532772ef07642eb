package cn.hnsw.common.partner;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.RefusalCode;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.common.web.HnswException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Opens sealed messages that partners push to this service (receipts, notifications, gate events): the envelope
 * must be sealed to the platform key, signed by one of the partners the endpoint expects, fresh and not seen before.
 * A refusal is an {@link HnswException} with {@link SealRefusalError}, so the sender gets the problem detail of
 * docs/crypto.md §3 and nothing is changed.
 *
 * <pre>{@code
 * @PostMapping(path = "/v1/inbox/customs", consumes = {"application/json", "application/xml"})
 * ResponseEntity<byte[]> receipt(@RequestBody byte[] body) {
 *     OpenedMessage message = inbox.open(body, Set.of("customs-smart-supervision"));
 *     ...
 *     return inbox.reply(...);   // or 202 Accepted without a body
 * }
 * }</pre>
 */
public class SealedInbox {

    private static final Logger log = LoggerFactory.getLogger(SealedInbox.class);

    private final MessageSealer sealer;
    private final String platformKeyId;
    private final PartnerProperties properties;

    public SealedInbox(MessageSealer sealer, String platformKeyId, PartnerProperties properties) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.platformKeyId = Objects.requireNonNull(platformKeyId, "platformKeyId");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /**
     * Opens {@code body} (JSON or XML envelope) and checks that one of {@code partnerIds} signed it.
     *
     * @throws HnswException with {@link SealRefusalError} when the envelope is refused
     */
    public OpenedMessage open(byte[] body, Collection<String> partnerIds) {
        try {
            OpenedMessage opened = sealer.open(body);
            Set<String> allowed = partnerIds.stream().map(properties::keyIdOf).collect(java.util.stream.Collectors.toSet());
            if (!allowed.contains(opened.senderKeyId())) {
                log.warn("event=inbox-refused code=UNKNOWN_SIGNER signer={} expected={}", opened.senderKeyId(), allowed);
                throw new HnswException(new SealRefusalError(RefusalCode.UNKNOWN_SIGNER));
            }
            log.info("event=inbox-opened messageId={} signer={}", opened.messageId(), opened.senderKeyId());
            return opened;
        } catch (SealRefusedException e) {
            log.warn("event=inbox-refused code={} detail=\"{}\"", e.code(), e.getMessage());
            throw new HnswException(new SealRefusalError(e.code()));
        }
    }

    /** Seals an answer (e.g. a reception receipt) from the platform to the partner that sent the message. */
    public byte[] reply(OpenedMessage to, byte[] payload, EnvelopeFormat form) {
        SealedMessage sealed = sealer.seal(payload, platformKeyId, to.senderKeyId());
        return form.encode(sealed);
    }
}
