package cn.hnsw.tradewindow.partner;

import cn.hnsw.common.partner.PartnerClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The partner adapters, over common-lib's sealed {@link PartnerClient} (active when the service has its keys). */
@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    @Bean
    HaiyibanClient haiyibanClient(PartnerClient client, ObjectMapper json) {
        return new HaiyibanClient(client, json);
    }

    @Bean
    DataSharingClient dataSharingClient(PartnerClient client, ObjectMapper json, Clock clock) {
        return new DataSharingClient(client, json, clock);
    }
}
