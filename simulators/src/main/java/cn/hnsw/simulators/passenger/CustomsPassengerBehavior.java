package cn.hnsw.simulators.passenger;

import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import cn.hnsw.simulators.sealed.TechnicalReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 海关旅客通关模拟器 — customs' passenger-clearance behaviour (simulator). The seal of every declaration was verified
 * before it gets here; it acknowledges at once with a technical receipt, then after the configured delay pushes its
 * business receipt: duty assessed from {@link DutyTable} (tax due, or released), sometimes an inspection first, a
 * deletion accepted; after the platform reports the tax paid, a release. Switched off through the partner's fault
 * settings, it answers 503 and the platform queues its declarations.
 */
@Component
@Order(100)
public class CustomsPassengerBehavior implements PartnerBehavior {

    private static final Logger log = LoggerFactory.getLogger(CustomsPassengerBehavior.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PassengerSimulators simulators;
    private final ObjectMapper json;
    private final DutyTable table;
    private final String partnerId;

    public CustomsPassengerBehavior(PassengerSimulators simulators, ObjectMapper json,
                                    @Value("${hnsw.simulators.passenger.customs-partner-id:customs-smart-supervision}")
                                    String partnerId) {
        this.simulators = simulators;
        this.json = json;
        this.table = DutyTable.load(json);
        this.partnerId = partnerId;
    }

    @Override
    public boolean handles(Partner partner) {
        return partner.id().equals(partnerId);
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        JsonNode message;
        try {
            message = json.readTree(request.payload());
        } catch (IOException e) {
            return new PartnerReply(TechnicalReceipt.rejected(request).encode(request.form()), "unreadable");
        }
        String type = message.path("messageType").asText();
        PassengerSimulatorSettings s = simulators.settings();
        switch (type) {
            case "BAGGAGE_DECLARATION" -> decide(request.partner(), message, s);
            case "TAX_PAID" -> {
                if (message.hasNonNull("conversationId")) {
                    simulators.pushLater(request.partner(), s.receiptUrl(), receipt(message.path("conversationId").asText(),
                            message.path("revision").asInt(1), "SUBMIT", "RELEASED", "税款已缴，准予放行", List.of(),
                            null, null), s.decisionDelay(), "RELEASED after tax");
                }
            }
            default -> log.info("event=simulator-customs-message type={} messageId={}", type, request.messageId());
        }
        return new PartnerReply(TechnicalReceipt.received(request).encode(request.form()),
                "customs-passenger " + type + " RECEIVED");
    }

    private void decide(Partner partner, JsonNode m, PassengerSimulatorSettings s) {
        String conversation = m.path("conversationId").asText();
        int revision = m.path("revision").asInt();
        String action = m.path("action").asText();
        if ("DELETE".equals(action)) {
            simulators.pushLater(partner, s.receiptUrl(), receipt(conversation, revision, action, "ACCEPTED",
                    "同意删除", List.of(), null, null), s.decisionDelay(), "deletion accepted");
            return;
        }
        List<DutyAssessment.Article> articles = new ArrayList<>();
        for (JsonNode item : m.path("items")) {
            articles.add(new DutyAssessment.Article(item.path("index").asInt(), item.path("category").asText(),
                    item.path("name").asText(), new BigDecimal(item.path("quantity").asText("0")),
                    item.hasNonNull("value") ? new BigDecimal(item.path("value").asText()) : null,
                    item.path("currency").asText("CNY")));
        }
        DutyAssessment.Result duty = DutyAssessment.assess(table, articles);
        List<Map<String, Object>> releases = new ArrayList<>();
        for (DutyAssessment.Article a : articles) {
            releases.add(Map.of("index", a.index(), "releaseStatus",
                    duty.exemptIndexes().contains(a.index()) ? "免税放行" : "征税后放行"));
        }
        Duration delay = s.decisionDelay();
        if (RANDOM.nextDouble() < s.inspectionRate()) {
            simulators.pushLater(partner, s.receiptUrl(), receipt(conversation, revision, action,
                    "INSPECTION_REQUIRED", "请到海关查验台接受查验", List.of(), null, null), delay, "inspection");
            delay = delay.plus(delay.isZero() ? Duration.ofMillis(200) : delay);
        }
        if (duty.total().signum() > 0) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (DutyAssessment.Line l : duty.lines()) {
                lines.add(Map.of("index", l.index(), "category", l.category(), "name", l.name(),
                        "dutiableValue", l.dutiableValue(), "rate", l.rate(), "tax", l.tax()));
            }
            simulators.pushLater(partner, s.receiptUrl(), receipt(conversation, revision, action, "TAX_DUE",
                    "超出免税额度，需缴纳税款", releases, lines, duty.total()), delay, "tax due");
        } else {
            simulators.pushLater(partner, s.receiptUrl(), receipt(conversation, revision, action, "RELEASED",
                    "在免税额度内，准予放行", releases, null, null), delay, "released");
        }
    }

    private byte[] receipt(String conversationId, int revision, String action, String decision, String reason,
                           List<Map<String, Object>> items, List<Map<String, Object>> taxLines, BigDecimal taxTotal) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("messageType", "DECLARATION_RECEIPT");
        r.put("receiptNo", "SIM" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        r.put("conversationId", conversationId);
        r.put("revision", revision);
        r.put("action", action);
        r.put("decision", decision);
        r.put("reason", reason + "（模拟器 / simulator）");
        r.put("items", items);
        if (taxLines != null) {
            r.put("taxLines", taxLines);
            r.put("taxTotal", taxTotal);
        }
        try {
            return json.writeValueAsBytes(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
