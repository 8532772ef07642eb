package cn.hnsw.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public status API: each service's health from the catalog, each partner link from the simulators. */
class GatewayStatusIT extends GatewayIntegrationTest {

    @Test
    void reportsServicesUpAndDownAndPassesThePartnerLinksThroughWithoutAToken() throws Exception {
        Thread.sleep(1100); // past the cache of any earlier test's round
        HttpResponse<String> r = get("/api/status", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode status = json(r);
        assertThat(Instant.parse(status.path("checkedAt").asText())).isBefore(Instant.now().plusSeconds(1));

        Map<String, JsonNode> services = new HashMap<>();
        status.path("services").forEach(s -> services.put(s.path("id").asText(), s));
        assertThat(services).containsKeys("passenger-service", "down-service");
        JsonNode passenger = services.get("passenger-service");
        assertThat(passenger.path("status").asText()).isEqualTo("UP");
        assertThat(passenger.path("nameZh").asText()).isEqualTo("旅客通关服务");
        assertThat(passenger.path("nameEn").asText()).isEqualTo("Passenger clearance");
        assertThat(passenger.path("latencyMs").isIntegralNumber()).isTrue();
        assertThat(services.get("down-service").path("status").asText()).isEqualTo("DOWN");

        JsonNode partners = status.path("partners");
        assertThat(partners).hasSize(2);
        assertThat(partners.get(0).path("id").asText()).isEqualTo("customs-h2018");
        assertThat(partners.get(0).path("latencyMs").asInt()).as("passed through as sent").isEqualTo(4);
        assertThat(partners.get(1).path("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void servesOneRoundOfChecksToEveryoneForAWhile() throws Exception {
        Thread.sleep(1100);
        JsonNode first = json(get("/api/status", null));
        int checksAfterFirst = BACKEND.healthChecks();
        for (int i = 0; i < 20; i++) {
            assertThat(json(get("/api/status", null)).path("checkedAt")).isEqualTo(first.path("checkedAt"));
        }
        assertThat(BACKEND.healthChecks()).as("repeated calls do not reach the services").isEqualTo(checksAfterFirst);
    }

    @Test
    void reportsPartnersUnknownWhileTheSimulatorsAreUnreachable() throws Exception {
        Thread.sleep(1100);
        json(get("/api/status", null)); // the simulators have reported the links once
        BACKEND.partnersUp(false);
        try {
            Thread.sleep(1100);
            JsonNode partners = json(get("/api/status", null)).path("partners");
            assertThat(partners).hasSize(2);
            partners.forEach(p -> assertThat(p.path("status").asText()).isEqualTo("UNKNOWN"));
            assertThat(partners.get(0).path("nameEn").asText()).isEqualTo("Customs H2018");
        } finally {
            BACKEND.partnersUp(true);
        }
    }
}
