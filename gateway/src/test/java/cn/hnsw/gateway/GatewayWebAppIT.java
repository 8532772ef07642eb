package cn.hnsw.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The built web app, its client-side routes, and the aggregated OpenAPI documents. */
class GatewayWebAppIT extends GatewayIntegrationTest {

    @Test
    void servesIndexAtTheRootAndRevalidatesItOnEachUse() {
        HttpResponse<String> r = get("/", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(INDEX_HTML);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String lastModified = r.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(get("/", null, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    }

    @Test
    void cachesHashedAssetsForAYear() {
        HttpResponse<String> r = get("/" + HASHED_SCRIPT, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("console.log('hnsw')");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));

        HttpResponse<String> robots = get("/robots.txt", null);
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Cache-Control")).as("unhashed names are revalidated").hasValue("no-cache");
    }

    @Test
    void answersTheAppsOwnRoutesWithIndex() {
        for (String path : List.of("/portal", "/console/declarations/42", "/big-screen")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).isEqualTo(INDEX_HTML);
            assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
        }
    }

    @Test
    void answersMissingFilesAndPlatformPathsWithNotFoundRatherThanIndex() {
        assertProblem(get("/assets/index-missing0.js", null), 404, "NOT_FOUND");
        assertProblem(get("/favicon.ico", null), 404, "NOT_FOUND");
        assertProblem(get("/api/nowhere", token("traveler")), 404, "NOT_FOUND");
        assertProblem(get("/api-docs/no-such-service", null), 404, "NOT_FOUND");
        assertProblem(get("/../etc/passwd", null), 400, "MALFORMED_REQUEST");
        assertProblem(get("/assets/%2e%2e/%2e%2e/etc/passwd", null), 400, "MALFORMED_REQUEST");
    }

    @Test
    void refusesToWriteToTheWebApp() {
        HttpResponse<String> r = send(request("/portal").POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertProblem(r, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void servesEachServicesApiDocsWithTheGatewayAsServerAndWithoutAToken() {
        HttpResponse<String> r = get("/api-docs/passenger-service", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("paths").has("/api/passenger/v1/declarations")).isTrue();
        assertThat(doc.path("servers")).hasSize(1);
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo("/");
    }

    @Test
    void listsEveryServiceInOneSwaggerUi() {
        HttpResponse<String> config = get("/v3/api-docs/swagger-config", null);
        assertThat(config.statusCode()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        json(config).path("urls").forEach(u -> urls.add(u.path("url").asText()));
        assertThat(urls).contains("/v3/api-docs", "/api-docs/passenger-service", "/api-docs/limited-service",
                "/api-docs/down-service");

        HttpResponse<String> ui = get("/swagger-ui.html", null);
        assertThat(ui.statusCode()).isEqualTo(302);
        String location = ui.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = get(location.replaceFirst("^https?://[^/]+", ""), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        HttpResponse<String> gatewayDoc = get("/v3/api-docs", null);
        assertThat(gatewayDoc.statusCode()).isEqualTo(200);
        assertThat(json(gatewayDoc).path("paths").has("/api/status")).isTrue();
    }
}
