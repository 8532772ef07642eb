package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.partner.PartnerClient;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * E-mail delivery through the provincial government mail gateway (政务邮件网关), partner {@code mail-gateway}: the
 * alert's Chinese title as the subject, and the title plus the alert as JSON as the body. The gateway's refusal (bad
 * address, bounced mailbox) is final.
 */
public final class EmailChannel extends SealedPartnerChannel {

    public static final String PARTNER_ID = "mail-gateway";

    public EmailChannel(PartnerClient partners, ObjectMapper json) {
        super(partners, json, PARTNER_ID, "mailId");
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    Map<String, Object> message(Subscription subscription, String payloadJson, String textZh) {
        String subject = SENDER + textZh;
        return Map.of("messageType", "EMAIL", "recipient", subscription.target(),
                "subject", subject.length() > 200 ? subject.substring(0, 200) : subject,
                "body", textZh + "\n\n" + payloadJson);
    }
}
