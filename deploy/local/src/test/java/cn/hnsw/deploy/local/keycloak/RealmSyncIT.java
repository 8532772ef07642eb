package cn.hnsw.deploy.local.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realm imported on an earlier start gains what its file gained since, on the real Keycloak: a role, a client, an
 * organisation under an existing one and a user in it, present only in the file, are added; everything that exists is skipped; a second sync adds nothing.
 */
class RealmSyncIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void addsWhatTheFileGainedAndSkipsWhatExists(@TempDir Path dir) throws Exception {
        KeycloakServer keycloak = KeycloakTestServer.shared();
        String probe = "sync-probe-" + System.nanoTime();
        ObjectNode export = (ObjectNode) JSON.readTree(Files.readAllBytes(KeycloakServer.realmFile(Path.of(System.getProperty("hnsw.root", "../..")).toAbsolutePath().normalize())));
        ((ArrayNode) export.path("roles").path("realm")).addObject().put("name", probe)
                .put("description", "同步探针 / sync probe");
        ((ArrayNode) export.path("clients")).addObject().put("clientId", probe).put("publicClient", true)
                .put("enabled", true);
        // a new organisation under an existing one, and a new user in it (the case an old local realm met)
        ((ArrayNode) export.path("groups").get(0).path("subGroups")).addObject().put("name", probe);
        String parent = export.path("groups").get(0).path("name").asText();
        ObjectNode user = ((ArrayNode) export.path("users")).addObject().put("username", probe).put("enabled", true);
        user.putArray("groups").add("/" + parent + "/" + probe);
        Path file = dir.resolve("hnsw-realm.json");
        Files.write(file, JSON.writeValueAsBytes(export));
        URI base = URI.create(keycloak.baseUrl());

        try {
            RealmSync.Result first = RealmSync.addMissing(base, KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD, file);
            assertThat(first.realm()).isEqualTo("hnsw");
            assertThat(first.added()).isEqualTo(4);
            assertThat(first.skipped()).isPositive();
            assertThat(admin(base, "GET", "/admin/realms/hnsw/roles/" + probe).statusCode()).isEqualTo(200);
            assertThat(clientUuid(base, probe)).isNotNull();
            JsonNode users = JSON.readTree(admin(base, "GET", "/admin/realms/hnsw/users?exact=true&username=" + probe).body());
            assertThat(users).hasSize(1);
            JsonNode groups = JSON.readTree(admin(base, "GET", "/admin/realms/hnsw/users/" + users.get(0).path("id").asText()
                    + "/groups").body());
            assertThat(groups.get(0).path("path").asText()).isEqualTo("/" + parent + "/" + probe);
            // the demo users and their passwords are untouched: a sign-in still works
            assertThat(new OidcTestClient(keycloak).signIn("traveler", KeycloakRealmIT.PASSWORD).status()).isEqualTo(200);

            RealmSync.Result second = RealmSync.addMissing(base, KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD, file);
            assertThat(second.added()).isZero();
        } finally {
            JsonNode users = JSON.readTree(admin(base, "GET", "/admin/realms/hnsw/users?exact=true&username=" + probe).body());
            for (JsonNode u : users) {
                admin(base, "DELETE", "/admin/realms/hnsw/users/" + u.path("id").asText());
            }
            HttpResponse<String> group = admin(base, "GET", "/admin/realms/hnsw/group-by-path/" + parent + "/" + probe);
            if (group.statusCode() == 200) {
                admin(base, "DELETE", "/admin/realms/hnsw/groups/" + JSON.readTree(group.body()).path("id").asText());
            }
            admin(base, "DELETE", "/admin/realms/hnsw/roles/" + probe);
            String uuid = clientUuid(base, probe);
            if (uuid != null) {
                admin(base, "DELETE", "/admin/realms/hnsw/clients/" + uuid);
            }
        }
    }

    private static String clientUuid(URI base, String clientId) throws Exception {
        JsonNode found = JSON.readTree(admin(base, "GET", "/admin/realms/hnsw/clients?clientId=" + clientId).body());
        return found.isArray() && !found.isEmpty() ? found.get(0).path("id").asText() : null;
    }

    private static HttpResponse<String> admin(URI base, String method, String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(base.resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + KeycloakServer.ADMIN_USERNAME + "&password=" + KeycloakServer.ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        String bearer = JSON.readTree(token.body()).path("access_token").asText();
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + bearer)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
