package cn.hnsw.portsituation;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.hnsw.testsupport.spring.ServiceSmokeIT;

/** The service starts on the real infrastructure, migrates, answers health and guards its API. */
class PortSituationServiceIT extends ServiceSmokeIT {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry r) {
        PortSituationIT.KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));
        // A second context of this service in the same JVM: its consumers would join the same consumer groups on the
        // shared broker and take partitions (alerts, decisions) away from the other tests' context.
        r.add("spring.kafka.listener.auto-startup", () -> "false");
    }
}
