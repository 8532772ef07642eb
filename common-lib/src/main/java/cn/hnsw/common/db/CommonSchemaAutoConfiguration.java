package cn.hnsw.common.db;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Every service carries the tables of common-lib (outbox, handled events, audit logs, replay guard) next to its own.
 * They are migrated from {@code classpath:db/common} with a history table of their own, before the service's own
 * migrations, so that common-lib and a service can number their migrations independently.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
public class CommonSchemaAutoConfiguration {

    public static final String COMMON_LOCATION = "classpath:db/common";
    public static final String COMMON_HISTORY_TABLE = "flyway_common_history";

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy commonThenServiceMigration() {
        return serviceFlyway -> {
            commonFlyway(serviceFlyway).migrate();
            // The schema is no longer empty once common-lib's tables exist: start the service's history at version 0.
            Flyway.configure().configuration(serviceFlyway.getConfiguration())
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        };
    }

    /** The Flyway of common-lib's tables, on the same database as the service's. */
    public static Flyway commonFlyway(Flyway serviceFlyway) {
        return Flyway.configure()
                .configuration(serviceFlyway.getConfiguration())
                .locations(COMMON_LOCATION)
                .table(COMMON_HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
