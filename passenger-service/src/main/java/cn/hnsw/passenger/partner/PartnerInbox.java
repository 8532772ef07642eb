package cn.hnsw.passenger.partner;

import cn.hnsw.common.crypto.CipherDeviceException;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.ReplayGuardFullException;
import cn.hnsw.common.partner.SealedInbox;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import java.util.List;
import java.util.Set;

/**
 * Opens sealed messages that partners push to the service (customs receipts, payment notifications): the caller must
 * be a machine client, and common-lib's {@link SealedInbox} checks that the envelope verifies, is fresh and new, and
 * is signed by one of the expected partners. Every refusal is a problem detail and nothing is stored.
 */
public class PartnerInbox {

    public static final String INTERNAL_SERVICE = "internal-service";
    public static final String PARTNER_ROLE_PREFIX = "partner-";

    private final SealedInbox inbox;

    public PartnerInbox(SealedInbox inbox) {
        this.inbox = inbox;
    }

    public OpenedMessage open(CurrentActor caller, byte[] body, Set<String> expectedPartnerIds) {
        boolean machine = caller.roles().stream()
                .anyMatch(r -> r.equals(INTERNAL_SERVICE) || r.startsWith(PARTNER_ROLE_PREFIX));
        if (!machine) {
            throw new HnswException(PartnerErrorCode.NOT_A_PARTNER);
        }
        try {
            return inbox.open(body, expectedPartnerIds);
        } catch (CipherDeviceException | ReplayGuardFullException e) {
            throw new HnswException(PartnerErrorCode.SEALING_UNAVAILABLE, List.of(), e);
        }
    }
}
