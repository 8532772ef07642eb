package cn.hnsw.customs.exchange;

import cn.hnsw.common.events.EventTopics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The facts the declaration system publishes (docs/events.md; topics {@code hnsw.customs.*}). */
public final class CustomsEvents {

    public static final String AGGREGATE = "CustomsDeclaration";
    public static final String DECLARATION_SUBMITTED = EventTopics.topic("customs", "declaration-submitted");
    public static final String RECEIPT_RECEIVED = EventTopics.topic("customs", "receipt-received");
    public static final String DECLARATION_DISTRIBUTED = EventTopics.topic("customs", "declaration-distributed");
    /** Withdrawal (撤销) or deletion (删单) of a lodged declaration; the ledger rolls back its posting when asked. */
    public static final String DECLARATION_WITHDRAWN = EventTopics.topic("customs", "declaration-withdrawn");

    private CustomsEvents() {
    }

    public record DeclarationSubmitted(UUID declarationId, String preEntryNo, String declarationType,
                                       String enterpriseUscc, UUID conversationId, Instant submittedAt, int items) {
    }

    /** 回执推送: the enterprise's systems (ERP receipt distribution, FP 563–568) subscribe to this. */
    public record ReceiptReceived(UUID declarationId, String preEntryNo, String enterpriseUscc, String kind,
                                  String status, String declarationStatus, String customsNo, Instant receivedAt) {
    }

    public record DeclarationDistributed(UUID declarationId, String preEntryNo, String enterpriseUscc, int distributions,
                                         Instant distributedAt) {
    }

    /**
     * @param reason         WITHDRAWN or DELETED
     * @param ledgerRollback whether a ledger posting was made for this declaration and must be reversed
     * @param items          what the posting moved, so the ledger can reverse it line by line
     */
    public record DeclarationWithdrawn(UUID declarationId, String preEntryNo, String enterpriseUscc, String ledgerNo,
                                       String reason, boolean ledgerRollback, List<PostedItem> items, Instant at) {
    }

    public record PostedItem(int seq, String hsCode, String name, java.math.BigDecimal quantity, String unit) {
    }
}
