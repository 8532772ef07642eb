package cn.hnsw.ledger.numbering;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 自主编号规则 as data: an enterprise sets its rule per item kind and draws numbers from it in sequence; a bad rule,
 * a kind without a rule and a used-up sequence are refused; another enterprise has its own rules.
 */
class NumberingRuleIT extends LedgerIntegrationTestBase {

    private static final String ENTERPRISE = "91460300MA5TNUMB1X";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEnterprisesOwnRuleNumbersItsItemsInSequenceAndRefusesWhatItCannot() {
        String token = declarant(ENTERPRISE);
        String month = DateTimeFormatter.ofPattern("yyyyMM").format(ZonedDateTime.now(ZoneId.of("Asia/Shanghai")));
        JsonNode rule = ok(api.put(token, "/numbering-rules/MATERIAL", Map.of("prefix", "YP-M", "datePattern", "yyyyMM",
                "seqWidth", 3)));
        assertThat(rule.path("example").asText()).isEqualTo("YP-M" + month + "001");
        assertThat(ok(api.post(token, "/numbering-rules/MATERIAL/next", Map.of())).path("itemNo").asText())
                .isEqualTo("YP-M" + month + "001");
        assertThat(ok(api.post(token, "/numbering-rules/MATERIAL/next", Map.of())).path("itemNo").asText())
                .isEqualTo("YP-M" + month + "002");
        // changing the rule keeps the sequence: numbers are never handed out twice
        ok(api.put(token, "/numbering-rules/MATERIAL", Map.of("prefix", "YPM", "datePattern", "", "seqWidth", 5)));
        assertThat(ok(api.post(token, "/numbering-rules/MATERIAL/next", Map.of())).path("itemNo").asText()).isEqualTo("YPM00003");
        assertThat(ok(api.get(token, "/numbering-rules"))).hasSize(1);

        LedgerApi.Response lower = api.put(token, "/numbering-rules/MATERIAL", Map.of("prefix", "yp", "datePattern", "", "seqWidth", 5));
        assertThat(lower.status()).isEqualTo(400);
        LedgerApi.Response wide = api.put(token, "/numbering-rules/MATERIAL", Map.of("prefix", "YP", "datePattern", "", "seqWidth", 12));
        assertThat(wide.status()).isEqualTo(400);
        assertThat(ok(api.get(token, "/numbering-rules")).get(0).path("prefix").asText()).as("unchanged").isEqualTo("YPM");
        LedgerApi.Response missing = api.post(token, "/numbering-rules/SCRAP/next", Map.of());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NUMBERING_RULE_MISSING");

        jdbc.sql("UPDATE item_numbering_rule SET next_value = 100000 WHERE enterprise = :e AND item_kind = 'MATERIAL'")
                .param("e", ENTERPRISE).update();
        LedgerApi.Response exhausted = api.post(token, "/numbering-rules/MATERIAL/next", Map.of());
        assertThat(exhausted.status()).isEqualTo(409);
        assertThat(exhausted.code()).isEqualTo("NUMBERING_EXHAUSTED");
        assertThat(exhausted.body().path("messageZh").asText()).contains("用尽");

        assertThat(ok(api.get(declarant(YANGPU_TRADING), "/numbering-rules")).findValuesAsText("prefix")).doesNotContain("YPM");
        assertThat(api.get(officer("customs-officer"), "/numbering-rules").status()).isEqualTo(403);
    }
}
