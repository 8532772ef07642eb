package cn.hnsw.simulators.fault;

import cn.hnsw.simulators.SimulatorsApplication;
import cn.hnsw.simulators.SimulatorsWithKeysTestBase;
import cn.hnsw.simulators.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The faults admin API: who may use it, what it accepts, that it is audited, and that settings outlive a restart. */
class FaultsApiIT extends SimulatorsWithKeysTestBase {

    static final String PATH = "/v1/partners/" + TestKeys.CUSTOMS + "/faults";

    @Autowired
    Environment environment;

    @Test
    void anOperatorReadsAndChangesFaults() {
        JsonNode initial = json(get(PATH, operatorToken()).body());
        assertThat(initial.path("partnerId").asText()).isEqualTo(TestKeys.CUSTOMS);
        assertThat(initial.path("nameZh").asText()).contains("模拟器");
        assertThat(initial.path("latencyMs").asInt()).isZero();
        assertThat(initial.path("failureRate").asDouble()).isZero();
        assertThat(initial.path("availability").asText()).isEqualTo("ONLINE");
        assertThat(initial.path("inOutage").asBoolean()).isFalse();
        assertThat(initial.has("updatedAt")).isFalse();

        Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Instant windowStart = until.plus(1, ChronoUnit.DAYS);
        HttpResponse<String> put = put(PATH, operatorToken(), """
                {"latencyMs":250,"jitterMs":50,"failureRate":0.25,"failureMode":"SEALED_ERROR",
                 "availability":"OFFLINE","offlineUntil":"%s",
                 "outageWindows":[{"start":"%s","end":"%s"}]}""".formatted(until, windowStart, windowStart.plusSeconds(600)));
        assertThat(put.statusCode()).isEqualTo(200);

        JsonNode changed = json(get(PATH, token("platform-admin")).body());
        assertThat(changed.path("latencyMs").asInt()).isEqualTo(250);
        assertThat(changed.path("jitterMs").asInt()).isEqualTo(50);
        assertThat(changed.path("failureRate").asDouble()).isEqualTo(0.25);
        assertThat(changed.path("failureMode").asText()).isEqualTo("SEALED_ERROR");
        assertThat(changed.path("availability").asText()).isEqualTo("OFFLINE");
        assertThat(Instant.parse(changed.path("offlineUntil").asText())).isEqualTo(until);
        assertThat(changed.path("inOutage").asBoolean()).isTrue();
        assertThat(Instant.parse(changed.path("outageUntil").asText())).isEqualTo(until);
        assertThat(Instant.parse(changed.path("outageWindows").get(0).path("start").asText())).isEqualTo(windowStart);
        assertThat(changed.path("updatedBy").asText()).isEqualTo("ops.wang");

        assertThat(put(PATH, operatorToken(), "{}").statusCode()).isEqualTo(200);
        assertThat(json(get(PATH, operatorToken()).body()).path("availability").asText())
                .as("an empty body restores a healthy partner").isEqualTo("ONLINE");
    }

    @Test
    void onlyOperatorsAndAdministratorsMayUseIt() {
        for (String role : new String[]{"traveler", "customs-officer", "internal-service"}) {
            HttpResponse<String> read = get(PATH, token(role));
            assertThat(read.statusCode()).as(role).isEqualTo(403);
            assertThat(read.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(read.body()).path("code").asText()).isEqualTo("ACCESS_DENIED");
            assertThat(put(PATH, token(role), "{\"availability\":\"OFFLINE\"}").statusCode()).as(role).isEqualTo(403);
        }
        assertThat(get(PATH, null).statusCode()).isEqualTo(401);
        assertThat(put(PATH, null, "{}").statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM partner_fault_settings", Integer.class))
                .as("no refused change was stored").isZero();
    }

    @Test
    void refusesNonsenseWithACodeAndStoresNothing() {
        assertCode(put(PATH, operatorToken(), "{\"failureRate\":1.5}"), 400, "FAULT_SETTING_OUT_OF_RANGE");
        assertCode(put(PATH, operatorToken(), "{\"latencyMs\":-1}"), 400, "FAULT_SETTING_OUT_OF_RANGE");
        assertCode(put(PATH, operatorToken(), "{\"latencyMs\":600000}"), 400, "FAULT_SETTING_OUT_OF_RANGE");
        assertCode(put(PATH, operatorToken(), "{\"outageWindows\":[{\"start\":\"2026-06-01T10:00:00Z\",\"end\":\"2026-06-01T09:00:00Z\"}]}"),
                400, "OUTAGE_WINDOW_INVALID");
        assertCode(put(PATH, operatorToken(), "{\"outageWindows\":[{\"start\":\"2026-06-01T10:00:00Z\"}]}"),
                400, "OUTAGE_WINDOW_INVALID");
        assertCode(put(PATH, operatorToken(), "{\"offlineUntil\":\"2026-06-01T10:00:00Z\"}"), 400, "OFFLINE_UNTIL_NEEDS_OFFLINE");
        assertCode(put(PATH, operatorToken(), "{\"availability\":\"SOMETIMES\"}"), 400, "MALFORMED_REQUEST");
        assertCode(put(PATH, operatorToken(), "{not json"), 400, "MALFORMED_REQUEST");
        assertCode(put(PATH, operatorToken(), ""), 400, "MALFORMED_REQUEST");
        assertCode(put(PATH, operatorToken(), "{\"latency\":500}"), 400, "UNKNOWN_FAULT_SETTING");
        assertCode(put(PATH, operatorToken(), "{\"outageWindows\":[{\"begin\":\"2026-06-01T10:00:00Z\"}]}"),
                400, "UNKNOWN_FAULT_SETTING");
        assertCode(put("/v1/partners/customs-nowhere/faults", operatorToken(), "{}"), 404, "PARTNER_NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM partner_fault_settings", Integer.class)).isZero();
    }

    @Test
    void everyChangeIsInTheOperationLog() {
        long before = jdbc.queryForObject("SELECT count(*) FROM audit_operation_log", Long.class);
        setFaults(TestKeys.CUSTOMS, "{\"availability\":\"OFFLINE\"}");
        put(PATH, token("traveler"), "{}");
        Map<String, Object> success = jdbc.queryForMap("""
                SELECT actor_name, action, business_id, result FROM audit_operation_log
                WHERE seq > (SELECT coalesce(max(seq), 0) FROM audit_operation_log) - 2 ORDER BY seq LIMIT 1""");
        assertThat(success).containsEntry("actor_name", "ops.wang")
                .containsEntry("action", "PUT /api/simulators/v1/partners/{id}/faults")
                .containsEntry("business_id", TestKeys.CUSTOMS)
                .containsEntry("result", "SUCCESS");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE result = 'FAILURE' AND actor_name = 'user-traveler'",
                Long.class)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_operation_log", Long.class)).isEqualTo(before + 2);
    }

    @Test
    void settingsSurviveARestartBecauseTheyAreInTheDatabase() {
        setFaults(TestKeys.BANK, "{\"latencyMs\":1200,\"failureRate\":0.5,\"availability\":\"OFFLINE\"}");

        // A second instance of the service on the same database: what a restart would find. Command-line arguments,
        // because they outrank application.yml as the test's own properties do.
        Map<String, String> properties = Map.of(
                "server.port", "0",
                "spring.datasource.url", environment.getRequiredProperty("spring.datasource.url"),
                "spring.datasource.username", environment.getRequiredProperty("spring.datasource.username"),
                "spring.datasource.password", environment.getRequiredProperty("spring.datasource.password"),
                "spring.kafka.bootstrap-servers", environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"),
                "hnsw.simulators.keys-dir", TestKeys.dir().toString(),
                "hnsw.simulators.key-store-password", TestKeys.PASSWORD);
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(SimulatorsApplication.class)
                .run(arguments)) {
            int port = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + apiBase
                    + "/v1/partners/" + TestKeys.BANK + "/faults")).GET(), operatorToken(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            JsonNode faults = json(read.body());
            assertThat(faults.path("latencyMs").asInt()).isEqualTo(1200);
            assertThat(faults.path("failureRate").asDouble()).isEqualTo(0.5);
            assertThat(faults.path("availability").asText()).isEqualTo("OFFLINE");
            assertThat(faults.path("updatedBy").asText()).isEqualTo("ops.wang");

            HttpResponse<String> links = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + apiBase
                    + "/v1/partner-links")).GET(), null, HttpResponse.BodyHandlers.ofString());
            assertThat(links.body()).contains("{\"id\":\"" + TestKeys.BANK + "\"");
            for (JsonNode link : json(links.body())) {
                if (link.path("id").asText().equals(TestKeys.BANK)) {
                    assertThat(link.path("status").asText()).isEqualTo("DOWN");
                }
            }
        }
    }

    private static void assertCode(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response.body()).path("code").asText()).isEqualTo(code);
    }
}
