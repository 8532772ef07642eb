package cn.hnsw.customs.declaration;

import cn.hnsw.common.web.HnswException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * 报关单 — a customs declaration: header plus goods items, owned by one enterprise, moving through
 * {@link DeclarationStatus}. One class serves the four declaration modules; {@link DeclarationType} tells them apart.
 */
public final class CustomsDeclaration {

    public static final int MAX_ITEMS = 50;

    private final UUID id;
    private final String preEntryNo;
    private final DeclarationType type;
    private final DeclarationType.ImportExport importExport;
    private final String enterpriseUscc;
    private final String enterpriseName;
    private final Instant createdAt;
    private final UUID copiedFrom;
    private DeclarationStatus status;
    private DeclarationHeader header;
    private List<DeclarationItem> items;
    private String customsNo;
    private UUID conversationId;
    private DistributionStatus distributionStatus;
    private int distributionCount;
    private boolean ledgerPosted;
    private Instant updatedAt;
    private Instant submittedAt;
    private int version;

    /** 分中心下发状态. */
    public enum DistributionStatus { NONE, PENDING, DISTRIBUTED, FAILED }

    public CustomsDeclaration(UUID id, String preEntryNo, DeclarationType type, DeclarationType.ImportExport importExport,
                              String enterpriseUscc, String enterpriseName, DeclarationStatus status,
                              DeclarationHeader header, List<DeclarationItem> items, String customsNo,
                              UUID conversationId, DistributionStatus distributionStatus, int distributionCount,
                              boolean ledgerPosted, UUID copiedFrom, Instant createdAt, Instant updatedAt,
                              Instant submittedAt, int version) {
        this.id = Objects.requireNonNull(id);
        this.preEntryNo = Objects.requireNonNull(preEntryNo);
        this.type = Objects.requireNonNull(type);
        this.importExport = Objects.requireNonNull(importExport);
        this.enterpriseUscc = Objects.requireNonNull(enterpriseUscc);
        this.enterpriseName = enterpriseName;
        this.status = Objects.requireNonNull(status);
        this.header = Objects.requireNonNull(header);
        this.items = List.copyOf(items);
        this.customsNo = customsNo;
        this.conversationId = conversationId;
        this.distributionStatus = distributionStatus;
        this.distributionCount = distributionCount;
        this.ledgerPosted = ledgerPosted;
        this.copiedFrom = copiedFrom;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.submittedAt = submittedAt;
        this.version = version;
    }

    /** 生成 / 暂存 (FP 79–82): a new draft, remark auto-filled. */
    public static CustomsDeclaration draft(String preEntryNo, DeclarationType type,
                                           DeclarationType.ImportExport importExport, String enterpriseUscc,
                                           String enterpriseName, DeclarationHeader header,
                                           List<DeclarationItem> items, UUID copiedFrom, Instant now) {
        return draft(preEntryNo, type, importExport, enterpriseUscc, enterpriseName, header, items, copiedFrom, now,
                RemarkAutoFill.DEFAULT);
    }

    /** 生成 / 暂存 with the operators' remark fill setting. */
    public static CustomsDeclaration draft(String preEntryNo, DeclarationType type,
                                           DeclarationType.ImportExport importExport, String enterpriseUscc,
                                           String enterpriseName, DeclarationHeader header,
                                           List<DeclarationItem> items, UUID copiedFrom, Instant now,
                                           RemarkAutoFill.Setting fill) {
        checkItemCount(items);
        return new CustomsDeclaration(UUID.randomUUID(), preEntryNo, type,
                importExport != null ? importExport : type.defaultDirection(), enterpriseUscc, enterpriseName,
                DeclarationStatus.DRAFT, RemarkAutoFill.apply(type, header, fill), renumber(items), null, null,
                DistributionStatus.NONE, 0, false, copiedFrom, now, now, null, 0);
    }

    /** 暂存 of an existing draft. */
    public void edit(DeclarationHeader newHeader, List<DeclarationItem> newItems, Instant now) {
        edit(newHeader, newItems, now, RemarkAutoFill.DEFAULT);
    }

    /** 暂存 of an existing draft, with the operators' remark fill setting. */
    public void edit(DeclarationHeader newHeader, List<DeclarationItem> newItems, Instant now,
                     RemarkAutoFill.Setting fill) {
        requireEditable();
        checkItemCount(newItems);
        this.header = RemarkAutoFill.apply(type, newHeader, fill);
        this.items = renumber(newItems);
        this.updatedAt = now;
    }

    /**
     * 重新申报的修改 (FP 936, 1221): a declaration the Single Window refused or customs returned is corrected in place,
     * keeping its pre-entry number; any other state refuses.
     */
    public void correct(DeclarationHeader newHeader, List<DeclarationItem> newItems, Instant now,
                        RemarkAutoFill.Setting fill) {
        requireResubmittable();
        checkItemCount(newItems);
        this.header = RemarkAutoFill.apply(type, newHeader.withLevyNatureConfirmed(false), fill);
        this.items = renumber(newItems);
        this.updatedAt = now;
    }

    /** The state refuses a resubmission unless the Single Window refused or customs returned the declaration. */
    public void requireResubmittable() {
        if (!status.resubmittable()) {
            throw new HnswException(CustomsErrorCode.NOT_RESUBMITTABLE, status.nameZh());
        }
    }

    /** 复制 (FP 86–91, R8): a new draft with the same data and a new pre-entry number, whatever this one's state. */
    public CustomsDeclaration copy(String newPreEntryNo, Instant now) {
        if (status == DeclarationStatus.DELETED) {
            throw new HnswException(CustomsErrorCode.DECLARATION_NOT_FOUND);
        }
        return draft(newPreEntryNo, type, importExport, enterpriseUscc, enterpriseName,
                header.withLevyNatureConfirmed(false), items, id, now);
    }

    /** 申报 (FP 116): the pre-validated draft leaves for the Single Window in conversation {@code conversation}. */
    public void submit(UUID conversation, Instant now) {
        moveTo(DeclarationStatus.SUBMITTED);
        this.conversationId = conversation;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    /** 技术回执 (FP 245): the Single Window received (or refused) the message. Never undoes a business decision. */
    public boolean applyTechnicalReceipt(boolean accepted, Instant now) {
        if (status != DeclarationStatus.SUBMITTED) {
            return false;
        }
        moveTo(accepted ? DeclarationStatus.SW_ACCEPTED : DeclarationStatus.SW_REJECTED);
        this.updatedAt = now;
        return true;
    }

    /**
     * 业务回执 (FP 244): customs' decision. A receipt that would move the declaration backwards (an "accepted" after
     * "released") changes nothing and says so.
     */
    public boolean applyBusinessReceipt(DeclarationStatus decision, String newCustomsNo, Instant now) {
        if (!decision.decided()) {
            throw new IllegalArgumentException("not a business decision: " + decision);
        }
        if (status == decision || !status.canMoveTo(decision)) {
            return false;
        }
        moveTo(decision);
        if (newCustomsNo != null) {
            this.customsNo = newCustomsNo;
        }
        if (decision == DeclarationStatus.ACCEPTED || decision == DeclarationStatus.RELEASED) {
            this.ledgerPosted = ledgerPosted || header.ledgerNo() != null;
        }
        this.updatedAt = now;
        return true;
    }

    /** R7: distribution to the Haikou sub-centre only after customs' business receipt accepted or released it. */
    public boolean distributable() {
        return status == DeclarationStatus.ACCEPTED || status == DeclarationStatus.RELEASED;
    }

    public void distributionQueued(Instant now) {
        if (!distributable()) {
            throw new HnswException(CustomsErrorCode.NOT_DISTRIBUTABLE);
        }
        this.distributionStatus = DistributionStatus.PENDING;
        this.updatedAt = now;
    }

    /** The sub-centre's reception receipt arrived. */
    public void distributed(Instant now) {
        this.distributionStatus = DistributionStatus.DISTRIBUTED;
        this.distributionCount++;
        this.updatedAt = now;
    }

    public void distributionFailed(Instant now) {
        this.distributionStatus = DistributionStatus.FAILED;
        this.updatedAt = now;
    }

    /**
     * 撤销 (FP 935): a lodged declaration is withdrawn; answers whether a ledger posting it caused must be rolled back.
     */
    public boolean withdraw(Instant now) {
        moveTo(DeclarationStatus.WITHDRAWN);
        this.updatedAt = now;
        return ledgerPosted;
    }

    /** 删除 (FP 101–103): drafts, and declarations the Single Window or customs refused. */
    public boolean delete(Instant now) {
        moveTo(DeclarationStatus.DELETED);
        this.updatedAt = now;
        return ledgerPosted;
    }

    private void moveTo(DeclarationStatus target) {
        if (!status.canMoveTo(target)) {
            throw new HnswException(CustomsErrorCode.ILLEGAL_STATUS_CHANGE, status.nameZh(), target.nameZh());
        }
        this.status = target;
    }

    private void requireEditable() {
        if (status != DeclarationStatus.DRAFT) {
            throw new HnswException(CustomsErrorCode.DECLARATION_NOT_EDITABLE, status.nameZh());
        }
    }

    private static void checkItemCount(List<DeclarationItem> items) {
        if (items.size() > MAX_ITEMS) {
            throw new HnswException(CustomsErrorCode.TOO_MANY_ITEMS, MAX_ITEMS);
        }
    }

    private static List<DeclarationItem> renumber(List<DeclarationItem> items) {
        List<DeclarationItem> numbered = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            numbered.add(items.get(i).withSeq(i + 1));
        }
        return List.copyOf(numbered);
    }

    public UUID id() { return id; }
    public String preEntryNo() { return preEntryNo; }
    public DeclarationType type() { return type; }
    public DeclarationType.ImportExport importExport() { return importExport; }
    public String enterpriseUscc() { return enterpriseUscc; }
    public String enterpriseName() { return enterpriseName; }
    public DeclarationStatus status() { return status; }
    public DeclarationHeader header() { return header; }
    public List<DeclarationItem> items() { return items; }
    public String customsNo() { return customsNo; }
    public UUID conversationId() { return conversationId; }
    public DistributionStatus distributionStatus() { return distributionStatus; }
    public int distributionCount() { return distributionCount; }
    public boolean ledgerPosted() { return ledgerPosted; }
    public UUID copiedFrom() { return copiedFrom; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant submittedAt() { return submittedAt; }
    public int version() { return version; }
}
