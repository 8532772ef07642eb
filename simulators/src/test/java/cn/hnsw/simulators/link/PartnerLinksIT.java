package cn.hnsw.simulators.link;

import cn.hnsw.simulators.SimulatorsWithKeysTestBase;
import cn.hnsw.simulators.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public partner-link feed of the status page follows the fault settings. */
class PartnerLinksIT extends SimulatorsWithKeysTestBase {

    JsonNode links() {
        HttpResponse<String> response = get("/v1/partner-links", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        return json(response.body());
    }

    JsonNode link(String id) {
        for (JsonNode link : links()) {
            if (link.path("id").asText().equals(id)) {
                return link;
            }
        }
        throw new AssertionError("no link " + id);
    }

    @Test
    void isPublicAndListsEveryPartnerWithEveryField() {
        JsonNode links = links();
        assertThat(links.isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        links.forEach(l -> ids.add(l.path("id").asText()));
        assertThat(ids).containsAll(TestKeys.PARTNERS).contains(TestKeys.WITHOUT_KEY);
        for (JsonNode link : links) {
            List<String> fields = new ArrayList<>();
            link.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("id", "nameZh", "nameEn", "kind", "status", "latencyMs", "failureRate",
                    "outageUntil");
            assertThat(link.path("nameZh").asText()).contains("模拟器");
            assertThat(link.path("nameEn").asText().toLowerCase()).contains("simulator");
        }
        JsonNode customs = link(TestKeys.CUSTOMS);
        assertThat(customs.path("kind").asText()).isEqualTo("CUSTOMS_H2018");
        assertThat(customs.path("status").asText()).isEqualTo("UP");
        assertThat(customs.path("outageUntil").isNull()).isTrue();
        assertThat(link(TestKeys.WITHOUT_KEY).path("status").asText()).as("no key, no answers").isEqualTo("DOWN");
        assertThat(get("/v1/partner-links", token("traveler")).statusCode()).as("a token does no harm").isEqualTo(200);
    }

    @Test
    void reflectsFaultChangesAtOnce() {
        Instant until = Instant.now().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        setFaults(TestKeys.BANK, "{\"availability\":\"OFFLINE\",\"offlineUntil\":\"" + until + "\"}");
        JsonNode down = link(TestKeys.BANK);
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        assertThat(Instant.parse(down.path("outageUntil").asText())).isEqualTo(until);

        setFaults(TestKeys.BANK, "{\"failureRate\":0.2}");
        JsonNode flaky = link(TestKeys.BANK);
        assertThat(flaky.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(flaky.path("failureRate").asDouble()).isEqualTo(0.2);
        assertThat(flaky.path("outageUntil").isNull()).isTrue();

        setFaults(TestKeys.BANK, "{\"latencyMs\":1500}");
        JsonNode slow = link(TestKeys.BANK);
        assertThat(slow.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(slow.path("latencyMs").asInt()).isEqualTo(1500);

        setFaults(TestKeys.BANK, "{}");
        assertThat(link(TestKeys.BANK).path("status").asText()).isEqualTo("UP");
    }
}
