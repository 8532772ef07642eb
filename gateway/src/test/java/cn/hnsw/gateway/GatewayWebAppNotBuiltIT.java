package cn.hnsw.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Before {@code npm run build}: the gateway says so in both languages instead of failing. */
@TestPropertySource(properties = "hnsw.test.web-dist=${java.io.tmpdir}/hnsw-web-dist-never-built")
class GatewayWebAppNotBuiltIT extends GatewayIntegrationTest {

    @Test
    void answersTheRootAndTheAppsRoutesWithABilingualNotBuiltPage() {
        for (String path : new String[] {"/", "/portal/declarations"}) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(r.body()).contains("网页应用尚未构建", "the web app is not built", "npm run build", "hnsw.web.dist");
        }
        assertProblem(get("/" + HASHED_SCRIPT, null), 404, "NOT_FOUND");
        assertThat(get("/api/passenger/v1/declarations", token("traveler")).statusCode())
                .as("the API works without the web app").isEqualTo(200);
    }
}
