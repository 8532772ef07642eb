package cn.hnsw.tradewindow;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings that cut the statements per task (issue 8's measure, bench {@code PilotApprovalThroughput} uses the
 * same): executions and tasks keep counts of their variables, identity links and children, so completing a task or a
 * countersign branch deletes by count instead of querying each related table first; the execution tree of an
 * instance is fetched in one query. The history level ({@code task}, application.yml) keeps process instances and
 * tasks, without a history row per activity, sequence flow or variable update.
 */
@Configuration(proxyBeanMethods = false)
class FlowableSettings {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> tradeWindowEngineSettings() {
        return cfg -> {
            cfg.getPerformanceSettings().setEnableExecutionRelationshipCounts(true);
            cfg.getPerformanceSettings().setEnableTaskRelationshipCounts(true);
            cfg.getPerformanceSettings().setEnableEagerExecutionTreeFetching(true);
        };
    }
}
