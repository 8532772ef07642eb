package cn.hnsw.video.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.behavior.BehaviorAnalyzerTest.Figure;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 行为检测服务 through HTTP: another system sends a clip (encoded by FFmpeg, decoded by the service) and the behaviour
 * it asks for, with its thresholds; the events of that behaviour come back, each stored and raised as an alert
 * through the outbox. The same clip asked for another behaviour answers nothing; enterprise users and reviewers are
 * refused; bad thresholds are 400 and store nothing.
 */
@ServiceIntegrationTest
class BehaviorDetectionServiceIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final TestTokens tokens = TestTokens.issuer();
    private final String officer = tokens.user("zhang.wei", "customs-officer").mint();

    private Reply detect(ApiClient api, String token, String behavior, Path clip, String thresholds) throws Exception {
        return api.multipart("/behavior-detections/" + behavior, token, clip.getFileName().toString(),
                Files.readAllBytes(clip), thresholds == null ? Map.of("sampleFps", "10")
                        : Map.of("sampleFps", "10", "thresholds", thresholds));
    }

    private List<String> kinds(Reply r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.body().get("events").forEach(e -> out.add(e.get("kind").asText()));
        return out;
    }

    private static Path clip(Path tmp, String name, int frames, IntFunction<RgbImage> scene) throws Exception {
        return TestMedia.clip(tmp.resolve(name), BehaviorAnalyzerTest.W, BehaviorAnalyzerTest.H, 10, frames,
                i -> scene.apply(i).toBufferedImage());
    }

    @Test
    void eachBehaviourDetectionServiceAnswersItsEventsForAClip(@TempDir Path tmp) throws Exception {
        ApiClient api = new ApiClient(port);
        Path loiter = clip(tmp, "loiter.mp4", 120, i -> BehaviorAnalyzerTest.frame(List.of(
                new Figure(230 + 25 * Math.sin(i / 12.0), 110 + 15 * Math.cos(i / 9.0)),
                new Figure(10 + i * 2.6, 60)), null, i));
        Path crowd = clip(tmp, "crowd.mp4", 70, i -> {
            List<Figure> people = new ArrayList<>();
            if (i >= 18) {
                double arrive = Math.min(1, (i - 18) / 12.0);
                for (int k = 0; k < 6; k++) {
                    double tx = 60 + k * 40 + 6 * Math.sin(i / 5.0 + k);
                    double ty = 60 + (k % 2) * 60 + 5 * Math.cos(i / 4.0 + k);
                    people.add(new Figure(tx, k % 2 == 0 ? 5 + (ty - 5) * arrive : 175 - (175 - ty) * arrive));
                }
            }
            return BehaviorAnalyzerTest.frame(people, null, i);
        });
        Random r = new Random(3);
        List<List<Figure>> fight = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            List<Figure> people = new ArrayList<>();
            for (int k = 0; i >= 20 && k < 6; k++) {
                people.add(new Figure(140 + r.nextInt(60), 70 + r.nextInt(50)));
            }
            fight.add(people);
        }
        Path violent = clip(tmp, "violent.mp4", 50, i -> BehaviorAnalyzerTest.frame(fight.get(i), null, i));
        Path left = clip(tmp, "left.mp4", 110, i -> {
            double x = 10 + i * 3.0;
            return BehaviorAnalyzerTest.frame(List.of(new Figure(x, 110)), i < 30 ? new int[] {(int) x - 8, 125}
                    : new int[] {92, 125}, i);
        });
        Path lost = clip(tmp, "lost.mp4", 110, i -> {
            double x = 10 + i * 3.0;
            int[] bag = i < 30 ? new int[] {92, 125} : new int[] {(int) x - 8, 125};
            return BehaviorAnalyzerTest.frame(List.of(new Figure(x, 110)), i < 30 || x < 320 ? bag : null, i);
        });

        // 滞留徘徊检测服务: a region and dwell time of the caller's
        String loiterRules = "{\"region\":[0.5,0.3,0.45,0.6],\"loiterSeconds\":8,\"staticSeconds\":4}";
        Reply loitering = detect(api, officer, "LOITERING", loiter, loiterRules);
        assertThat(kinds(loitering)).containsExactly("LOITERING");
        assertThat(loitering.body().get("rules").get("loiterSeconds").asDouble()).isEqualTo(8.0);
        String alertId = loitering.body().get("alertIds").get(0).asText();
        assertThat(jdbc.queryForObject("SELECT code FROM analysis_event WHERE alert_id = ?", String.class, alertId))
                .isEqualTo("LOITERING");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id = ?", Integer.class,
                alertId)).isEqualTo(1);
        // 人群聚集检测服务
        String crowdRules = "{\"crowdCount\":5,\"crowdSeconds\":2,\"loiterSeconds\":60,\"staticSeconds\":30}";
        assertThat(kinds(detect(api, officer, "CROWD", crowd, crowdRules))).contains("CROWD").containsOnly("CROWD");
        // 激烈运动检测服务
        String violentRules = "{\"region\":[0.4,0.3,0.25,0.45],\"runningSpeed\":5,\"violentEnergy\":0.15,"
                + "\"violentSeconds\":1,\"loiterSeconds\":60,\"crowdCount\":50,\"staticSeconds\":30}";
        assertThat(kinds(detect(api, officer, "VIOLENT_MOTION", violent, violentRules))).contains("VIOLENT_MOTION");
        // 物品遗留检测服务 and 物品丢失检测服务 with the default rules
        assertThat(kinds(detect(api, officer, "LEFT_BEHIND", left, null))).contains("LEFT_BEHIND");
        assertThat(kinds(detect(api, officer, "ITEM_LOST", lost, null))).contains("ITEM_LOST");
        // each service answers only its own behaviour: the left bag is no loss, the crowd no fight
        assertThat(kinds(detect(api, officer, "ITEM_LOST", left, null))).isEmpty();
        assertThat(kinds(detect(api, officer, "VIOLENT_MOTION", crowd, crowdRules))).isEmpty();

        // refusals: enterprise users and reviewers, an unknown behaviour, thresholds out of range (nothing stored)
        String enterprise = tokens.user("li.na", "enterprise-declarant").enterprise("91460000MA5T0XXA1B").mint();
        String reviewer = tokens.user("qian.li", "customs-reviewer").mint();
        assertThat(detect(api, enterprise, "LOITERING", loiter, loiterRules).status()).isEqualTo(403);
        assertThat(detect(api, reviewer, "LOITERING", loiter, loiterRules).status()).isEqualTo(403);
        int events = jdbc.queryForObject("SELECT count(*) FROM analysis_event", Integer.class);
        Reply unknown = detect(api, officer, "SMOKING", loiter, null);
        assertThat(unknown.status()).isEqualTo(400);
        Reply bad = detect(api, officer, "LOITERING", loiter, "{\"loiterSeconds\":0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("INSTRUCTION_INVALID");
        assertThat(bad.body().toString()).contains("分析指令无效");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis_event", Integer.class)).isEqualTo(events);
    }
}
