package cn.hnsw.customs.exchange;

import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.partner.SealedInbox;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import cn.hnsw.customs.declaration.DeclarationDocument;
import cn.hnsw.customs.declaration.DeclarationHook;
import cn.hnsw.customs.declaration.DeclarationRepository;
import cn.hnsw.customs.declaration.DeclarationStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 回执处理 — the receipt loop's inbound half: correlates each receipt with its declaration by conversation id, stores
 * it once (a duplicate changes nothing), applies it to the declaration, pushes it to the enterprise as an event, and
 * after customs' positive business receipt queues the distribution to the Haikou sub-centre (R7).
 */
@Service
public class ReceiptService {

    private static final Logger log = LoggerFactory.getLogger(ReceiptService.class);

    private final ReceiptRepository receipts;
    private final DeclarationRepository declarations;
    private final OutboxPublisher outbox;
    private final OutboundQueue queue;
    private final SealedInbox inbox;
    private final ExchangeProperties properties;
    private final ObjectMapper json;
    private final List<DeclarationHook> hooks;
    private final List<PushedReceipts> pushed;
    private final List<ReceiptObserver> observers;
    private final Clock clock = Clock.systemUTC();

    private final List<cn.hnsw.customs.declaration.DistributionFields> distributionFields;

    public ReceiptService(ReceiptRepository receipts, DeclarationRepository declarations, OutboxPublisher outbox,
                          OutboundQueue queue, SealedInbox inbox, ExchangeProperties properties, ObjectMapper json,
                          List<DeclarationHook> hooks, List<PushedReceipts> pushed, List<ReceiptObserver> observers,
                          List<cn.hnsw.customs.declaration.DistributionFields> distributionFields) {
        this.distributionFields = List.copyOf(distributionFields);
        this.receipts = receipts;
        this.declarations = declarations;
        this.outbox = outbox;
        this.queue = queue;
        this.inbox = inbox;
        this.properties = properties;
        this.json = json;
        this.hooks = List.copyOf(hooks);
        this.pushed = List.copyOf(pushed);
        this.observers = List.copyOf(observers);
    }

    /** The result of handling one receipt. */
    public record Outcome(boolean applied, boolean duplicate, UUID declarationId, String declarationStatus) {
    }

    /** 技术回执, from the Single Window's sealed reply to the declaration message. */
    @Transactional
    public Outcome applyTechnical(UUID declarationId, UUID conversationId, String sender, String sentMessageId,
                                  ExchangeMessages.TechnicalReceiptBody body) {
        Instant now = clock.instant();
        CustomsDeclaration d = declarations.findForUpdate(declarationId)
                .orElseThrow(() -> new HnswException(CustomsErrorCode.DECLARATION_NOT_FOUND));
        boolean received = "RECEIVED".equals(body.status());
        String status = received ? "RECEIVED" : "REJECTED";
        if (!receipts.insertOnce(UUID.randomUUID(), "TECH-" + sentMessageId, "TECHNICAL", conversationId, declarationId,
                d.enterpriseUscc(), status, null, body.note() != null ? body.note() : body.code(), sender, now)) {
            return new Outcome(false, true, declarationId, d.status().name());
        }
        boolean changed = d.applyTechnicalReceipt(received, now);
        if (changed) {
            declarations.update(d);
        }
        pushToEnterprise(d, "TECHNICAL", status, now);
        return new Outcome(changed, false, declarationId, d.status().name());
    }

    /**
     * A receipt pushed by the Single Window or H2018, opened and verified once; a declaration's business receipt is
     * applied here, the second line's receipts (consolidated-list approval, arrival control…) by their feature.
     */
    @Transactional
    public Object acceptPushed(byte[] sealedEnvelope) {
        OpenedMessage opened = inbox.open(sealedEnvelope, properties.receiptSenders());
        String kind;
        try {
            kind = json.readTree(opened.payload()).path("receiptKind").asText("");
        } catch (IOException e) {
            throw new HnswException(CustomsErrorCode.RECEIPT_MALFORMED);
        }
        for (PushedReceipts handler : pushed) {
            if (handler.handles(kind)) {
                return handler.accept(opened);
            }
        }
        return acceptBusinessReceipt(opened);
    }

    /** 业务回执 pushed by the Single Window: opened and verified here, then applied once. */
    @Transactional
    public Outcome acceptPushedReceipt(byte[] sealedEnvelope) {
        return acceptBusinessReceipt(inbox.open(sealedEnvelope, properties.receiptSenders()));
    }

    private Outcome acceptBusinessReceipt(OpenedMessage opened) {
        ExchangeMessages.BusinessReceiptBody body;
        try {
            body = json.readValue(opened.payload(), ExchangeMessages.BusinessReceiptBody.class);
        } catch (IOException e) {
            throw new HnswException(CustomsErrorCode.RECEIPT_MALFORMED);
        }
        DeclarationStatus decision = decision(body);
        if (body.conversationId() == null || body.receiptId() == null || body.receiptId().isBlank()
                || body.receiptId().length() > 64) {
            throw new HnswException(CustomsErrorCode.RECEIPT_MALFORMED);
        }
        UUID declarationId = declarations.idByConversation(body.conversationId())
                .orElseThrow(() -> new HnswException(CustomsErrorCode.RECEIPT_UNCORRELATED, body.conversationId()));
        Instant now = clock.instant();
        CustomsDeclaration d = declarations.findForUpdate(declarationId).orElseThrow();
        if (!receipts.insertOnce(UUID.randomUUID(), body.receiptId(), "BUSINESS", body.conversationId(), declarationId,
                d.enterpriseUscc(), decision.name(), body.customsNo(), body.note(), opened.senderKeyId(), now)) {
            log.info("event=receipt-duplicate receiptId={} conversation={}", body.receiptId(), body.conversationId());
            return new Outcome(false, true, declarationId, d.status().name());
        }
        if (body.taxes() != null && !body.taxes().isEmpty()) {
            if (body.taxes().stream().anyMatch(t -> t.duty() == null || t.vat() == null || t.total() == null
                    || t.duty().signum() < 0 || t.vat().signum() < 0 || t.total().signum() < 0)) {
                throw new HnswException(CustomsErrorCode.RECEIPT_MALFORMED);
            }
            receipts.saveTaxes(declarationId, body.receiptId(), body.taxes());
        }
        boolean changed = d.applyBusinessReceipt(decision, body.customsNo(), now);
        if (changed) {
            declarations.update(d);
            // R7: a declaration goes to the sub-centre only once customs accepted or released it (direct release and
            // the general declarations, the types the sub-centre keeps); a later decision (released after accepted)
            // is sent again as a supplementary distribution.
            if (d.distributable() && d.type().keptAtSubCentre()) {
                queueDistribution(declarations.findForUpdate(declarationId).orElseThrow(),
                        d.distributionStatus() != CustomsDeclaration.DistributionStatus.NONE);
            }
            hooks.forEach(h -> h.businessReceipt(d, decision));
        }
        pushToEnterprise(d, "BUSINESS", decision.name(), now);
        return new Outcome(changed, false, declarationId, d.status().name());
    }

    /** 接收回执 of the Haikou sub-centre, from its sealed reply to the distribution. */
    @Transactional
    public Outcome applyReception(UUID declarationId, UUID conversationId, String sender, String sentMessageId,
                                  ExchangeMessages.ReceptionReceiptBody body) {
        Instant now = clock.instant();
        CustomsDeclaration d = declarations.findForUpdate(declarationId).orElseThrow();
        String note = body.cleansingIssues() == null || body.cleansingIssues().isEmpty() ? null
                : String.join("; ", body.cleansingIssues());
        if (!receipts.insertOnce(UUID.randomUUID(), "RECEPTION-" + sentMessageId, "RECEPTION", conversationId,
                declarationId, d.enterpriseUscc(), body.status(), null, note, sender, now)) {
            return new Outcome(false, true, declarationId, d.status().name());
        }
        d.distributed(now);
        declarations.update(d);
        outbox.publish(CustomsEvents.DECLARATION_DISTRIBUTED, CustomsEvents.AGGREGATE, d.id().toString(),
                CustomsEvents.DECLARATION_DISTRIBUTED, new CustomsEvents.DeclarationDistributed(d.id(), d.preEntryNo(),
                        d.enterpriseUscc(), d.distributionCount(), now));
        pushToEnterprise(d, "RECEPTION", body.status(), now);
        return new Outcome(true, false, declarationId, d.status().name());
    }

    @Transactional
    public void distributionFailed(UUID declarationId) {
        CustomsDeclaration d = declarations.findForUpdate(declarationId).orElseThrow();
        d.distributionFailed(clock.instant());
        declarations.update(d);
    }

    /**
     * 数据下发 / 补充下发 (FP 227–228): the declaration and its receipts, sealed to the sub-centre. The caller holds the
     * declaration's row lock.
     */
    @Transactional
    public UUID queueDistribution(CustomsDeclaration d, boolean supplementary) {
        Instant now = clock.instant();
        d.distributionQueued(now);
        declarations.update(d);
        CustomsDeclaration saved = declarations.find(d.id()).orElseThrow();
        return queue.enqueue(saved.conversationId(), saved.id(), saved.enterpriseUscc(), Partners.HAIKOU_SUBCENTRE,
                ExchangeMessages.DISTRIBUTION, new ExchangeMessages.DistributionMessage(ExchangeMessages.DISTRIBUTION,
                        saved.conversationId(), supplementary, distributed(DeclarationDocument.of(saved)),
                        receipts.byDeclaration(saved.id())), now);
    }

    /** 报关单数据项定制: only the header and item fields the operator set for the type travel (the item number always). */
    @SuppressWarnings("unchecked")
    DeclarationDocument distributed(DeclarationDocument d) {
        for (cn.hnsw.customs.declaration.DistributionFields source : distributionFields) {
            var fields = source.of(d.declarationType());
            if (fields.isEmpty()) {
                continue;
            }
            java.util.Map<String, Object> header = json.convertValue(d.header(), java.util.Map.class);
            header.keySet().retainAll(fields.get().header());
            List<cn.hnsw.customs.declaration.DeclarationItem> items = d.items().stream().map(i -> {
                java.util.Map<String, Object> item = json.convertValue(i, java.util.Map.class);
                item.keySet().removeIf(k -> !k.equals("seq") && !fields.get().item().contains(k));
                return json.convertValue(item, cn.hnsw.customs.declaration.DeclarationItem.class);
            }).toList();
            return new DeclarationDocument(d.id(), d.preEntryNo(), d.declarationType(), d.importExport(), d.status(),
                    d.enterpriseUscc(), d.enterpriseName(), d.customsNo(), d.conversationId(), d.distributionStatus(),
                    d.distributionCount(), d.createdAt(), d.updatedAt(), d.submittedAt(), d.version(),
                    json.convertValue(header, cn.hnsw.customs.declaration.DeclarationHeader.class), items);
        }
        return d;
    }

    public List<ReceiptView> receiptsOf(UUID declarationId) {
        return receipts.byDeclaration(declarationId);
    }

    public List<ReceiptView> receiptsSince(String enterprise, Instant since, int limit) {
        return receipts.since(enterprise, since, limit);
    }

    private void pushToEnterprise(CustomsDeclaration d, String kind, String status, Instant now) {
        CustomsEvents.ReceiptReceived receipt = new CustomsEvents.ReceiptReceived(d.id(), d.preEntryNo(),
                d.enterpriseUscc(), kind, status, d.status().name(), d.customsNo(), now);
        outbox.publish(CustomsEvents.RECEIPT_RECEIVED, CustomsEvents.AGGREGATE, d.id().toString(),
                CustomsEvents.RECEIPT_RECEIVED, receipt);
        observers.forEach(o -> o.received(receipt));
    }

    private static DeclarationStatus decision(ExchangeMessages.BusinessReceiptBody body) {
        if (body.status() == null) {
            throw new HnswException(CustomsErrorCode.RECEIPT_MALFORMED);
        }
        return switch (body.status()) {
            case "ACCEPTED" -> DeclarationStatus.ACCEPTED;
            case "RELEASED" -> DeclarationStatus.RELEASED;
            case "RETURNED" -> DeclarationStatus.RETURNED;
            default -> throw new HnswException(CustomsErrorCode.RECEIPT_MALFORMED);
        };
    }
}
