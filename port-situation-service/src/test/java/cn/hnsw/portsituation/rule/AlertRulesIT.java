package cn.hnsw.portsituation.rule;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.portsituation.ais.AisReceiver;
import cn.hnsw.portsituation.ais.Nmea;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Alert rules are data: refused on save when they do not parse, effective at once when they do. */
class AlertRulesIT extends PortSituationIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AisReceiver receiver;

    Map<String, Object> rule(String code, String scope, String condition) {
        Map<String, Object> r = new HashMap<>();
        r.put("code", code);
        r.put("nameZh", "高速航行");
        r.put("nameEn", "High speed");
        r.put("scope", scope);
        r.put("condition", condition);
        r.put("alertType", "high-speed");
        r.put("level", "MEDIUM");
        r.put("cooldownSeconds", 600);
        r.put("enabled", true);
        return r;
    }

    @Test
    void rulesThatDoNotParseOrDoNotGiveABooleanAreRefusedAndNothingIsStored() {
        long before = jdbc.queryForObject("SELECT count(*) FROM alert_rule", Long.class);
        for (String bad : new String[] {"sogKnots >", "spead > 20", "sogKnots + 1", "T(java.lang.Runtime).getRuntime()",
                "new java.io.File('/etc/passwd').exists()"}) {
            Api.Reply r = api.post("/v1/alert-rules", operator, rule("BAD-" + bad.hashCode(), "AIS_POSITION", bad));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("RULE_CONDITION_INVALID");
            assertThat(r.json().get("messageZh").asText()).contains("预警规则条件");
        }
        assertThat(api.post("/v1/alert-rules", customs, rule("X", "AIS_POSITION", "sogKnots > 30")).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_rule", Long.class)).isEqualTo(before);
    }

    @Test
    void aSavedRuleRaisesAlertsOnMatchingPositionsAndGatePasses() throws Exception {
        int mmsi = 413_700_000 + (int) (Math.random() * 90_000);
        Api.Reply saved = api.post("/v1/alert-rules", operator, rule("FAST-" + mmsi, "AIS_POSITION",
                "sogKnots > 28 and mmsi == " + mmsi));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        try (Socket s = new Socket("127.0.0.1", receiver.tcpPort())) {
            OutputStream out = s.getOutputStream();
            for (String line : Nmea.position(mmsi, 19.60, 109.00, 31.0, 270, 0)) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            Thread.sleep(100);
        }
        JsonNode alert = Api.await(Duration.ofSeconds(30), () -> {
            JsonNode list = api.get("/v1/alerts?type=high-speed&size=200", maritime).json();
            for (JsonNode a : list.get("content")) {
                if (a.get("attributes").path("mmsi").asText().equals(String.valueOf(mmsi))) {
                    return a;
                }
            }
            return null;
        });
        assertThat(alert.get("attributes").get("ruleCode").asText()).isEqualTo("FAST-" + mmsi);
        String id = saved.json().get("id").asText();
        assertThat(api.delete("/v1/alert-rules/" + id, operator).status()).isEqualTo(204);
    }
}
