package cn.hnsw.ledger.document;

import java.util.List;
import java.util.Optional;

/**
 * A declarable-document type as data: the engine runs every type the same way (basic info → lines → attachments →
 * declare → receipt → approved/returned → change/void) and reads here what differs.
 *
 * @param code               stable id, e.g. {@code LOGISTICS_EXIT_GENERAL}
 * @param numberPrefix       2–4 letters in the self-numbered document number
 * @param ledgerType         the ledger it works on, or {@code null} for enterprise filings
 * @param requiresLedger     lines book on (or are drawn from) one ledger of the own enterprise
 * @param lines              its line kinds and their links
 * @param stockEffect        核增/核减 on approval
 * @param approvalAction     what else approval does
 * @param customsDraft       SUBMIT7: generates customs-declaration draft data
 * @param vehicleInfo        release notes: carries vehicle information, changeable after approval
 * @param changeAfterApproval 备案通过变更 allowed (never for types that move stock)
 * @param voidAfterApproval  an approved document may be voided (never for types that move stock)
 * @param scope              the delegable business it belongs to, or {@code null} when only the enterprise itself acts
 * @param sourceDocumentTypes a header link: types of the own enterprise's approved documents this one is based on
 */
public record DocumentType(String code, String numberPrefix, String nameZh, String nameEn, LedgerType ledgerType,
                           boolean requiresLedger, List<LineSpec> lines, StockEffect stockEffect,
                           ApprovalAction approvalAction, boolean customsDraft, boolean vehicleInfo,
                           boolean changeAfterApproval, boolean voidAfterApproval, BusinessScope scope,
                           List<String> sourceDocumentTypes) {

    public DocumentType {
        lines = List.copyOf(lines);
        sourceDocumentTypes = List.copyOf(sourceDocumentTypes);
        if (stockEffect != StockEffect.NONE && (changeAfterApproval || voidAfterApproval)) {
            throw new IllegalArgumentException(code + ": a type that moves stock cannot be changed or voided after approval");
        }
        if (stockEffect != StockEffect.NONE && !requiresLedger) {
            throw new IllegalArgumentException(code + ": a type that moves stock needs a ledger");
        }
    }

    public Optional<LineSpec> line(LineKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).findFirst();
    }

    public boolean movesStock() {
        return stockEffect != StockEffect.NONE;
    }
}
