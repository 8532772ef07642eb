package cn.hnsw.ledger.posting;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.LedgerType;
import cn.hnsw.ledger.errors.LedgerErrorCode;

import java.time.Instant;

/** 账册 — a special ledger of one enterprise, created by an approved set-up and activated by formal 核注 data. */
public record Ledger(long id, String ledgerNo, String enterprise, String enterpriseName, LedgerType ledgerType,
                     LedgerStatus status, long setupDocumentId, String formalDataRef, Instant createdAt,
                     Instant activatedAt) {

    public void requireActive() {
        if (status != LedgerStatus.ACTIVE) {
            throw new HnswException(LedgerErrorCode.LEDGER_NOT_ACTIVE, ledgerNo, status.nameZh() + "/" + status.name());
        }
    }
}
