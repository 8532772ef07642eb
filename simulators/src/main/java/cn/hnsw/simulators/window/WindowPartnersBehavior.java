package cn.hnsw.simulators.window;

import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trade window's partners, simulated: 海易办模拟器 (CASE_NUMBER_REQUEST, CASE_STATUS, PENDING_TASK_NOTICE), the provincial
 * SMS platform simulator (SMS) and the provincial data-sharing platform simulator (SHARED_DATA_QUERY). Messages are
 * JSON with a {@code messageType}; answers are JSON with {@code accepted} and, on refusal, a {@code code}. Every answer
 * carries {@code "simulator": true}.
 */
@Component
@Order(100)
public class WindowPartnersBehavior implements PartnerBehavior {

    private static final Logger log = LoggerFactory.getLogger(WindowPartnersBehavior.class);
    private static final Set<PartnerKind> KINDS = EnumSet.of(PartnerKind.HAIYIBAN, PartnerKind.SMS_PLATFORM,
            PartnerKind.DATA_SHARING);

    private final HaiyibanCaseBook cases;
    private final SharedDataFixtures sharedData;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong smsIds = new AtomicLong();

    public WindowPartnersBehavior(HaiyibanCaseBook cases, SharedDataFixtures sharedData) {
        this.cases = cases;
        this.sharedData = sharedData;
    }

    @Override
    public boolean handles(Partner partner) {
        return KINDS.contains(partner.kind());
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        ObjectNode answer = json.createObjectNode();
        answer.put("simulator", true);
        answer.put("partnerId", request.partner().id());
        answer.put("inReplyTo", request.messageId());
        JsonNode in;
        try {
            in = json.readTree(request.payload());
        } catch (IOException e) {
            return refuse(answer, "MALFORMED_PAYLOAD");
        }
        String type = in.path("messageType").asText("");
        String summary = switch (request.partner().kind()) {
            case HAIYIBAN -> haiyiban(type, in, answer);
            case SMS_PLATFORM -> sms(type, in, answer);
            case DATA_SHARING -> dataSharing(type, in, answer);
            default -> refuseInline(answer, "UNSUPPORTED_PARTNER");
        };
        log.info("event=simulator-window-message partner={} type={} result={}", request.partner().id(), type, summary);
        return new PartnerReply(write(answer), "window " + type + " " + summary);
    }

    private String haiyiban(String type, JsonNode in, ObjectNode answer) {
        switch (type) {
            case "CASE_NUMBER_REQUEST" -> {
                String businessId = in.path("businessId").asText("");
                if (businessId.isBlank()) {
                    return refuseInline(answer, "BUSINESS_ID_MISSING");
                }
                var entry = cases.assign(in.path("businessType").asText(""), businessId,
                        in.path("enterpriseUscc").asText(""), in.path("title").asText(""));
                answer.put("accepted", true);
                answer.put("caseNumber", entry.caseNumber());
                return "assigned " + entry.caseNumber();
            }
            case "CASE_STATUS" -> {
                boolean known = cases.push(in.path("caseNumber").asText(""), in.path("status").asText(""),
                        in.path("step").asText(""), in.path("eventId").asText(""));
                if (!known) {
                    return refuseInline(answer, "UNKNOWN_CASE");
                }
                answer.put("accepted", true);
                return "status " + in.path("status").asText("");
            }
            case "PENDING_TASK_NOTICE" -> {
                cases.notice("PENDING_TASK", in.path("recipient").asText(""), in.path("content").asText(""),
                        in.path("businessId").asText(""));
                answer.put("accepted", true);
                return "pending task";
            }
            default -> {
                return refuseInline(answer, "UNKNOWN_MESSAGE_TYPE");
            }
        }
    }

    private String sms(String type, JsonNode in, ObjectNode answer) {
        if (!"SMS".equals(type)) {
            return refuseInline(answer, "UNKNOWN_MESSAGE_TYPE");
        }
        String content = in.path("content").asText("");
        if (content.isBlank() || content.length() > 1000) {
            return refuseInline(answer, "CONTENT_INVALID");
        }
        cases.notice("SMS", in.path("recipient").asText(""), content, in.path("businessId").asText(""));
        answer.put("accepted", true);
        answer.put("smsId", "SMS-SIM-" + smsIds.incrementAndGet());
        return "sms";
    }

    private String dataSharing(String type, JsonNode in, ObjectNode answer) {
        if (!"SHARED_DATA_QUERY".equals(type)) {
            return refuseInline(answer, "UNKNOWN_MESSAGE_TYPE");
        }
        String uscc = in.path("enterpriseUscc").asText("");
        String kind = in.path("kind").asText("");
        if (!SharedDataFixtures.isUscc(uscc)) {
            return refuseInline(answer, "USCC_INVALID");
        }
        var records = sharedData.records(uscc, kind);
        if (records == null) {
            return refuseInline(answer, "UNKNOWN_DATA_SET");
        }
        answer.put("accepted", true);
        answer.put("source", "海南省数据共享平台模拟器 / data-sharing platform simulator");
        answer.set("records", json.valueToTree(records));
        return kind + " " + records.size();
    }

    private PartnerReply refuse(ObjectNode answer, String code) {
        refuseInline(answer, code);
        return new PartnerReply(write(answer), "window refused " + code);
    }

    private static String refuseInline(ObjectNode answer, String code) {
        answer.put("accepted", false);
        answer.put("code", code);
        return "refused " + code;
    }

    private byte[] write(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
