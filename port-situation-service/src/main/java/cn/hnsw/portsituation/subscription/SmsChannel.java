package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.partner.PartnerClient;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** SMS delivery through the provincial SMS platform (省短信平台), partner {@code sms-platform}: the alert's Chinese title as the text. */
public final class SmsChannel extends SealedPartnerChannel {

    public static final String PARTNER_ID = "sms-platform";

    public SmsChannel(PartnerClient partners, ObjectMapper json) {
        super(partners, json, PARTNER_ID, "smsId");
    }

    @Override
    public String name() {
        return "SMS";
    }

    @Override
    Map<String, Object> message(Subscription subscription, String payloadJson, String textZh) {
        return Map.of("messageType", "SMS", "recipient", subscription.target(), "content", SENDER + textZh);
    }
}
