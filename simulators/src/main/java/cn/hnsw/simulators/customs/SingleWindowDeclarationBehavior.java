package cn.hnsw.simulators.customs;

import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.EnvelopeForm;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import cn.hnsw.simulators.sealed.PlatformPushClient;
import cn.hnsw.simulators.sealed.PushResult;
import cn.hnsw.simulators.sealed.TechnicalReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 单一窗口标准版 / H2018 模拟器 answering declarations: the sealed reply is the technical receipt (the Standard Edition
 * received it); then, after {@code business-delay}, the customs business receipt is pushed sealed to the platform's
 * receipt inbox with the configured decision and an 18-digit customs number. For the second line it also answers a
 * verification-list query from the lists it holds, approves (or returns) a consolidated list, and answers an arrival
 * report with the control decision, the inspection result, the vehicle control and the gate pass, in that order, and
 * answers an enterprise credit-grade query.
 * Other message types get the generic technical receipt.
 */
@Component
@Order(100)
@EnableConfigurationProperties(CustomsSimulatorProperties.class)
public class SingleWindowDeclarationBehavior implements PartnerBehavior {

    static final String DECLARATION = "CUSTOMS_DECLARATION";
    static final String LIST_QUERY = "VERIFICATION_LIST_QUERY";
    static final String CONSOLIDATED_LIST = "CONSOLIDATED_LIST";
    static final String ARRIVAL_REPORT = "ARRIVAL_REPORT";
    static final String CREDIT_QUERY = "ENTERPRISE_CREDIT_QUERY";
    private static final Logger log = LoggerFactory.getLogger(SingleWindowDeclarationBehavior.class);

    private final PlatformPushClient push;
    private final CustomsSimulatorProperties properties;
    private final CustomsSimulatorSettings settings;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final AtomicLong serial = new AtomicLong();
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService pushes = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "simulator-customs-receipts");
        t.setDaemon(true);
        return t;
    });

    public SingleWindowDeclarationBehavior(PlatformPushClient push, CustomsSimulatorProperties properties,
                                           CustomsSimulatorSettings settings) {
        this.push = push;
        this.properties = properties;
        this.settings = settings;
    }

    @Override
    public boolean handles(Partner partner) {
        return partner.kind() == PartnerKind.SINGLE_WINDOW_STANDARD || partner.kind() == PartnerKind.CUSTOMS_H2018;
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        JsonNode message = parse(request);
        TechnicalReceipt technical = TechnicalReceipt.received(request);
        String type = message == null ? "" : message.path("messageType").asText();
        switch (type) {
            case LIST_QUERY -> {
                return listQuery(message);
            }
            case CREDIT_QUERY -> {
                return creditQuery(message);
            }
            case CONSOLIDATED_LIST -> {
                consolidatedList(request.partner(), message);
                return new PartnerReply(technical.encode(request.form()), "technical-receipt RECEIVED consolidated list");
            }
            case ARRIVAL_REPORT -> {
                arrivalReport(request.partner(), message);
                return new PartnerReply(technical.encode(request.form()), "technical-receipt RECEIVED arrival report");
            }
            case DECLARATION -> {
                // a declaration: the business receipt follows
            }
            default -> {
                return new PartnerReply(technical.encode(request.form()), "technical-receipt RECEIVED");
            }
        }
        String conversation = message.path("conversationId").asText();
        JsonNode header = message.path("declaration").path("header");
        String district = header.path("declareCustoms").asText("6400");
        String customsNo = (district.matches("\\d{4}") ? district : "6400")
                + clock.instant().atZone(ZoneId.of("Asia/Shanghai")).getYear() + "1"
                + String.format("%09d", serial.incrementAndGet() % 1_000_000_000L);
        ObjectNode business = json.createObjectNode()
                .put("receiptKind", "BUSINESS")
                .put("receiptId", "SIM-" + request.partner().id() + "-" + request.messageId())
                .put("conversationId", conversation)
                .put("preEntryNo", message.path("declaration").path("preEntryNo").asText())
                .put("status", settings.behaviour().businessDecision())
                .put("customsNo", customsNo)
                .put("note", "海关业务回执（模拟器） / customs business receipt (simulator)");
        String declarationType = message.path("declaration").path("declarationType").asText();
        if (declarationType.startsWith("SECOND_LINE") || "CONSOLIDATED".equals(declarationType)) {
            business.set("taxes", taxes(message.path("declaration").path("items")));
        }
        Partner sender = request.partner();
        pushes.schedule(() -> pushReceipt(sender, business), properties.businessDelay().toMillis(), TimeUnit.MILLISECONDS);
        return new PartnerReply(technical.encode(request.form()), "technical-receipt RECEIVED declaration " + conversation);
    }

    /** 税单: per goods item, duty on the value in yuan and import VAT on value plus duty, rounded to the fen. */
    private com.fasterxml.jackson.databind.node.ArrayNode taxes(JsonNode items) {
        com.fasterxml.jackson.databind.node.ArrayNode taxes = json.createArrayNode();
        for (JsonNode item : items) {
            java.math.BigDecimal rate = properties.exchangeRates().getOrDefault(item.path("currency").asText(),
                    java.math.BigDecimal.ONE);
            java.math.BigDecimal value = item.path("totalPrice").isMissingNode() || item.path("totalPrice").isNull()
                    ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(item.path("totalPrice").asText("0")).multiply(rate);
            java.math.BigDecimal duty = value.multiply(properties.dutyRate()).setScale(2, java.math.RoundingMode.HALF_UP);
            java.math.BigDecimal vat = value.add(duty).multiply(properties.vatRate()).setScale(2, java.math.RoundingMode.HALF_UP);
            taxes.addObject().put("seq", item.path("seq").asInt()).put("duty", duty).put("vat", vat)
                    .put("total", duty.add(vat));
        }
        return taxes;
    }

    /** 核注清单查询: the enterprise's lists, by number or declaration date range. */
    private PartnerReply listQuery(JsonNode query) {
        String enterprise = query.path("enterpriseUscc").asText();
        String listNo = query.hasNonNull("listNo") ? query.path("listNo").asText() : null;
        java.time.LocalDate from = query.hasNonNull("from") ? java.time.LocalDate.parse(query.path("from").asText()) : null;
        java.time.LocalDate to = query.hasNonNull("to") ? java.time.LocalDate.parse(query.path("to").asText()) : null;
        java.util.List<VerificationListRecord> lists = settings.query(enterprise, listNo, from, to);
        ObjectNode answer = json.createObjectNode();
        answer.set("lists", json.valueToTree(lists));
        try {
            return new PartnerReply(json.writeValueAsBytes(answer), "verification lists " + lists.size());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 企业信用等级查询: each asked enterprise's customs credit grade as the simulated Single Window holds it. */
    private PartnerReply creditQuery(JsonNode query) {
        com.fasterxml.jackson.databind.node.ArrayNode grades = json.createArrayNode();
        for (JsonNode e : query.path("enterprises")) {
            String uscc = e.asText();
            grades.addObject().put("enterpriseUscc", uscc)
                    .put("grade", properties.creditGrades().getOrDefault(uscc, CustomsSimulatorProperties.DEFAULT_CREDIT_GRADE));
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("grades", grades);
        try {
            return new PartnerReply(json.writeValueAsBytes(answer), "credit grades " + grades.size());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 汇总清单审批: the configured decision with an approval number, pushed after the business delay. */
    private void consolidatedList(Partner sender, JsonNode message) {
        String decision = settings.behaviour().consolidatedDecision();
        String number = message.path("consolidatedNo").asText();
        ObjectNode receipt = json.createObjectNode()
                .put("receiptKind", CONSOLIDATED_LIST)
                .put("receiptId", "SIM-SP-" + number + "-" + serial.incrementAndGet())
                .put("conversationId", message.path("conversationId").asText())
                .put("status", decision)
                .put("referenceNo", "APPROVED".equals(decision) ? "SP" + number.substring(Math.min(2, number.length())) : null)
                .put("note", "APPROVED".equals(decision) ? "海关智慧监管平台审核通过（模拟器） / approved (simulator)"
                        : "汇总清单退回（模拟器） / returned (simulator)");
        pushes.schedule(() -> pushReceipt(sender, receipt), properties.businessDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * 运抵申报 → 布控查验: inspects a share of arrivals (the inspection rate, decided from the report number so a resend
     * gets the same answer); an inspected vehicle with a failed result is held, every other one gets its gate pass.
     */
    private void arrivalReport(Partner sender, JsonNode message) {
        CustomsSimulatorSettings.Behaviour now = settings.behaviour();
        String report = message.path("reportNo").asText();
        String conversation = message.path("conversationId").asText();
        boolean inspect = Math.floorMod(report.hashCode(), 1000) < Math.round(now.inspectionRate() * 1000);
        boolean passed = !inspect || "PASSED".equals(now.inspectionResult());
        java.util.List<ObjectNode> receipts = new java.util.ArrayList<>();
        receipts.add(arrival("ARRIVAL_CONTROL", report, conversation, inspect ? "INSPECT" : "RELEASE", null,
                inspect ? "布控查验（模拟器） / selected for inspection (simulator)" : "无需查验（模拟器） / no inspection (simulator)"));
        if (inspect) {
            receipts.add(arrival("ARRIVAL_INSPECTION", report, conversation, now.inspectionResult(), null,
                    "查验结果（模拟器） / inspection result (simulator)"));
        }
        receipts.add(arrival("ARRIVAL_VEHICLE", report, conversation, passed ? "RELEASED" : "HELD", null,
                passed ? "车辆放行（模拟器） / vehicle released (simulator)" : "车辆扣留（模拟器） / vehicle held (simulator)"));
        if (passed) {
            receipts.add(arrival("ARRIVAL_GATE_PASS", report, conversation, "ISSUED",
                    "HF" + report.substring(Math.min(2, report.length())), "核放单（模拟器） / gate pass (simulator)"));
        }
        pushes.schedule(() -> receipts.forEach(r -> pushReceipt(sender, r)), properties.businessDelay().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private ObjectNode arrival(String kind, String report, String conversation, String status, String reference,
                               String note) {
        return json.createObjectNode().put("receiptKind", kind)
                .put("receiptId", "SIM-" + kind + "-" + report)
                .put("conversationId", conversation).put("status", status).put("referenceNo", reference)
                .put("note", note);
    }

    private void pushReceipt(Partner sender, ObjectNode business) {
        try {
            PushResult result = push.push(sender, settings.behaviour().receiptUrl(), json.writeValueAsBytes(business),
                    EnvelopeForm.JSON, null);
            log.info("event=simulator-business-receipt partner={} conversation={} outcome={}", sender.id(),
                    business.path("conversationId").asText(), result.outcome());
        } catch (IOException | RuntimeException e) {
            log.warn("event=simulator-business-receipt-failed partner={} error=\"{}\"", sender.id(), e.toString());
        }
    }

    private JsonNode parse(PartnerRequest request) {
        if (request.form() != EnvelopeForm.JSON) {
            return null;
        }
        try {
            return json.readTree(request.payload());
        } catch (IOException e) {
            return null;
        }
    }

}
