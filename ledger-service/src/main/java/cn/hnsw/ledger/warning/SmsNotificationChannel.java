package cn.hnsw.ledger.warning;

import cn.hnsw.common.partner.PartnerClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Map;

/** 短信通知 — through the provincial SMS platform (省短信平台, partner {@code sms-platform}): the Chinese text only. */
@Component
class SmsNotificationChannel extends PartnerNotificationChannel {

    static final String PARTNER_ID = "sms-platform";

    SmsNotificationChannel(ObjectProvider<PartnerClient> partners, ObjectMapper json) {
        super(partners, json, PARTNER_ID, "smsId");
    }

    @Override
    public String name() {
        return "SMS";
    }

    @Override
    Map<String, Object> message(String recipient, String subject, String text) {
        return Map.of("messageType", "SMS", "recipient", recipient, "content", SENDER + text);
    }
}
