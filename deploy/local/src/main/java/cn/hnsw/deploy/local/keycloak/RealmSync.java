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
     * Not groups: Keycloak 26's partial import does not recognise an existing top-level group as existing and fails
     * the whole import on its unique name, so organisations added to the file later still need {@code ./hnsw reset}.
     */
    static final List<String> RESOURCES = List.of("clients", "roles", "users");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmSync() {
    }

    /** What Keycloak added; {@code added} is 0 when the realm already had everything. */
    record Result(String realm, int added, int skipped) {
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
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(base.resolve("/admin/realms/" + realm + "/partialImport"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(partialImport(export)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IOException("partial import of realm " + realm + " answered HTTP " + imported.statusCode() + ": "
                    + cut(imported.body()));
        }
        JsonNode answer = JSON.readTree(imported.body());
        return new Result(realm, answer.path("added").asInt(), answer.path("skipped").asInt());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
