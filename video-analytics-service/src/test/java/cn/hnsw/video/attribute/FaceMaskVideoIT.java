package cn.hnsw.video.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.face.FaceEngine;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import cn.hnsw.video.support.TestMedia.Sprite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 人像口罩 on the real path: a clip sliced by the offline video analysis (the same capture path that camera runs and
 * analysis tasks take), one clip of a bare face and one of the same face with a surgical-blue mask drawn over its
 * lower face; each capture's attributes say whether it wears a mask.
 */
@ServiceIntegrationTest
class FaceMaskVideoIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final String officer = TestTokens.issuer().user("zhang.wei", "customs-officer")
            .organization("/haikou-customs/meilan").mint();

    @Test
    void capturesOfASlicedClipSayWhetherTheFaceWearsAMask(@TempDir Path tmp) throws Exception {
        ApiClient api = new ApiClient(port);
        BufferedImage bare = TestMedia.isolated(TestMedia.sample("sample6"), 159, 524, 350, 297);
        BufferedImage masked = TestMedia.isolated(TestMedia.sample("sample6"), 159, 524, 350, 297);
        try (FaceEngine engine = FaceEngine.load(320, 1)) {
            List<AnalyzedFace> faces = engine.analyze(RgbImage.of(bare), 0.5);
            assertThat(faces).hasSize(1);
            Graphics2D g = masked.createGraphics();
            FaceMaskAnalyzerTest.drawMask(g, faces.get(0).landmarks(), new Color(120, 170, 205));
            g.dispose();
            // the detector still finds the masked face (many drawn masks hide the face from it: FaceMaskAnalyzerTest)
            assertThat(engine.analyze(RgbImage.of(masked), 0.5)).hasSize(1);
        }
        String tag = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        List<String> bareReads = masks(api, tmp, bare, "46010000001310" + tag);
        List<String> maskedReads = masks(api, tmp, masked, "46010000001311" + tag);
        System.out.printf("mask on the sliced clips: bare face %s, masked face %s%n", bareReads, maskedReads);
        assertThat(bareReads).isNotEmpty().containsOnly("false");
        assertThat(maskedReads).isNotEmpty().containsOnly("true");
    }

    /** The mask attribute of every capture the offline analysis recorded from a clip of {@code person}. */
    private List<String> masks(ApiClient api, Path tmp, BufferedImage person, String deviceCode) throws Exception {
        Path clip = TestMedia.clip(tmp.resolve(deviceCode + ".mp4"), 960, 720, 10, 20,
                List.of(new Sprite(person, i -> new int[] {200 + i * 4, 120})));
        Reply run = api.multipart("/offline-videos", officer, "mask.mp4", Files.readAllBytes(clip),
                Map.of("deviceCode", deviceCode, "recordedAt", "2026-11-27T02:00:00Z", "sampleFps", "2"));
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        assertThat(run.body().get("faces").asInt()).isPositive();
        return jdbc.queryForList("SELECT attributes->>'mask' FROM face_capture WHERE device_code = ? "
                + "AND attributes->>'mask' IS NOT NULL", String.class, deviceCode);
    }
}
