package cn.hnsw.simulators.sealed;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.ClientLanguage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.Problem;
import cn.hnsw.common.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * 报文接收 — the platform sends a sealed envelope to a simulated partner and gets the partner's sealed answer.
 * {@code Content-Type: application/json} or {@code application/xml} (also {@code text/xml}) chooses the envelope
 * form; the answer comes in the same form. Refusals are problem details whose {@code code} is the
 * {@code RefusalCode} (400 / 401 / 409) or {@code PARTNER_UNAVAILABLE} (503). Callers need a machine token
 * ({@link MachineCallers}); the seal inside authenticates the platform.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/partners/{id}/messages")
public class PartnerMessageController {

    /** Marks every answer as a simulator's, with the partner id, for whoever reads the traffic. */
    public static final String SIMULATOR_HEADER = "X-Hnsw-Simulator";
    public static final String IN_REPLY_TO_HEADER = "X-Hnsw-In-Reply-To";

    private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    private final PartnerMessageService messages;

    public PartnerMessageController(PartnerMessageService messages) {
        this.messages = messages;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            "application/*+json", "application/*+xml"})
    public ResponseEntity<byte[]> receive(@PathVariable String id, @RequestBody byte[] body,
                                          @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        MachineCallers.require(Actors.current());
        EnvelopeForm form = EnvelopeForm.of(contentType)
                .orElseThrow(() -> new HnswException(SealedMessageErrorCode.ENVELOPE_FORM_UNSUPPORTED));
        SealedReply reply = messages.receive(id, body, form);
        return ResponseEntity.ok()
                .contentType(new MediaType(reply.form().mediaType(), StandardCharsets.UTF_8))
                .header(SIMULATOR_HEADER, id)
                .header(IN_REPLY_TO_HEADER, reply.inReplyTo())
                .body(reply.body());
    }

    /** An expected 503 (simulated fault, missing keys): answered with Retry-After when known, not logged as an error. */
    @ExceptionHandler(PartnerUnavailableException.class)
    ResponseEntity<Problem> unavailable(PartnerUnavailableException e, HttpServletRequest request) {
        Problem problem = Problem.of(e, request.getRequestURI(), RequestIds.of(request), ClientLanguage.of(request));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status()).contentType(PROBLEM);
        e.retryAfter().map(PartnerMessageController::seconds).ifPresent(s -> response.header(HttpHeaders.RETRY_AFTER, s));
        return response.body(problem);
    }

    private static String seconds(Duration wait) {
        // Retry-After counts whole seconds; round up so a client never comes back before the partner does.
        long millis = Math.max(0, wait.toMillis());
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
