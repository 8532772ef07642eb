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
 * receipt inbox with the configured decision and an 18-digit customs number. Other message types get the generic
 * technical receipt.
 */
@Component
@Order(100)
@EnableConfigurationProperties(CustomsSimulatorProperties.class)
public class SingleWindowDeclarationBehavior implements PartnerBehavior {

    static final String DECLARATION = "CUSTOMS_DECLARATION";
    private static final Logger log = LoggerFactory.getLogger(SingleWindowDeclarationBehavior.class);

    private final PlatformPushClient push;
    private final CustomsSimulatorProperties properties;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong serial = new AtomicLong();
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService pushes = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "simulator-customs-receipts");
        t.setDaemon(true);
        return t;
    });

    public SingleWindowDeclarationBehavior(PlatformPushClient push, CustomsSimulatorProperties properties) {
        this.push = push;
        this.properties = properties;
    }

    @Override
    public boolean handles(Partner partner) {
        return partner.kind() == PartnerKind.SINGLE_WINDOW_STANDARD || partner.kind() == PartnerKind.CUSTOMS_H2018;
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        JsonNode message = parse(request);
        TechnicalReceipt technical = TechnicalReceipt.received(request);
        if (message == null || !DECLARATION.equals(message.path("messageType").asText())) {
            return new PartnerReply(technical.encode(request.form()), "technical-receipt RECEIVED");
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
                .put("status", properties.businessDecision())
                .put("customsNo", customsNo)
                .put("note", "海关业务回执（模拟器） / customs business receipt (simulator)");
        Partner sender = request.partner();
        pushes.schedule(() -> pushReceipt(sender, business), properties.businessDelay().toMillis(), TimeUnit.MILLISECONDS);
        return new PartnerReply(technical.encode(request.form()), "technical-receipt RECEIVED declaration " + conversation);
    }

    private void pushReceipt(Partner sender, ObjectNode business) {
        try {
            PushResult result = push.push(sender, properties.receiptUrl(), json.writeValueAsBytes(business),
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
