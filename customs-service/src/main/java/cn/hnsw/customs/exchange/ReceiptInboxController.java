package cn.hnsw.customs.exchange;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 回执接收 (FP 244–245, 324): partners push sealed business receipts here. The seal is the authentication (an allow-listed
 * signer key, replay guard); the path is public because partner systems hold no platform token.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/receipts")
class ReceiptInboxController {

    private final ReceiptService receipts;

    ReceiptInboxController(ReceiptService receipts) {
        this.receipts = receipts;
    }

    @PostMapping(consumes = {"application/json", "application/*+json"})
    Object receive(@RequestBody byte[] sealedEnvelope) {
        return receipts.acceptPushed(sealedEnvelope);
    }
}
