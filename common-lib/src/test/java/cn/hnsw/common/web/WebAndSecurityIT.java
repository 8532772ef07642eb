package cn.hnsw.common.web;

import cn.hnsw.common.testapp.HttpCalls;
import cn.hnsw.common.testapp.HttpCalls.Reply;
import cn.hnsw.common.testapp.SampleApplication;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest(classes = SampleApplication.class)
class WebAndSecurityIT {

    static final String ENTERPRISE_A = "91460100MA5RCXXX0A";
    static final String ENTERPRISE_B = "91460200MA5TBYYY1B";
    static final String WIDGETS = "/api/sample/v1/widgets";

    @LocalServerPort
    int port;
    HttpCalls http;
    final TestTokens tokens = TestTokens.issuer();

    @BeforeEach
    void setUp() {
        http = new HttpCalls(port);
    }

    String declarant(String enterprise) {
        return tokens.user("declarant-" + enterprise.substring(14), "enterprise-declarant").enterprise(enterprise).mint();
    }

    @Test
    void validationFailureListsEachFieldInChineseAndEnglish() {
        Reply r = http.post(WIDGETS, declarant(ENTERPRISE_A), "{\"name\":\"\",\"value\":-3}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(p.path("type").asText()).isEqualTo("https://hnsw.gov.cn/problems/validation-failed");
        assertThat(p.path("status").asInt()).isEqualTo(400);
        assertThat(p.path("detail").asText()).isEqualTo("请求数据校验未通过");
        assertThat(p.path("messageEn").asText()).isEqualTo("The request did not pass validation");
        assertThat(p.path("errors")).hasSize(2);
        JsonNode name = field(p, "name");
        assertThat(name.path("constraint").asText()).isEqualTo("NotBlank");
        assertThat(name.path("messageZh").asText()).isEqualTo("不能为空");
        assertThat(name.path("messageEn").asText()).isEqualTo("must not be blank");
        JsonNode value = field(p, "value");
        assertThat(value.path("messageZh").asText()).isEqualTo("必须是正数");
        assertThat(value.path("messageEn").asText()).isEqualTo("must be greater than 0");
    }

    @Test
    void detailFollowsTheAcceptedLanguage() {
        Reply r = http.post(WIDGETS, declarant(ENTERPRISE_A), "{\"name\":\"\",\"value\":1}", "Accept-Language", "en-US");
        assertThat(r.json().path("detail").asText()).isEqualTo("The request did not pass validation");
        assertThat(r.json().path("messageZh").asText()).isEqualTo("请求数据校验未通过");
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        Reply r = http.post(WIDGETS, declarant(ENTERPRISE_A), "{\"name\": \"x\", ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("jackson");
    }

    @Test
    void unexpectedFailureHidesItsCauseAndGivesTheRequestId() {
        Reply r = http.post(WIDGETS + "/w-1/explosion", declarant(ENTERPRISE_A), "{}", "X-Request-Id", "req-test-0001");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().path("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(r.json().path("requestId").asText()).isEqualTo("req-test-0001");
        assertThat(r.body()).doesNotContain("secret").doesNotContain("IllegalState").doesNotContain("Secret.java")
                .doesNotContain("\"trace\"");
    }

    @Test
    void requestIdIsEchoedOrCreatedButNeverTakenRaw() {
        assertThat(http.get("/actuator/health", null, "X-Request-Id", "abc-DEF_123.456").header("X-Request-Id"))
                .isEqualTo("abc-DEF_123.456");
        String made = http.get("/actuator/health", null).header("X-Request-Id");
        assertThat(made).matches("[0-9a-f-]{36}");
        String replaced = http.get("/actuator/health", null, "X-Request-Id", "bad id with spaces\tand tabs")
                .header("X-Request-Id");
        assertThat(replaced).matches("[0-9a-f-]{36}");
    }

    @Test
    void oversizedBodiesAreRefusedWith413WithOrWithoutContentLength() {
        String big = "{\"name\":\"" + "x".repeat(5000) + "\",\"value\":1}";
        Reply declared = http.post(WIDGETS, declarant(ENTERPRISE_A), big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(declared.json().path("messageEn").asText()).contains("4KB");
        Reply chunked = http.postChunked(WIDGETS, declarant(ENTERPRISE_A), big.getBytes(StandardCharsets.UTF_8));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void healthIsOpenButTheApiNeedsAValidTokenOfTheRightAudience() {
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(http.get(WIDGETS + "/public/ping", null).status()).as("listed in hnsw.security.public-paths").isEqualTo(200);
        Reply none = http.get(WIDGETS + "/x", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(http.get(WIDGETS + "/x", tokens.user("u", "enterprise-declarant").expired().mint()).status())
                .isEqualTo(401);
        assertThat(http.get(WIDGETS + "/x", tokens.user("u", "enterprise-declarant").signedByUnknownKey().mint()).status())
                .isEqualTo(401);
        assertThat(http.get(WIDGETS + "/x", tokens.user("u", "enterprise-declarant").audience("other-api").mint()).status())
                .isEqualTo(401);
        assertThat(http.get(WIDGETS + "/x", tokens.user("u", "enterprise-declarant").issuer("http://evil/realms/hnsw").mint())
                .status()).isEqualTo(401);
        assertThat(http.get(WIDGETS + "/x", "not-a-jwt").status()).isEqualTo(401);
    }

    @Test
    void rolesAreEnforced() {
        Reply traveler = http.post(WIDGETS, tokens.user("li.na", "traveler").mint(), "{\"name\":\"n\",\"value\":1}");
        assertThat(traveler.status()).isEqualTo(403);
        assertThat(traveler.json().path("code").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(traveler.json().path("detail").asText()).isEqualTo("无权执行此操作");
    }

    @Test
    void anEnterpriseSeesItsOwnRecordsAndNotAnothers() {
        Reply created = http.post(WIDGETS, declarant(ENTERPRISE_A), "{\"name\":\"冷链设备\",\"value\":12.50}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("enterprise").asText()).isEqualTo(ENTERPRISE_A);

        assertThat(http.get(WIDGETS + "/" + id, declarant(ENTERPRISE_A)).status()).isEqualTo(200);
        Reply other = http.get(WIDGETS + "/" + id, declarant(ENTERPRISE_B));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("code").asText()).isEqualTo("ENTERPRISE_SCOPE_VIOLATION");
        Reply noClaim = http.get(WIDGETS + "/" + id, tokens.user("orphan", "enterprise-declarant").mint());
        assertThat(noClaim.status()).isEqualTo(403);
        assertThat(http.get(WIDGETS + "/" + id, tokens.user("officer", "customs-officer")
                .organization("/customs/haikou/xinhai-port").mint()).status()).isEqualTo(200);
    }

    private static JsonNode field(JsonNode problem, String name) {
        for (JsonNode e : problem.path("errors")) {
            if (name.equals(e.path("field").asText())) {
                return e;
            }
        }
        throw new AssertionError("no error for field " + name + " in " + problem);
    }

    @Test
    void anAsynchronousRequestThatTimesOutBeforeAnsweringGetsA503Problem() {
        Reply r = http.get(WIDGETS + "/public/slow", null);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().path("code").asText()).isEqualTo("REQUEST_TIMEOUT");
        assertThat(r.json().path("messageEn").asText()).isEqualTo("The request timed out; try again later");
    }

    @Test
    void anEventStreamThatTimesOutEndsWithWhatItSent() {
        Reply r = http.get(WIDGETS + "/public/stream", null, "Accept", "text/event-stream");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        assertThat(r.body()).contains("event:hello").contains("data:1").doesNotContain("INTERNAL_ERROR");
    }

    @Test
    void aClientThatLeavesALiveStreamIsNotAnInternalError() throws Exception {
        ch.qos.logback.classic.Logger advice = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen = new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        advice.addAppender(seen);
        try {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("GET " + WIDGETS + "/public/live HTTP/1.1\r\nHost: localhost\r\n"
                        + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                byte[] buffer = new byte[4096];
                int read = socket.getInputStream().read(buffer);
                assertThat(new String(buffer, 0, Math.max(read, 0), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
                socket.setSoLinger(true, 0); // reset: the server's next writes fail at once
            }
            Thread.sleep(2_000); // the stream keeps writing into the closed connection and fails
            assertThat(seen.list).as("what the advice logged after the client left")
                    .noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR));
        } finally {
            advice.detachAppender(seen);
        }
    }
}
