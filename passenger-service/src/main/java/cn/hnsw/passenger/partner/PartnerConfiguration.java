package cn.hnsw.passenger.partner;

import cn.hnsw.common.crypto.MessageSealer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealed transport to partners and the inbox for what they push back. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnerSettings.class)
class PartnerConfiguration {

    @Bean
    ServiceTokenClient serviceTokenClient(PartnerSettings settings, ObjectMapper json, Clock clock) {
        return new ServiceTokenClient(settings, json, clock);
    }

    @Bean
    PartnerTransport partnerTransport(MessageSealer sealer, PartnerSettings settings, ServiceTokenClient tokens) {
        return new SealedHttpPartnerClient(sealer, settings, tokens);
    }

    @Bean
    PartnerInbox partnerInbox(MessageSealer sealer) {
        return new PartnerInbox(sealer);
    }
}
