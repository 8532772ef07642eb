package cn.hnsw.video.intake;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerUnavailableException;
import cn.hnsw.common.web.HnswException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The cascade pull over sealed messages (SM2 + SM4 through {@link PartnerClient}): {@code FACE_CAPTURE_CASCADE_PULL}
 * ({@code afterSeq}, {@code limit}) answers {@code records} in the subordinate platform's own field names and
 * {@code lastSeq}.
 */
@Component
class SealedCascadeSourceAdapter implements CascadeSourceAdapter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<PartnerClient> partners;

    SealedCascadeSourceAdapter(ObjectProvider<PartnerClient> partners) {
        this.partners = partners;
    }

    @Override
    public List<Map<String, Object>> query(String partnerId, Map<String, String> equals, int limit) {
        ObjectNode m = JSON.createObjectNode().put("messageType", "FACE_CAPTURE_CASCADE_QUERY").put("limit", limit);
        m.set("equals", JSON.valueToTree(equals));
        JsonNode reply = ask(partnerId, m);
        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode r : reply.path("records")) {
            records.add(JSON.convertValue(r, new TypeReference<Map<String, Object>>() {
            }));
        }
        return records;
    }

    @Override
    public Operated operate(String partnerId, String operation, String recordType, String recordId,
            Map<String, Object> fields) {
        ObjectNode m = JSON.createObjectNode().put("messageType", "CASCADE_DATA_OPERATION").put("operation", operation)
                .put("recordType", recordType).put("recordId", recordId);
        m.set("fields", JSON.valueToTree(fields == null ? Map.of() : fields));
        JsonNode reply = ask(partnerId, m);
        return new Operated(reply.path("applied").asBoolean(false),
                reply.hasNonNull("reason") ? reply.path("reason").asText() : null);
    }

    @Override
    public int pushResults(String partnerId, String subscription, List<Map<String, Object>> results) {
        ObjectNode m = JSON.createObjectNode().put("messageType", "COMPARISON_RESULT_PUSH").put("subscription",
                subscription);
        m.set("results", JSON.valueToTree(results));
        return ask(partnerId, m).path("accepted").asInt(0);
    }

    private JsonNode ask(String partnerId, ObjectNode m) {
        PartnerClient client = partners.getIfAvailable();
        if (client == null) {
            throw new HnswException(IntakeErrorCode.CASCADE_UNAVAILABLE, "sealing is not configured");
        }
        try {
            return JSON.readTree(client.send(partnerId, JSON.writeValueAsBytes(m)).payload());
        } catch (PartnerUnavailableException | PartnerRefusedException e) {
            throw new HnswException(IntakeErrorCode.CASCADE_UNAVAILABLE, partnerId + ": " + e.getMessage());
        } catch (IOException e) {
            throw new HnswException(IntakeErrorCode.CASCADE_UNAVAILABLE, partnerId + ": reply is not JSON");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new HnswException(IntakeErrorCode.CASCADE_UNAVAILABLE, partnerId + ": " + e.getMessage());
        }
    }

    @Override
    public CascadePage pull(String partnerId, long afterSeq, int limit) {
        PartnerClient client = partners.getIfAvailable();
        if (client == null) {
            throw new HnswException(IntakeErrorCode.CASCADE_UNAVAILABLE, "sealing is not configured");
        }
        ObjectNode m = JSON.createObjectNode().put("messageType", "FACE_CAPTURE_CASCADE_PULL").put("afterSeq", afterSeq)
                .put("limit", limit);
        try {
            JsonNode reply = JSON.readTree(client.send(partnerId, JSON.writeValueAsBytes(m)).payload());
            List<Map<String, Object>> records = new ArrayList<>();
            for (JsonNode r : reply.path("records")) {
                records.add(JSON.convertValue(r, new TypeReference<Map<String, Object>>() {
                }));
            }
            return new CascadePage(records, reply.path("lastSeq").asLong(afterSeq));
        } catch (PartnerUnavailableException | PartnerRefusedException e) {
            throw new HnswException(IntakeErrorCode.CASCADE_UNAVAILABLE, partnerId + ": " + e.getMessage());
        } catch (IOException e) {
            throw new HnswException(IntakeErrorCode.CASCADE_UNAVAILABLE, partnerId + ": reply is not JSON");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new HnswException(IntakeErrorCode.CASCADE_UNAVAILABLE, partnerId + ": " + e.getMessage());
        }
    }
}
