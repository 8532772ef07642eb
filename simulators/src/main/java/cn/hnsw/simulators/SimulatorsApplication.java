package cn.hnsw.simulators;

import cn.hnsw.simulators.partner.PartnerProperties;
import cn.hnsw.simulators.sealed.SealingProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** 合作方模拟器 — simulators of partner systems (customs, banks, gates, ticketing, AIS, cameras); never on the production path. */
@SpringBootApplication
@EnableConfigurationProperties({PartnerProperties.class, SealingProperties.class})
public class SimulatorsApplication {

    /**
     * The simulators read {@code simulators.yml}, not {@code application.yml}, and migrate {@code db/simulators}: so
     * they can run inside a service's test JVM (see {@code harness.SimulatorsHarness}) without reading that service's
     * configuration or migrations, and the service never reads theirs.
     */
    public static final String CONFIG_NAME = "simulators";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application with its own configuration name. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SimulatorsApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
