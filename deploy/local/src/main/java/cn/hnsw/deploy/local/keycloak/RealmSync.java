package cn.hnsw.deploy.local.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Brings a realm that was imported on an earlier start up to date with the realm file: {@code --import-realm} skips a
 * realm that exists, so clients, roles and users added to the file later (a new service's admin client, a new
 * platform role, a demo user) would never reach a local stack whose database outlives them. Keycloak's partial import
 * adds what is missing and leaves everything that exists as it is ({@code ifResourceExists: SKIP}): passwords changed
 * in the running realm, its sessions and its events are untouched.
 */
final class RealmSync {

    /**
     * Not groups: Keycloak 26's partial import neither recognises an existing top-level group (it fails the whole
     * import on the unique name) nor looks into one for new subgroups, so {@link #addMissingGroups} adds those first,
     * one by one, before users that name them arrive.
     */
    static final List<String> RESOURCES = List.of("clients", "roles", "users");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmSync() {
    }

    /** What Keycloak added; {@code added} is 0 when the realm already had everything. */
    record Result(String realm, int added, int skipped) {
    }

    private record Admin(HttpClient http, URI base, String realm, String token) {

        HttpResponse<String> send(String method, String path, JsonNode body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/admin/realms/" + realm + path))
                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token);
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The partial-import body for a realm export: its clients, roles and users, existing ones skipped. */
    static ObjectNode partialImport(JsonNode realmExport) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ifResourceExists", "SKIP");
        for (String resource : RESOURCES) {
            if (realmExport.has(resource)) {
                body.set(resource, realmExport.get(resource));
            }
        }
        return body;
    }

    /** Adds what {@code realmFile} has and the running realm lacks, through the admin API at {@code base}. */
    static Result addMissing(URI base, String adminUsername, String adminPassword, Path realmFile) throws IOException,
            InterruptedException {
        JsonNode export = JSON.readTree(Files.readAllBytes(realmFile));
        String realm = export.path("realm").asText();
        if (realm.isEmpty()) {
            throw new IOException("realm file without a realm name: " + realmFile);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(adminUsername) + "&password="
                + enc(adminPassword);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(base.resolve("/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IOException("admin token refused: HTTP " + token.statusCode());
        }
        Admin admin = new Admin(http, base, realm, JSON.readTree(token.body()).path("access_token").asText());
        int groups = addMissingGroups(admin, export.path("groups"), null, "");
        HttpResponse<String> imported = admin.send("POST", "/partialImport", partialImport(export));
        if (imported.statusCode() != 200) {
            throw new IOException("partial import of realm " + realm + " answered HTTP " + imported.statusCode() + ": "
                    + cut(imported.body()));
        }
        JsonNode answer = JSON.readTree(imported.body());
        return new Result(realm, groups + answer.path("added").asInt(), answer.path("skipped").asInt());
    }

    /** Creates the groups of the file's tree that the realm lacks, parents first; returns how many. */
    private static int addMissingGroups(Admin admin, JsonNode groups, String parentId, String parentPath)
            throws IOException, InterruptedException {
        int created = 0;
        for (JsonNode group : groups) {
            String name = group.path("name").asText();
            String path = parentPath + "/" + name;
            String id;
            HttpResponse<String> found = admin.send("GET", "/group-by-path" + encodePath(path), null);
            if (found.statusCode() == 200) {
                id = JSON.readTree(found.body()).path("id").asText();
            } else if (found.statusCode() == 404) {
                ObjectNode rep = JSON.createObjectNode();
                rep.put("name", name);
                if (group.has("attributes")) {
                    rep.set("attributes", group.get("attributes"));
                }
                HttpResponse<String> made = admin.send("POST", parentId == null ? "/groups" : "/groups/" + parentId + "/children", rep);
                if (made.statusCode() != 201) {
                    throw new IOException("group " + path + " could not be created: HTTP " + made.statusCode() + " " + cut(made.body()));
                }
                id = made.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                        .orElseThrow(() -> new IOException("group " + path + " created without a Location"));
                created++;
            } else {
                throw new IOException("group " + path + " could not be looked up: HTTP " + found.statusCode());
            }
            created += addMissingGroups(admin, group.path("subGroups"), id, path);
        }
        return created;
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.substring(1).split("/")) {
            out.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
