package cn.hnsw.ledger.equipment;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.customs.PartnerGoldenCustomsGateway;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Production {@link EquipmentLedgerGateway}: an {@code EQUIPMENT_LEDGER_QUERY} sealed to 金关二期 through common-lib's
 * {@link PartnerClient}; the sealed reply opened and verified by the client. A reply for another enterprise or kind, or
 * one that is not a ledger answer, is refused (502); customs not reachable is 503; a ledger customs does not know for
 * the enterprise is 404.
 */
@Component
public class PartnerEquipmentLedgerGateway implements EquipmentLedgerGateway {

    public static final String QUERY = "EQUIPMENT_LEDGER_QUERY";
    public static final String ANSWER = "EQUIPMENT_LEDGERS";

    private final ObjectProvider<PartnerClient> partners;
    private final ObjectMapper json;

    public PartnerEquipmentLedgerGateway(ObjectProvider<PartnerClient> partners, ObjectMapper json) {
        this.partners = partners;
        this.json = json;
    }

    @Override
    public Answer query(String enterprise, EquipmentLedgerKind kind, String ledgerNo) {
        PartnerClient client = partners.getIfAvailable();
        if (client == null) {
            throw new HnswException(LedgerErrorCode.EQUIPMENT_LEDGER_UNAVAILABLE);
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("messageType", QUERY);
        query.put("enterprise", enterprise);
        query.put("kind", kind.name());
        if (ledgerNo != null) {
            query.put("ledgerNo", ledgerNo);
        }
        try {
            PartnerReply reply = client.send(PartnerGoldenCustomsGateway.PARTNER_ID, json.writeValueAsBytes(query));
            if (reply.alreadyDelivered()) {
                throw new HnswException(LedgerErrorCode.EQUIPMENT_LEDGER_UNAVAILABLE);
            }
            JsonNode p = json.readTree(reply.payload());
            if ("NOT_FOUND".equals(p.path("code").asText())) {
                throw new HnswException(LedgerErrorCode.EQUIPMENT_LEDGER_NOT_FOUND, ledgerNo);
            }
            if (!ANSWER.equals(p.path("messageType").asText()) || !enterprise.equals(p.path("enterprise").asText())
                    || !kind.name().equals(p.path("kind").asText()) || !p.path("ledgers").isArray()) {
                throw new HnswException(LedgerErrorCode.EQUIPMENT_LEDGER_REFUSED, p.path("code").asText("not a ledger answer"));
            }
            List<Map<String, Object>> ledgers = new ArrayList<>();
            for (JsonNode l : p.path("ledgers")) {
                if (!enterprise.equals(l.path("enterprise").asText())) {
                    throw new HnswException(LedgerErrorCode.EQUIPMENT_LEDGER_REFUSED, "ledger of another enterprise");
                }
                ledgers.add(json.convertValue(l, new TypeReference<Map<String, Object>>() { }));
            }
            return new Answer(ledgers, p.path("source").asText("金关二期"), reply.requestMessageId());
        } catch (PartnerUnavailableException e) {
            throw new HnswException(LedgerErrorCode.EQUIPMENT_LEDGER_UNAVAILABLE);
        } catch (PartnerRefusedException e) {
            throw new HnswException(LedgerErrorCode.EQUIPMENT_LEDGER_REFUSED, e.code());
        } catch (IOException e) {
            throw new HnswException(LedgerErrorCode.EQUIPMENT_LEDGER_REFUSED, "unreadable reply");
        }
    }
}
