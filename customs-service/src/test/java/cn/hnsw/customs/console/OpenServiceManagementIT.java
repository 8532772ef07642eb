package cn.hnsw.customs.console;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 开放服务管理 (FP 688–705): operators keep the catalogue, its users and their grants; an enterprise meets them when it
 * enables or calls a service — off the catalogue, suspended, or without a valid grant where one is required, it is
 * refused with its own code; officers read, enterprises see none of it.
 */
class OpenServiceManagementIT extends CustomsIntegrationTestBase {

    private static final String ENTERPRISE_O = UnifiedSocialCreditCode.complete("91460108MA5T05QPW");
    private static final String CALL = "/v1/open/parameters/CURRENCY/entries";

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private JsonNode catalogueEntry(String service) {
        for (JsonNode e : json(get("/v1/open-services", officerToken()).body())) {
            if (service.equals(e.path("service").asText())) {
                return e;
            }
        }
        return null;
    }

    private Map<String, Object> entry(boolean grantRequired, Integer version) {
        Map<String, Object> m = new HashMap<>(Map.of("service", "PARAMETER_QUERY", "nameZh", "通关参数查询服务",
                "nameEn", "Clearance parameter query", "descriptionZh", "查询62张通关参数表的现行版本", "grantRequired", grantRequired));
        if (version != null) {
            m.put("version", version);
        }
        return m;
    }

    private String code(HttpResponse<String> r) {
        return json(r.body()).path("code").asText();
    }

    @Test
    void theCatalogueUsersAndGrantsDecideWhoEnablesAndCallsAService() {
        String ops = operatorToken();
        String o = enterpriseToken(ENTERPRISE_O);
        assertThat(get("/v1/open-services", o).statusCode()).isEqualTo(403);
        assertThat(get("/v1/open-services/users", o).statusCode()).isEqualTo(403);
        assertThat(catalogueEntry("PARAMETER_QUERY")).isNotNull();
        assertThat(json(get("/v1/open-services", officerToken()).body()).findValuesAsText("service"))
                .contains("PARAMETER_QUERY", "PRE_VALIDATION", "PRE_CLASSIFICATION", "DECLARATION_IMPORT", "SUBSCRIPTION");
        try {
            // 服务清单管理: refusals, then the service requires a grant.
            assertThat(post("/v1/open-services", officerToken(), entry(false, null)).statusCode()).isEqualTo(403);
            HttpResponse<String> exists = post("/v1/open-services", ops, entry(false, null));
            assertThat(exists.statusCode()).isEqualTo(409);
            assertThat(code(exists)).isEqualTo("OPEN_SERVICE_EXISTS");
            Map<String, Object> unknown = entry(false, null);
            unknown.put("service", "WEATHER");
            assertThat(code(post("/v1/open-services", ops, unknown))).isEqualTo("OPEN_SERVICE_UNKNOWN");
            int version = catalogueEntry("PARAMETER_QUERY").path("version").asInt();
            assertThat(put("/v1/open-services/PARAMETER_QUERY", ops, entry(true, version + 7)).statusCode()).isEqualTo(409);
            HttpResponse<String> changed = put("/v1/open-services/PARAMETER_QUERY", ops, entry(true, version));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(json(changed.body()).path("grantRequired").asBoolean()).isTrue();

            // Without a grant the enterprise neither enables nor calls it.
            HttpResponse<String> notGranted = put("/v1/service-console/services/PARAMETER_QUERY", o, Map.of("contact", "符工"));
            assertThat(notGranted.statusCode()).isEqualTo(403);
            assertThat(code(notGranted)).isEqualTo("SERVICE_NOT_GRANTED");
            assertThat(json(notGranted.body()).path("messageZh").asText()).isEqualTo("“通关参数查询服务”须经授权方可使用，本企业没有有效授权");

            // 服务用户管理
            Map<String, Object> user = new HashMap<>(Map.of("enterpriseUscc", ENTERPRISE_O, "name", "海南开放服务测试企业",
                    "contact", "符工 0898-66000000", "status", "ACTIVE"));
            Map<String, Object> badCode = new HashMap<>(user);
            badCode.put("enterpriseUscc", "91460108MA5T05QPWX");
            assertThat(code(post("/v1/open-services/users", ops, badCode))).isEqualTo("OPEN_SERVICE_INVALID");
            Map<String, Object> badStatus = new HashMap<>(user);
            badStatus.put("status", "MAYBE");
            assertThat(code(post("/v1/open-services/users", ops, badStatus))).isEqualTo("OPEN_SERVICE_INVALID");
            assertThat(post("/v1/open-services/users", ops, user).statusCode()).isEqualTo(201);
            assertThat(code(post("/v1/open-services/users", ops, user))).isEqualTo("SERVICE_USER_EXISTS");
            assertThat(json(get("/v1/open-services/users?q=开放服务测试", officerToken()).body()).findValuesAsText("enterpriseUscc"))
                    .containsExactly(ENTERPRISE_O);

            // 服务授权管理: a grant in the past is refused; a valid one lets it enable and call.
            Map<String, Object> grant = new HashMap<>(Map.of("enterpriseUscc", ENTERPRISE_O, "service", "PARAMETER_QUERY",
                    "validUntil", today().minusDays(1).toString()));
            assertThat(code(post("/v1/open-services/grants", ops, grant))).isEqualTo("OPEN_SERVICE_INVALID");
            grant.put("validUntil", today().plusMonths(6).toString());
            HttpResponse<String> granted = post("/v1/open-services/grants", ops, grant);
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
            assertThat(json(granted.body()).path("valid").asBoolean()).isTrue();
            assertThat(code(post("/v1/open-services/grants", ops, grant))).isEqualTo("SERVICE_GRANT_EXISTS");
            assertThat(put("/v1/service-console/services/PARAMETER_QUERY", o, Map.of("contact", "符工")).statusCode()).isEqualTo(200);
            assertThat(get(CALL, o).statusCode()).isEqualTo(200);

            // An expired grant, a suspended user: refused each with its code; put right, answered again.
            Map<String, Object> expired = Map.of("validUntil", today().minusDays(1).toString(), "version", 1);
            assertThat(put("/v1/open-services/grants/" + ENTERPRISE_O + "/PARAMETER_QUERY", ops, expired).statusCode()).isEqualTo(200);
            assertThat(code(get(CALL, o))).isEqualTo("SERVICE_NOT_GRANTED");
            assertThat(put("/v1/open-services/grants/" + ENTERPRISE_O + "/PARAMETER_QUERY", ops,
                    Map.of("validUntil", today().plusDays(30).toString(), "version", 2)).statusCode()).isEqualTo(200);
            assertThat(get(CALL, o).statusCode()).isEqualTo(200);
            Map<String, Object> suspended = new HashMap<>(user);
            suspended.put("status", "SUSPENDED");
            suspended.put("version", 1);
            assertThat(put("/v1/open-services/users/" + ENTERPRISE_O, ops, suspended).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = get(CALL, o);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(code(refused)).isEqualTo("SERVICE_USER_SUSPENDED");
            assertThat(put("/v1/open-services/users/" + ENTERPRISE_O, ops, suspended).statusCode()).isEqualTo(409);
            suspended.put("status", "ACTIVE");
            suspended.put("version", 2);
            assertThat(put("/v1/open-services/users/" + ENTERPRISE_O, ops, suspended).statusCode()).isEqualTo(200);
            assertThat(get(CALL, o).statusCode()).isEqualTo(200);

            // Revoked: refused; revoked again: 404.
            assertThat(delete("/v1/open-services/grants/" + ENTERPRISE_O + "/PARAMETER_QUERY", ops).statusCode()).isEqualTo(204);
            assertThat(code(get(CALL, o))).isEqualTo("SERVICE_NOT_GRANTED");
            assertThat(code(delete("/v1/open-services/grants/" + ENTERPRISE_O + "/PARAMETER_QUERY", ops))).isEqualTo("SERVICE_GRANT_NOT_FOUND");

            // Off the catalogue: nobody calls it; back on (no grant needed): answered.
            assertThat(delete("/v1/open-services/PARAMETER_QUERY", ops).statusCode()).isEqualTo(204);
            assertThat(code(get(CALL, o))).isEqualTo("OPEN_SERVICE_WITHDRAWN");
            assertThat(code(delete("/v1/open-services/PARAMETER_QUERY", ops))).isEqualTo("OPEN_SERVICE_NOT_LISTED");
            assertThat(post("/v1/open-services", ops, entry(false, null)).statusCode()).isEqualTo(201);
            assertThat(get(CALL, o).statusCode()).isEqualTo(200);

            // A removed user takes its grants with it.
            grant.put("validUntil", today().plusDays(10).toString());
            assertThat(post("/v1/open-services/grants", ops, grant).statusCode()).isEqualTo(201);
            assertThat(delete("/v1/open-services/users/" + ENTERPRISE_O, ops).statusCode()).isEqualTo(204);
            assertThat(json(get("/v1/open-services/grants?enterprise=" + ENTERPRISE_O, ops).body())).isEmpty();
            assertThat(code(delete("/v1/open-services/users/" + ENTERPRISE_O, ops))).isEqualTo("SERVICE_USER_NOT_FOUND");

            // 日志处理: every change by the operator, refused ones too.
            JsonNode log = json(get("/v1/system-logs/operation-log?actor=ops.wang&action=/v1/open-services&size=200", ops).body());
            assertThat(log.path("content").findValuesAsText("action")).contains("POST /api/customs/v1/open-services",
                    "PUT /api/customs/v1/open-services/{service}", "DELETE /api/customs/v1/open-services/{service}",
                    "POST /api/customs/v1/open-services/users", "PUT /api/customs/v1/open-services/users/{uscc}",
                    "DELETE /api/customs/v1/open-services/users/{uscc}", "POST /api/customs/v1/open-services/grants",
                    "PUT /api/customs/v1/open-services/grants/{uscc}/{service}",
                    "DELETE /api/customs/v1/open-services/grants/{uscc}/{service}");
            assertThat(log.path("content").findValuesAsText("result")).contains("SUCCESS", "FAILURE");
        } finally {
            JsonNode current = catalogueEntry("PARAMETER_QUERY");
            if (current == null) {
                post("/v1/open-services", ops, entry(false, null));
            } else if (current.path("grantRequired").asBoolean()) {
                put("/v1/open-services/PARAMETER_QUERY", ops, entry(false, current.path("version").asInt()));
            }
        }
    }
}
