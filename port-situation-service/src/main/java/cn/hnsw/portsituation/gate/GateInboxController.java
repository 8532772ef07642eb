package cn.hnsw.portsituation.gate;

import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.partner.EnvelopeFormat;
import cn.hnsw.common.partner.SealedInbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;

/**
 * Where the gate management and control system pushes captures: a sealed envelope (SM2-signed by {@code gate-control},
 * SM4-encrypted to the platform). The signature is the authentication, so the path needs no user token; anything not
 * signed by the gate system, tampered, stale or replayed is refused as a problem and changes nothing. The answer is a
 * sealed reception receipt with the pass id and its state.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/public/inbox")
class GateInboxController {

    private final SealedInbox inbox;
    private final GateService gates;
    private final ObjectMapper json;

    GateInboxController(SealedInbox inbox, GateService gates, ObjectMapper json) {
        this.inbox = inbox;
        this.gates = gates;
        this.json = json;
    }

    @PostMapping(path = "/gate-control", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE})
    ResponseEntity<byte[]> capture(@RequestBody byte[] body,
                                   @RequestHeader(value = "Content-Type", defaultValue = "application/json") String type)
            throws Exception {
        OpenedMessage message = inbox.open(body, Set.of(PartnerGateControlAdapter.PARTNER_ID));
        GateCapture capture = gates.parse(message.payload());
        GatePass pass = gates.record(message.messageId(), capture);
        EnvelopeFormat form = type.contains("xml") ? EnvelopeFormat.XML : EnvelopeFormat.JSON;
        byte[] receipt = json.writeValueAsBytes(Map.of("receiptKind", "RECEPTION", "passId", pass.id(),
                "gateCode", pass.gate().code(), "state", pass.state()));
        return ResponseEntity.ok().contentType(type.contains("xml") ? MediaType.APPLICATION_XML : MediaType.APPLICATION_JSON)
                .body(inbox.reply(message, receipt, form));
    }
}
