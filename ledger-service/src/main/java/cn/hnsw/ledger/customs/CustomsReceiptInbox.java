package cn.hnsw.ledger.customs;

import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.partner.SealedInbox;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DeclarableDocument;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.jointchain.JointChain;
import cn.hnsw.ledger.jointchain.JointChainService;
import cn.hnsw.ledger.simplified.SimplifiedDeclarations;
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
    private final SimplifiedDeclarations simplified;

    public CustomsReceiptInbox(ObjectProvider<SealedInbox> inbox, ObjectMapper json, DocumentService documents,
                               JointChainService chains, SimplifiedDeclarations simplified) {
        this.inbox = inbox;
        this.json = json;
        this.documents = documents;
        this.chains = chains;
        this.simplified = simplified;
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
            com.fasterxml.jackson.databind.JsonNode message = json.readTree(opened.payload());
            String type = message.path("messageType").asText("");
            if (SimplifiedDeclarations.MESSAGE.equals(type)) {
                // 简化申报数据对接 (FP 1970, 2039)
                SimplifiedDeclarations.Declaration d = simplified.dock(message, opened.messageId());
                return new Applied(opened.messageId(), d.declarationNo(), d.pendingBooking() ? "PENDING_BOOKING" : "BOOKED");
            }
            if (SimplifiedDeclarations.RECEIPT.equals(type)) {
                // 账册简化申报回执对接 (FP 1971, 2040)
                SimplifiedDeclarations.Declaration d = simplified.receipt(message);
                return new Applied(opened.messageId(), d.declarationNo(), d.receiptStatus());
            }
            receipt = json.treeToValue(message, CustomsReceiptMessage.class);
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
