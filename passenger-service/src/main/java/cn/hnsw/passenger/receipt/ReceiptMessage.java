package cn.hnsw.passenger.receipt;

import cn.hnsw.passenger.declaration.DeclarationAction;
import cn.hnsw.passenger.declaration.DeclarationStatus;
import cn.hnsw.passenger.tax.TaxLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The body of a customs business receipt on a baggage declaration (see docs/passenger-messages.md). */
public record ReceiptMessage(String messageType, String receiptNo, UUID conversationId, String declarationNo,
                             Integer revision, DeclarationAction action, DeclarationStatus decision, String reason,
                             List<ItemRelease> items, List<TaxLine> taxLines, BigDecimal taxTotal) {

    public record ItemRelease(int index, String releaseStatus) {
    }

    static final List<DeclarationStatus> DECISIONS = List.of(DeclarationStatus.ACCEPTED,
            DeclarationStatus.INSPECTION_REQUIRED, DeclarationStatus.TAX_DUE, DeclarationStatus.RELEASED,
            DeclarationStatus.REJECTED);

    /** What is wrong with the message itself, or null. */
    String problem() {
        if (!"DECLARATION_RECEIPT".equals(messageType)) {
            return "messageType must be DECLARATION_RECEIPT";
        }
        if (receiptNo == null || !receiptNo.matches("[A-Za-z0-9._:-]{1,64}")) {
            return "receiptNo";
        }
        if (conversationId == null || revision == null || revision < 1 || action == null) {
            return "conversationId, revision and action are required";
        }
        if (decision == null || !DECISIONS.contains(decision)) {
            return "decision must be one of " + DECISIONS;
        }
        if (decision == DeclarationStatus.REJECTED && (reason == null || reason.isBlank())) {
            return "a rejection carries its reason";
        }
        if (decision == DeclarationStatus.TAX_DUE && (taxLines == null || taxLines.isEmpty() || taxTotal == null
                || taxTotal.signum() <= 0)) {
            return "tax due carries its lines and a positive total";
        }
        if (taxLines != null && taxTotal != null) {
            BigDecimal sum = taxLines.stream().map(TaxLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(taxTotal) != 0) {
                return "taxTotal is not the sum of the lines";
            }
        }
        return null;
    }
}
