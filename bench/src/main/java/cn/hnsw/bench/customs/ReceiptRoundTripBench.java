package cn.hnsw.bench.customs;

import cn.hnsw.customs.CustomsServiceApplication;
import cn.hnsw.simulators.customs.CustomsSimulatorSettings;
import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.embedded.FreePorts;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The receipt round trip measured on one machine without the local stack: customs-service and the partner
 * simulators (business delay 0) start in this JVM on the real embedded PostgreSQL, Kafka and token issuer of
 * test-support, talk sealed over loopback HTTP, and {@link ReceiptRoundTripDriver} measures them.
 *
 * <pre>java -cp bench/target/benchmarks.jar cn.hnsw.bench.customs.ReceiptRoundTripBench [count, default 200]</pre>
 */
public final class ReceiptRoundTripBench {

    static final String ENTERPRISE = "91460106MA5T8K3R0A";

    private ReceiptRoundTripBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        SimulatorKeys keys = SimulatorKeys.of("single-window-standard", "customs-h2018", "manifest-system");
        try (SimulatorsHarness simulators = SimulatorsHarness.start(keys, Map.of(
                "hnsw.simulators.customs.business-delay", "0ms",
                "logging.level.root", "WARN"), new TestInfrastructureInitializer())) {
            // The port is picked only now, when the infrastructure and the simulators hold theirs, and the simulators
            // are told it at run time: picked earlier, another server of this JVM could take it in between.
            int customsPort = FreePorts.find();
            CustomsSimulatorSettings settings = simulators.context().getBean(CustomsSimulatorSettings.class);
            CustomsSimulatorSettings.Behaviour now = settings.behaviour();
            settings.update(new CustomsSimulatorSettings.Behaviour(
                    URI.create("http://localhost:" + customsPort + "/api/customs/v1/receipts"), now.businessDecision(),
                    now.consolidatedDecision(), now.inspectionRate(), now.inspectionResult()));
            List<String> arguments = new ArrayList<>();
            keys.platformProperties().forEach((k, v) -> arguments.add("--" + k + "=" + v));
            arguments.add("--server.port=" + customsPort);
            arguments.add("--hnsw.partners.endpoint=" + simulators.partnerEndpoint());
            arguments.add("--hnsw.partners.endpoints.haikou-data-subcentre=http://localhost:" + customsPort
                    + "/api/customs/v1/subcentre/distributions");
            arguments.add("--logging.level.root=WARN");
            try (ConfigurableApplicationContext customs = new SpringApplicationBuilder(CustomsServiceApplication.class)
                    .initializers(new TestInfrastructureInitializer()).run(arguments.toArray(String[]::new))) {
                String api = "http://127.0.0.1:" + customsPort + "/api/customs";
                String operator = TestTokens.issuer().user("ops.bench", "sw-operator").mint();
                put(api + "/v1/zero-tariff/qualifications/" + ENTERPRISE, operator, """
                        {"enterpriseUscc":"%s","enterpriseName":"海南洋浦新材料科技有限公司","validFrom":"2025-12-18","revoked":false}"""
                        .formatted(ENTERPRISE));
                put(api + "/v1/zero-tariff/whitelist/3907610000", operator,
                        "{\"hsCode\":\"3907610000\",\"nameZh\":\"聚对苯二甲酸乙二醇酯\",\"category\":\"原辅料\"}");
                put(api + "/v1/direct-release/levy-natures", operator, "{\"codes\":[\"101\"]}");
                String declarant = TestTokens.issuer().user("declarant.bench", "enterprise-declarant").enterprise(ENTERPRISE).mint();
                ReceiptRoundTripDriver.run(api, declarant, ENTERPRISE, Math.min(20, count)); // warm-up
                System.out.println(ReceiptRoundTripDriver.run(api, declarant, ENTERPRISE, count));
            }
        }
        System.exit(0);
    }

    private static void put(String url, String token, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT " + url + " → " + r.statusCode() + " " + r.body());
        }
    }
}
