package cn.hnsw.ledger.document;

import cn.hnsw.ledger.posting.LedgerPosting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** 详情预览 — a document with its lines, attachments, receipts (history), postings and the moves it allows now. */
public record DocumentView(long id, String documentNo, String type, String typeNameZh, String typeNameEn,
                           String enterprise, String enterpriseName, Long ledgerId, Long sourceDocumentId,
                           String status, String statusNameZh, String statusNameEn, int version, int changeRound,
                           String title, Map<String, Object> header, Map<String, Object> vehicle, String returnReason,
                           String createdBy, String actingDelegate, Instant createdAt, Instant declaredAt,
                           Instant approvedAt, List<DocumentLine> lines, List<Map<String, Object>> attachments,
                           List<Map<String, Object>> receipts, List<LedgerPosting> postings,
                           Map<String, Object> customsDraft, List<String> allowedActions) {

    public static DocumentView summary(DeclarableDocument d) {
        return of(d, List.of(), List.of(), List.of(), List.of(), null);
    }

    public static DocumentView of(DeclarableDocument d, List<DocumentLine> lines, List<Map<String, Object>> attachments,
                                  List<Map<String, Object>> receipts, List<LedgerPosting> postings,
                                  Map<String, Object> customsDraft) {
        DocumentType t = d.type();
        List<String> actions = java.util.Arrays.stream(DocumentStatus.Action.values())
                .filter(a -> d.status().allows(a))
                .filter(a -> a != DocumentStatus.Action.CHANGE || t.changeAfterApproval())
                .filter(a -> a != DocumentStatus.Action.VOID || d.status() != DocumentStatus.APPROVED || t.voidAfterApproval())
                .filter(a -> a != DocumentStatus.Action.VEHICLE_CHANGE || t.vehicleInfo())
                .filter(a -> a != DocumentStatus.Action.RECEIPT_FORMAL_DATA || t.approvalAction() == ApprovalAction.CREATE_LEDGER)
                .map(Enum::name).toList();
        return new DocumentView(d.id(), d.documentNo(), t.code(), t.nameZh(), t.nameEn(), d.enterprise(),
                d.enterpriseName(), d.ledgerId(), d.sourceDocumentId(), d.status().name(), d.status().nameZh(),
                d.status().nameEn(), d.version(), d.changeRound(), d.title(), d.header(), d.vehicle(), d.returnReason(),
                d.createdBy(), d.actingDelegate(), d.createdAt(), d.declaredAt(), d.approvedAt(), lines, attachments,
                receipts, postings, customsDraft, actions);
    }
}
