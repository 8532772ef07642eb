package cn.hnsw.passenger.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.common.admin.IdentityDirectory.DirectoryLoginEvent;
import cn.hnsw.passenger.support.InMemoryIdentityDirectory;
import cn.hnsw.passenger.support.PassengerITBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FP 81–98: the passenger system's administration through common-lib's shared admin at
 * {@code /api/passenger/v1/admin}: users, roles, organisations, menus, login log and operation log, for operators and
 * platform administrators only. The directory is the in-memory double (the Keycloak one is tested against the real
 * Keycloak in deploy/local); menus, login log and operation log are this service's own tables.
 */
class SystemAdminIT extends PassengerITBase {

    private static final InMemoryIdentityDirectory DIRECTORY = InMemoryIdentityDirectory.shared();

    private static String operator() {
        DIRECTORY.seed("officer-ops", "ops", "邢志远", List.of("sw-operator"));
        return officer("ops", "sw-operator");
    }

    private static String platformAdmin() {
        return officer("root", "platform-admin");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> codes(JsonNode tree) {
        return tree.findValuesAsText("code");
    }

    @Test
    void onlyOperatorsAndPlatformAdministratorsReachTheAdministration() {
        String officer = officer("zhang.wei", "customs-officer");
        String traveler = traveler("li.ming");
        for (String path : List.of("/v1/admin/users", "/v1/admin/roles", "/v1/admin/organisations", "/v1/admin/menus",
                "/v1/admin/login-log", "/v1/admin/operation-log")) {
            assertThat(call("GET", path, officer, null).statusCode()).as(path).isEqualTo(403);
            assertThat(call("GET", path, traveler, null).statusCode()).as(path).isEqualTo(403);
            assertThat(call("GET", path, null, null).statusCode()).as(path).isEqualTo(401);
            assertThat(call("GET", path, operator(), null).statusCode()).as(path).isEqualTo(200);
            assertThat(call("GET", path, platformAdmin(), null).statusCode()).as(path).isEqualTo(200);
        }
        long before = json(call("GET", "/v1/admin/users", operator(), null)).path("totalElements").asLong();
        HttpResponse<String> refused = call("POST", "/v1/admin/users", officer, Map.of("username", "intruder",
                "name", "入侵者", "email", "intruder@example.cn", "password", "Hnsw@2026", "roles", List.of("platform-admin")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(call("GET", "/v1/admin/users", operator(), null)).path("totalElements").asLong()).isEqualTo(before);
    }

    @Test
    void anOperatorManagesAnOfficerAccountWithinTheRulesAndEveryChangeIsInTheOperationLog() {
        String ops = operator();
        String port = DIRECTORY.groupId("/customs/haikou-customs/haikou-port-customs");

        HttpResponse<String> invalid = call("POST", "/v1/admin/users", ops, Map.of("username", "A", "name", "",
                "email", "not-an-address", "password", "", "roles", List.of("customs-officer", "no-such-role")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("errors").findValuesAsText("field"))
                .contains("username", "name", "email", "password", "roles");
        assertThat(json(call("GET", "/v1/admin/users?search=chen.haiou", ops, null)).path("totalElements").asLong()).isZero();

        Map<String, Object> draft = Map.of("username", "chen.haiou", "name", "陈海鸥", "email", "chen.haiou@example.cn",
                "password", "Temp@2026x", "roles", List.of("customs-officer"), "organisationIds", List.of(port));
        HttpResponse<String> created = call("POST", "/v1/admin/users", ops, draft);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asText();
        assertThat(json(created).path("organisations").findValuesAsText("path"))
                .containsExactly("/customs/haikou-customs/haikou-port-customs");
        assertThat(json(call("POST", "/v1/admin/users", ops, draft)).path("code").asText()).isEqualTo("USER_EXISTS");
        assertThat(json(call("GET", "/v1/admin/users?search=chen.haiou", ops, null)).path("content")
                .findValuesAsText("username")).containsExactly("chen.haiou");

        JsonNode renamed = json(call("PUT", "/v1/admin/users/" + id, ops, Map.of("name", "陈海鸥（新海港）",
                "email", "chen.haiou@customs.example.cn")));
        assertThat(renamed.path("name").asText()).isEqualTo("陈海鸥（新海港）");
        HttpResponse<String> weak = call("PUT", "/v1/admin/users/" + id + "/password", ops, Map.of("password", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(json(weak).path("code").asText()).isEqualTo("PASSWORD_REJECTED");
        assertThat(json(weak).path("messageZh").asText()).isNotBlank();
        assertThat(call("PUT", "/v1/admin/users/" + id + "/password", ops, Map.of("password", "Officer@2026",
                "temporary", true)).statusCode()).isEqualTo(204);

        // an operator may not hand out the platform-administrator role; a platform administrator may
        HttpResponse<String> escalation = call("PUT", "/v1/admin/users/" + id + "/roles", ops,
                Map.of("roles", List.of("customs-officer", "platform-admin")));
        assertThat(escalation.statusCode()).isEqualTo(403);
        assertThat(json(escalation).path("code").asText()).isEqualTo("ROLE_NOT_ASSIGNABLE");
        assertThat(json(call("GET", "/v1/admin/users/" + id, ops, null)).path("roles").toString())
                .isEqualTo("[\"customs-officer\"]");
        JsonNode reRoled = json(call("PUT", "/v1/admin/users/" + id + "/roles", ops, Map.of("roles", List.of("customs-reviewer"))));
        assertThat(reRoled.path("roles").toString()).isEqualTo("[\"customs-reviewer\"]");
        assertThat(call("PUT", "/v1/admin/users/" + id + "/roles", platformAdmin(),
                Map.of("roles", List.of("customs-reviewer", "platform-admin"))).statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/v1/admin/users/" + id + "/enabled", ops, Map.of("enabled", false)).statusCode())
                .as("an operator cannot disable a platform administrator").isEqualTo(403);
        assertThat(call("PUT", "/v1/admin/users/" + id + "/roles", platformAdmin(),
                Map.of("roles", List.of("customs-reviewer"))).statusCode()).isEqualTo(200);

        JsonNode disabled = json(call("PUT", "/v1/admin/users/" + id + "/enabled", ops, Map.of("enabled", false)));
        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        assertThat(json(call("GET", "/v1/admin/users?enabled=false&search=chen", ops, null)).path("totalElements").asLong())
                .isEqualTo(1);
        HttpResponse<String> self = call("PUT", "/v1/admin/users/officer-ops/enabled", ops, Map.of("enabled", false));
        assertThat(json(self).path("code").asText()).isEqualTo("USER_SELF");
        assertThat(json(call("GET", "/v1/admin/users/officer-ops", ops, null)).path("enabled").asBoolean()).isTrue();

        assertThat(call("DELETE", "/v1/admin/users/" + id, ops, null).statusCode()).isEqualTo(204);
        assertThat(json(call("GET", "/v1/admin/users/" + id, ops, null)).path("code").asText()).isEqualTo("USER_NOT_FOUND");

        JsonNode log = json(call("GET", "/v1/admin/operation-log?actor=ops&action=" + enc("/v1/admin/users")
                + "&size=100", ops, null));
        assertThat(log.path("content").findValuesAsText("action")).contains("POST /api/passenger/v1/admin/users",
                "PUT /api/passenger/v1/admin/users/{id}/roles", "DELETE /api/passenger/v1/admin/users/{id}");
        assertThat(log.path("content").findValuesAsText("businessId")).contains(id);
        assertThat(log.path("content").findValuesAsText("result")).contains("SUCCESS", "FAILURE");
        JsonNode failures = json(call("GET", "/v1/admin/operation-log?actor=ops&result=FAILURE&action="
                + enc("/roles"), ops, null));
        assertThat(failures.path("content").findValuesAsText("detail")).contains("HTTP 403");
    }

    @Test
    void rolesAndOrganisationsAreAddedChangedAndDeletedOnlyWhereThatIsSafe() {
        String ops = operator();
        assertThat(json(call("GET", "/v1/admin/roles", ops, null)).findValuesAsText("name"))
                .contains("traveler", "customs-officer", "sw-operator");
        HttpResponse<String> badRole = call("POST", "/v1/admin/roles", ops, Map.of("name", "Partner Bank!", "nameZh", "",
                "nameEn", "x"));
        assertThat(json(badRole).path("errors").findValuesAsText("field")).contains("name", "nameZh");
        assertThat(json(call("POST", "/v1/admin/roles", ops, Map.of("name", "partner-bank", "nameZh", "银行",
                "nameEn", "Bank"))).path("errors").findValuesAsText("constraint")).contains("Reserved");
        HttpResponse<String> role = call("POST", "/v1/admin/roles", ops, Map.of("name", "passenger-auditor",
                "nameZh", "旅检审计员", "nameEn", "Passenger auditor"));
        assertThat(role.statusCode()).as(role.body()).isEqualTo(201);
        assertThat(json(call("PUT", "/v1/admin/roles/passenger-auditor", ops, Map.of("nameZh", "旅检日志审计员",
                "nameEn", "Passenger log auditor"))).path("nameZh").asText()).isEqualTo("旅检日志审计员");
        assertThat(json(call("DELETE", "/v1/admin/roles/customs-officer", ops, null)).path("code").asText())
                .isEqualTo("ROLE_BUILT_IN");
        assertThat(call("DELETE", "/v1/admin/roles/passenger-auditor", ops, null).statusCode()).isEqualTo(204);
        assertThat(json(call("GET", "/v1/admin/roles", ops, null)).findValuesAsText("name")).doesNotContain("passenger-auditor");

        String district = DIRECTORY.groupId("/customs/haikou-customs");
        HttpResponse<String> badOrg = call("POST", "/v1/admin/organisations", ops, Map.of("parentId", district,
                "name", "新 海", "nameZh", "", "nameEn", ""));
        assertThat(json(badOrg).path("errors").findValuesAsText("field")).contains("name", "nameZh", "nameEn");
        HttpResponse<String> org = call("POST", "/v1/admin/organisations", ops, Map.of("parentId", district,
                "name", "xinhai-annex", "nameZh", "新海港旅检分站", "nameEn", "Xinhai passenger annex"));
        assertThat(org.statusCode()).as(org.body()).isEqualTo(201);
        String orgId = json(org).path("id").asText();
        assertThat(json(org).path("path").asText()).isEqualTo("/customs/haikou-customs/xinhai-annex");
        assertThat(json(call("PUT", "/v1/admin/organisations/" + orgId, ops, Map.of("nameZh", "新海港旅检一站",
                "nameEn", "Xinhai passenger station 1"))).path("nameZh").asText()).isEqualTo("新海港旅检一站");
        JsonNode tree = json(call("GET", "/v1/admin/organisations", ops, null));
        assertThat(tree.findValuesAsText("path")).contains("/customs/haikou-customs/xinhai-annex");
        assertThat(json(call("DELETE", "/v1/admin/organisations/" + district, ops, null)).path("code").asText())
                .isEqualTo("ORGANISATION_NOT_EMPTY");
        assertThat(call("DELETE", "/v1/admin/organisations/" + orgId, ops, null).statusCode()).isEqualTo(204);
        assertThat(call("DELETE", "/v1/admin/organisations/" + orgId, ops, null).statusCode()).isEqualTo(404);
    }

    @Test
    void menusAreDataAndDecideWhatEachRoleSees() {
        String ops = operator();
        String officer = officer("zhang.wei", "customs-officer");
        String reviewer = officer("liu.yang", "customs-reviewer");
        assertThat(codes(json(call("GET", "/v1/menus/visible", traveler("li.ming"), null))))
                .contains("traveler.declarations", "traveler.tax").doesNotContain("officer.passenger-settings", "operator");
        assertThat(codes(json(call("GET", "/v1/menus/visible", officer, null))))
                .contains("officer.passenger-settings").doesNotContain("traveler.declarations", "operator.passenger-admin");
        assertThat(codes(json(call("GET", "/v1/menus/visible", reviewer, null))))
                .contains("officer.passenger-declarations").doesNotContain("officer.passenger-settings");

        JsonNode menus = json(call("GET", "/v1/admin/menus", ops, null));
        String officerRoot = null;
        for (JsonNode m : menus) {
            if (m.path("code").asText().equals("officer")) {
                officerRoot = m.path("id").asText();
            }
        }
        assertThat(officerRoot).isNotNull();
        Map<String, Object> item = new LinkedHashMap<>(Map.of("parentId", officerRoot, "code", "officer.passenger-review-queue",
                "nameZh", "复核队列", "nameEn", "Review queue", "path", "/officer/passenger-review-queue", "sortOrder", 24,
                "roles", List.of("customs-reviewer")));
        assertThat(call("POST", "/v1/admin/menus", officer, item).statusCode()).isEqualTo(403);
        Map<String, Object> bad = new LinkedHashMap<>(item);
        bad.putAll(Map.of("code", "Review Queue", "roles", List.of("no-such-role"), "path", "no-slash"));
        assertThat(json(call("POST", "/v1/admin/menus", ops, bad)).path("errors").findValuesAsText("field"))
                .contains("code", "roles", "path");
        HttpResponse<String> created = call("POST", "/v1/admin/menus", ops, item);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asText();
        assertThat(json(call("POST", "/v1/admin/menus", ops, item)).path("code").asText()).isEqualTo("MENU_CODE_EXISTS");
        assertThat(codes(json(call("GET", "/v1/menus/visible", reviewer, null)))).contains("officer.passenger-review-queue");
        assertThat(codes(json(call("GET", "/v1/menus/visible", officer, null)))).doesNotContain("officer.passenger-review-queue");

        Map<String, Object> cycle = new LinkedHashMap<>(item);
        cycle.put("parentId", id);
        assertThat(json(call("PUT", "/v1/admin/menus/" + id, ops, cycle)).path("errors").findValuesAsText("field"))
                .containsExactly("parentId");
        Map<String, Object> off = new LinkedHashMap<>(item);
        off.put("enabled", false);
        assertThat(json(call("PUT", "/v1/admin/menus/" + id, ops, off)).path("enabled").asBoolean()).isFalse();
        assertThat(codes(json(call("GET", "/v1/menus/visible", reviewer, null)))).doesNotContain("officer.passenger-review-queue");
        assertThat(codes(json(call("GET", "/v1/admin/menus", ops, null)))).contains("officer.passenger-review-queue");

        assertThat(json(call("DELETE", "/v1/admin/menus/" + officerRoot, ops, null)).path("code").asText())
                .isEqualTo("MENU_HAS_CHILDREN");
        assertThat(call("DELETE", "/v1/admin/menus/" + id, ops, null).statusCode()).isEqualTo(204);
        assertThat(json(call("GET", "/v1/admin/menus/" + id, ops, null)).path("code").asText()).isEqualTo("MENU_NOT_FOUND");
    }

    @Test
    void signInEventsOfTheIdentityProviderArePulledOnceIntoTheLoginLog() {
        String ops = operator();
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        DIRECTORY.recordEvent(new DirectoryLoginEvent("evt-login-error-1", t, "LOGIN_ERROR", "u-xing", "xing.zhiyuan",
                "hnsw-web", null, "10.20.30.40", "invalid_user_credentials"));
        DIRECTORY.recordEvent(new DirectoryLoginEvent("evt-login-1", t.plusSeconds(5), "LOGIN", "u-xing", "xing.zhiyuan",
                "hnsw-web", "sid-1", "10.20.30.40", null));
        DIRECTORY.recordEvent(new DirectoryLoginEvent("evt-logout-1", t.plusSeconds(600), "LOGOUT", "u-xing", "xing.zhiyuan",
                "hnsw-web", "sid-1", "10.20.30.40", null));

        assertThat(call("POST", "/v1/admin/login-log/pull", officer("zhang.wei", "customs-officer"), null).statusCode())
                .isEqualTo(403);
        assertThat(json(call("POST", "/v1/admin/login-log/pull", ops, null)).path("stored").asInt()).isEqualTo(3);
        assertThat(json(call("POST", "/v1/admin/login-log/pull", ops, null)).path("stored").asInt())
                .as("a second pull stores nothing twice").isZero();

        JsonNode all = json(call("GET", "/v1/admin/login-log?username=xing.zhiyuan", ops, null));
        assertThat(all.path("totalElements").asLong()).isEqualTo(3);
        assertThat(all.path("content").findValuesAsText("type")).containsExactly("LOGOUT", "LOGIN", "LOGIN_ERROR");
        JsonNode failed = json(call("GET", "/v1/admin/login-log?username=xing.zhiyuan&failed=true", ops, null));
        assertThat(failed.path("content").findValuesAsText("error")).containsExactly("invalid_user_credentials");
        JsonNode window = json(call("GET", "/v1/admin/login-log?username=xing.zhiyuan&from=" + enc(t.plusSeconds(1).toString())
                + "&to=" + enc(t.plusSeconds(60).toString()), ops, null));
        assertThat(window.path("content").findValuesAsText("eventId")).containsExactly("evt-login-1");
    }
}
