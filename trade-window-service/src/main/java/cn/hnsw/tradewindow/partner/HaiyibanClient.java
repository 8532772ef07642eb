package cn.hnsw.tradewindow.partner;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.web.HnswException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.Map;

/**
 * 海易办/海政通 over sealed partner messages: 统一赋码 (CASE_NUMBER_REQUEST), 办件状态同步 (CASE_STATUS) and 统一代办
 * (PENDING_TASK_NOTICE). The SMS platform (SMS) is a partner of its own.
 */
public class HaiyibanClient implements CaseNumberingGateway, NoticeGateway {

    public static final String HAIYIBAN = "haiyiban";
    public static final String SMS = "sms-platform";

    private final PartnerMessages messages;

    public HaiyibanClient(PartnerClient client, ObjectMapper json) {
        this.messages = new PartnerMessages(client, json);
    }

    @Override
    public String assignCaseNumber(CaseRequest request) {
        JsonNode answer = messages.exchange(HAIYIBAN, "海易办 Haiyiban", "CASE_NUMBER_REQUEST", Map.of(
                "businessType", request.businessType(), "businessId", request.businessId(),
                "enterpriseUscc", request.enterpriseUscc(), "enterpriseName", request.enterpriseName(),
                "title", request.title()));
        String number = answer.path("caseNumber").asText("");
        if (number.isBlank() || number.length() > 64) {
            throw new HnswException(PartnerErrorCode.PARTNER_REFUSED, "海易办 Haiyiban", "NO_CASE_NUMBER");
        }
        return number;
    }

    @Override
    public void pushStatus(CaseStatus status) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseNumber", status.caseNumber());
        body.put("businessId", status.businessId());
        body.put("status", status.status());
        body.put("step", status.step() == null ? "" : status.step());
        body.put("eventId", status.eventId());
        messages.exchange(HAIYIBAN, "海易办 Haiyiban", "CASE_STATUS", body);
    }

    @Override
    public void send(String channel, String recipient, String content, String businessId) {
        if ("SMS".equals(channel)) {
            messages.exchange(SMS, "省短信平台 SMS platform", "SMS", Map.of("recipient", recipient,
                    "content", content, "businessId", businessId));
        } else {
            messages.exchange(HAIYIBAN, "海易办 Haiyiban", "PENDING_TASK_NOTICE", Map.of("recipient", recipient,
                    "content", content, "businessId", businessId));
        }
    }
}
