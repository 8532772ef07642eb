package cn.hnsw.ledger.customs;

import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.partner.SealedInbox;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DeclarableDocument;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.jointchain.JointChain;
import cn.hnsw.ledger.jointchain.JointChainService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.List;

/**
 * Opens a sealed receipt pushed by 金关二期 through common-lib's {@link SealedInbox} (signature of the partner key,
 * decryption, clock window, replay guard), then applies it once. Anything refused changes nothing.
 */
@Service
public class CustomsReceiptInbox {

    private final ObjectProvider<SealedInbox> inbox;
    private final ObjectMapper json;
    private final DocumentService documents;
    private final JointChainService chains;

    public CustomsReceiptInbox(ObjectProvider<SealedInbox> inbox, ObjectMapper json, DocumentService documents,
                               JointChainService chains) {
        this.inbox = inbox;
        this.json = json;
        this.documents = documents;
        this.chains = chains;
    }

    public record Applied(String receiptId, String documentNo, String status) {
    }

    public Applied receive(byte[] sealedEnvelope) {
        SealedInbox opener = inbox.getIfAvailable();
        if (opener == null) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_UNAVAILABLE);
        }
        OpenedMessage opened = opener.open(sealedEnvelope, List.of(PartnerGoldenCustomsGateway.PARTNER_ID));
        CustomsReceiptMessage receipt;
        try {
            receipt = json.readValue(opened.payload(), CustomsReceiptMessage.class);
        } catch (IOException e) {
            throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "JSON");
        }
        if (!CustomsReceiptMessage.TYPE.equals(receipt.messageType())) {
            throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "messageType");
        }
        if (chains.isChain(receipt.documentNo())) {
            // the approval receipt of a joint value-added chain (FP 1619)
            JointChain chain = chains.applyReceipt(receipt, opened.messageId());
            return new Applied(receipt.receiptId(), chain.chainNo(), chain.customsStatus().name());
        }
        DeclarableDocument d = documents.applyReceipt(receipt, opened.messageId(), opened.senderKeyId());
        return new Applied(receipt.receiptId(), d.documentNo(), d.status().name());
    }
}
