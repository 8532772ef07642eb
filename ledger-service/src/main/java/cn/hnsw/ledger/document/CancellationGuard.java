package cn.hnsw.ledger.document;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 账册注销 follows 报核 (FP 2865–2898): a ledger cancellation is declared only after customs approved a write-off
 * report (报核) of the same ledger, so the balances customs verified are the ones the ledger closes with.
 */
@Component
class CancellationGuard implements DeclarationGuard {

    private final JdbcClient jdbc;

    CancellationGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beforeDeclare(DeclarableDocument document) {
        if (document.type().approvalAction() != ApprovalAction.CANCEL_LEDGER || document.ledgerId() == null) {
            return;
        }
        boolean verified = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM declarable_document WHERE ledger_id = :l
                            AND document_type IN ('LOGISTICS_VERIFICATION_REPORT', 'PROCESSING_VERIFICATION_REPORT')
                            AND status = 'APPROVED')""")
                .param("l", document.ledgerId()).query(Boolean.class).single();
        if (!verified) {
            throw new HnswException(LedgerErrorCode.LEDGER_NOT_VERIFIED, document.documentNo());
        }
    }
}
