package cn.hnsw.passenger.declaration;

import cn.hnsw.common.web.HnswException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * 出岛人员行李物品申报 — baggage declaration of a traveler leaving the island.
 * <p>
 * Every request (submit, modify, delete) bumps {@link #revision()} and leaves a {@link #pendingAction()} for the
 * dispatcher; customs' receipts name the revision they answer, so a receipt for an older revision is never applied
 * over a newer request. The conversation id correlates every message about this declaration.
 */
public class BaggageDeclaration {

    private final UUID id;
    private final String declarationNo;
    private final String travelerId;
    private final UUID conversationId;
    private final Instant createdAt;
    private DeclarationContent content;
    private DeclarationStatus status;
    private DeclarationAction pendingAction;
    private int revision;
    private String decisionReason;
    private String deletionReason;
    private BigDecimal taxDue;
    private Instant updatedAt;

    BaggageDeclaration(UUID id, String declarationNo, String travelerId, UUID conversationId, Instant createdAt,
                       DeclarationContent content, DeclarationStatus status, DeclarationAction pendingAction,
                       int revision, String decisionReason, String deletionReason, BigDecimal taxDue,
                       Instant updatedAt) {
        this.id = id;
        this.declarationNo = declarationNo;
        this.travelerId = travelerId;
        this.conversationId = conversationId;
        this.createdAt = createdAt;
        this.content = content;
        this.status = status;
        this.pendingAction = pendingAction;
        this.revision = revision;
        this.decisionReason = decisionReason;
        this.deletionReason = deletionReason;
        this.taxDue = taxDue;
        this.updatedAt = updatedAt;
    }

    /** A new declaration, validated by the caller, queued for customs. */
    public static BaggageDeclaration submit(String travelerId, String declarationNo, DeclarationContent content,
                                            Clock clock) {
        Instant now = clock.instant();
        return new BaggageDeclaration(UUID.randomUUID(), declarationNo, Objects.requireNonNull(travelerId),
                UUID.randomUUID(), now, content, DeclarationStatus.QUEUED, DeclarationAction.SUBMIT, 1, null, null,
                null, now);
    }

    /** 修改: replaces the articles and trip, and queues the modification for customs. */
    public void modify(DeclarationContent newContent, Clock clock) {
        requireEditable();
        this.content = newContent;
        this.status = DeclarationStatus.QUEUED;
        this.pendingAction = DeclarationAction.MODIFY;
        this.revision++;
        this.decisionReason = null;
        this.updatedAt = clock.instant();
    }

    /** 删除: asks customs to cancel the declaration; it is deleted when customs accepts. */
    public void requestDeletion(String reason, Clock clock) {
        requireEditable();
        this.status = DeclarationStatus.QUEUED;
        this.pendingAction = DeclarationAction.DELETE;
        this.deletionReason = reason;
        this.revision++;
        this.updatedAt = clock.instant();
    }

    /**
     * 回执更新: applies customs' business decision on {@code answeredRevision}.
     *
     * @throws HnswException {@code RECEIPT_STALE} for an older revision, {@code RECEIPT_NOT_APPLICABLE} for a move the
     *                       state does not allow
     */
    public void applyDecision(int answeredRevision, DeclarationAction answeredAction, DeclarationStatus decision,
                              String reason, Map<Integer, String> releaseStatuses, BigDecimal taxTotal, Clock clock) {
        if (answeredRevision != revision) {
            throw new HnswException(ReceiptRefusal.RECEIPT_STALE, answeredRevision, revision);
        }
        DeclarationStatus next = decision;
        if (answeredAction == DeclarationAction.DELETE && decision == DeclarationStatus.ACCEPTED) {
            next = DeclarationStatus.DELETED;
        }
        if (!status.canMoveTo(next) && !(status == next && next != DeclarationStatus.TAX_DUE)) {
            throw new HnswException(ReceiptRefusal.RECEIPT_NOT_APPLICABLE, next, status);
        }
        if (next == DeclarationStatus.TAX_DUE && (taxTotal == null || taxTotal.signum() <= 0)) {
            throw new HnswException(ReceiptRefusal.RECEIPT_NOT_APPLICABLE, next, status);
        }
        if (releaseStatuses != null && !releaseStatuses.isEmpty()) {
            List<BaggageItem> items = new ArrayList<>(content.items());
            releaseStatuses.forEach((index, note) -> {
                if (index >= 0 && index < items.size()) {
                    items.set(index, items.get(index).withReleaseStatus(note));
                }
            });
            content = new DeclarationContent(content.port(), content.departureDate(), content.transportMode(),
                    content.ticketNo(), content.travelerName(), content.documentNo(), items);
        }
        this.status = next;
        this.decisionReason = reason;
        if (next == DeclarationStatus.TAX_DUE) {
            this.taxDue = taxTotal;
        }
        this.updatedAt = clock.instant();
    }

    /** The tax was paid (the payment channel's notification credited it). */
    public void taxPaid(Clock clock) {
        if (!status.canMoveTo(DeclarationStatus.TAX_PAID)) {
            throw new HnswException(DeclarationErrorCode.DECLARATION_NOT_EDITABLE, status);
        }
        this.status = DeclarationStatus.TAX_PAID;
        this.updatedAt = clock.instant();
    }

    private void requireEditable() {
        if (!DeclarationStatus.EDITABLE.contains(status)) {
            throw new HnswException(DeclarationErrorCode.DECLARATION_NOT_EDITABLE, status);
        }
    }

    public boolean ownedBy(String userId) {
        return travelerId.equals(userId);
    }

    public UUID id() { return id; }
    public String declarationNo() { return declarationNo; }
    public String travelerId() { return travelerId; }
    public UUID conversationId() { return conversationId; }
    public Instant createdAt() { return createdAt; }
    public DeclarationContent content() { return content; }
    public DeclarationStatus status() { return status; }
    public DeclarationAction pendingAction() { return pendingAction; }
    public int revision() { return revision; }
    public String decisionReason() { return decisionReason; }
    public String deletionReason() { return deletionReason; }
    public BigDecimal taxDue() { return taxDue; }
    public Instant updatedAt() { return updatedAt; }
}
