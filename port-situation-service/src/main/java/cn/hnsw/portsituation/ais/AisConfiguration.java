package cn.hnsw.portsituation.ais;

import cn.hnsw.portsituation.alert.AlertRaiser;
import cn.hnsw.portsituation.rule.RuleBook;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the AIS pipeline: receivers → intake → pipeline (track, watch, writer) → alerts. */
@Configuration
@EnableConfigurationProperties(AisProperties.class)
class AisConfiguration {

    @Bean
    AisWatch aisWatch(AisProperties properties, RuleBook rules, WatchAreaRepository areas) {
        AisWatch watch = new AisWatch(properties, rules);
        watch.areas(areas.findActive());
        return watch;
    }

    @Bean(destroyMethod = "close")
    PositionWriter positionWriter(DataSource dataSource, AisProperties properties) {
        return new PositionWriter(dataSource, properties.positionQueue(), properties.writeBatch(), properties.writers());
    }

    @Bean(destroyMethod = "close")
    AisPipeline aisPipeline(AisWatch watch, PositionWriter writer, AlertRaiser raiser, AisProperties properties,
                            Clock clock) {
        return new AisPipeline(watch, writer, raiser::raise, properties, clock);
    }

    @Bean
    AisReceiver aisReceiver(AisProperties properties, AisPipeline pipeline) {
        return new AisReceiver(properties, pipeline);
    }
}
