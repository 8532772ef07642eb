package cn.hnsw.customs.eligibility;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The ledger's eligibility topic exists before this service's consumer joins, whichever service starts first: the
 * consumer then gets its partitions at once instead of waiting for a metadata refresh (up to five minutes) after the
 * ledger's first event created the topic. Creating a topic that exists changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class EligibilityTopics {

    @Bean
    NewTopic zeroTariffEligibilityTopic(@Value("${hnsw.customs.eligibility.topic:" + LedgerEligibilityListener.TOPIC + "}") String topic) {
        return TopicBuilder.name(topic).partitions(3).build();
    }
}
