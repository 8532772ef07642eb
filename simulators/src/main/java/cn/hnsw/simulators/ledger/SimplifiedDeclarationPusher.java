package cn.hnsw.simulators.ledger;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.partner.PartnerRegistry;
import cn.hnsw.simulators.sealed.EnvelopeForm;
import cn.hnsw.simulators.sealed.PlatformPushClient;
import cn.hnsw.simulators.sealed.PushResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * 金关二期模拟器 — 简化申报数据推送: a simplified declaration lodged with customs for a bonded ledger is pushed to the
 * platform sealed (SM2 + SM4 via the partner sealers, as every other 金关二期 push), and after the receipt delay its
 * receipt (回执, {@code RELEASED} unless the operator asks for another status). The platform's answer to the data push
 * (its status and body) is handed back, so a refused declaration (unknown ledger) shows at once.
 */
@Component
public class SimplifiedDeclarationPusher {

    private static final Logger log = LoggerFactory.getLogger(SimplifiedDeclarationPusher.class);
    static final String SIMULATOR_ISSUER = "金关二期系统模拟器 / Golden Customs Project Phase II simulator";

    private final PlatformPushClient push;
    private final PartnerRegistry partners;
    private final ObjectMapper json = new ObjectMapper();
    private final URI defaultReceiptUrl;
    private final Duration delay;

    public SimplifiedDeclarationPusher(PlatformPushClient push, PartnerRegistry partners,
                                       @Value("${hnsw.simulators.golden-customs.receipt-url:http://localhost:8082/api/ledger/v1/customs/receipts}") String receiptUrl,
                                       @Value("${hnsw.simulators.golden-customs.receipt-delay:300ms}") Duration delay) {
        this.push = push;
        this.partners = partners;
        this.defaultReceiptUrl = URI.create(receiptUrl);
        this.delay = delay;
    }

    /** One declared line: the bonded item, its quantity and price. */
    public record Line(String itemNo, String hsCode, String nameZh, BigDecimal quantity, String unit, BigDecimal unitPrice,
                       String currency) {
    }

    /**
     * What the operator lodges: the ledger, optionally the declaration number (one is drawn otherwise), the port, the
     * enterprise, when it was declared, the lines, the receipt status to follow ({@code RELEASED} by default;
     * {@code NONE} for no receipt) and where to push ({@code replyTo}, the configured receipt URL otherwise).
     */
    public record Request(String ledgerNo, String declarationNo, String enterprise, String port, Instant declaredAt,
                          List<Line> lines, String receiptStatus, String replyTo) {
    }

    /** The pushed declaration and the platform's answer to it. */
    public record Pushed(String declarationNo, String messageId, String outcome, int platformStatus, String platformBody,
                         String receiptStatus, boolean simulator) {
    }

    public Pushed push(Request request) {
        if (request.ledgerNo() == null || request.ledgerNo().isBlank() || request.lines() == null || request.lines().isEmpty()) {
            throw new HnswException(LedgerSimulatorErrorCode.SIMPLIFIED_DECLARATION_INCOMPLETE, "ledgerNo, lines");
        }
        for (Line l : request.lines()) {
            if (l == null || l.itemNo() == null || l.itemNo().isBlank() || l.quantity() == null || l.quantity().signum() <= 0) {
                throw new HnswException(LedgerSimulatorErrorCode.SIMPLIFIED_DECLARATION_INCOMPLETE, "itemNo, quantity > 0");
            }
        }
        Partner partner = partners.all().stream().filter(p -> p.kind() == PartnerKind.CUSTOMS_GOLDEN_CUSTOMS_II)
                .findFirst().orElseThrow(() -> new IllegalStateException("no 金关二期 partner configured"));
        String no = request.declarationNo() != null && !request.declarationNo().isBlank() ? request.declarationNo()
                : "JD" + String.format("%016d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
        URI target = request.replyTo() != null && !request.replyTo().isBlank() ? URI.create(request.replyTo()) : defaultReceiptUrl;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageType", "SIMPLIFIED_DECLARATION");
        m.put("declarationNo", no);
        m.put("ledgerNo", request.ledgerNo());
        if (request.enterprise() != null) {
            m.put("enterprise", request.enterprise());
        }
        m.put("port", request.port());
        m.put("declaredAt", (request.declaredAt() == null ? Instant.now() : request.declaredAt()).toString());
        m.put("lines", request.lines());
        m.put("issuer", SIMULATOR_ISSUER);
        m.put("simulator", true);
        PushResult result = send(partner, target, m);
        String receipt = request.receiptStatus() == null || request.receiptStatus().isBlank() ? "RELEASED" : request.receiptStatus();
        boolean delivered = result.status() >= 200 && result.status() < 300;
        if (delivered && !"NONE".equals(receipt)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageType", "SIMPLIFIED_DECLARATION_RECEIPT");
            r.put("declarationNo", no);
            r.put("status", receipt);
            r.put("note", "RELEASED".equals(receipt) ? "海关已放行（模拟器）/ released by customs (simulator)"
                    : "海关回执（模拟器）/ customs receipt (simulator): " + receipt);
            r.put("issuer", SIMULATOR_ISSUER);
            r.put("simulator", true);
            CompletableFuture.runAsync(() -> send(partner, target, r),
                    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
        }
        log.info("event=simulator-simplified-declaration partner={} declaration={} ledger={} status={} receipt={}",
                partner.id(), no, request.ledgerNo(), result.status(), delivered ? receipt : "NONE");
        return new Pushed(no, result.messageId(), result.outcome().name(), result.status(),
                new String(result.body(), StandardCharsets.UTF_8), delivered ? receipt : "NONE", true);
    }

    private PushResult send(Partner partner, URI target, Map<String, Object> message) {
        try {
            return push.push(partner, target, json.writeValueAsBytes(message), EnvelopeForm.JSON, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
