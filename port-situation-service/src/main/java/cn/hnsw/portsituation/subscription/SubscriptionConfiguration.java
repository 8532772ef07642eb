package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.crypto.CipherDevice;
import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.portsituation.alert.AlertService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/** Wires alert subscriptions: the service, the channels (webhook, SMS, e-mail) and the delivery worker. */
@Configuration
@EnableConfigurationProperties(SubscriptionProperties.class)
class SubscriptionConfiguration {

    @Bean
    SubscriptionService subscriptionService(SubscriptionRepository repository, SubscriptionProperties properties,
                                            ObjectMapper json, Clock clock, AlertService alerts) {
        return new SubscriptionService(repository, properties, json, clock, alerts);
    }

    @Bean
    WebhookChannel webhookChannel(CipherDevice device, @Value("${hnsw.crypto.platform-key-id}") String keyId,
                                  Clock clock, SubscriptionProperties properties) {
        return new WebhookChannel(device, keyId, clock, properties.timeout());
    }

    @Bean
    SmsChannel smsChannel(PartnerClient partners, ObjectMapper json) {
        return new SmsChannel(partners, json);
    }

    @Bean
    EmailChannel emailChannel(PartnerClient partners, ObjectMapper json) {
        return new EmailChannel(partners, json);
    }

    @Bean
    DeliveryWorker deliveryWorker(SubscriptionRepository repository, List<DeliveryChannel> channels,
                                  SubscriptionProperties properties, ObjectMapper json, Clock clock) {
        return new DeliveryWorker(repository, channels, properties, json, clock);
    }
}
