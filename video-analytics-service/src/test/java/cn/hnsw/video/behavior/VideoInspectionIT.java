package cn.hnsw.video.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.behavior.BehaviorAnalyzerTest.Figure;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Behaviour and diagnosis tasks on offline video through FFmpeg: a clip with a runner raises an abnormal-running
 * alert, a quiet clip raises nothing; diagnosis thresholds are data only an administrator may change.
 */
@ServiceIntegrationTest
class VideoInspectionIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunnerInAnOfflineVideoRaisesAnAlertAndAQuietVideoNothing(@TempDir Path tmp) throws Exception {
        ApiClient api = new ApiClient(port);
        TestTokens tokens = TestTokens.issuer();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        Path running = TestMedia.clip(tmp.resolve("run.mp4"), BehaviorAnalyzerTest.W, BehaviorAnalyzerTest.H, 10, 45,
                i -> BehaviorAnalyzerTest.frame(i < 20 ? List.of(new Figure(20 + i * 3.2, 70))
                        : List.of(new Figure(20 + i * 3.2, 70), new Figure(Math.min(310, 10 + (i - 20) * 19.2), 120)),
                        null, i).toBufferedImage());
        Path quiet = TestMedia.clip(tmp.resolve("quiet.mp4"), BehaviorAnalyzerTest.W, BehaviorAnalyzerTest.H, 10, 60,
                i -> BehaviorAnalyzerTest.frame(List.of(new Figure(20 + i * 3.2, 70)), null, i).toBufferedImage());

        Reply run = api.multipart("/offline-videos/inspections", officer, "run.mp4", Files.readAllBytes(running),
                Map.of("sampleFps", "10"));
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        run.body().get("behaviors").forEach(b -> kinds.add(b.get("kind").asText()));
        assertThat(kinds).containsExactly("RUNNING");
        String alertId = run.body().get("alertIds").get(0).asText();
        assertThat(jdbc.queryForObject("SELECT code FROM analysis_event WHERE alert_id = ?", String.class, alertId))
                .isEqualTo("RUNNING");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id = ?", Integer.class,
                alertId)).isEqualTo(1);

        Reply calm = api.multipart("/offline-videos/inspections", officer, "quiet.mp4", Files.readAllBytes(quiet),
                Map.of("sampleFps", "10"));
        assertThat(calm.status()).isEqualTo(200);
        assertThat(calm.body().get("behaviors")).as(calm.body().toString()).isEmpty();
        assertThat(calm.body().get("diagnosis").get("faults")).as(calm.body().toString()).isEmpty();

        Reply junk = api.multipart("/offline-videos/inspections", officer, "junk.mp4", "not a video".getBytes(),
                Map.of());
        assertThat(junk.status()).isEqualTo(422);
        assertThat(junk.text("code")).isEqualTo("VIDEO_UNREADABLE");
    }

    @Test
    void diagnosisThresholdsAreDataThatOnlyAnAdministratorChanges() {
        ApiClient api = new ApiClient(port);
        TestTokens tokens = TestTokens.issuer();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        String admin = tokens.user("zhao.min", "platform-admin").mint();
        assertThat(api.get("/diagnosis-standards", officer).body()).hasSize(12);
        assertThat(api.post("/diagnosis-standards/BLUR", officer, Map.of("threshold", 300)).status()).isIn(403, 405);
        Reply changed = new ApiClient(port).put("/diagnosis-standards/BLUR", admin, Map.of("threshold", 350));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT threshold FROM diagnosis_standard WHERE fault = 'BLUR'", Double.class))
                .isEqualTo(350.0);
        assertThat(api.put("/diagnosis-standards/BLUR", officer, Map.of("threshold", 1)).status()).isEqualTo(403);
        assertThat(api.put("/diagnosis-standards/NOPE", admin, Map.of("threshold", 1)).status()).isEqualTo(404);
        api.put("/diagnosis-standards/BLUR", admin, Map.of("threshold", 400));
    }
}
