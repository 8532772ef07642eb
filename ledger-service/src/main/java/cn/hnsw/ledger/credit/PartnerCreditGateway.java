package cn.hnsw.ledger.credit;

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
import java.time.Instant;
import java.util.Map;

/**
 * Production {@link CreditGateway}: a {@code CREDIT_QUERY} sealed to 金关二期 through common-lib's {@link PartnerClient};
 * the sealed reply ({@code CREDIT_PROFILE}) opened and verified by the client. No keys, no answer, or an answer that is
 * not a credit profile: refused with 503 / 502, nothing stored.
 */
@Component
public class PartnerCreditGateway implements CreditGateway {

    public static final String QUERY = "CREDIT_QUERY";
    public static final String PROFILE = "CREDIT_PROFILE";

    private final ObjectProvider<PartnerClient> partners;
    private final ObjectMapper json;

    public PartnerCreditGateway(ObjectProvider<PartnerClient> partners, ObjectMapper json) {
        this.partners = partners;
        this.json = json;
    }

    @Override
    public CreditProfile query(String enterprise) {
        PartnerClient client = partners.getIfAvailable();
        if (client == null) {
            throw new HnswException(LedgerErrorCode.CREDIT_UNAVAILABLE);
        }
        try {
            PartnerReply reply = client.send(PartnerGoldenCustomsGateway.PARTNER_ID,
                    json.writeValueAsBytes(Map.of("messageType", QUERY, "enterprise", enterprise)));
            if (reply.alreadyDelivered()) {
                throw new HnswException(LedgerErrorCode.CREDIT_UNAVAILABLE);
            }
            JsonNode p = json.readTree(reply.payload());
            if (!PROFILE.equals(p.path("messageType").asText()) || !enterprise.equals(p.path("enterprise").asText())
                    || p.path("creditGrade").asText().isBlank()) {
                throw new HnswException(LedgerErrorCode.CREDIT_REFUSED, p.path("code").asText("not a credit profile"));
            }
            String grade = p.path("creditGrade").asText();
            return new CreditProfile(enterprise, p.path("enterpriseName").asText(null), grade, CreditProfile.gradeZh(grade),
                    map(p.path("creditReport")), map(p.path("clearanceRating")), map(p.path("comprehensiveEvaluation")),
                    p.path("registrationStatus").asText(null), p.path("source").asText("金关二期"),
                    reply.requestMessageId(), Instant.now());
        } catch (PartnerUnavailableException e) {
            throw new HnswException(LedgerErrorCode.CREDIT_UNAVAILABLE);
        } catch (PartnerRefusedException e) {
            throw new HnswException(LedgerErrorCode.CREDIT_REFUSED, e.code());
        } catch (IOException e) {
            throw new HnswException(LedgerErrorCode.CREDIT_REFUSED, "unreadable reply");
        }
    }

    private Map<String, Object> map(JsonNode node) {
        return node.isObject() ? json.convertValue(node, new TypeReference<Map<String, Object>>() { }) : Map.of();
    }
}
