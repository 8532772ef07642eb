package cn.hnsw.simulators.harness;

import cn.hnsw.simulators.SimulatorsApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partner simulators started inside a test (or benchmark) JVM, next to the service under test, on a free port
 * and with the keys of {@link SimulatorKeys}: the service seals to them and they push back, over real HTTP, exactly
 * as in the local stack. Close it when done (or let the JVM end).
 *
 * <pre>{@code
 * static final SimulatorKeys KEYS = SimulatorKeys.of("customs-smart-supervision");
 * static SimulatorsHarness simulators = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());
 *
 * @DynamicPropertySource
 * static void partners(DynamicPropertyRegistry r) {
 *     KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));
 *     r.add("hnsw.partners.endpoint", simulators::partnerEndpoint);
 * }
 * }</pre>
 */
public final class SimulatorsHarness implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SimulatorsHarness(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param initializers point the simulators at the test infrastructure (test-support's
     *                     {@code TestInfrastructureInitializer}: a database of their own, the shared Kafka, the test
     *                     token issuer)
     * @param extra        more properties (fault settings, push targets…)
     */
    @SafeVarargs
    public static SimulatorsHarness start(SimulatorKeys keys, Map<String, Object> extra,
                                          ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        Map<String, Object> properties = new LinkedHashMap<>(keys.simulatorsProperties());
        properties.put("server.port", "0");
        properties.putAll(extra);
        // As arguments, not default properties: simulators.yml's own values would win over defaults.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = SimulatorsApplication.builder()
                .initializers(initializers)
                .run(args);
        return new SimulatorsHarness(context);
    }

    @SafeVarargs
    public static SimulatorsHarness start(SimulatorKeys keys,
                                          ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        return start(keys, Map.of(), initializers);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** {@code http://localhost:<port>/api/simulators}. */
    public String baseUrl() {
        return "http://localhost:" + port() + "/api/simulators";
    }

    /** The value for {@code hnsw.partners.endpoint}. */
    public String partnerEndpoint() {
        return baseUrl() + "/v1/partners/{partnerId}/messages";
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
