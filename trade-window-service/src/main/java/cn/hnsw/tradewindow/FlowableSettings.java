package cn.hnsw.tradewindow;

import cn.hnsw.tradewindow.calendar.StepDeadlineCalendar;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.calendar.CycleBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DueDateBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DurationBusinessCalendar;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings that cut the statements per task (issue 8's measure, bench {@code PilotApprovalThroughput} uses the
 * same): executions and tasks keep counts of their variables, identity links and children, so completing a task or a
 * countersign branch deletes by count instead of querying each related table first; the execution tree of an
 * instance is fetched in one query. The history level ({@code task}, application.yml) keeps process instances and
 * tasks, without a history row per activity, sequence flow or variable update.
 *
 * <p>The engine's business calendars are its three standard ones plus {@value StepDeadlineCalendar#NAME}, the working-day
 * calendar by which every approval task of the BPMN files gets its deadline.
 */
@Configuration(proxyBeanMethods = false)
class FlowableSettings {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> tradeWindowEngineSettings(
            ObjectProvider<StepDeadlineCalendar> workingDays) {
        return cfg -> {
            // the standard calendars read the engine's clock, which exists only once the engine is initialised; the
            // working-day calendar (a bean reading the database) is looked up when a task first asks for it
            cfg.setBusinessCalendarManager(name -> switch (name) {
                case StepDeadlineCalendar.NAME -> workingDays.getObject();
                case DueDateBusinessCalendar.NAME -> new DueDateBusinessCalendar(cfg.getClock());
                case DurationBusinessCalendar.NAME -> new DurationBusinessCalendar(cfg.getClock());
                case CycleBusinessCalendar.NAME -> new CycleBusinessCalendar(cfg.getClock());
                default -> throw new FlowableException("unknown business calendar " + name);
            });
            cfg.getPerformanceSettings().setEnableExecutionRelationshipCounts(true);
            cfg.getPerformanceSettings().setEnableTaskRelationshipCounts(true);
            cfg.getPerformanceSettings().setEnableEagerExecutionTreeFetching(true);
        };
    }
}
