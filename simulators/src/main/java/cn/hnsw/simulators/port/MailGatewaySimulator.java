package cn.hnsw.simulators.port;

import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * 海南省政务邮件网关模拟器 — the mail gateway the platform's e-mail notices go through (partner kind MAIL_GATEWAY),
 * reached sealed like every partner. It takes {@code {"messageType":"EMAIL","recipient","subject","body","businessId"}},
 * keeps each mail it accepts (the tests read them), answers the same business id twice with the same mail id, and
 * refuses a bad address (RECIPIENT_INVALID), an empty or oversized mail (CONTENT_INVALID), and the mailboxes of the
 * domain {@code bounce.example} (MAILBOX_UNAVAILABLE), as a real gateway's bounce.
 */
@Component
@Order(100)
public class MailGatewaySimulator implements PartnerBehavior {

    private static final Logger log = LoggerFactory.getLogger(MailGatewaySimulator.class);
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    /** One accepted mail. */
    public record Mail(String mailId, String recipient, String subject, String body, String businessId) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();
    private final List<Mail> received = new CopyOnWriteArrayList<>();

    @Override
    public boolean handles(Partner partner) {
        return partner.kind() == PartnerKind.MAIL_GATEWAY;
    }

    /** The mails accepted so far, oldest first. */
    public List<Mail> received() {
        return List.copyOf(received);
    }

    @Override
    public synchronized PartnerReply reply(PartnerRequest request) {
        ObjectNode answer = json.createObjectNode();
        answer.put("simulator", true);
        answer.put("partnerId", request.partner().id());
        answer.put("inReplyTo", request.messageId());
        String summary = answer(request, answer);
        log.info("event=simulator-mail partner={} result={}", request.partner().id(), summary);
        try {
            return new PartnerReply(json.writeValueAsBytes(answer), "mail " + summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String answer(PartnerRequest request, ObjectNode answer) {
        JsonNode in;
        try {
            in = json.readTree(request.payload());
        } catch (IOException e) {
            return refuse(answer, "MALFORMED_PAYLOAD");
        }
        if (!"EMAIL".equals(in.path("messageType").asText(""))) {
            return refuse(answer, "UNKNOWN_MESSAGE_TYPE");
        }
        String recipient = in.path("recipient").asText("").strip();
        if (recipient.length() > 254 || !ADDRESS.matcher(recipient).matches()) {
            return refuse(answer, "RECIPIENT_INVALID");
        }
        String subject = in.path("subject").asText("");
        String body = in.path("body").asText("");
        if (subject.isBlank() || subject.length() > 200 || body.isBlank() || body.length() > 20_000) {
            return refuse(answer, "CONTENT_INVALID");
        }
        if (recipient.toLowerCase(Locale.ROOT).endsWith("@bounce.example")) {
            return refuse(answer, "MAILBOX_UNAVAILABLE");
        }
        String businessId = in.path("businessId").asText("");
        for (Mail m : received) {
            if (!businessId.isEmpty() && m.businessId().equals(businessId)) {
                answer.put("accepted", true);
                answer.put("mailId", m.mailId());
                return "repeat " + m.mailId();
            }
        }
        Mail mail = new Mail("MAIL-SIM-" + ids.incrementAndGet(), recipient, subject, body, businessId);
        received.add(mail);
        answer.put("accepted", true);
        answer.put("mailId", mail.mailId());
        return "accepted " + mail.mailId();
    }

    private static String refuse(ObjectNode answer, String code) {
        answer.put("accepted", false);
        answer.put("code", code);
        return "refused " + code;
    }
}
