package cn.hnsw.ledger.customs;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner-facing inbox of 金关二期 receipts (sealed JSON envelope, docs/ledger-customs-messages.md). Open at the
 * door: the SM2 signature of the partner key, the replay guard and the clock window are the authentication.
 */
@RestController
@RequestMapping("/api/ledger/v1/customs")
class CustomsReceiptController {

    private final CustomsReceiptInbox inbox;

    CustomsReceiptController(CustomsReceiptInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping(path = "/receipts", consumes = {"application/json", "application/*+json"})
    CustomsReceiptInbox.Applied receive(@RequestBody byte[] sealedEnvelope) {
        return inbox.receive(sealedEnvelope);
    }
}
