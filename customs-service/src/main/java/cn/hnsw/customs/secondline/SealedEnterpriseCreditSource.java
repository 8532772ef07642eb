package cn.hnsw.customs.secondline;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link EnterpriseCreditSource} over the sealed partner channel: an {@code ENTERPRISE_CREDIT_QUERY} signed and
 * encrypted to the Single Window ({@code hnsw.customs.second-line.credit-partner}), its sealed answer opened and checked
 * to come from that partner. Grades other than the three of the GACC credit regulation are ignored.
 */
@Component
class SealedEnterpriseCreditSource implements EnterpriseCreditSource {

    static final String QUERY = "ENTERPRISE_CREDIT_QUERY";
    static final Set<String> GRADES = Set.of("ADVANCED_CERTIFIED", "GENERAL", "DISHONEST");

    private final PartnerClient client;
    private final ObjectMapper json;
    private final String partner;

    SealedEnterpriseCreditSource(PartnerClient client, ObjectMapper json,
                                 @Value("${hnsw.customs.second-line.credit-partner:single-window-standard}") String partner) {
        this.client = client;
        this.json = json;
        this.partner = partner;
    }

    @Override
    public String partner() {
        return partner;
    }

    @Override
    public Map<String, String> grades(Collection<String> enterprises) {
        PartnerReply reply;
        try {
            reply = client.send(partner, json.writeValueAsBytes(Map.of("messageType", QUERY,
                    "enterprises", List.copyOf(enterprises))));
        } catch (PartnerUnavailableException | PartnerRefusedException e) {
            throw new UnavailableException(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (reply.alreadyDelivered()) {
            throw new UnavailableException("the source reported the query as seen before");
        }
        JsonNode answer;
        try {
            answer = json.readTree(reply.payload());
        } catch (IOException e) {
            throw new UnavailableException("the answer is not readable: " + e.getMessage());
        }
        if (!answer.path("grades").isArray()) {
            throw new UnavailableException("the answer holds no grades");
        }
        Map<String, String> grades = new LinkedHashMap<>();
        for (JsonNode g : answer.path("grades")) {
            String uscc = g.path("enterpriseUscc").asText();
            String grade = g.path("grade").asText();
            if (enterprises.contains(uscc) && GRADES.contains(grade)) {
                grades.put(uscc, grade);
            }
        }
        return grades;
    }
}
