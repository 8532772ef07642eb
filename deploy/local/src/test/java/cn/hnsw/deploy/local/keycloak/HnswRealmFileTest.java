package cn.hnsw.deploy.local.keycloak;

import cn.hnsw.common.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm file itself, without a server: what services and the web app rely on is declared (roles, PKCE, audience,
 * groups), and the demo data is consistent (valid credit codes, existing groups). Fails in milliseconds where the
 * server test would need a Keycloak start to say the same.
 */
class HnswRealmFileTest {

    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        Path file = KeycloakServer.realmFile(Path.of(System.getProperty("hnsw.root", "../..")).toAbsolutePath().normalize());
        realm = new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void realmSettings() {
        assertThat(realm.path("realm").asText()).isEqualTo("hnsw");
        assertThat(realm.path("defaultLocale").asText()).isEqualTo("zh-CN");
        assertThat(texts(realm.path("supportedLocales"))).containsExactlyInAnyOrder("zh-CN", "en");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isEqualTo(1800);
        assertThat(realm.path("eventsEnabled").asBoolean()).isTrue();
        assertThat(texts(realm.path("enabledEventTypes"))).contains("LOGIN", "LOGIN_ERROR", "LOGOUT");
    }

    @Test
    void everyPlatformRoleIsDeclaredWithAChineseAndEnglishDescription() {
        Map<String, String> descriptions = new HashMap<>();
        realm.path("roles").path("realm").forEach(r -> descriptions.put(r.path("name").asText(), r.path("description").asText()));
        List<String> expected = new ArrayList<>(Roles.ALL);
        expected.addAll(List.of("internal-service", "partner-gate", "partner-ticketing", "partner-bank", "partner-ais"));

        assertThat(descriptions).containsKeys(expected.toArray(String[]::new));
        for (String role : expected) {
            assertThat(descriptions.get(role)).as(role).matches("(?s).*\\p{IsHan}.* / [A-Z].*");
        }
    }

    @Test
    void webClientIsPublicWithAuthorizationCodeAndPkceOnly() {
        JsonNode web = client("hnsw-web");
        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(web.path("frontchannelLogout").asBoolean()).isTrue();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(texts(web.path("redirectUris"))).containsExactlyInAnyOrder("http://localhost:8080/*",
                "http://127.0.0.1:8080/*", "http://localhost:5173/*", "http://127.0.0.1:5173/*");
        assertThat(texts(web.path("webOrigins"))).containsExactly("+");
        assertThat(mapperClaims(web)).contains("enterprise", "enterprise_name", "organization", "remember_me");
    }

    @Test
    void serviceAndPartnerClientsAreConfidentialClientCredentialsClientsWithTheirRole() {
        Map<String, JsonNode> serviceAccounts = new HashMap<>();
        realm.path("users").forEach(u -> {
            if (u.has("serviceAccountClientId")) {
                serviceAccounts.put(u.path("serviceAccountClientId").asText(), u);
            }
        });
        List<String> confidential = StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> !c.path("publicClient").asBoolean())
                .map(c -> c.path("clientId").asText())
                .toList();

        assertThat(confidential).contains("hnsw-svc-passenger", "hnsw-svc-ledger", "hnsw-svc-trade-window",
                "hnsw-svc-port-situation", "hnsw-svc-customs", "hnsw-svc-maritime", "hnsw-svc-border",
                "hnsw-svc-video-analytics", "hnsw-svc-simulators", "partner-gate-xinhai", "partner-gate-xiuying",
                "partner-gate-yangpu", "partner-ticketing-xinhai", "partner-bank-boc-hainan", "partner-ais-feeder");
        for (String clientId : confidential) {
            JsonNode client = client(clientId);
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(clientId).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.path("secret").asText()).as(clientId).isEqualTo(clientId + "-local-secret");
            if (clientId.startsWith("hnsw-admin-")) {
                // a service's system-admin client: Keycloak admin API rights only, no platform role to call services with
                assertThat(texts(serviceAccounts.get(clientId).path("realmRoles"))).as(clientId)
                        .containsExactly("default-roles-hnsw");
                assertThat(texts(serviceAccounts.get(clientId).path("clientRoles").path("realm-management")))
                        .as(clientId).contains("view-users", "manage-users", "view-events");
                continue;
            }
            String role = clientId.startsWith("hnsw-svc-") ? "internal-service" : "partner-" + clientId.split("-")[1];
            assertThat(texts(serviceAccounts.get(clientId).path("realmRoles"))).as(clientId).contains(role);
        }
    }

    @Test
    void enterpriseUsersCarryAValidCreditCodeAndBelongToThatEnterprisesGroup() {
        Set<String> groups = new HashSet<>();
        collectPaths(realm.path("groups"), "", groups);
        int enterpriseUsers = 0;
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            String username = user.path("username").asText();
            List<String> roles = texts(user.path("realmRoles"));
            List<String> userGroups = texts(user.path("groups"));
            assertThat(groups).as(username).containsAll(userGroups);
            assertThat(user.path("email").asText()).as(username).isEqualTo(username + "@example.cn");
            JsonNode enterprise = user.path("attributes").path("enterprise");
            if (roles.stream().anyMatch(Roles.ENTERPRISE_ROLES::contains)) {
                enterpriseUsers++;
                String code = enterprise.path(0).asText();
                assertThat(UnifiedSocialCreditCode.isValid(code)).as(username + " " + code).isTrue();
                assertThat(code).as("Hainan region code").startsWith("9146");
                assertThat(userGroups).as(username).containsExactly("/enterprises/" + code);
                assertThat(user.path("attributes").path("enterprise_name").path(0).asText()).as(username).startsWith("海南");
            } else {
                assertThat(enterprise.isMissingNode()).as(username + " has no enterprise").isTrue();
            }
        }
        assertThat(enterpriseUsers).isEqualTo(3);
    }

    @Test
    void creditCodeCheckAcceptsPublishedCodesAndRefusesAWrongCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91460106MA5T8K3R0A")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91460106MA5T8K3R0B")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91460106MA5T8K3R1A")).isFalse();
        // the 18th character fits, but the organisation code's own check digit (the 17th) does not
        assertThat(UnifiedSocialCreditCode.isValid("91460106MA5T8K3R1D")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91460106MA5I8K3R0A")).as("I is not in the alphabet").isFalse();
    }

    private static JsonNode client(String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asText().equals(clientId)) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static List<String> mapperClaims(JsonNode client) {
        List<String> claims = new ArrayList<>();
        client.path("protocolMappers").forEach(m -> claims.add(m.path("config").path("claim.name").asText()));
        return claims;
    }

    private static void collectPaths(JsonNode groups, String parent, Set<String> paths) {
        for (JsonNode g : groups) {
            String path = parent + "/" + g.path("name").asText();
            paths.add(path);
            collectPaths(g.path("subGroups"), path, paths);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
