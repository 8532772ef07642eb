package cn.hnsw.simulators.cascade;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import com.fasterxml.jackson.core.type.TypeReference;
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
 * 下级人脸抓拍平台（级联）模拟器 — partner {@code cascade-face-platform}. Sealed message
 * {@code FACE_CAPTURE_CASCADE_PULL} ({@code afterSeq}, {@code limit}) answers the captures after that sequence in the
 * platform's own field names, each with its sequence {@code xh}, and {@code lastSeq}; {@code THEME_DATA_PUSH}
 * ({@code serviceCode}, {@code rows}) keeps the rows a platform pushes to it and answers {@code accepted}. While
 * switched unreachable it refuses every message.
 */
@Component
@Order(41)
public class CascadeFacePlatformBehavior implements PartnerBehavior {

    static final String PARTNER_ID = "cascade-face-platform";
    private static final Logger log = LoggerFactory.getLogger(CascadeFacePlatformBehavior.class);
    private static final int MAX_PAGE = 200;

    private final CascadeFacePlatform platform;
    private final ObjectMapper json = new ObjectMapper();

    public CascadeFacePlatformBehavior(CascadeFacePlatform platform) {
        this.platform = platform;
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
            throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, "cascade platform message is not JSON");
        }
        if (!platform.reachable()) {
            throw new HnswException(CascadeErrorCode.CASCADE_UNREACHABLE);
        }
        if ("THEME_DATA_PUSH".equals(message.path("messageType").asText())) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode r : message.path("rows")) {
                rows.add(json.convertValue(r, new TypeReference<Map<String, Object>>() {
                }));
            }
            platform.receive(message.path("serviceCode").asText(), rows);
            log.info("event=simulator-cascade-face-platform-push partner={} rows={}", request.partner().id(), rows.size());
            try {
                return new PartnerReply(json.writeValueAsBytes(Map.of("accepted", rows.size())),
                        "cascade-face-platform push");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if ("COMPARISON_RESULT_PUSH".equals(message.path("messageType").asText())) {
            List<Map<String, Object>> pushed = new ArrayList<>();
            for (JsonNode r : message.path("results")) {
                pushed.add(json.convertValue(r, new TypeReference<Map<String, Object>>() {
                }));
            }
            platform.receiveResults(message.path("subscription").asText(), pushed);
            log.info("event=simulator-cascade-face-platform-results results={}", pushed.size());
            return answer(Map.of("accepted", pushed.size()), "cascade-face-platform comparison results");
        }
        if ("CASCADE_DATA_OPERATION".equals(message.path("messageType").asText())) {
            Map<String, Object> fields = json.convertValue(message.path("fields"),
                    new TypeReference<Map<String, Object>>() {
                    });
            CascadeFacePlatform.Operated o = platform.operate(message.path("operation").asText(),
                    message.path("recordType").asText(), message.path("recordId").asText(),
                    fields == null ? Map.of() : fields);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("applied", o.applied());
            if (o.reason() != null) {
                answer.put("reason", o.reason());
            }
            log.info("event=simulator-cascade-face-platform-operation operation={} applied={}",
                    message.path("operation").asText(), o.applied());
            return answer(answer, "cascade-face-platform data operation");
        }
        if ("FACE_CAPTURE_CASCADE_QUERY".equals(message.path("messageType").asText())) {
            Map<String, String> equals = new LinkedHashMap<>();
            message.path("equals").properties().forEach(e -> equals.put(e.getKey(), e.getValue().asText()));
            List<Map<String, Object>> found = new ArrayList<>();
            int limit = Math.min(MAX_PAGE, Math.max(1, message.path("limit").asInt(50)));
            for (CascadeFacePlatform.Capture c : platform.query(equals, limit)) {
                found.add(c.toMessage());
            }
            return answer(Map.of("records", found), "cascade-face-platform query");
        }
        if (!"FACE_CAPTURE_CASCADE_PULL".equals(message.path("messageType").asText())) {
            throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, "unknown cascade platform message type");
        }
        int limit = Math.min(MAX_PAGE, Math.max(1, message.path("limit").asInt(50)));
        List<Map<String, Object>> records = new ArrayList<>();
        for (CascadeFacePlatform.Capture c : platform.after(message.path("afterSeq").asLong(0), limit)) {
            records.add(c.toMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("simulator", true);
        answer.put("partnerNameZh", request.partner().nameZh());
        answer.put("records", records);
        answer.put("lastSeq", platform.lastSeq());
        log.info("event=simulator-cascade-face-platform partner={} records={}", request.partner().id(), records.size());
        return answer(answer, "cascade-face-platform pull");
    }

    private PartnerReply answer(Object answer, String summary) {
        try {
            return new PartnerReply(json.writeValueAsBytes(answer), summary);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
