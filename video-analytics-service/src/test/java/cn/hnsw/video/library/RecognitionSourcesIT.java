package cn.hnsw.video.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 1:1 / 1:N / N:M 接入数据源 kept by an administrator and read by the runs: the source's threshold decides a match (the
 * same photographs match under one threshold and not after the administrator tightens it), its library and candidate
 * count shape a 1:N run, two cross-retrieval sources pair their libraries. Runs are recorded, paged, exported,
 * concluded and deleted by their requester only; officers see only their own.
 */
@ServiceIntegrationTest
class RecognitionSourcesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    final TestTokens tokens = TestTokens.issuer();
    String officer;
    String colleague;
    String reviewer;
    String admin;
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        officer = tokens.user("zhang.wei", "customs-officer").organization("/haikou-customs/meilan").mint();
        colleague = tokens.user("wang.fang", "customs-officer").organization("/haikou-customs/meilan").mint();
        reviewer = tokens.user("li.qiang", "customs-reviewer").organization("/haikou-customs").mint();
        admin = tokens.user("zhao.min", "platform-admin").mint();
    }

    static String b64(BufferedImage img) {
        return Base64.getEncoder().encodeToString(TestMedia.jpeg(img));
    }

    private String enrol(String name) {
        RgbImage g = TestMedia.sample("sample5");
        Reply r = api.post("/face-base-records", officer, Map.of("personCode", "RS" + tag, "name", name,
                "photoBase64", b64(TestMedia.isolated(g, 1376, 399, 273, 234))));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.text("id");
    }

    private static String probe() {
        return b64(TestMedia.onCanvas(TestMedia.variant(TestMedia.isolated(TestMedia.sample("sample5"), 1376, 399, 273,
                234), 0.85, 1.1f), 960, 720, 200, 90));
    }

    private Map<String, Object> source(String kind, String name, String library, Double threshold, Integer topK) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("name", name);
        if (library != null) {
            m.put("library", library);
        }
        if (threshold != null) {
            m.put("threshold", threshold);
        }
        if (topK != null) {
            m.put("topK", topK);
        }
        return m;
    }

    @Test
    void administratorsKeepVerificationAndIdentificationSourcesAndEachRunReadsItsSource() {
        String record = enrol("数据源旅客" + tag);
        String probe = probe();

        // 1:1 source: added by an administrator only; bad input changes nothing
        Reply denied = api.post("/recognition-sources", officer, source("VERIFICATION", "人证核验" + tag, null, 0.6, null));
        assertThat(denied.status()).isEqualTo(403);
        Reply noLibrary = api.post("/recognition-sources", admin, source("IDENTIFICATION", "身份核查" + tag, null, 0.6,
                3));
        assertThat(noLibrary.status()).isEqualTo(400);
        assertThat(noLibrary.text("code")).isEqualTo("RECOGNITION_SOURCE_INVALID");
        assertThat(api.post("/recognition-sources", admin, source("VERIFICATION", "人证核验" + tag, null, 3.0, null))
                .text("code")).isEqualTo("THRESHOLD_INVALID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recognition_source WHERE name LIKE ?", Integer.class,
                "%" + tag)).isZero();

        Reply verification = api.post("/recognition-sources", admin, source("VERIFICATION", "人证核验" + tag, null,
                0.6, null));
        assertThat(verification.status()).as(verification.body().toString()).isEqualTo(201);
        String verificationId = verification.text("id");
        assertThat(api.post("/recognition-sources", admin, source("VERIFICATION", "人证核验" + tag, null, 0.5, null))
                .status()).isEqualTo(409);
        // officers and reviewers query the sources of a kind
        assertThat(api.get("/recognition-sources?kind=VERIFICATION", reviewer).body().findValuesAsText("id"))
                .contains(verificationId);
        assertThat(api.get("/recognition-sources?kind=IDENTIFICATION", officer).body().findValuesAsText("id"))
                .doesNotContain(verificationId);

        // a run through the source: the probe matches the enrolled person at the source's threshold
        Reply run = api.post("/recognition-sources/" + verificationId + "/checks", officer, Map.of("photoBase64",
                probe, "faceBaseRecordId", record, "subject", "旅客甲 证件核验"));
        assertThat(run.status()).as(run.body().toString()).isEqualTo(201);
        assertThat(run.body().get("matched").asBoolean()).isTrue();
        assertThat(run.body().get("result").get("threshold").asDouble()).isEqualTo(0.6);
        assertThat(run.text("bestLabel")).isEqualTo("数据源旅客" + tag);
        double distance = run.body().get("bestDistance").asDouble();
        assertThat(api.post("/recognition-sources/" + verificationId + "/checks", reviewer, Map.of("photoBase64",
                probe, "faceBaseRecordId", record)).status()).isEqualTo(403);

        // the administrator tightens the source below the distance: the same photographs no longer match
        Map<String, Object> tighter = source("VERIFICATION", "人证核验（严格）" + tag, null, distance / 2, null);
        assertThat(api.put("/recognition-sources/" + verificationId, officer, tighter).status()).isEqualTo(403);
        Map<String, Object> changedKind = new HashMap<>(tighter);
        changedKind.put("kind", "IDENTIFICATION");
        changedKind.put("library", "FACE_BASE");
        assertThat(api.put("/recognition-sources/" + verificationId, admin, changedKind).status()).isEqualTo(400);
        Reply modified = api.put("/recognition-sources/" + verificationId, admin, tighter);
        assertThat(modified.status()).as(modified.body().toString()).isEqualTo(200);
        assertThat(modified.text("name")).isEqualTo("人证核验（严格）" + tag);
        Reply strict = api.post("/recognition-sources/" + verificationId + "/checks", officer, Map.of("photoBase64",
                probe, "faceBaseRecordId", record));
        assertThat(strict.body().get("matched").asBoolean()).isFalse();
        assertThat(strict.body().get("bestDistance").asDouble()).isCloseTo(distance,
                org.assertj.core.data.Offset.offset(1e-6));

        // switched off, a source takes no runs
        Map<String, Object> off = new HashMap<>(tighter);
        off.put("enabled", false);
        api.put("/recognition-sources/" + verificationId, admin, off);
        Reply disabled = api.post("/recognition-sources/" + verificationId + "/checks", officer, Map.of("photoBase64",
                probe, "faceBaseRecordId", record));
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(disabled.text("code")).isEqualTo("RECOGNITION_SOURCE_DISABLED");

        // 1:N source: its library and candidate count shape the run
        Reply identification = api.post("/recognition-sources", admin, source("IDENTIFICATION", "口岸身份核查" + tag,
                "FACE_BASE", 0.6, 2));
        assertThat(identification.status()).as(identification.body().toString()).isEqualTo(201);
        String identificationId = identification.text("id");
        Reply found = api.post("/recognition-sources/" + identificationId + "/checks", officer, Map.of("photoBase64",
                probe));
        assertThat(found.status()).as(found.body().toString()).isEqualTo(201);
        assertThat(found.body().get("result").size()).isBetween(1, 2);
        assertThat(found.body().get("matched").asBoolean()).isTrue();
        assertThat(found.body().get("bestDistance").asDouble()).isLessThanOrEqualTo(distance + 1e-6);
        assertThat(api.get("/recognition-sources?kind=IDENTIFICATION", officer).body().findValuesAsText("id"))
                .contains(identificationId).doesNotContain(verificationId);
        Reply oneOnly = api.put("/recognition-sources/" + identificationId, admin, source("IDENTIFICATION",
                "口岸身份核查" + tag, "RED_LIST", 0.6, 1));
        assertThat(oneOnly.text("library")).isEqualTo("RED_LIST");
        Reply redList = api.post("/recognition-sources/" + identificationId + "/checks", officer, Map.of("photoBase64",
                probe));
        assertThat(redList.body().get("result").size()).isLessThanOrEqualTo(1);
        redList.body().get("result").forEach(c -> assertThat(c.get("faceBaseRecordId").asText()).isNotEqualTo(record));

        // the runs: the requester's own are listed, paged and exported; a colleague sees none of them
        String runId = run.text("id");
        Reply mine = api.get("/recognition-checks?kind=VERIFICATION&sourceId=" + verificationId + "&size=1", officer);
        assertThat(mine.body().get("totalElements").asInt()).isEqualTo(2);
        assertThat(mine.body().get("content")).hasSize(1);
        assertThat(api.get("/recognition-checks?sourceId=" + verificationId + "&matched=true", officer).body()
                .get("content").findValuesAsText("id")).containsExactly(runId);
        assertThat(api.get("/recognition-checks?sourceId=" + verificationId, colleague).body()
                .get("totalElements").asInt()).isZero();
        assertThat(api.get("/recognition-checks/" + runId, colleague).status()).isEqualTo(404);
        assertThat(api.get("/recognition-checks?sourceId=" + verificationId, reviewer).body()
                .get("totalElements").asInt()).isEqualTo(2);
        Reply csv = api.get("/recognition-checks/export?sourceId=" + verificationId, officer);
        String text = new String(csv.raw(), StandardCharsets.UTF_8);
        assertThat(text).contains(runId).contains("旅客甲 证件核验").contains("人证核验" + tag);
        assertThat(text.lines().count()).isEqualTo(3);

        // 修改: the requester records a conclusion; a colleague or a reviewer cannot
        assertThat(api.put("/recognition-checks/" + runId, colleague, Map.of("conclusion", "CONFIRMED")).status())
                .isEqualTo(404);
        assertThat(api.put("/recognition-checks/" + runId, reviewer, Map.of("conclusion", "CONFIRMED")).status())
                .isEqualTo(403);
        assertThat(api.put("/recognition-checks/" + runId, officer, Map.of("conclusion", "MAYBE")).status())
                .isEqualTo(400);
        Reply concluded = api.put("/recognition-checks/" + runId, officer, Map.of("conclusion", "CONFIRMED",
                "note", "人证一致，放行"));
        assertThat(concluded.text("conclusion")).isEqualTo("CONFIRMED");
        assertThat(api.get("/recognition-checks?conclusion=CONFIRMED&sourceId=" + verificationId, officer).body()
                .get("content").findValuesAsText("note")).containsExactly("人证一致，放行");

        // 删除: the requester or an administrator removes a run; deleting a source keeps its runs with its name
        assertThat(api.delete("/recognition-checks/" + runId, reviewer).status()).isEqualTo(403);
        assertThat(api.delete("/recognition-checks/" + runId, officer).status()).isEqualTo(204);
        assertThat(api.get("/recognition-checks/" + runId, officer).status()).isEqualTo(404);
        assertThat(api.delete("/recognition-checks/" + strict.text("id"), admin).status()).isEqualTo(204);
        assertThat(api.delete("/recognition-sources/" + identificationId, officer).status()).isEqualTo(403);
        assertThat(api.delete("/recognition-sources/" + identificationId, admin).status()).isEqualTo(204);
        assertThat(api.get("/recognition-sources/" + identificationId, officer).status()).isEqualTo(404);
        JsonNode kept = api.get("/recognition-checks/" + found.text("id"), officer).body();
        assertThat(kept.get("sourceName").asText()).isEqualTo("口岸身份核查" + tag);
        assertThat(kept.hasNonNull("sourceId")).isFalse();
        assertThat(api.delete("/recognition-sources/" + identificationId, admin).status()).isEqualTo(404);
        // a 1:N run concluded and removed the same way
        assertThat(api.put("/recognition-checks/" + found.text("id"), officer, Map.of("conclusion", "REJECTED",
                "note", "候选人非本人")).text("conclusion")).isEqualTo("REJECTED");
        assertThat(api.get("/recognition-checks?kind=IDENTIFICATION&conclusion=REJECTED", officer).body()
                .get("content").findValuesAsText("id")).contains(found.text("id"));
        assertThat(api.delete("/recognition-checks/" + found.text("id"), colleague).status()).isEqualTo(404);
        assertThat(api.delete("/recognition-checks/" + found.text("id"), admin).status()).isEqualTo(204);
        assertThat(api.get("/recognition-checks/" + found.text("id"), reviewer).status()).isEqualTo(404);
        // the 1:1 source is deleted too
        assertThat(api.delete("/recognition-sources/" + verificationId, admin).status()).isEqualTo(204);
        assertThat(api.get("/recognition-sources?kind=VERIFICATION", officer).body().findValuesAsText("id"))
                .doesNotContain(verificationId);
    }

    @Test
    void twoCrossRetrievalSourcesPairTheirLibraries() {
        String record = enrol("交叉旅客" + tag);
        assertThat(api.post("/feature-libraries/red-list/entries", officer, Map.of("faceBaseRecordId", record,
                "label", "红名单-" + tag)).status()).isEqualTo(201);
        String left = api.post("/recognition-sources", admin, source("CROSS_RETRIEVAL", "红名单" + tag, "RED_LIST",
                0.6, null)).text("id");
        String right = api.post("/recognition-sources", admin, source("CROSS_RETRIEVAL", "基础库" + tag, "FACE_BASE",
                0.6, null)).text("id");
        String verification = api.post("/recognition-sources", admin, source("VERIFICATION", "交叉核验" + tag, null,
                0.6, null)).text("id");
        assertThat(api.get("/recognition-sources?kind=CROSS_RETRIEVAL", officer).body().findValuesAsText("id"))
                .contains(left, right);

        Reply pairs = api.post("/recognition-sources/" + left + "/cross-retrievals", officer, Map.of("rightSourceId",
                right));
        assertThat(pairs.status()).as(pairs.body().toString()).isEqualTo(200);
        List<String> mine = new ArrayList<>();
        pairs.body().forEach(p -> {
            if (p.get("leftLabel").asText().equals("红名单-" + tag)) {
                mine.add(p.get("rightLabel").asText());
            }
        });
        assertThat(mine).contains("交叉旅客" + tag);
        // a 1:1 source is not a side of a cross retrieval, and an N:M source takes no 1:1 or 1:N run
        assertThat(api.post("/recognition-sources/" + left + "/cross-retrievals", officer, Map.of("rightSourceId",
                verification)).text("code")).isEqualTo("RECOGNITION_SOURCE_INVALID");
        assertThat(api.post("/recognition-sources/" + left + "/checks", officer, Map.of("photoBase64", probe()))
                .status()).isEqualTo(400);
        assertThat(api.post("/recognition-sources/" + left + "/cross-retrievals", officer, Map.of("rightSourceId",
                UUID.randomUUID())).status()).isEqualTo(404);
        // the administrator's change of a side's library is what the next retrieval reads
        Reply changed = api.put("/recognition-sources/" + right, admin, source("CROSS_RETRIEVAL", "基础库" + tag,
                "WHITELIST", 0.6, null));
        assertThat(changed.text("library")).isEqualTo("WHITELIST");
        Reply after = api.post("/recognition-sources/" + left + "/cross-retrievals", officer, Map.of("rightSourceId",
                right));
        assertThat(after.body().findValuesAsText("rightLabel")).doesNotContain("交叉旅客" + tag);
        assertThat(api.delete("/recognition-sources/" + left, admin).status()).isEqualTo(204);
        assertThat(api.get("/recognition-sources?kind=CROSS_RETRIEVAL", officer).body().findValuesAsText("id"))
                .doesNotContain(left).contains(right);
    }
}
