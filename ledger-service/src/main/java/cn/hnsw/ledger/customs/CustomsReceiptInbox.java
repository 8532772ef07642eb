package cn.hnsw.ledger.customs;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DeclarableDocument;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.List;

/**
 * Opens a sealed receipt pushed by 金关二期: verifies the SM2 signature of the partner key, decrypts, refuses replays,
 * then applies it once. Anything tampered, replayed or signed by another key changes nothing.
 */
@Service
public class CustomsReceiptInbox {

    private final ObjectProvider<MessageSealer> sealer;
    private final ObjectMapper json;
    private final CustomsProperties properties;
    private final DocumentService documents;

    public CustomsReceiptInbox(ObjectProvider<MessageSealer> sealer, ObjectMapper json, CustomsProperties properties,
                               DocumentService documents) {
        this.sealer = sealer;
        this.json = json;
        this.properties = properties;
        this.documents = documents;
    }

    public record Applied(String receiptId, String documentNo, String status) {
    }

    public Applied receive(byte[] sealedEnvelope) {
        MessageSealer opener = sealer.getIfAvailable();
        if (opener == null) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_UNAVAILABLE);
        }
        OpenedMessage opened;
        try {
            opened = opener.open(sealedEnvelope);
        } catch (SealRefusedException e) {
            throw new HnswException(LedgerErrorCode.SEALED_MESSAGE_REFUSED, List.of(), e, e.code().name());
        }
        if (!properties.partnerKeyId().equals(opened.senderKeyId())) {
            throw new HnswException(LedgerErrorCode.UNKNOWN_RECEIPT_SENDER, opened.senderKeyId());
        }
        CustomsReceiptMessage receipt;
        try {
            receipt = json.readValue(opened.payload(), CustomsReceiptMessage.class);
        } catch (IOException e) {
            throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "JSON");
        }
        if (!CustomsReceiptMessage.TYPE.equals(receipt.messageType())) {
            throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "messageType");
        }
        DeclarableDocument d = documents.applyReceipt(receipt, opened.messageId(), opened.senderKeyId());
        return new Applied(receipt.receiptId(), d.documentNo(), d.status().name());
    }
}
