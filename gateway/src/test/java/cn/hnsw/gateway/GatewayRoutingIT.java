package cn.hnsw.gateway;

import cn.hnsw.testsupport.jwt.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway routes /api/<service>/** only for valid tokens, passes the request id, strips headers outsiders must
 * not set and refuses with problem details.
 */
class GatewayRoutingIT extends GatewayIntegrationTest {

    @Test
    void routesAuthenticatedCallsToTheirServiceAndPassesTheToken() {
        String token = token("traveler");
        String id = newRequestId();
        HttpResponse<String> r = get("/api/passenger/v1/declarations", token, "X-Request-Id", id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("path").asText()).isEqualTo("/api/passenger/v1/declarations");
        assertThat(BACKEND.calls(id)).singleElement()
                .satisfies(call -> assertThat(call.header("Authorization")).isEqualTo("Bearer " + token));
    }

    @Test
    void letsAServicesPublicPagesThroughWithoutATokenAndNothingElse() {
        HttpResponse<String> open = get("/api/passenger/v1/public/certificates/ABC123", null);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(json(open).path("path").asText()).isEqualTo("/api/passenger/v1/public/certificates/ABC123");

        assertUnauthenticated(get("/api/passenger/v1/publicity", null));
        assertUnauthenticated(get("/api/passenger/v2/public/x", null));
    }

    @Test
    void keepsASaneRequestIdEndToEnd() {
        String id = newRequestId();
        HttpResponse<String> r = get("/api/passenger/v1/declarations", token("traveler"), "X-Request-Id", id);
        assertThat(r.headers().allValues("X-Request-Id")).containsExactly(id);
        assertThat(BACKEND.calls(id)).singleElement()
                .satisfies(call -> assertThat(call.header("X-Request-Id")).isEqualTo(id));
    }

    @Test
    void replacesAnInsaneRequestIdAndMakesOneWhenThereIsNone() {
        HttpResponse<String> insane = get("/api/passenger/v1/declarations", token("traveler"),
                "X-Request-Id", "x<script>alert(1)</script>");
        String generated = insane.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(BACKEND.calls(generated)).as("the service gets the id the client got").hasSize(1);

        HttpResponse<String> none = get("/api/passenger/v1/declarations", token("traveler"));
        String made = none.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(made).matches("[0-9a-f-]{36}").isNotEqualTo(generated);
        assertThat(BACKEND.calls(made)).hasSize(1);
    }

    @Test
    void stripsInternalAndSpoofedForwardingHeaders() {
        String id = newRequestId();
        HttpResponse<String> r = get("/api/passenger/v1/declarations", token("traveler"),
                "X-Request-Id", id,
                "X-Internal-Call", "true",
                "X-Forwarded-For", "203.0.113.9, 198.51.100.7",
                "Forwarded", "for=203.0.113.9",
                "X-Real-IP", "203.0.113.9",
                "X-Forwarded-Proto", "https");
        assertThat(r.statusCode()).isEqualTo(200);
        TestBackend.Call call = BACKEND.calls(id).getFirst();
        assertThat(call.header("X-Internal-Call")).as("outsiders cannot forge the internal-call marker").isNull();
        assertThat(call.header("X-Forwarded-For")).as("the real peer, not the client's claim").isEqualTo("127.0.0.1");
        assertThat(call.header("Forwarded")).isNull();
        assertThat(call.header("X-Real-IP")).isNull();
        assertThat(call.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(call.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void refusesMissingForgedExpiredForeignAndMisaddressedTokensWithProblemDetails() {
        TestTokens tokens = TestTokens.issuer();
        String path = "/api/passenger/v1/declarations";
        assertUnauthenticated(get(path, null));
        assertUnauthenticated(get(path, tokens.user("x", "traveler").signedByUnknownKey().mint()));
        assertUnauthenticated(get(path, tokens.user("x", "traveler").expired().mint()));
        assertUnauthenticated(get(path, tokens.user("x", "traveler")
                .issuer("http://127.0.0.1:1/realms/elsewhere").mint()));
        assertUnauthenticated(get(path, tokens.user("x", "traveler").audience("another-api").mint()));
        assertUnauthenticated(get(path, "not-a-jwt"));
    }

    private static void assertUnauthenticated(HttpResponse<String> r) {
        JsonNode problem = assertProblem(r, 401, "UNAUTHENTICATED");
        assertThat(problem.path("detail").asText()).isEqualTo("未登录或登录已失效，请重新登录");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void answersInEnglishOnlyWhenTheClientPrefersIt() {
        String path = "/api/passenger/v1/declarations";
        assertThat(assertProblem(get(path, null, "Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"), 401, "UNAUTHENTICATED")
                .path("detail").asText()).isEqualTo("Not signed in, or the sign-in has expired");
        assertThat(assertProblem(get(path, null, "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"), 401, "UNAUTHENTICATED")
                .path("detail").asText()).isEqualTo("未登录或登录已失效，请重新登录");
        assertThat(assertProblem(get(path, null, "Accept-Language", "fr-FR, en;q=0.5"), 401, "UNAUTHENTICATED")
                .path("detail").asText()).as("English is not the first choice").startsWith("未登录");
        assertThat(assertProblem(get(path, null, "Accept-Language", ";;;q=x"), 401, "UNAUTHENTICATED")
                .path("detail").asText()).startsWith("未登录");
    }

    @Test
    void operationalEndpointsNeedThePlatformAdministratorRole() {
        assertThat(get("/api/passenger/v1/declarations", token("traveler")).statusCode()).isEqualTo(200);
        assertProblem(get("/actuator/circuitbreakers", token("customs-officer")), 403, "ACCESS_DENIED");
        assertProblem(get("/actuator/circuitbreakers", null), 401, "UNAUTHENTICATED");
        HttpResponse<String> admin = get("/actuator/circuitbreakers", token("platform-admin"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("passenger-service");
        assertProblem(get("/actuator/gateway/routes", token("platform-admin")), 404, "NOT_FOUND");
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void answersAPathNoServiceOwnsWithNotFound() {
        assertProblem(get("/api/nowhere/v1/things", token("traveler")), 404, "NOT_FOUND");
        assertProblem(get("/api", token("traveler")), 404, "NOT_FOUND");
    }
}
