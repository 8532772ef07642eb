package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.web.HnswException;

import java.time.Instant;
import java.util.UUID;

/** 试点申请 — an enterprise's application to become a value-added pilot enterprise (product). */
public class PilotApplication {

    private final UUID id;
    private final String enterpriseUscc;
    private final String enterpriseName;
    private final String regionCode;
    private final String productSummary;
    private PilotStatus status;
    private String caseNumber;
    private String processInstanceId;
    private String currentStep;
    private final String createdBy;
    private final Instant createdAt;
    private Instant submittedAt;
    private Instant decidedAt;
    private final int version;

    PilotApplication(UUID id, String enterpriseUscc, String enterpriseName, String regionCode, String productSummary,
                     PilotStatus status, String caseNumber, String processInstanceId, String currentStep,
                     String createdBy, Instant createdAt, Instant submittedAt, Instant decidedAt, int version) {
        this.id = id;
        this.enterpriseUscc = enterpriseUscc;
        this.enterpriseName = enterpriseName;
        this.regionCode = regionCode;
        this.productSummary = productSummary;
        this.status = status;
        this.caseNumber = caseNumber;
        this.processInstanceId = processInstanceId;
        this.currentStep = currentStep;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.submittedAt = submittedAt;
        this.decidedAt = decidedAt;
        this.version = version;
    }

    static PilotApplication draft(String enterpriseUscc, String enterpriseName, String regionCode,
                                  String productSummary, String createdBy, Instant now) {
        return new PilotApplication(UUID.randomUUID(), enterpriseUscc, enterpriseName, regionCode, productSummary,
                PilotStatus.DRAFT, null, null, null, createdBy, now, null, null, 0);
    }

    void requireDocumentsEditable() {
        if (!status.documentsEditable()) {
            throw new HnswException(PilotErrorCode.APPLICATION_NOT_EDITABLE, status);
        }
    }

    /** 提交: first submission (case number assigned) or resubmission after a correction. */
    void submit(String caseNumber, String processInstanceId, Instant now) {
        move(PilotStatus.IN_REVIEW);
        if (this.caseNumber == null) {
            this.caseNumber = caseNumber;
        }
        if (processInstanceId != null) {
            this.processInstanceId = processInstanceId;
        }
        this.submittedAt = now;
    }

    void returnForCorrection() {
        move(PilotStatus.RETURNED);
    }

    void decide(boolean approved, Instant now) {
        move(approved ? PilotStatus.APPROVED : PilotStatus.REJECTED);
        this.decidedAt = now;
        this.currentStep = null;
    }

    void withdraw() {
        move(PilotStatus.WITHDRAWN);
        this.currentStep = null;
    }

    void terminate() {
        move(PilotStatus.TERMINATED);
    }

    void atStep(String step) {
        this.currentStep = step;
    }

    private void move(PilotStatus target) {
        if (!status.canMoveTo(target)) {
            throw new HnswException(PilotErrorCode.ILLEGAL_STATUS_CHANGE, status, target);
        }
        this.status = target;
    }

    public UUID id() { return id; }
    public String enterpriseUscc() { return enterpriseUscc; }
    public String enterpriseName() { return enterpriseName; }
    public String regionCode() { return regionCode; }
    public String productSummary() { return productSummary; }
    public PilotStatus status() { return status; }
    public String caseNumber() { return caseNumber; }
    public String processInstanceId() { return processInstanceId; }
    public String currentStep() { return currentStep; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant submittedAt() { return submittedAt; }
    public Instant decidedAt() { return decidedAt; }
    int version() { return version; }
}
