package cn.hnsw.customs.secondline;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link VerificationListSource} over the sealed partner channel: a {@code VERIFICATION_LIST_QUERY} signed and
 * encrypted to H2018/金关二期 ({@code hnsw.customs.second-line.list-partner}), its sealed answer opened and checked to
 * come from that partner (common-lib {@link PartnerClient}).
 */
@Component
class SealedVerificationListSource implements VerificationListSource {

    static final String QUERY = "VERIFICATION_LIST_QUERY";

    private final PartnerClient client;
    private final ObjectMapper json;
    private final String partner;

    SealedVerificationListSource(PartnerClient client, ObjectMapper json,
                                 @Value("${hnsw.customs.second-line.list-partner:customs-h2018}") String partner) {
        this.client = client;
        this.json = json;
        this.partner = partner;
    }

    @Override
    public String partner() {
        return partner;
    }

    @Override
    public List<VerificationListData> query(String enterpriseUscc, String listNo, LocalDate from, LocalDate to) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("messageType", QUERY);
        query.put("enterpriseUscc", enterpriseUscc);
        query.put("listNo", listNo);
        query.put("from", from == null ? null : from.toString());
        query.put("to", to == null ? null : to.toString());
        PartnerReply reply;
        try {
            reply = client.send(partner, json.writeValueAsBytes(query));
        } catch (PartnerUnavailableException | PartnerRefusedException e) {
            throw new ListSourceUnavailableException(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (reply.alreadyDelivered()) {
            throw new ListSourceUnavailableException("the source reported the query as seen before");
        }
        try {
            return json.readValue(reply.payload(), Answer.class).lists();
        } catch (IOException e) {
            throw new ListSourceUnavailableException("the source's answer is not readable: " + e.getMessage());
        }
    }

    record Answer(List<VerificationListData> lists) {
        Answer {
            lists = lists == null ? List.of() : lists;
        }
    }
}
