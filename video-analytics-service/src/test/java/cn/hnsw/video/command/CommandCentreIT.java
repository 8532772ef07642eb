package cn.hnsw.video.command;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 现场集中监控指挥 through HTTP: query templates, display templates and command tasks; drafts are not run or shown. */
@ServiceIntegrationTest
class CommandCentreIT {

    @LocalServerPort
    int port;

    private final TestTokens tokens = TestTokens.issuer();
    private final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    private final String reviewer = tokens.user("li.qiang", "customs-reviewer").mint();
    private final String trader = tokens.user("trader.li", "enterprise-user").mint();

    private String camera(ApiClient api, String code, String name) {
        Reply c = api.post("/cameras", officer, Map.of("deviceCode", code, "name", name, "cameraType", "BOX",
                "protocol", "FILE", "sourceUrl", "/dev/null", "portCode", "XYG"));
        assertThat(c.status()).as(c.body().toString()).isEqualTo(201);
        return c.text("id");
    }

    @Test
    void aQueryTemplateRunsOnlyOncePublishedAndSelectsWhatTheFindingsFilterSelects() {
        ApiClient api = new ApiClient(port);
        String base = "/command-centre/query-templates";
        assertThat(api.post(base, reviewer, Map.of("name", "x", "kind", "RUNNING")).status()).isEqualTo(403);
        assertThat(api.post(base, officer, Map.of("name", "x", "kind", "TELEPATHY")).text("code"))
                .isEqualTo("ANALYSIS_KIND_INVALID");
        Reply q = api.post(base, officer, Map.of("name", "未处置的奔跑", "kind", "RUNNING", "code", "RUNNING",
                "status", "OPEN"));
        assertThat(q.status()).as(q.body().toString()).isEqualTo(201);
        String id = q.text("id");
        assertThat(api.get(base + "/" + id + "/results", officer).text("code")).isEqualTo("TEMPLATE_NOT_PUBLISHED");
        assertThat(api.post(base + "/" + id + "/publication", officer, Map.of()).body().get("published").asBoolean())
                .isTrue();
        Reply results = api.get(base + "/" + id + "/results?size=200", reviewer);
        Reply direct = api.get("/analysis-findings?kind=RUNNING&code=RUNNING&status=OPEN&size=200", reviewer);
        assertThat(results.body().get("totalElements").asLong()).isEqualTo(direct.body().get("totalElements").asLong());
        assertThat(results.body().get("content").findValuesAsText("code")).allMatch("RUNNING"::equals);
        // a change makes it a draft again
        Reply changed = api.put(base + "/" + id, officer, Map.of("name", "全部奔跑", "kind", "RUNNING", "code", "RUNNING"));
        assertThat(changed.body().get("published").asBoolean()).isFalse();
        assertThat(api.get(base + "?published=true", reviewer).body().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.delete(base + "/" + id, officer).status()).isEqualTo(204);
        assertThat(api.delete(base + "/" + id, officer).status()).isEqualTo(404);
        assertThat(api.get(base, trader).status()).isEqualTo(403);
    }

    @Test
    void aDisplayTemplateShowsItsCamerasOncePublishedAndACommandTaskGathersSignalsOfficersAndTalkGroup() {
        ApiClient api = new ApiClient(port);
        String a = camera(api, "46010000001320000501", "秀英港客运站候船大厅 1 号");
        String b = camera(api, "46010000001320000502", "秀英港客运站出岛通道 2 号");
        String base = "/command-centre/display-templates";
        assertThat(api.post(base, officer, Map.of("name", "x", "grid", 1, "cameraIds", List.of(a, b))).status())
                .isEqualTo(400);
        Reply d = api.post(base, officer, Map.of("name", "秀英港客运站", "grid", 4, "cameraIds", List.of(a)));
        assertThat(d.status()).as(d.body().toString()).isEqualTo(201);
        String id = d.text("id");
        assertThat(api.put(base + "/" + id, officer, Map.of("cameraIds", List.of(a, b))).body().get("cameraIds"))
                .hasSize(2);
        assertThat(api.get(base + "/" + id + "/cameras", reviewer).text("code")).isEqualTo("TEMPLATE_NOT_PUBLISHED");
        api.post(base + "/" + id + "/publication", officer, Map.of());
        assertThat(api.get(base + "/" + id + "/cameras", reviewer).body().findValuesAsText("id")).containsExactly(a, b);
        assertThat(api.get(base + "?published=true", reviewer).body().findValuesAsText("id")).contains(id);
        assertThat(api.delete(base + "/" + id, officer).status()).isEqualTo(204);

        String tasks = "/command-centre/tasks";
        Reply t = api.post(tasks, officer, Map.of("title", "秀英港客运站人员聚集处置", "level", "HIGH", "cameraIds",
                List.of(a), "officers", List.of("zhang.wei", "lin.feng")));
        assertThat(t.status()).as(t.body().toString()).isEqualTo(201);
        String tid = t.text("id");
        assertThat(api.post(tasks, officer, Map.of("title", "x", "level", "URGENT")).status()).isEqualTo(400);
        // 视频信号数据源新增/修改/删除
        assertThat(api.post(tasks + "/" + tid + "/cameras/" + b, officer, Map.of()).body().get("cameraIds")).hasSize(2);
        Reply removed = api.delete(tasks + "/" + tid + "/cameras/" + a, officer);
        assertThat(removed.body().get("cameraIds")).hasSize(1);
        assertThat(removed.body().get("cameraIds").get(0).asText()).isEqualTo(b);
        assertThat(api.get(tasks + "/" + tid, reviewer).body().get("task").get("cameraIds").get(0).asText()).isEqualTo(b);
        assertThat(api.put(tasks + "/" + tid + "/cameras", officer, Map.of("cameraIds", List.of(a, b))).body()
                .get("cameraIds")).hasSize(2);
        // 指挥音频配置, 指挥任务修改, the command desk's view
        assertThat(api.put(tasks + "/" + tid + "/audio", officer, Map.of("channel", "XYG-TG-07")).text("audioChannel"))
                .isEqualTo("XYG-TG-07");
        assertThat(api.put(tasks + "/" + tid + "/audio", reviewer, Map.of("channel", "x")).status()).isEqualTo(403);
        assertThat(api.put(tasks + "/" + tid, officer, Map.of("level", "MEDIUM", "status", "CLOSED")).text("status"))
                .isEqualTo("CLOSED");
        Reply view = api.get(tasks + "/" + tid, reviewer);
        assertThat(view.body().get("cameras").findValuesAsText("id")).containsExactly(a, b);
        assertThat(view.body().get("task").get("officers")).hasSize(2);
        assertThat(api.delete(tasks + "/" + tid, officer).status()).isEqualTo(204);
        assertThat(api.get(tasks + "/" + tid, officer).status()).isEqualTo(404);
    }
}
