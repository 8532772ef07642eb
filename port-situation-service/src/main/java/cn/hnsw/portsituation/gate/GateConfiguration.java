package cn.hnsw.portsituation.gate;

import cn.hnsw.common.partner.PartnerClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gate wiring: properties and the gate-control adapter through the platform's partner client. */
@Configuration
@EnableConfigurationProperties(GateProperties.class)
class GateConfiguration {

    @Bean
    GateControlAdapter gateControlAdapter(PartnerClient partners, ObjectMapper json) {
        return new PartnerGateControlAdapter(partners, json);
    }
}
