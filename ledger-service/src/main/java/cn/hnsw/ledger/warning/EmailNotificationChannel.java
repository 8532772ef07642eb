package cn.hnsw.ledger.warning;

import cn.hnsw.common.partner.PartnerClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Map;

/** 邮件通知 — through the provincial government mail gateway (政务邮件网关, partner {@code mail-gateway}). */
@Component
class EmailNotificationChannel extends PartnerNotificationChannel {

    static final String PARTNER_ID = "mail-gateway";

    EmailNotificationChannel(ObjectProvider<PartnerClient> partners, ObjectMapper json) {
        super(partners, json, PARTNER_ID, "mailId");
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    Map<String, Object> message(String recipient, String subject, String text) {
        return Map.of("messageType", "EMAIL", "recipient", recipient, "subject", SENDER + subject, "body", text);
    }
}
