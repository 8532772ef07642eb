package cn.hnsw.portsituation.cargo;

import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.portsituation.gate.ContainerNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 堆场立体化展示 over the real Kafka and PostgreSQL: container positions with their yard slots and documents with their
 * goods become the yard by block, bay, row and tier, one tier of it, the foreign-trade import and export containers and
 * a container's details with its goods; a container that left the yard and a report with a broken slot are not in it.
 * An officer limited to Xinhai sees Xinhai's yard only and is refused Yangpu's (403); bad queries are 400 problems,
 * enterprises are refused.
 */
class ContainerYardIT extends PortSituationIT {

    @Autowired
    OutboxPublisher outbox;
    @Autowired
    TransactionTemplate tx;

    static String containerNo(String owner) {
        String base = owner + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        for (int d = 0; d <= 9; d++) {
            if (ContainerNumbers.valid(base + d)) {
                return base + d;
            }
        }
        throw new IllegalStateException("no check digit for " + base);
    }

    void position(String container, String port, String stage, String trade, String direction, String block,
                  Integer bay, Integer row, Integer tier, Instant at) {
        position(container, container, port, stage, trade, direction, block, bay, row, tier, at);
    }

    /** A position published under another container's key: it comes to the service before that container's next. */
    void position(String key, String container, String port, String stage, String trade, String direction,
                  String block, Integer bay, Integer row, Integer tier, Instant at) {
        tx.executeWithoutResult(s -> outbox.publish(ContainerPositionReported.TOPIC, "Container", key,
                ContainerPositionReported.TOPIC, new ContainerPositionReported(container, port, 19.73, 109.18,
                        "堆场 / yard", stage, trade, true, at, "terminal", block, bay, row, tier, direction)));
    }

    void document(String documentNo, String kind, String port, String container, String goodsZh, String hs,
                  Integer packages, BigDecimal grossKg, Instant at) {
        tx.executeWithoutResult(s -> outbox.publish(DocumentFlowRecorded.TOPIC, "Document", documentNo,
                DocumentFlowRecorded.TOPIC, new DocumentFlowRecorded(documentNo, kind, port, container, at, "customs",
                        goodsZh, goodsZh == null ? null : "goods " + hs, hs, packages, grossKg)));
    }

    @Test
    void theYardShowsContainersByBlockBayRowAndTierWithTradeDirectionAndGoods() {
        String block = "T" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        Instant t0 = Instant.now().minusSeconds(600);
        String imported = containerNo("YPCU");
        String exported = containerNo("COSU");
        String domestic = containerNo("HNSU");
        String left = containerNo("TCLU");
        String broken = containerNo("OOLU");
        position(imported, "YANGPU_PORT", "IN_YARD", "FOREIGN", "IMPORT", block, 3, 2, 1, t0);
        position(exported, "YANGPU_PORT", "IN_YARD", "FOREIGN", "EXPORT", block, 3, 2, 2, t0);
        // the broken report goes first under the domestic box's key, so it has been handled once that box is seen
        position(domestic, broken, "YANGPU_PORT", "IN_YARD", "FOREIGN", "EXPORT", block, 0, 1, 1, t0);
        position(domestic, "YANGPU_PORT", "IN_YARD", "DOMESTIC", "EXPORT", block, 5, 1, 1, t0);
        position(left, "YANGPU_PORT", "IN_YARD", "FOREIGN", "EXPORT", block, 7, 1, 1, t0);
        position(left, "YANGPU_PORT", "ON_QUAY", "FOREIGN", "EXPORT", null, null, null, null, t0.plusSeconds(60));
        document("MF" + imported, "MANIFEST", "YANGPU_PORT", imported, "冷冻带鱼", "0303890090", 1200,
                new BigDecimal("24500.50"), t0);
        document("DC" + imported, "DECLARATION", "YANGPU_PORT", imported, "冷冻带鱼", "0303890090", 1200,
                new BigDecimal("24500.50"), t0.plusSeconds(30));
        document("RL" + imported, "RELEASE", "YANGPU_PORT", imported, null, null, null, null, t0.plusSeconds(90));

        String path = "/v1/container-yard?portCode=YANGPU_PORT&block=" + block;
        JsonNode yard = Api.await(Duration.ofSeconds(30), () -> {
            JsonNode y = api.get(path, customs).json();
            List<String> nos = y.get("containers").findValuesAsText("containerNo");
            return nos.contains(imported) && nos.contains(exported) && nos.contains(domestic) ? y : null;
        });
        Api.await(Duration.ofSeconds(30), () -> "ON_QUAY".equals(api.get("/v1/container-yard/containers/" + left,
                customs).json().path("stage").asText()) ? true : null);
        yard = api.get(path, customs).json();
        // the box that moved on to the quay and the report with a broken slot are not in the yard
        assertThat(yard.get("containers").findValuesAsText("containerNo")).containsExactlyInAnyOrder(imported, exported,
                domestic);
        assertThat(yard.get("total").asInt()).isEqualTo(3);
        assertThat(yard.get("foreignImport").asInt()).isEqualTo(1);
        assertThat(yard.get("foreignExport").asInt()).isEqualTo(1);
        JsonNode b = yard.get("blocks").get(0);
        assertThat(b.get("block").asText()).isEqualTo(block);
        assertThat(b.get("containers").asInt()).isEqualTo(3);
        assertThat(b.get("bays").asInt()).isEqualTo(5);
        assertThat(b.get("tiers").asInt()).isEqualTo(2);
        assertThat(yard.get("tiers").findValuesAsText("tier")).containsExactly("1", "2");

        // one tier: the box on top of the imported one
        JsonNode tier2 = api.get(path + "&tier=2", maritime).json();
        assertThat(tier2.get("containers").findValuesAsText("containerNo")).containsExactly(exported);
        JsonNode top = tier2.get("containers").get(0);
        assertThat(top.get("bay").asInt()).isEqualTo(3);
        assertThat(top.get("row").asInt()).isEqualTo(2);
        assertThat(top.get("tier").asInt()).isEqualTo(2);
        // foreign trade in and out
        assertThat(api.get(path + "&trade=FOREIGN&direction=IMPORT", customs).json().get("containers")
                .findValuesAsText("containerNo")).containsExactly(imported);
        assertThat(api.get(path + "&trade=foreign&direction=export", customs).json().get("containers")
                .findValuesAsText("containerNo")).containsExactly(exported);

        // details and goods from the documents
        JsonNode details = api.get("/v1/container-yard/containers/" + imported, customs).json();
        assertThat(details.get("block").asText()).isEqualTo(block);
        assertThat(details.get("tier").asInt()).isEqualTo(1);
        assertThat(details.get("direction").asText()).isEqualTo("IMPORT");
        assertThat(details.get("trade").asText()).isEqualTo("FOREIGN");
        JsonNode withDocuments = Api.await(Duration.ofSeconds(30), () -> {
            JsonNode d = api.get("/v1/container-yard/containers/" + imported, customs).json();
            return d.get("documents").size() == 3 ? d : null;
        });
        assertThat(withDocuments.get("documents").findValuesAsText("kind")).containsExactly("MANIFEST",
                "DECLARATION", "RELEASE");
        details = withDocuments;
        JsonNode goods = details.get("goods");
        assertThat(goods).hasSize(2);
        assertThat(goods.get(0).get("goodsNameZh").asText()).isEqualTo("冷冻带鱼");
        assertThat(goods.get(0).get("hsCode").asText()).isEqualTo("0303890090");
        assertThat(goods.get(0).get("packages").asInt()).isEqualTo(1200);
        assertThat(goods.get(0).get("grossKg").decimalValue()).isEqualByComparingTo("24500.50");
        // the broken report was dropped altogether
        assertThat(api.get("/v1/container-yard/containers/" + broken, customs).status()).isEqualTo(404);
    }

    @Test
    void anOfficerOfXinhaiSeesXinhaisYardOnlyAndBadQueriesAndEnterprisesAreRefused() {
        String block = "X" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String xinhai = containerNo("HNSU");
        String yangpu = containerNo("YPCU");
        Instant t0 = Instant.now().minusSeconds(300);
        position(xinhai, "XINHAI_PORT", "IN_YARD", "DOMESTIC", "IMPORT", block, 1, 1, 1, t0);
        position(yangpu, "YANGPU_PORT", "IN_YARD", "FOREIGN", "IMPORT", block, 1, 1, 1, t0);
        Api.await(Duration.ofSeconds(30), () -> api.get("/v1/container-yard?block=" + block, customs).json()
                .get("total").asInt() == 2 ? true : null);

        String username = "yardscope" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officer = tokens.user(username, "customs-officer").organization("/海口海关").mint();
        Map<String, Object> user = new HashMap<>(Map.of("code", username, "nameZh", "新海港值班员", "orgCode",
                "XINHAI_DUTY", "roles", List.of("DUTY_OFFICER")));
        Api.Reply u = api.post("/v1/base-data/port-users", operator, user);
        assertThat(u.status()).as(u.body()).isEqualTo(201);
        try {
            JsonNode own = api.get("/v1/container-yard?block=" + block, officer).json();
            assertThat(own.get("portCode").asText()).isEqualTo("XINHAI_PORT");
            assertThat(own.get("containers").findValuesAsText("containerNo")).containsExactly(xinhai);
            Api.Reply refused = api.get("/v1/container-yard?portCode=YANGPU_PORT", officer);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("PORT_SCOPE");
            assertThat(api.get("/v1/container-yard/containers/" + yangpu, officer).status()).isEqualTo(403);
            assertThat(api.get("/v1/container-yard/containers/" + xinhai, officer).status()).isEqualTo(200);
        } finally {
            api.delete("/v1/base-data/port-users/" + u.json().get("id").asText(), operator);
        }

        Api.Reply badTier = api.get("/v1/container-yard?tier=12", customs);
        assertThat(badTier.status()).isEqualTo(400);
        assertThat(badTier.json().get("messageZh").asText()).contains("堆场查询无效");
        assertThat(api.get("/v1/container-yard?direction=SIDEWAYS", customs).status()).isEqualTo(400);
        assertThat(api.get("/v1/container-yard?block=" + "%27%3B", customs).status()).isEqualTo(400);
        assertThat(api.get("/v1/container-yard/containers/" + containerNo("CSNU"), customs).status()).isEqualTo(404);
        String enterprise = tokens.user("qiye02", "enterprise-admin").enterprise("91460000MA5T000002").mint();
        assertThat(api.get("/v1/container-yard?portCode=YANGPU_PORT", enterprise).status()).isEqualTo(403);
        assertThat(api.get("/v1/container-yard/containers/" + yangpu, enterprise).status()).isEqualTo(403);
    }
}
