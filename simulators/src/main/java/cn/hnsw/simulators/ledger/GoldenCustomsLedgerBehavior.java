package cn.hnsw.simulators.ledger;

import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.EnvelopeForm;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import cn.hnsw.simulators.sealed.PlatformPushClient;
import cn.hnsw.simulators.sealed.TechnicalReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * 金关二期模拟器 — Golden Customs II simulator for ledger filings and lists. Answers a declaration at once with the
 * technical receipt, then pushes (sealed, asynchronously) the business receipts to the platform: 回执 (RECEIVED),
 * then 回执更新 APPROVED, or RETURNED with the reasons of {@link LedgerLogicCheck}; for an approved ledger set-up also
 * the formal 核注 data (FORMAL_DATA) that activates the ledger. Every receipt says simulator. A {@code CREDIT_QUERY}
 * is answered at once with the enterprise's {@link EnterpriseCreditRecords credit profile}, an
 * {@code EQUIPMENT_LEDGER_QUERY} with its {@link ZeroTariffEquipmentLedgers vehicle/yacht or equipment ledgers}; a joint value-added chain
 * sent for approval ({@code JOINT_CHAIN}) is returned when a member is a dishonest enterprise (the anomaly reason).
 */
@Component
@Order(100)
public class GoldenCustomsLedgerBehavior implements PartnerBehavior {

    private static final Logger log = LoggerFactory.getLogger(GoldenCustomsLedgerBehavior.class);

    private final PlatformPushClient push;
    private final ObjectMapper json = new ObjectMapper();
    private final URI defaultReceiptUrl;
    private final Duration delay;

    public GoldenCustomsLedgerBehavior(PlatformPushClient push,
                                       @Value("${hnsw.simulators.golden-customs.receipt-url:http://localhost:8082/api/ledger/v1/customs/receipts}") String receiptUrl,
                                       @Value("${hnsw.simulators.golden-customs.receipt-delay:300ms}") Duration delay) {
        this.push = push;
        this.defaultReceiptUrl = URI.create(receiptUrl);
        this.delay = delay;
    }

    @Override
    public boolean handles(Partner partner) {
        return partner.kind() == PartnerKind.CUSTOMS_GOLDEN_CUSTOMS_II;
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        JsonNode parsed;
        try {
            parsed = json.readTree(request.payload());
        } catch (IOException e) {
            parsed = null;
        }
        JsonNode declaration = parsed;
        PartnerReply technical = new PartnerReply(TechnicalReceipt.received(request).encode(request.form()),
                "technical-receipt RECEIVED");
        if (declaration != null && "CREDIT_QUERY".equals(declaration.path("messageType").asText())) {
            // answered at once: the credit profile is the business reply, sealed like any reply
            Map<String, Object> profile = EnterpriseCreditRecords.profile(declaration.path("enterprise").asText());
            log.info("event=simulator-credit-query partner={} enterprise={} grade={}", request.partner().id(),
                    declaration.path("enterprise").asText(), profile.get("creditGrade"));
            try {
                return new PartnerReply(json.writeValueAsBytes(profile), "credit-profile " + profile.get("creditGrade"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (declaration != null && ZeroTariffEquipmentLedgers.QUERY.equals(declaration.path("messageType").asText())) {
            // read-only docking of the vehicle/yacht and self-use equipment ledgers: answered at once, sealed
            Map<String, Object> answer = ZeroTariffEquipmentLedgers.answer(declaration.path("enterprise").asText(),
                    declaration.path("kind").asText(null), declaration.path("ledgerNo").asText(null));
            log.info("event=simulator-equipment-ledger-query partner={} enterprise={} kind={} reply={}", request.partner().id(),
                    declaration.path("enterprise").asText(), declaration.path("kind").asText(), answer.get("messageType"));
            try {
                return new PartnerReply(json.writeValueAsBytes(answer), "equipment-ledgers " + answer.get("messageType"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (declaration == null || !"LEDGER_DECLARATION".equals(declaration.path("messageType").asText())) {
            return technical;
        }
        List<LedgerLogicCheck.Reason> reasons = LedgerLogicCheck.check(declaration);
        String documentNo = declaration.path("documentNo").asText();
        String type = declaration.path("documentType").asText();
        URI target = declaration.hasNonNull("replyTo") ? URI.create(declaration.path("replyTo").asText()) : defaultReceiptUrl;
        Executor later = CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture.runAsync(() -> {
            send(request.partner(), target, receipt(documentNo, "RECEIVED", null, null));
            if (reasons.isEmpty()) {
                send(request.partner(), target, receipt(documentNo, "APPROVED", null, null));
                if (type.endsWith("_LEDGER_SETUP") && declaration.path("changeRound").asInt() == 0) {
                    send(request.partner(), target, receipt(documentNo, "FORMAL_DATA", null,
                            "HZ" + documentNo.substring(Math.min(4, documentNo.length()))));
                }
            } else {
                send(request.partner(), target, receipt(documentNo, "RETURNED",
                        String.join("；", reasons.stream().map(LedgerLogicCheck.Reason::text).toList()), null));
            }
        }, later);
        log.info("event=simulator-ledger-declaration partner={} document={} type={} decision={}",
                request.partner().id(), documentNo, type, reasons.isEmpty() ? "APPROVED" : "RETURNED");
        return technical;
    }

    private Map<String, Object> receipt(String documentNo, String kind, String reason, String formalDataRef) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("messageType", "LEDGER_RECEIPT");
        r.put("receiptId", "SIM" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        r.put("documentNo", documentNo);
        r.put("kind", kind);
        r.put("reason", reason);
        r.put("issuedAt", Instant.now().toString());
        r.put("formalDataRef", formalDataRef);
        r.put("issuer", "金关二期系统模拟器 / Golden Customs Project Phase II simulator");
        r.put("simulator", true);
        return r;
    }

    private void send(Partner partner, URI target, Map<String, Object> receipt) {
        try {
            push.push(partner, target, json.writeValueAsBytes(receipt), EnvelopeForm.JSON, null);
        } catch (IOException | RuntimeException e) {
            log.warn("event=simulator-ledger-push-failed partner={} document={} kind={} error=\"{}\"", partner.id(),
                    receipt.get("documentNo"), receipt.get("kind"), e.toString());
        }
    }
}
