package cn.hnsw.ledger.customs;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Production {@link GoldenCustomsGateway} through common-lib's {@link PartnerClient}: sealed with the platform key to
 * 金关二期's key, sent with the ledger service's own service token, the sealed technical receipt opened and verified.
 * Where the service has no keys (no PartnerClient), declaring is refused and nothing changes.
 */
@Component
public class PartnerGoldenCustomsGateway implements GoldenCustomsGateway {

    public static final String PARTNER_ID = "customs-golden-customs-2";

    private final ObjectProvider<PartnerClient> partners;
    private final ObjectMapper json;

    public PartnerGoldenCustomsGateway(ObjectProvider<PartnerClient> partners, ObjectMapper json) {
        this.partners = partners;
        this.json = json;
    }

    @Override
    public CustomsAck declare(CustomsDeclarationMessage message) {
        PartnerClient client = partners.getIfAvailable();
        if (client == null) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_UNAVAILABLE);
        }
        try {
            PartnerReply reply = client.send(PARTNER_ID, json.writeValueAsBytes(message));
            if (reply.alreadyDelivered()) {
                return new CustomsAck(reply.requestMessageId(), "RECEIVED", null);
            }
            JsonNode receipt = json.readTree(reply.payload());
            return new CustomsAck(reply.requestMessageId(), receipt.path("status").asText(),
                    receipt.hasNonNull("code") ? receipt.path("code").asText() : null);
        } catch (PartnerUnavailableException e) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_UNAVAILABLE);
        } catch (PartnerRefusedException e) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_REFUSED, e.code());
        } catch (IOException e) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_REFUSED, "unreadable receipt");
        }
    }
}
