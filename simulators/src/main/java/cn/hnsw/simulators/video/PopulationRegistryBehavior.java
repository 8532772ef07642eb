package cn.hnsw.simulators.video;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import cn.hnsw.simulators.video.PopulationRegistry.Person;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 人口信息源（身份证照片）模拟器 — partner {@code population-registry}: the external population/ID source the face base
 * library imports from. Sealed messages: {@code FACE_RECORD_PAGE_QUERY} ({@code offset}, {@code limit}) answers
 * {@code total} and a page of records, {@code FACE_RECORD_QUERY} ({@code externalIds}) the named records (for a retry).
 * While switched unreachable it refuses every message, as a source that is down.
 */
@Component
@Order(40)
public class PopulationRegistryBehavior implements PartnerBehavior {

    static final String PARTNER_ID = "population-registry";
    private static final Logger log = LoggerFactory.getLogger(PopulationRegistryBehavior.class);
    private static final int MAX_PAGE = 200;

    private final PopulationRegistry registry;
    private final ObjectMapper json = new ObjectMapper();

    public PopulationRegistryBehavior(PopulationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean handles(Partner partner) {
        return PARTNER_ID.equals(partner.id());
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        JsonNode message;
        try {
            message = json.readTree(request.payload());
        } catch (Exception e) {
            throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, "population registry message is not JSON");
        }
        if (!registry.reachable()) {
            throw new HnswException(CameraErrorCode.REGISTRY_UNREACHABLE);
        }
        String type = message.path("messageType").asText();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("simulator", true);
        answer.put("partnerNameZh", request.partner().nameZh());
        List<Map<String, Object>> records = new ArrayList<>();
        switch (type) {
            case "FACE_RECORD_PAGE_QUERY" -> {
                int limit = Math.min(MAX_PAGE, message.path("limit").asInt(50));
                for (Person p : registry.page(message.path("offset").asInt(0), limit)) {
                    records.add(p.toMessage());
                }
                answer.put("total", registry.total());
            }
            case "FACE_RECORD_QUERY" -> {
                for (JsonNode id : message.path("externalIds")) {
                    registry.find(id.asText()).ifPresent(p -> records.add(p.toMessage()));
                }
            }
            default -> throw new HnswException(CommonErrorCode.MALFORMED_REQUEST,
                    "unknown population registry message type");
        }
        answer.put("records", records);
        log.info("event=simulator-population-registry partner={} messageType={} records={}", request.partner().id(),
                type, records.size());
        try {
            return new PartnerReply(json.writeValueAsBytes(answer), "population-registry " + type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
