package cn.hnsw.ledger.customs;

import cn.hnsw.common.crypto.MessageSealer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the sealed 金关二期 gateway where an endpoint is configured (which needs the platform keys, hnsw.crypto.*).
 * Without an endpoint, declaring is refused with CUSTOMS_UNAVAILABLE and nothing changes.
 */
@Configuration
@EnableConfigurationProperties(CustomsProperties.class)
class CustomsConfiguration {

    @Bean
    @ConditionalOnProperty("hnsw.ledger.customs.endpoint")
    GoldenCustomsGateway goldenCustomsGateway(MessageSealer sealer, ObjectMapper json, CustomsProperties properties) {
        return new SealedGoldenCustomsGateway(sealer, json, properties);
    }
}
