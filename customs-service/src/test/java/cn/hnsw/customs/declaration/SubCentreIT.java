package cn.hnsw.customs.declaration;

import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.InMemoryReplayGuard;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.Pkcs12CipherDevice;
import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.CustomsTestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 海口数据分中心: cleansing on reception, the comprehensive query over three years, statistics, the enterprise interface. */
class SubCentreIT extends CustomsIntegrationTestBase {

    /** The Standard Edition side of the platform, sealing with the platform key as the distribution does. */
    static final MessageSealer PLATFORM = new MessageSealer(
            Pkcs12CipherDevice.load(CustomsTestKeys.dir().resolve("platform.p12"), CustomsTestKeys.PASSWORD.toCharArray()),
            InMemoryKeyDirectory.fromTrustStore(CustomsTestKeys.dir().resolve("trust.p12"), CustomsTestKeys.PASSWORD.toCharArray()),
            new InMemoryReplayGuard(Clock.systemUTC(), 1000), Clock.systemUTC());

    private JsonNode distribute(String preEntryNo, String enterprise, Instant submittedAt, String gross, String net, String hs) {
        String message = """
                {"messageType":"DIRECT_RELEASE_DISTRIBUTION","conversationId":"5b0c7a52-8d2e-4b8f-9c0e-1d2e3f405162","supplementary":false,
                 "declaration":{"id":"5b0c7a52-8d2e-4b8f-9c0e-1d2e3f405163","preEntryNo":"%s","declarationType":"DIRECT_RELEASE",
                  "importExport":"IMPORT","status":"RELEASED","enterpriseUscc":"%s","enterpriseName":"海南洋浦新材料科技有限公司",
                  "customsNo":"640020221000000001","distributionStatus":"PENDING","distributionCount":0,"version":3,
                  "submittedAt":"%s",
                  "header":{"declareCustoms":"6400","tradingCountry":"sgp","grossWeight":%s,"netWeight":%s,"levyNatureConfirmed":false},
                  "items":[{"seq":1,"hsCode":"%s","name":"聚酯切片","totalPrice":6250.00}]},
                 "receipts":[]}""".formatted(preEntryNo, enterprise, submittedAt, gross, net, hs);
        byte[] sealed = PLATFORM.seal(message.getBytes(StandardCharsets.UTF_8), CustomsTestKeys.PLATFORM, CustomsTestKeys.PLATFORM).toJson();
        HttpResponse<String> response = postBytes("/v1/subcentre/distributions", sealed);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(new String(PLATFORM.open(response.body().getBytes(StandardCharsets.UTF_8)).payload(), StandardCharsets.UTF_8));
    }

    private JsonNode distributeGeneral(String type, String preEntryNo, String receipts) {
        return distributeGeneral(type, preEntryNo, receipts, " sgp");
    }

    private JsonNode distributeGeneral(String type, String preEntryNo, String receipts, String country) {
        String message = """
                {"messageType":"DIRECT_RELEASE_DISTRIBUTION","conversationId":"5b0c7a52-8d2e-4b8f-9c0e-1d2e3f405164","supplementary":false,
                 "declaration":{"id":"5b0c7a52-8d2e-4b8f-9c0e-1d2e3f405165","preEntryNo":"%s","declarationType":"%s",
                  "importExport":"IMPORT","status":"RELEASED","enterpriseUscc":"%s","enterpriseName":"海南一般贸易企业",
                  "customsNo":"640020261000700001","distributionStatus":"PENDING","distributionCount":0,"version":3,
                  "submittedAt":"%s",
                  "header":{"declareCustoms":"6400","tradingCountry":"%s","grossWeight":null,"netWeight":5200,"levyNatureConfirmed":false},
                  "items":[{"seq":1,"hsCode":"3907610000","name":"聚酯切片","totalPrice":6250.00},
                           {"seq":2,"hsCode":"3907610000","name":"聚酯切片","totalPrice":6250.00}]},
                 "receipts":%s}""".formatted(preEntryNo, type, ENTERPRISE_B, Instant.now(), country, receipts);
        byte[] sealed = PLATFORM.seal(message.getBytes(StandardCharsets.UTF_8), CustomsTestKeys.PLATFORM, CustomsTestKeys.PLATFORM).toJson();
        HttpResponse<String> response = postBytes("/v1/subcentre/distributions", sealed);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(new String(PLATFORM.open(response.body().getBytes(StandardCharsets.UTF_8)).payload(), StandardCharsets.UTF_8));
    }

    /**
     * The sub-centre sides of the first- and second-line general declarations (FP 898–931, 1183–1216): reception,
     * cleansing (missing data, normalised codes, duplicated items), the technical and business receipts parsed and
     * kept once each (an incomplete one is named and left out), a repeated distribution counted, the query by type.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"FIRST_LINE_GENERAL", "SECOND_LINE_GENERAL"})
    void aGeneralDeclarationIsReceivedCleansedAndKeptWithItsReceipts(String type) {
        String preEntryNo = type.startsWith("FIRST") ? "640020261030900001" : "640020261040900001";
        String receipts = """
                [{"id":"7c1d2e3f-0000-4000-8000-00000000000%1$s","kind":"TECHNICAL","status":"SW_ACCEPTED","senderKeyId":"single-window-standard","receivedAt":"2026-11-27T01:00:00Z"},
                 {"id":"7c1d2e3f-0000-4000-8000-00000000001%1$s","kind":"BUSINESS","status":"RELEASED","customsNo":"640020261000700001","senderKeyId":"customs-h2018","receivedAt":"2026-11-27T02:00:00Z"},
                 {"id":"7c1d2e3f-0000-4000-8000-00000000002%1$s","kind":"BUSINESS","receivedAt":"2026-11-27T03:00:00Z"},
                 {"id":"7c1d2e3f-0000-4000-8000-00000000003%1$s","kind":"RECEPTION","status":"STORED","receivedAt":"2026-11-27T04:00:00Z"}]"""
                .formatted(type.startsWith("FIRST") ? "1" : "2");
        JsonNode receipt = distributeGeneral(type, preEntryNo, receipts);
        assertThat(receipt.path("status").asText()).isEqualTo("STORED");
        assertThat(receipt.path("cleansingIssues").toString()).contains("第3条回执不完整，未入库");
        JsonNode stored = json(get("/v1/subcentre/declarations?declarationType=" + type + "&preEntryNo=" + preEntryNo,
                officerToken()).body());
        assertThat(stored.path("totalElements").asInt()).isEqualTo(1);
        assertThat(stored.path("content").get(0).path("tradingCountry").asText()).isEqualTo("SGP");
        assertThat(stored.path("content").get(0).path("cleansingIssues").asText()).contains("毛重或净重缺失")
                .contains("第2项与第1项重复");
        JsonNode kept = json(get("/v1/subcentre/declarations/" + preEntryNo + "/receipts", officerToken()).body());
        assertThat(kept.findValuesAsText("kind")).containsExactly("TECHNICAL", "BUSINESS");
        assertThat(kept.findValuesAsText("senderKeyId")).containsExactly("single-window-standard", "customs-h2018");

        // 日志处理: each reception is in the operation log (a partner's call, no platform user).
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action = "
                + "'POST /api/customs/v1/subcentre/distributions' AND result = 'SUCCESS'", Long.class)).isPositive();

        // 报关单校验: the nine families run on the declaration as held; its missing header fields are named.
        HttpResponse<String> validated = post("/v1/subcentre/declarations/" + preEntryNo + "/validation", officerToken(), "");
        assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
        JsonNode report = json(validated.body());
        assertThat(report.path("passed").asBoolean()).isFalse();
        assertThat(report.path("rulesRun").asInt()).isGreaterThanOrEqualTo(9);
        assertThat(report.path("findings").findValuesAsText("ruleCode")).contains("BASIC-HEADER-REQUIRED");
        assertThat(report.path("findings").findValuesAsText("messageZh")).contains("表头必填项“supervisionMode”未填写");
        assertThat(post("/v1/subcentre/declarations/" + preEntryNo + "/validation", enterpriseToken(ENTERPRISE_B), "")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = post("/v1/subcentre/declarations/640020269999999998/validation", officerToken(), "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).path("code").asText()).isEqualTo("SUBCENTRE_RECORD_NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action = "
                + "'POST /api/customs/v1/subcentre/declarations/{preEntryNo}/validation' AND business_id = ?",
                Long.class, preEntryNo)).isPositive();

        // 查询日志处理: the officer's query is in the operation log with its conditions.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action = "
                + "'GET /api/customs/v1/subcentre/declarations' AND actor_name = 'officer.zhang' AND detail LIKE ?",
                Long.class, "%preEntryNo=" + preEntryNo + "%")).isPositive();

        // 重复数据检查: the same distribution again is a second reception; its receipts are not kept twice.
        assertThat(distributeGeneral(type, preEntryNo, receipts).path("receptions").asInt()).isEqualTo(2);
        assertThat(json(get("/v1/subcentre/declarations/" + preEntryNo + "/receipts", officerToken()).body())).hasSize(2);
        assertThat(json(get("/v1/subcentre/enterprise/declarations/" + preEntryNo + "/receipts", enterpriseToken(ENTERPRISE_B))
                .body())).hasSize(2);
        assertThat(get("/v1/subcentre/enterprise/declarations/" + preEntryNo + "/receipts", enterpriseToken(ENTERPRISE_A))
                .statusCode()).isEqualTo(404);
        // 对企服务接口 日志处理: the enterprise's call and another's refused one are both in the operation log.
        assertThat(jdbc.queryForList("SELECT result FROM audit_operation_log WHERE action = "
                + "'GET /api/customs/v1/subcentre/enterprise/declarations/{preEntryNo}/receipts' AND business_id = ?",
                String.class, preEntryNo)).contains("SUCCESS", "FAILURE");
        assertThat(get("/v1/subcentre/declarations/" + preEntryNo + "/receipts", enterpriseToken(ENTERPRISE_B)).statusCode())
                .isEqualTo(403);
    }

    private static final List<Map<String, Object>> TRANSACTION_MODES = List.of(
            Map.of("code", "1", "nameZh", "CIF"), Map.of("code", "2", "nameZh", "C&F"), Map.of("code", "3", "nameZh", "FOB"),
            Map.of("code", "4", "nameZh", "C&I"), Map.of("code", "5", "nameZh", "市场价"), Map.of("code", "6", "nameZh", "垫仓"),
            Map.of("code", "7", "nameZh", "EXW"));

    private JsonNode state(String table) {
        for (JsonNode s : json(get("/v1/subcentre/parameter-sync", officerToken()).body())) {
            if (table.equals(s.path("table").asText())) {
                return s;
            }
        }
        throw new AssertionError(table);
    }

    /**
     * 参数同步管理 (FP 946–951, 1231–1236, 682–687): the sub-centre copies the platform's code tables by hand or, with
     * the rule on, as soon as a version is published; it knows which tables are out of step; every run is logged; its
     * cleansing checks trading countries against its own copy.
     */
    @Test
    void theSubCentreKeepsItsCodeTablesInStepWithThePlatformByHandAndByRule() {
        assertThat(get("/v1/subcentre/parameter-sync", enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(403);
        Map<String, Object> both = Map.of("tables", List.of("COUNTRY_REGION", "TRANSACTION_MODE"));
        assertThat(post("/v1/subcentre/parameter-sync/runs", officerToken(), both).statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = post("/v1/subcentre/parameter-sync/runs", operatorToken(), Map.of("tables", List.of("NO_SUCH_TABLE")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown.body()).path("code").asText()).isEqualTo("PARAMETER_SYNC_TABLE_UNKNOWN");
        assertThat(json(unknown.body()).path("messageZh").asText()).isEqualTo("通关参数表“NO_SUCH_TABLE”不存在");

        JsonNode run = json(post("/v1/subcentre/parameter-sync/runs", operatorToken(), both).body());
        assertThat(run.findValuesAsText("result")).containsExactly("SUCCESS", "SUCCESS");
        assertThat(run.get(0).path("entries").asInt()).isGreaterThan(20);
        JsonNode countries = state("COUNTRY_REGION");
        assertThat(countries.path("state").asText()).isEqualTo("CONSISTENT");
        assertThat(countries.path("syncedVersion").asInt()).isEqualTo(countries.path("platformVersion").asInt());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subcentre_parameter_entry WHERE table_code = 'COUNTRY_REGION'",
                Integer.class)).isEqualTo(countries.path("entries").asInt());

        // 编码转换与映射: a trading country outside the synchronised table is named by the cleansing.
        JsonNode receipt = distributeGeneral("FIRST_LINE_GENERAL", "640020261030900009", "[]", "xyz");
        assertThat(receipt.path("cleansingIssues").toString()).contains("贸易国代码“XYZ”不在分中心通关参数表中");
        assertThat(distributeGeneral("FIRST_LINE_GENERAL", "640020261030900008", "[]", "sgp").path("cleansingIssues").toString())
                .doesNotContain("不在分中心通关参数表中");

        try {
            // 数据一致性管理: a newly published version leaves the sub-centre's copy out of step.
            assertThat(post("/v1/parameters/TRANSACTION_MODE/versions", operatorToken(), Map.of("note", "参数同步",
                    "entries", TRANSACTION_MODES.subList(0, 3))).statusCode()).isEqualTo(201);
            assertThat(state("TRANSACTION_MODE").path("state").asText()).isEqualTo("INCONSISTENT");

            // 自动更新规则设置: on for this table; refusals change nothing.
            JsonNode rule = json(get("/v1/subcentre/parameter-sync/rule", officerToken()).body());
            int version = rule.path("version").asInt();
            Map<String, Object> on = Map.of("autoUpdate", true, "tables", "TRANSACTION_MODE", "version", version);
            assertThat(put("/v1/subcentre/parameter-sync/rule", officerToken(), on).statusCode()).isEqualTo(403);
            assertThat(put("/v1/subcentre/parameter-sync/rule", operatorToken(),
                    Map.of("autoUpdate", true, "tables", "TRANSACTION_MODE,NOPE", "version", version)).statusCode()).isEqualTo(400);
            assertThat(put("/v1/subcentre/parameter-sync/rule", operatorToken(),
                    Map.of("autoUpdate", true, "tables", "TRANSACTION_MODE", "version", version + 5)).statusCode()).isEqualTo(409);
            HttpResponse<String> changed = put("/v1/subcentre/parameter-sync/rule", operatorToken(), on);
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(json(changed.body()).path("autoUpdate").asBoolean()).isTrue();
            assertThat(json(changed.body()).path("updatedBy").asText()).isEqualTo("ops.wang");

            // 自动更新: the next publication is copied at once.
            assertThat(post("/v1/parameters/TRANSACTION_MODE/versions", operatorToken(), Map.of("note", "参数同步",
                    "entries", TRANSACTION_MODES)).statusCode()).isEqualTo(201);
            await("the automatic update", () -> "CONSISTENT".equals(state("TRANSACTION_MODE").path("state").asText()));
            assertThat(state("TRANSACTION_MODE").path("entries").asInt()).isEqualTo(7);

            // 日志处理: by hand and automatic runs, newest first.
            JsonNode log = json(get("/v1/subcentre/parameter-sync/log?table=TRANSACTION_MODE", officerToken()).body());
            assertThat(log.path("content").get(0).path("syncedBy").asText()).isEqualTo("auto-update");
            assertThat(log.path("content").get(0).path("result").asText()).isEqualTo("SUCCESS");
            assertThat(log.path("content").findValuesAsText("syncedBy")).contains("ops.wang");
        } finally {
            int current = json(get("/v1/subcentre/parameter-sync/rule", officerToken()).body()).path("version").asInt();
            assertThat(put("/v1/subcentre/parameter-sync/rule", operatorToken(),
                    Map.of("autoUpdate", false, "tables", "*", "version", current)).statusCode()).isEqualTo(200);
            if (json(get("/v1/parameters/TRANSACTION_MODE/entries", officerToken()).body()).path("totalElements").asInt() != 7) {
                post("/v1/parameters/TRANSACTION_MODE/versions", operatorToken(), Map.of("entries", TRANSACTION_MODES));
            }
        }
    }

    @Test
    void receptionCleansesAndAnswersWithASealedReceipt() {
        JsonNode receipt = distribute("640020261000900001", ENTERPRISE_A, Instant.now(), "100", "120", "39076100");
        assertThat(receipt.path("receiptKind").asText()).isEqualTo("RECEPTION");
        assertThat(receipt.path("status").asText()).isEqualTo("STORED");
        assertThat(receipt.path("cleansingIssues").toString()).contains("毛重不大于净重").contains("第1项商品编码格式错误")
                .contains("贸易国代码已规范为大写");
        JsonNode stored = json(get("/v1/subcentre/declarations?preEntryNo=640020261000900001", officerToken()).body());
        assertThat(stored.path("content").get(0).path("tradingCountry").asText()).isEqualTo("SGP");
        assertThat(stored.path("content").get(0).path("cleansingIssues").asText()).contains("毛重不大于净重");
    }

    @Test
    void theComprehensiveQueryReachesDataOlderThanThreeYearsOnlyWhenAsked() {
        Instant fourYearsAgo = Instant.now().minus(4 * 366, ChronoUnit.DAYS);
        distribute("640020221000900002", ENTERPRISE_B, fourYearsAgo, "5400", "5200", "3907610000");
        assertThat(json(get("/v1/subcentre/declarations?preEntryNo=640020221000900002", officerToken()).body())
                .path("totalElements").asInt()).isZero();
        assertThat(json(get("/v1/subcentre/declarations?preEntryNo=640020221000900002&historical=true", officerToken()).body())
                .path("totalElements").asInt()).isEqualTo(1);

        JsonNode stats = json(get("/v1/subcentre/statistics?days=3650", officerToken()).body());
        assertThat(stats.path("popularCountries").findValuesAsText("trading_country")).contains("SGP");
        assertThat(stats.path("byChapter").findValuesAsText("chapter")).contains("39");
        assertThat(stats.path("volumeByType").findValuesAsText("declaration_type")).contains("DIRECT_RELEASE");

        // 对企服务接口: an enterprise sees its own declarations at the sub-centre, never another's; officers only query.
        JsonNode own = json(get("/v1/subcentre/enterprise/declarations?historical=true", enterpriseToken(ENTERPRISE_B)).body());
        assertThat(own.path("content").findValuesAsText("preEntryNo")).contains("640020221000900002");
        JsonNode other = json(get("/v1/subcentre/enterprise/declarations?historical=true", enterpriseToken(ENTERPRISE_A)).body());
        assertThat(other.path("content").findValuesAsText("preEntryNo")).doesNotContain("640020221000900002");
        assertThat(get("/v1/subcentre/declarations", enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(403);
    }
}
