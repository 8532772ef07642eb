package cn.hnsw.video.storage;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerUnavailableException;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.support.VideoErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The external face source over sealed messages (SM2 + SM4 through {@link PartnerClient}) to the data feed's partner:
 * {@code FACE_RECORD_PAGE_QUERY} ({@code offset}, {@code limit} → {@code total}, {@code records}) and
 * {@code FACE_RECORD_QUERY} ({@code externalIds} → {@code records}); each record carries {@code externalId},
 * {@code personCode}, {@code name}, {@code idNo} and {@code photoBase64}. A photo that is not valid base64 becomes an
 * empty array, so that the task records it as unreadable rather than as missing.
 */
@Component
public class SealedFaceSourceAdapter implements FaceSourceAdapter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<PartnerClient> partners;

    public SealedFaceSourceAdapter(ObjectProvider<PartnerClient> partners) {
        this.partners = partners;
    }

    @Override
    public SourcePage page(String partnerId, int offset, int limit) {
        ObjectNode m = JSON.createObjectNode().put("messageType", "FACE_RECORD_PAGE_QUERY").put("offset", offset)
                .put("limit", limit);
        JsonNode reply = ask(partnerId, m);
        return new SourcePage(reply.path("total").asInt(0), records(reply));
    }

    @Override
    public List<SourceRecord> records(String partnerId, List<String> externalIds) {
        ObjectNode m = JSON.createObjectNode().put("messageType", "FACE_RECORD_QUERY");
        externalIds.forEach(m.putArray("externalIds")::add);
        return records(ask(partnerId, m));
    }

    private static List<SourceRecord> records(JsonNode reply) {
        List<SourceRecord> out = new ArrayList<>();
        for (JsonNode r : reply.path("records")) {
            byte[] photo = null;
            if (r.hasNonNull("photoBase64")) {
                try {
                    photo = Base64.getDecoder().decode(r.get("photoBase64").asText());
                } catch (IllegalArgumentException e) {
                    photo = new byte[0];
                }
            }
            out.add(new SourceRecord(text(r, "externalId"), text(r, "personCode"), text(r, "name"), text(r, "idNo"),
                    photo));
        }
        return out;
    }

    private JsonNode ask(String partnerId, ObjectNode message) {
        PartnerClient client = partners.getIfAvailable();
        if (client == null) {
            throw new HnswException(VideoErrorCode.FACE_SOURCE_UNAVAILABLE, "sealing is not configured");
        }
        try {
            return JSON.readTree(client.send(partnerId, JSON.writeValueAsBytes(message)).payload());
        } catch (PartnerUnavailableException | PartnerRefusedException e) {
            throw new HnswException(VideoErrorCode.FACE_SOURCE_UNAVAILABLE, partnerId + ": " + e.getMessage());
        } catch (IOException e) {
            throw new HnswException(VideoErrorCode.FACE_SOURCE_UNAVAILABLE, partnerId + ": reply is not JSON");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new HnswException(VideoErrorCode.FACE_SOURCE_UNAVAILABLE, partnerId + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) && !n.get(field).asText().isBlank() ? n.get(field).asText().trim() : null;
    }
}
