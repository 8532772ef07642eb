package cn.hnsw.portsituation.kpi;

import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.portsituation.facility.FacilityStatusReported;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 口岸指标体系 on the real database: every port with its six dimensions, the facilities one from the live facilities,
 * the economic benefit from today's cargo declarations.
 */
class KpiIT extends PortSituationIT {

    @Autowired
    OutboxPublisher outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPortHasItsDimensionScoresOverallScoreAndRank() {
        String camera = "QL-CAM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        tx.executeWithoutResult(s -> outbox.publish(FacilityStatusReported.TOPIC, "Facility", camera,
                FacilityStatusReported.TOPIC, new FacilityStatusReported(camera, "CAMERA", "QINGLAN_PORT",
                        "清澜港码头高点", "HEARTBEAT", null, 3600, Instant.now(), "test")));
        JsonNode qinglan = Api.await(Duration.ofSeconds(30), () -> {
            for (JsonNode p : api.get("/v1/monitoring/kpi", maritime).json().get("ports")) {
                if (p.get("portCode").asText().equals("QINGLAN_PORT")
                        && p.get("dimensions").path("facilities").isNumber()) {
                    return p;
                }
            }
            return null;
        });
        long total = jdbc.queryForObject("SELECT count(*) FROM facility WHERE port_code = 'QINGLAN_PORT'", Long.class);
        long online = jdbc.queryForObject("SELECT count(*) FROM facility WHERE port_code = 'QINGLAN_PORT'"
                + " AND status = 'ONLINE'", Long.class);
        assertThat(qinglan.get("dimensions").get("facilities").asDouble())
                .isCloseTo(Math.round(1000.0 * online / total) / 10.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(qinglan.get("rank").asInt()).isPositive();

        JsonNode kpi = api.get("/v1/monitoring/kpi", customs).json();
        assertThat(kpi.get("ports")).hasSize(11);
        assertThat(kpi.get("dimensions")).hasSize(6);
        for (JsonNode p : kpi.get("ports")) {
            for (JsonNode v : p.get("dimensions")) {
                assertThat(v.isNull() || (v.asDouble() >= 0 && v.asDouble() <= 100)).as(p.toString()).isTrue();
            }
        }
        String enterprise = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
        assertThat(api.get("/v1/monitoring/kpi", enterprise).status()).isEqualTo(403);
    }

    /**
     * 经济效益: a foreign-trade declaration recorded at Qinglan today counts in the port's economic benefit — its trade
     * value, volume, enterprise and duty, each against the leading port of today — and in the economic-benefit
     * indicators (trade value, duty, duty per trade value); a port-limited officer sees only its own port's score.
     */
    @Test
    void theEconomicBenefitDimensionIsScoredFromTodaysCargoDeclarations() {
        String enterprise = "91469000EC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Reply recorded = api.post("/v1/monitoring/kpi/facts", operator, Map.of("portCode", "QINGLAN_PORT",
                "subject", "CARGO_DECLARATION", "dims", Map.of("trade", "FOREIGN", "direction", "IMPORT",
                        "enterprise", enterprise, "goodsType", "GENERAL"),
                "measures", Map.of("declarations", 1, "valueCny", 800_000_000_000L, "tonnes", 900_000_000_000L,
                        "tariffCny", 40_000_000_000L),
                "occurredAt", Instant.now().minusSeconds(60).toString()));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        try {
            ZoneId shanghai = ZoneId.of("Asia/Shanghai");
            java.sql.Timestamp today = java.sql.Timestamp.from(LocalDate.now(shanghai).atStartOfDay(shanghai)
                    .toInstant());
            JsonNode qinglan = Api.await(Duration.ofSeconds(30), () -> {
                double expected = expectedEconomy("QINGLAN_PORT", today);
                for (JsonNode p : api.get("/v1/monitoring/kpi", maritime).json().get("ports")) {
                    if (p.get("portCode").asText().equals("QINGLAN_PORT") && p.get("dimensions").path("economy")
                            .isNumber() && Math.abs(p.get("dimensions").get("economy").asDouble() - expected) < 0.06) {
                        return p;
                    }
                }
                return null;
            });
            assertThat(qinglan.get("dimensions").get("economy").asDouble()).isBetween(0.0, 100.0);
            // trade value and duty of Qinglan lead every port today (no other port declares such sums)
            assertThat(qinglan.get("dimensions").get("economy").asDouble()).isGreaterThanOrEqualTo(75.0);

            String range = "portCode=QINGLAN_PORT&period=TODAY";
            JsonNode value = api.get("/v1/monitoring/kpi/indicators/EC_TRADE_VALUE/values?" + range, customs).json();
            assertThat(value.get("total").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal(
                    "800000000000"));
            JsonNode rate = api.get("/v1/monitoring/kpi/indicators/EC_TARIFF_RATE/values?" + range, customs).json();
            assertThat(rate.get("total").decimalValue()).isPositive().isLessThanOrEqualTo(new java.math.BigDecimal(
                    "100"));
            JsonNode module = api.get("/v1/monitoring/kpi/indicators?module=ECONOMY", customs).json();
            assertThat(module.findValuesAsText("key")).containsExactly("EC_TRADE_VALUE", "EC_TRADE_VOLUME",
                    "EC_FOREIGN_TRADE_ENTERPRISES", "EC_TARIFF", "EC_TARIFF_RATE");

            // a Xinhai-limited officer: Xinhai's score only, Qinglan's economic indicators refused
            String username = "xheco" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999);
            String officer = tokens.user(username, "customs-officer").organization("/海口海关").mint();
            String userId = cn.hnsw.portsituation.basedata.PortAdminITAccess.registerXinhai(api, operator, username);
            try {
                JsonNode own = api.get("/v1/monitoring/kpi", officer).json();
                assertThat(own.get("ports").findValuesAsText("portCode")).containsExactly("XINHAI_PORT");
                Api.Reply other = api.get("/v1/monitoring/kpi/indicators/EC_TRADE_VALUE/values?" + range, officer);
                assertThat(other.status()).isEqualTo(403);
                assertThat(other.json().get("code").asText()).isEqualTo("PORT_SCOPE");
            } finally {
                api.delete("/v1/base-data/port-users/" + userId, operator);
            }
            String traveller = tokens.user("youke", "traveler").mint();
            assertThat(api.get("/v1/monitoring/kpi/indicators/EC_TRADE_VALUE/values", traveller).status())
                    .isEqualTo(403);
        } finally {
            jdbc.update("DELETE FROM port_fact WHERE dims ->> 'enterprise' = ?", enterprise);
        }
    }

    /** The economic benefit of a port as the tender measures it, from the facts table (the mean of four shares). */
    double expectedEconomy(String port, java.sql.Timestamp today) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT p.code,
                       coalesce(sum((f.measures ->> 'valueCny')::numeric), 0)::float8 AS v,
                       coalesce(sum((f.measures ->> 'tonnes')::numeric), 0)::float8 AS t,
                       (count(DISTINCT f.dims ->> 'enterprise') FILTER (WHERE f.dims ->> 'trade' = 'FOREIGN'))::float8 AS e,
                       coalesce(sum((f.measures ->> 'tariffCny')::numeric), 0)::float8 AS d
                FROM port p LEFT JOIN port_fact f ON f.port_code = p.code AND f.subject = 'CARGO_DECLARATION'
                 AND f.occurred_at >= ?
                GROUP BY p.code
                """, today);
        double sum = 0;
        int n = 0;
        for (String m : List.of("v", "t", "e", "d")) {
            double max = 0;
            double mine = 0;
            for (Map<String, Object> r : rows) {
                double v = (Double) r.get(m);
                max = Math.max(max, v);
                if (r.get("code").equals(port)) {
                    mine = v;
                }
            }
            if (max > 0) {
                sum += 100.0 * mine / max;
                n++;
            }
        }
        return n == 0 ? -1 : Math.round(sum / n * 10) / 10.0;
    }
}
