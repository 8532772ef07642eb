package cn.hnsw.customs.admin;

import cn.hnsw.common.admin.IdentityDirectory.DirectoryLoginEvent;
import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.testsupport.jwt.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 系统管理 and 日志审计 of the declaration system (second-line FP 706–743) and the Haikou data sub-centre (FP 952–989,
 * 1237–1274): users, roles, organisations and the permission catalogue (menus with the roles allowed to use each
 * function) through common-lib's admin at {@code /api/customs/v1/admin}, and the login and operation logs through
 * {@code /v1/system-logs} (conditions, details, export, the query itself logged). Operators and platform
 * administrators only; the directory is the in-memory double of Keycloak.
 */
class CustomsAdminIT extends CustomsIntegrationTestBase {

    private static final InMemoryIdentityDirectory DIRECTORY = InMemoryIdentityDirectory.shared();

    private static String platformAdmin() {
        return TestTokens.issuer().user("root.customs", "platform-admin").mint();
    }

    private static String reviewer() {
        return TestTokens.issuer().user("reviewer.chen", "customs-reviewer").organization("/haikou-customs").mint();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> codes(JsonNode tree) {
        return tree.findValuesAsText("code");
    }

    @Test
    void onlyOperatorsAndPlatformAdministratorsReachTheAdministrationAndTheLogs() {
        for (String path : List.of("/v1/admin/users", "/v1/admin/roles", "/v1/admin/organisations", "/v1/admin/menus",
                "/v1/system-logs/login-log", "/v1/system-logs/operation-log")) {
            assertThat(get(path, officerToken()).statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, enterpriseToken(ENTERPRISE_A)).statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, operatorToken()).statusCode()).as(path).isEqualTo(200);
            assertThat(get(path, platformAdmin()).statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> denied = get("/v1/system-logs/operation-log/export", officerToken());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied.body()).path("messageZh").asText()).isNotBlank();
        assertThat(json(denied.body()).path("messageEn").asText()).isNotBlank();

        long before = json(get("/v1/admin/users", operatorToken()).body()).path("totalElements").asLong();
        HttpResponse<String> refused = post("/v1/admin/users", enterpriseToken(ENTERPRISE_A), Map.of("username", "intruder.a",
                "name", "入侵者", "email", "intruder@example.cn", "password", "Hnsw@2026x", "roles", List.of("sw-operator")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(get("/v1/admin/users", operatorToken()).body()).path("totalElements").asLong()).isEqualTo(before);
    }

    @Test
    void usersRolesOrganisationsAndPermissionsAreManagedWithTheirRefusalsAndEveryChangeIsLogged() {
        String ops = operatorToken();
        String district = DIRECTORY.groupId("/customs/haikou-customs");

        // 用户管理
        HttpResponse<String> invalid = post("/v1/admin/users", ops, Map.of("username", "A", "name", "",
                "email", "not-an-address", "password", "", "roles", List.of("customs-officer", "no-such-role")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid.body()).path("errors").findValuesAsText("field"))
                .contains("username", "name", "email", "password", "roles");
        Map<String, Object> draft = Map.of("username", "lin.subcentre", "name", "林分中心", "email", "lin@customs.example.cn",
                "password", "Temp@2026x", "roles", List.of("customs-officer"), "organisationIds", List.of(district));
        HttpResponse<String> created = post("/v1/admin/users", ops, draft);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String userId = json(created.body()).path("id").asText();
        assertThat(json(post("/v1/admin/users", ops, draft).body()).path("code").asText()).isEqualTo("USER_EXISTS");
        assertThat(json(get("/v1/admin/users?search=lin.subcentre", ops).body()).path("content")
                .findValuesAsText("username")).containsExactly("lin.subcentre");
        assertThat(json(put("/v1/admin/users/" + userId, ops, Map.of("name", "林数据分中心",
                "email", "lin.sc@customs.example.cn")).body()).path("name").asText()).isEqualTo("林数据分中心");
        HttpResponse<String> escalation = put("/v1/admin/users/" + userId + "/roles", ops,
                Map.of("roles", List.of("customs-officer", "platform-admin")));
        assertThat(escalation.statusCode()).isEqualTo(403);
        assertThat(json(escalation.body()).path("code").asText()).isEqualTo("ROLE_NOT_ASSIGNABLE");
        assertThat(json(put("/v1/admin/users/" + userId + "/roles", ops, Map.of("roles", List.of("customs-reviewer")))
                .body()).path("roles").toString()).isEqualTo("[\"customs-reviewer\"]");
        assertThat(delete("/v1/admin/users/" + userId, ops).statusCode()).isEqualTo(204);
        assertThat(json(get("/v1/admin/users/" + userId, ops).body()).path("code").asText()).isEqualTo("USER_NOT_FOUND");

        // 角色管理
        HttpResponse<String> badRole = post("/v1/admin/roles", ops, Map.of("name", "Sub Centre!", "nameZh", "", "nameEn", "x"));
        assertThat(json(badRole.body()).path("errors").findValuesAsText("field")).contains("name", "nameZh");
        HttpResponse<String> role = post("/v1/admin/roles", ops, Map.of("name", "subcentre-analyst",
                "nameZh", "分中心数据分析员", "nameEn", "Sub-centre analyst"));
        assertThat(role.statusCode()).as(role.body()).isEqualTo(201);
        assertThat(json(put("/v1/admin/roles/subcentre-analyst", ops, Map.of("nameZh", "分中心综合查询员",
                "nameEn", "Sub-centre query analyst")).body()).path("nameZh").asText()).isEqualTo("分中心综合查询员");
        assertThat(json(delete("/v1/admin/roles/customs-officer", ops).body()).path("code").asText()).isEqualTo("ROLE_BUILT_IN");

        // 权限管理: a function of the console and the roles allowed to use it.
        assertThat(codes(json(get("/v1/menus/visible", enterpriseToken(ENTERPRISE_A)).body())))
                .contains("declarant.declarations", "declarant.second-line").doesNotContain("operator.customs-admin", "officer");
        assertThat(codes(json(get("/v1/menus/visible", officerToken()).body())))
                .contains("officer.subcentre-query", "officer.second-line").doesNotContain("declarant.declarations");
        assertThat(codes(json(get("/v1/menus/visible", ops).body()))).contains("operator.customs-admin");
        String officerRoot = null;
        for (JsonNode m : json(get("/v1/admin/menus", ops).body())) {
            if ("officer".equals(m.path("code").asText())) {
                officerRoot = m.path("id").asText();
            }
        }
        assertThat(officerRoot).isNotNull();
        Map<String, Object> permission = new LinkedHashMap<>(Map.of("parentId", officerRoot,
                "code", "officer.subcentre-historical", "nameZh", "三年以上历史数据查询", "nameEn", "Data older than three years",
                "path", "/officer/subcentre-query", "sortOrder", 24, "roles", List.of("customs-reviewer")));
        assertThat(post("/v1/admin/menus", officerToken(), permission).statusCode()).isEqualTo(403);
        Map<String, Object> bad = new LinkedHashMap<>(permission);
        bad.putAll(Map.of("code", "Historical Query", "roles", List.of("no-such-role"), "path", "no-slash"));
        assertThat(json(post("/v1/admin/menus", ops, bad).body()).path("errors").findValuesAsText("field"))
                .contains("code", "roles", "path");
        HttpResponse<String> granted = post("/v1/admin/menus", ops, permission);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        String permissionId = json(granted.body()).path("id").asText();
        assertThat(json(post("/v1/admin/menus", ops, permission).body()).path("code").asText()).isEqualTo("MENU_CODE_EXISTS");
        assertThat(codes(json(get("/v1/menus/visible", reviewer()).body()))).contains("officer.subcentre-historical");
        assertThat(codes(json(get("/v1/menus/visible", officerToken()).body()))).doesNotContain("officer.subcentre-historical");
        Map<String, Object> widened = new LinkedHashMap<>(permission);
        widened.put("roles", List.of("customs-reviewer", "customs-officer"));
        assertThat(put("/v1/admin/menus/" + permissionId, ops, widened).statusCode()).isEqualTo(200);
        assertThat(codes(json(get("/v1/menus/visible", officerToken()).body()))).contains("officer.subcentre-historical");
        assertThat(json(delete("/v1/admin/menus/" + officerRoot, ops).body()).path("code").asText()).isEqualTo("MENU_HAS_CHILDREN");
        assertThat(delete("/v1/admin/menus/" + permissionId, ops).statusCode()).isEqualTo(204);
        assertThat(codes(json(get("/v1/menus/visible", officerToken()).body()))).doesNotContain("officer.subcentre-historical");
        assertThat(delete("/v1/admin/roles/subcentre-analyst", ops).statusCode()).isEqualTo(204);

        // 机构管理
        HttpResponse<String> badOrg = post("/v1/admin/organisations", ops, Map.of("parentId", district,
                "name", "分 中心", "nameZh", "", "nameEn", ""));
        assertThat(json(badOrg.body()).path("errors").findValuesAsText("field")).contains("name", "nameZh", "nameEn");
        HttpResponse<String> org = post("/v1/admin/organisations", ops, Map.of("parentId", district,
                "name", "haikou-data-subcentre", "nameZh", "海口数据分中心", "nameEn", "Haikou data sub-centre"));
        assertThat(org.statusCode()).as(org.body()).isEqualTo(201);
        String orgId = json(org.body()).path("id").asText();
        assertThat(json(put("/v1/admin/organisations/" + orgId, ops, Map.of("nameZh", "海口海关数据分中心",
                "nameEn", "Haikou Customs data sub-centre")).body()).path("nameZh").asText()).isEqualTo("海口海关数据分中心");
        assertThat(json(get("/v1/admin/organisations", ops).body()).findValuesAsText("path"))
                .contains("/customs/haikou-customs/haikou-data-subcentre");
        assertThat(json(delete("/v1/admin/organisations/" + district, ops).body()).path("code").asText())
                .isEqualTo("ORGANISATION_NOT_EMPTY");
        assertThat(delete("/v1/admin/organisations/" + orgId, ops).statusCode()).isEqualTo(204);
        assertThat(delete("/v1/admin/organisations/" + orgId, ops).statusCode()).isEqualTo(404);

        // 日志处理: each change, refused ones too, is in the operation log.
        JsonNode log = json(get("/v1/system-logs/operation-log?actor=ops.wang&action=" + enc("/v1/admin/") + "&size=200", ops).body());
        assertThat(log.path("content").findValuesAsText("action")).contains("POST /api/customs/v1/admin/users",
                "PUT /api/customs/v1/admin/users/{id}/roles", "DELETE /api/customs/v1/admin/users/{id}",
                "POST /api/customs/v1/admin/roles", "PUT /api/customs/v1/admin/menus/{id}",
                "DELETE /api/customs/v1/admin/organisations/{id}");
        assertThat(log.path("content").findValuesAsText("businessId")).contains(userId, permissionId, orgId);
        assertThat(log.path("content").findValuesAsText("result")).contains("SUCCESS", "FAILURE");
    }

    @Test
    void theLoginLogIsQueriedByConditionsShownExportedAndEveryQueryIsItselfLogged() {
        String ops = operatorToken();
        Instant t = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        DIRECTORY.recordEvent(new DirectoryLoginEvent("evt-customs-error-1", t, "LOGIN_ERROR", "u-fu", "fu.declarant",
                "hnsw-web", null, "10.46.1.20", "invalid_user_credentials"));
        DIRECTORY.recordEvent(new DirectoryLoginEvent("evt-customs-login-1", t.plusSeconds(5), "LOGIN", "u-fu", "fu.declarant",
                "hnsw-web", "sid-fu-1", "10.46.1.20", null));
        DIRECTORY.recordEvent(new DirectoryLoginEvent("evt-customs-logout-1", t.plusSeconds(900), "LOGOUT", "u-fu",
                "fu.declarant", "hnsw-web", "sid-fu-1", "10.46.1.20", null));
        assertThat(post("/v1/admin/login-log/pull", officerToken(), "").statusCode()).isEqualTo(403);
        assertThat(json(post("/v1/admin/login-log/pull", ops, "").body()).path("stored").asInt()).isGreaterThanOrEqualTo(3);

        // 查询条件输入 / 查询结果展示
        JsonNode all = json(get("/v1/system-logs/login-log?username=fu.declarant", ops).body());
        assertThat(all.path("totalElements").asLong()).isEqualTo(3);
        assertThat(all.path("content").findValuesAsText("type")).containsExactly("LOGOUT", "LOGIN", "LOGIN_ERROR");
        assertThat(json(get("/v1/system-logs/login-log?username=fu.declarant&failed=true", ops).body()).path("content")
                .findValuesAsText("error")).containsExactly("invalid_user_credentials");
        assertThat(json(get("/v1/system-logs/login-log?username=fu.declarant&type=LOGOUT", ops).body()).path("content")
                .findValuesAsText("eventId")).containsExactly("evt-customs-logout-1");
        JsonNode window = json(get("/v1/system-logs/login-log?username=fu.declarant&from=" + enc(t.plusSeconds(1).toString())
                + "&to=" + enc(t.plusSeconds(60).toString()), ops).body());
        assertThat(window.path("content").findValuesAsText("eventId")).containsExactly("evt-customs-login-1");

        // 错误信息处理: a reversed or too long period, an unknown type, an unknown entry.
        HttpResponse<String> reversed = get("/v1/system-logs/login-log?from=" + enc(t.toString()) + "&to="
                + enc(t.minusSeconds(1).toString()), ops);
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(json(reversed.body()).path("code").asText()).isEqualTo("LOG_RANGE_INVALID");
        assertThat(json(reversed.body()).path("messageZh").asText()).isEqualTo("查询起始时间须早于截止时间");
        assertThat(json(reversed.body()).path("messageEn").asText()).isEqualTo("The start of the period must be before its end");
        HttpResponse<String> tooLong = get("/v1/system-logs/operation-log?from=" + enc(t.minus(400, ChronoUnit.DAYS).toString())
                + "&to=" + enc(t.toString()), ops);
        assertThat(json(tooLong.body()).path("code").asText()).isEqualTo("LOG_RANGE_TOO_LONG");
        assertThat(json(tooLong.body()).path("messageZh").asText()).isEqualTo("查询时间跨度最长366天");
        HttpResponse<String> badType = get("/v1/system-logs/login-log?type=HACK", ops);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(json(badType.body()).path("code").asText()).isEqualTo("LOG_CONDITION_INVALID");
        assertThat(get("/v1/system-logs/login-log/entries/evt-no-such", ops).statusCode()).isEqualTo(404);

        // 查询结果详情 / 查询结果导出
        JsonNode detail = json(get("/v1/system-logs/login-log/entries/evt-customs-error-1", ops).body());
        assertThat(detail.path("ipAddress").asText()).isEqualTo("10.46.1.20");
        assertThat(detail.path("error").asText()).isEqualTo("invalid_user_credentials");
        assertThat(get("/v1/system-logs/login-log/entries/evt-customs-error-1", officerToken()).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> export = getBytes("/v1/system-logs/login-log/export?username=fu.declarant", ops);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(sheetColumn(export.body(), "用户登录日志", 8))
                .containsExactly("evt-customs-logout-1", "evt-customs-login-1", "evt-customs-error-1");

        // 查询记录日志处理: every query, detail and export above is itself in the operation log, with its conditions.
        JsonNode queries = json(get("/v1/system-logs/operation-log?actor=ops.wang&action=LOGIN_LOG&size=200", ops).body());
        assertThat(queries.path("content").findValuesAsText("action"))
                .contains("LOGIN_LOG_QUERY", "LOGIN_LOG_DETAIL", "LOGIN_LOG_EXPORT");
        assertThat(queries.path("content").findValuesAsText("detail")).anyMatch(d -> d.contains("username=fu.declarant")
                && d.contains("failed=true"));
        assertThat(queries.path("content").findValuesAsText("detail")).anyMatch(d -> d.contains("rows=3"));
        long seq = queries.path("content").get(0).path("seq").asLong();
        JsonNode entry = json(get("/v1/system-logs/operation-log/entries/" + seq, ops).body());
        assertThat(entry.path("actorName").asText()).isEqualTo("ops.wang");
        assertThat(entry.path("hash").asText()).hasSize(64);
        assertThat(get("/v1/system-logs/operation-log/entries/999999999", ops).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> operations = getBytes("/v1/system-logs/operation-log/export?actor=ops.wang&action=LOGIN_LOG_DETAIL", ops);
        assertThat(operations.statusCode()).isEqualTo(200);
        assertThat(sheetColumn(operations.body(), "系统操作日志", 6)).contains("LOGIN_LOG_DETAIL")
                .doesNotContain("LOGIN_LOG_QUERY");
    }
}
