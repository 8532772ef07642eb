package cn.hnsw.passenger.partner;

import cn.hnsw.common.crypto.CipherDeviceException;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.ReplayGuardFullException;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import java.util.Set;

/**
 * Opens sealed messages that partners push to the service (customs receipts, payment notifications): the caller must
 * be a machine client, the envelope must verify, be fresh and new, and be signed by one of the expected partners.
 * Every refusal is a problem detail and nothing is stored.
 */
public class PartnerInbox {

    public static final String INTERNAL_SERVICE = "internal-service";
    public static final String PARTNER_ROLE_PREFIX = "partner-";

    private final MessageSealer sealer;

    public PartnerInbox(MessageSealer sealer) {
        this.sealer = sealer;
    }

    public OpenedMessage open(CurrentActor caller, byte[] body, Set<String> expectedSenderKeyIds) {
        boolean machine = caller.roles().stream()
                .anyMatch(r -> r.equals(INTERNAL_SERVICE) || r.startsWith(PARTNER_ROLE_PREFIX));
        if (!machine) {
            throw new HnswException(PartnerErrorCode.NOT_A_PARTNER);
        }
        OpenedMessage opened;
        try {
            opened = sealer.open(body);
        } catch (SealRefusedException e) {
            throw new HnswException(PartnerErrorCode.valueOf(e.code().name()));
        } catch (CipherDeviceException | ReplayGuardFullException e) {
            throw new HnswException(PartnerErrorCode.SEALING_UNAVAILABLE, java.util.List.of(), e);
        }
        if (!expectedSenderKeyIds.contains(opened.senderKeyId())) {
            throw new HnswException(PartnerErrorCode.UNEXPECTED_SENDER, opened.senderKeyId());
        }
        return opened;
    }
}
