package cn.hnsw.ledger.document;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;

import java.time.Instant;
import java.util.Map;

/**
 * 申报单证 — a declarable document of any {@link DocumentType}: basic info (header), lines, attachments, and the state
 * it is in. State changes are methods that check the current state and refuse an illegal move with a code.
 */
public class DeclarableDocument {

    private final Long id;
    private final String documentNo;
    private final DocumentType type;
    private final String enterprise;
    private final String enterpriseName;
    private final Long ledgerId;
    private final Long sourceDocumentId;
    private DocumentStatus status;
    private final int version;
    private int changeRound;
    private String title;
    private Map<String, Object> header;
    private Map<String, Object> vehicle;
    private String returnReason;
    private final String createdBy;
    private final String actingDelegate;
    private final Instant createdAt;
    private Instant declaredAt;
    private Instant approvedAt;

    public DeclarableDocument(Long id, String documentNo, DocumentType type, String enterprise, String enterpriseName,
                              Long ledgerId, Long sourceDocumentId, DocumentStatus status, int version, int changeRound,
                              String title, Map<String, Object> header, Map<String, Object> vehicle, String returnReason,
                              String createdBy, String actingDelegate, Instant createdAt, Instant declaredAt,
                              Instant approvedAt) {
        this.id = id;
        this.documentNo = documentNo;
        this.type = type;
        this.enterprise = enterprise;
        this.enterpriseName = enterpriseName;
        this.ledgerId = ledgerId;
        this.sourceDocumentId = sourceDocumentId;
        this.status = status;
        this.version = version;
        this.changeRound = changeRound;
        this.title = title;
        this.header = header == null ? Map.of() : copy(header);
        this.vehicle = vehicle;
        this.returnReason = returnReason;
        this.createdBy = createdBy;
        this.actingDelegate = actingDelegate;
        this.createdAt = createdAt;
        this.declaredAt = declaredAt;
        this.approvedAt = approvedAt;
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    private void require(DocumentStatus.Action action) {
        if (!status.allows(action)) {
            throw new HnswException(LedgerErrorCode.ILLEGAL_TRANSITION, documentNo, status.nameZh() + "/" + status.name(),
                    action.nameZh() + "/" + action.nameEn());
        }
    }

    /** 未申报编辑: lines, header and attachments change only while the document is not with customs. */
    public void checkEditable() {
        if (!status.allows(DocumentStatus.Action.EDIT)) {
            throw new HnswException(LedgerErrorCode.DOCUMENT_NOT_EDITABLE, documentNo, status.nameZh() + "/" + status.name());
        }
    }

    public void editHeader(String newTitle, Map<String, Object> newHeader) {
        checkEditable();
        this.title = newTitle;
        this.header = newHeader == null ? Map.of() : copy(newHeader);
    }

    /** Figures the platform computed on approval (value-added rate, material base), kept with the basic info. */
    public void recordComputed(Map<String, Object> newHeader) {
        this.header = copy(newHeader);
    }

    public void declare(Instant now) {
        require(DocumentStatus.Action.DECLARE);
        status = DocumentStatus.DECLARED;
        declaredAt = now;
        returnReason = null;
    }

    /** 回执: customs took the document in. */
    public void receiptReceived() {
        require(DocumentStatus.Action.RECEIPT_RECEIVED);
        status = DocumentStatus.RECEIPTED;
    }

    /** 回执更新: approved. Returns whether this is the first approval (changes after approval do not book again). */
    public boolean approve(Instant now) {
        require(DocumentStatus.Action.RECEIPT_APPROVED);
        boolean first = approvedAt == null;
        status = DocumentStatus.APPROVED;
        approvedAt = now;
        return first;
    }

    /** 回执更新: returned with a reason; the enterprise may edit and declare again. */
    public void returned(String reason) {
        require(DocumentStatus.Action.RECEIPT_RETURNED);
        status = DocumentStatus.RETURNED;
        returnReason = reason;
    }

    public void checkFormalDataAccepted() {
        require(DocumentStatus.Action.RECEIPT_FORMAL_DATA);
    }

    /** 备案通过变更: reopen an approved document for a change that customs approves again. */
    public void startChange() {
        require(DocumentStatus.Action.CHANGE);
        if (!type.changeAfterApproval()) {
            throw new HnswException(LedgerErrorCode.ILLEGAL_TRANSITION, documentNo, status.nameZh() + "/" + status.name(),
                    DocumentStatus.Action.CHANGE.nameZh() + "/" + DocumentStatus.Action.CHANGE.nameEn());
        }
        status = DocumentStatus.CHANGE_DRAFT;
        changeRound++;
    }

    /** 作废. A document that moved stock is never voided: an adjustment list corrects it instead. */
    public void voidIt() {
        require(DocumentStatus.Action.VOID);
        if (status == DocumentStatus.APPROVED && !type.voidAfterApproval()) {
            throw new HnswException(LedgerErrorCode.ILLEGAL_TRANSITION, documentNo, status.nameZh() + "/" + status.name(),
                    DocumentStatus.Action.VOID.nameZh() + "/" + DocumentStatus.Action.VOID.nameEn());
        }
        status = DocumentStatus.VOIDED;
    }

    /** 车辆信息变更 of a release note, also after approval. */
    public void changeVehicle(Map<String, Object> newVehicle) {
        if (!type.vehicleInfo()) {
            throw new HnswException(LedgerErrorCode.VEHICLE_CHANGE_NOT_ALLOWED, type.code());
        }
        if (status != DocumentStatus.APPROVED) {
            checkEditable();
        }
        this.vehicle = newVehicle == null ? null : copy(newVehicle);
    }

    public Long id() { return id; }
    public String documentNo() { return documentNo; }
    public DocumentType type() { return type; }
    public String enterprise() { return enterprise; }
    public String enterpriseName() { return enterpriseName; }
    public Long ledgerId() { return ledgerId; }
    public Long sourceDocumentId() { return sourceDocumentId; }
    public DocumentStatus status() { return status; }
    public int version() { return version; }
    public int changeRound() { return changeRound; }
    public String title() { return title; }
    public Map<String, Object> header() { return header; }
    public Map<String, Object> vehicle() { return vehicle; }
    public String returnReason() { return returnReason; }
    public String createdBy() { return createdBy; }
    public String actingDelegate() { return actingDelegate; }
    public Instant createdAt() { return createdAt; }
    public Instant declaredAt() { return declaredAt; }
    public Instant approvedAt() { return approvedAt; }
}
