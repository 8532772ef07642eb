package cn.hnsw.passenger.partner;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.SealedInbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealed transport to partners and the inbox for what they push back, both on common-lib's partner API. */
@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    @Bean
    PartnerTransport partnerTransport(PartnerClient client) {
        return new CommonPartnerTransport(client);
    }

    @Bean
    PartnerInbox partnerInbox(SealedInbox inbox) {
        return new PartnerInbox(inbox);
    }
}
