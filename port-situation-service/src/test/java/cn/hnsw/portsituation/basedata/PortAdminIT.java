package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 权限管理、菜单管理、运行维护 (FP 606–644) through the real API and PostgreSQL: organisations, users, roles and their
 * grants decide the menus an officer gets; a disabled menu shows to nobody; refusals are problems that change
 * nothing; officers, enterprises and travellers are refused; the operation and run logs are listed, searched and
 * exported.
 */
class PortAdminIT extends PortSituationIT {

    @Autowired
    JdbcTemplate jdbc;

    static String code(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    JsonNode mine(String token) {
        return api.get("/v1/my-menus", token).json();
    }

    static List<String> menuCodes(JsonNode mine) {
        List<String> out = new ArrayList<>();
        mine.get("menus").forEach(m -> out.add(m.get("code").asText()));
        return out;
    }

    @Test
    void rolesGrantsAndMenusDecideWhatAnOfficerOpens() {
        String username = "duty" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officer = tokens.user(username, "maritime-officer").organization("/海南海事局").mint();
        JsonNode unregistered = mine(officer);
        assertThat(unregistered.get("registered").asBoolean()).isFalse();
        assertThat(unregistered.get("menus")).isEmpty();

        // 口岸机构: a duty office of Xinhai under the command centre
        String org = code("XH-DUTY");
        Api.Reply created = api.post("/v1/base-data/organisations", operator, body("code", org, "nameZh", "新海港夜班",
                "parentCode", "HN_COMMAND", "portCode", "XINHAI_PORT"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orgId = created.json().get("id").asText();
        assertThat(api.put("/v1/base-data/organisations/" + orgId, operator, body("nameZh", "新海港夜班值班室",
                "nameEn", "Xinhai night duty", "parentCode", "HN_COMMAND", "portCode", "XINHAI_PORT")).json()
                .get("nameEn").asText()).isEqualTo("Xinhai night duty");
        assertThat(api.get("/v1/base-data/organisations?q=" + org, operator).json().get("totalElements").asLong())
                .isEqualTo(1);

        // 口岸角色 with 角色权限
        String role = code("WATCH");
        Api.Reply r = api.post("/v1/base-data/port-roles", operator, body("code", role, "nameZh", "监测员",
                "permissions", List.of("PORT_MONITORING")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String roleId = r.json().get("id").asText();

        // 口岸用户 with 用户角色 and 用户权限
        Api.Reply u = api.post("/v1/base-data/port-users", operator, body("code", username, "nameZh", "值班员甲",
                "orgCode", org, "phone", "0898-66668888", "roles", List.of(role), "permissions", List.of("PORT_ALERTS")));
        assertThat(u.status()).as(u.body()).isEqualTo(201);
        String userId = u.json().get("id").asText();
        JsonNode user = api.get("/v1/base-data/port-users/" + userId, operator).json();
        assertThat(user.get("roles").get(0).asText()).isEqualTo(role);
        assertThat(user.get("permissions").get(0).asText()).isEqualTo("PORT_ALERTS");
        assertThat(api.get("/v1/base-data/port-users?role=" + role, operator).json().get("totalElements").asLong())
                .isEqualTo(1);

        JsonNode mine = mine(officer);
        assertThat(mine.get("registered").asBoolean()).isTrue();
        assertThat(mine.get("portCode").asText()).isEqualTo("XINHAI_PORT");
        assertThat(menuCodes(mine)).containsExactly("MONITORING", "ALERTS");

        // the role gains the big screen; the user loses its own grant
        assertThat(api.put("/v1/base-data/port-roles/" + roleId, operator, body("nameZh", "监测员",
                "permissions", List.of("PORT_MONITORING", "PORT_BIG_SCREEN"))).status()).isEqualTo(200);
        assertThat(api.put("/v1/base-data/port-users/" + userId, operator, body("nameZh", "值班员甲", "orgCode", org,
                "roles", List.of(role), "permissions", List.of())).status()).isEqualTo(200);
        assertThat(menuCodes(mine(officer))).containsExactly("BIG_SCREEN", "MONITORING");

        // 菜单停用: nobody sees a disabled menu; 启用 brings it back
        JsonNode menus = api.get("/v1/base-data/menus?q=MONITORING", operator).json().get("content");
        String monitoringId = null;
        for (JsonNode m : menus) {
            if (m.get("code").asText().equals("MONITORING")) {
                monitoringId = m.get("id").asText();
            }
        }
        assertThat(monitoringId).isNotNull();
        try {
            assertThat(api.put("/v1/base-data/menus/" + monitoringId + "/enabled", operator, body("enabled", false))
                    .json().get("enabled").asBoolean()).isFalse();
            assertThat(menuCodes(mine(officer))).containsExactly("BIG_SCREEN");
        } finally {
            api.put("/v1/base-data/menus/" + monitoringId + "/enabled", operator, body("enabled", true));
        }
        assertThat(menuCodes(mine(officer))).containsExactly("BIG_SCREEN", "MONITORING");

        // a menu of its own: add, edit, delete
        String menu = code("NIGHT");
        Api.Reply m = api.post("/v1/base-data/menus", operator, body("code", menu, "nameZh", "夜班视图",
                "path", "/officer/port-monitoring", "permissionCode", "PORT_BIG_SCREEN", "sortOrder", 9));
        assertThat(m.status()).as(m.body()).isEqualTo(201);
        assertThat(menuCodes(mine(officer))).contains(menu);
        String menuId = m.json().get("id").asText();
        assertThat(api.put("/v1/base-data/menus/" + menuId, operator, body("nameZh", "夜班视图", "path", "/officer/alerts",
                "permissionCode", "PORT_ALERTS", "sortOrder", 9)).json().get("path").asText()).isEqualTo("/officer/alerts");
        assertThat(menuCodes(mine(officer))).doesNotContain(menu);
        assertThat(api.delete("/v1/base-data/menus/" + menuId, operator).status()).isEqualTo(204);

        // an organisation with users is not deleted; a user and a role are, and the officer is unregistered again
        Api.Reply inUse = api.delete("/v1/base-data/organisations/" + orgId, operator);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("code").asText()).isEqualTo("IN_USE");
        assertThat(api.delete("/v1/base-data/port-roles/" + roleId, operator).status()).isEqualTo(204);
        assertThat(api.get("/v1/base-data/port-users/" + userId, operator).json().get("roles")).isEmpty();
        assertThat(api.delete("/v1/base-data/port-users/" + userId, operator).status()).isEqualTo(204);
        assertThat(api.delete("/v1/base-data/organisations/" + orgId, operator).status()).isEqualTo(204);
        assertThat(mine(officer).get("registered").asBoolean()).isFalse();
        assertThat(api.get("/v1/base-data/port-users/" + userId, operator).status()).isEqualTo(404);
    }

    @Autowired
    cn.hnsw.portsituation.alert.AlertRaiser raiser;

    String raise(String port) {
        String id = java.util.UUID.randomUUID().toString();
        raiser.raise(new cn.hnsw.common.events.Alert(id, "maritime-service", "ship-behaviour",
                cn.hnsw.common.events.Alert.Level.MEDIUM, port, null, List.of(), "船舶异常停靠", "Ship stopped abnormally",
                Instant.now(), null, null, Map.of()));
        Api.await(Duration.ofSeconds(30), () -> api.get("/v1/alerts/" + id, operator).status() == 200 ? id : null);
        return id;
    }

    @Test
    void aRegisteredOfficerSeesTheAlertsOfTheirPortOnlyAndHandlesThemOnlyWithThePermission() throws Exception {
        String xinhai = raise("XINHAI_PORT");
        String yangpu = raise("YANGPU_PORT");
        String username = "xhduty" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officer = tokens.user(username, "maritime-officer").organization("/海南海事局").mint();
        // not registered: the platform role alone decides, all ports
        assertThat(api.get("/v1/alerts/" + yangpu, officer).status()).isEqualTo(200);

        Api.Reply u = api.post("/v1/base-data/port-users", operator, body("code", username, "nameZh", "新海港值班员",
                "orgCode", "XINHAI_DUTY", "roles", List.of("DUTY_OFFICER")));
        assertThat(u.status()).as(u.body()).isEqualTo(201);
        String userId = u.json().get("id").asText();
        try {
            // the live stream: of two new alerts, only Xinhai's reaches this officer
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<java.io.InputStream> stream = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(api.url("/v1/live"))).header("Authorization", "Bearer " + officer)
                    .header("Accept", "text/event-stream").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("data:") && line.contains("alertId")) {
                            seen.add(line);
                        }
                    }
                } catch (java.io.IOException e) {
                    // the stream is closed at the end of the test
                }
            });
            Thread.sleep(300);
            String liveYangpu = raise("YANGPU_PORT");
            String liveXinhai = raise("XINHAI_PORT");
            Api.await(Duration.ofSeconds(30), () -> seen.stream().anyMatch(l -> l.contains(liveXinhai)) ? true : null);
            assertThat(seen).noneMatch(l -> l.contains(liveYangpu));
            stream.body().close();
            reader.interrupt();

            JsonNode page = api.get("/v1/alerts?size=200", officer).json();
            assertThat(page.get("content").findValuesAsText("portCode")).isNotEmpty().containsOnly("XINHAI_PORT");
            Api.Reply other = api.get("/v1/alerts?portCode=YANGPU_PORT", officer);
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.json().get("code").asText()).isEqualTo("ALERT_PORT_SCOPE");
            assertThat(other.json().get("messageZh").asText()).contains("XINHAI_PORT");
            assertThat(api.get("/v1/alerts/" + yangpu, officer).status()).isEqualTo(403);
            assertThat(api.post("/v1/alerts/" + yangpu + "/acknowledgement", officer, Map.of()).status()).isEqualTo(403);
            assertThat(api.get("/v1/alerts/statistics?portCode=YANGPU_PORT", officer).status()).isEqualTo(403);
            // the duty officer role carries ALERT_HANDLE
            assertThat(api.post("/v1/alerts/" + xinhai + "/acknowledgement", officer, Map.of()).status()).isEqualTo(200);

            // without ALERT_HANDLE (a role of monitoring only) the same officer may look but not handle
            assertThat(api.put("/v1/base-data/port-users/" + userId, operator, body("nameZh", "新海港值班员",
                    "orgCode", "XINHAI_DUTY", "roles", List.of(), "permissions", List.of("PORT_ALERTS"))).status())
                    .isEqualTo(200);
            Api.Reply denied = api.post("/v1/alerts/" + xinhai + "/closure", officer, Map.of("remark", "误报"));
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().get("code").asText()).isEqualTo("ALERT_HANDLE_DENIED");
            assertThat(api.get("/v1/alerts/" + xinhai, officer).json().get("status").asText()).isEqualTo("ACKNOWLEDGED");
        } finally {
            api.delete("/v1/base-data/port-users/" + userId, operator);
        }
        assertThat(api.get("/v1/alerts/" + yangpu, officer).status()).isEqualTo(200);
    }

    @Test
    void badRecordsAreRefusedInBothLanguagesAndChangeNothing() {
        long orgs = jdbc.queryForObject("SELECT count(*) FROM port_org", Long.class);
        long roles = jdbc.queryForObject("SELECT count(*) FROM port_role", Long.class);
        long users = jdbc.queryForObject("SELECT count(*) FROM port_user", Long.class);
        long menus = jdbc.queryForObject("SELECT count(*) FROM port_menu", Long.class);
        List<Api.Reply> refused = List.of(
                api.post("/v1/base-data/organisations", operator, body("code", "bad code", "nameZh", "甲")),
                api.post("/v1/base-data/organisations", operator, body("code", code("O"), "nameZh", "甲",
                        "parentCode", "NO_SUCH_ORG")),
                api.post("/v1/base-data/organisations", operator, body("code", code("O"), "nameZh", "甲",
                        "portCode", "ATLANTIS")),
                api.post("/v1/base-data/port-roles", operator, body("code", code("R"), "nameZh", "甲",
                        "permissions", List.of("PORT_MONITORING", "FLY_TO_THE_MOON"))),
                api.post("/v1/base-data/port-users", operator, body("code", "Not A Login", "nameZh", "甲",
                        "orgCode", "HN_COMMAND")),
                api.post("/v1/base-data/port-users", operator, body("code", "someone", "nameZh", "甲",
                        "orgCode", "NO_SUCH_ORG")),
                api.post("/v1/base-data/port-users", operator, body("code", "someone", "nameZh", "甲",
                        "orgCode", "HN_COMMAND", "roles", List.of("NO_SUCH_ROLE"))),
                api.post("/v1/base-data/menus", operator, body("code", code("M"), "nameZh", "甲",
                        "path", "javascript:alert(1)", "permissionCode", "PORT_ALERTS")),
                api.post("/v1/base-data/menus", operator, body("code", code("M"), "nameZh", "甲",
                        "path", "/officer/alerts", "permissionCode", "NO_SUCH_PERMISSION")));
        for (Api.Reply reply : refused) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().get("code").asText()).isEqualTo("ADMIN_INVALID");
            assertThat(reply.json().get("messageZh").asText()).startsWith("权限、菜单或日志查询无效");
            assertThat(reply.json().get("messageEn").asText()).startsWith("The permission, menu or log request is invalid");
        }
        assertThat(api.post("/v1/base-data/organisations", operator, body("code", "HN_COMMAND", "nameZh", "重复"))
                .status()).isEqualTo(409);
        JsonNode command = api.get("/v1/base-data/organisations?q=HN_COMMAND", operator).json().get("content").get(0);
        // the command centre cannot be put under its own duty office
        Api.Reply loop = api.put("/v1/base-data/organisations/" + command.get("id").asText(), operator,
                body("nameZh", "海南口岸指挥中心", "parentCode", "XINHAI_DUTY"));
        assertThat(loop.status()).isEqualTo(400);
        assertThat(api.get("/v1/base-data/run-logs?from=yesterday", operator).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM port_org", Long.class)).isEqualTo(orgs);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM port_role", Long.class)).isEqualTo(roles);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM port_user", Long.class)).isEqualTo(users);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM port_menu", Long.class)).isEqualTo(menus);
        assertThat(jdbc.queryForObject("SELECT parent_code FROM port_org WHERE code = 'HN_COMMAND'", String.class))
                .isNull();
    }

    @Test
    void onlyAdministratorsAndOperatorsReachPermissionsMenusAndLogs() {
        String traveler = tokens.user("youke", "traveler").mint();
        String enterprise = tokens.user("qiye", "enterprise-admin").enterprise("91460000MA5T000001").mint();
        for (String path : List.of("/v1/base-data/permissions", "/v1/base-data/organisations", "/v1/base-data/port-users",
                "/v1/base-data/port-roles", "/v1/base-data/menus", "/v1/base-data/operation-logs",
                "/v1/base-data/run-logs", "/v1/base-data/run-logs/export")) {
            assertThat(api.get(path, customs).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, maritime).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, enterprise).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, operator).status()).as(path).isEqualTo(200);
        }
        assertThat(api.post("/v1/base-data/port-roles", customs, body("code", code("R"), "nameZh", "甲")).status())
                .isEqualTo(403);
        assertThat(api.get("/v1/my-menus", traveler).status()).isEqualTo(403);
        assertThat(api.get("/v1/my-menus", enterprise).status()).isEqualTo(403);
        assertThat(api.get("/v1/my-menus", customs).status()).isEqualTo(200);
        JsonNode permissions = api.get("/v1/base-data/permissions", operator).json();
        assertThat(permissions.findValuesAsText("code")).contains("PORT_BIG_SCREEN", "PORT_ADMIN", "DATA_ALL_PORTS");
    }

    @Test
    void theOperationAndRunLogsAreListedSearchedAndExported() {
        Instant from = Instant.now().minusSeconds(5);
        String role = code("LOGGED");
        assertThat(api.post("/v1/base-data/port-roles", operator, body("code", role, "nameZh", "留痕")).status())
                .isEqualTo(201);
        JsonNode ops = Api.await(Duration.ofSeconds(15), () -> {
            JsonNode page = api.get("/v1/base-data/operation-logs?actor=xingzhiyuan&from=" + from, operator).json();
            for (JsonNode e : page.get("content")) {
                if (e.get("action").asText().contains("/base-data/port-roles")) {
                    return e;
                }
            }
            return null;
        });
        assertThat(ops.get("result").asText()).isEqualTo("SUCCESS");
        Api.Reply xlsx = api.get("/v1/base-data/operation-logs/export?actor=xingzhiyuan&from=" + from, operator);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(new String(xlsx.bytes(), 0, 2)).isEqualTo("PK");

        // the run log holds the service's own event lines (the start of this service among them) and its warnings
        JsonNode started = Api.await(Duration.ofSeconds(15), () -> {
            JsonNode page = api.get("/v1/base-data/run-logs?q=event%3Dservice-started", operator).json();
            return page.get("content").size() > 0 ? page : null;
        });
        assertThat(started.get("content").get(0).get("level").asText()).isEqualTo("INFO");
        org.slf4j.LoggerFactory.getLogger("cn.hnsw.portsituation.basedata.PortAdminIT")
                .warn("event=run-log-probe marker={}", role);
        JsonNode warned = Api.await(Duration.ofSeconds(15), () -> {
            JsonNode page = api.get("/v1/base-data/run-logs?level=warn&q=" + role, operator).json();
            // the line is written while the page is read: wait until the rows show it, not only the count
            return page.get("content").size() == 1 ? page : null;
        });
        assertThat(warned.get("content").get(0).get("message").asText()).contains("run-log-probe");
        assertThat(api.get("/v1/base-data/run-logs?level=ERROR&q=" + role, operator).json().get("totalElements")
                .asLong()).isZero();
        Api.Reply runXlsx = api.get("/v1/base-data/run-logs/export?q=" + role, operator);
        assertThat(runXlsx.status()).isEqualTo(200);
        assertThat(new String(runXlsx.bytes(), 0, 2)).isEqualTo("PK");
    }
}
