package cn.hnsw.video.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import cn.hnsw.video.support.TestMedia.Sprite;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 移动单兵 人员跟踪 through HTTP on the real face pipeline, index and database: an officer photographs a person; the
 * face base library finds who it is (masked ID number) and the person's sightings of the last hours come back, newest
 * first, with the camera's name; an older sighting appears only when the officer asks for a longer period; an unknown
 * face is no identity but still shows its own sightings; reviewers and enterprise users are refused; a photo without a
 * face is refused.
 */
@ServiceIntegrationTest
class PersonTrackingIT {

    @LocalServerPort
    int port;

    private final TestTokens tokens = TestTokens.issuer();
    private final String officer = tokens.user("zhang.wei", "customs-officer").mint();

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void anOfficerPhotographsAPersonAndSeesTheIdentityAndRecentSightings(@TempDir Path tmp) throws Exception {
        ApiClient api = new ApiClient(port);
        RgbImage group4 = TestMedia.sample("sample4");
        BufferedImage person = TestMedia.region(group4, 362, 164, 351, 338, 0.35);
        BufferedImage stranger = TestMedia.region(group4, 919, 196, 262, 221, 0.35);

        Reply camera = api.post("/cameras", officer, Map.of("deviceCode", "46010000001320000618", "name",
                "新海港旅检出口 2 号", "cameraType", "FACE_CAPTURE", "protocol", "FILE", "sourceUrl", "/dev/null",
                "portCode", "XHG", "location", "新海港旅检大厅出口", "latitude", 20.0500, "longitude", 110.1500));
        assertThat(camera.status()).as(camera.body().toString()).isEqualTo(201);
        String cameraId = camera.text("id");
        Reply enrolled = api.post("/face-base-records", officer, Map.of("personCode", "P4601-TRACK-0077", "name",
                "吴某某", "idNo", "460100198805050077", "source", "一人一码", "photoBase64", b64(TestMedia.jpeg(person))));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        String recordId = enrolled.text("id");

        // the person passes the camera ten minutes ago and three days ago; the stranger passes ten minutes ago
        byte[] pass = Files.readAllBytes(TestMedia.clip(tmp.resolve("pass.mp4"), 1280, 720, 10, 20, List.of(
                new Sprite(TestMedia.variant(person, 0.8, 1.08f), i -> new int[] {80 + i * 20, 180}))));
        byte[] strangerPass = Files.readAllBytes(TestMedia.clip(tmp.resolve("stranger.mp4"), 1280, 720, 10, 20,
                List.of(new Sprite(TestMedia.variant(stranger, 1.0, 1.0f), i -> new int[] {700, 200}))));
        Instant recent = Instant.now().minus(Duration.ofMinutes(10));
        for (Object[] run : new Object[][] {{pass, recent}, {pass, Instant.now().minus(Duration.ofDays(3))},
                {strangerPass, recent}}) {
            Reply r = api.multipart("/offline-videos", officer, "pass.mp4", (byte[]) run[0], Map.of("cameraId", cameraId,
                    "recordedAt", run[1].toString(), "sampleFps", "2"));
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            assertThat(r.body().get("faces").asInt()).isGreaterThanOrEqualTo(1);
        }

        // the officer's photograph: another shot (scaled, darker) of the same person
        String photo = b64(TestMedia.jpeg(TestMedia.variant(person, 0.9, 0.92f)));
        Reply tracked = api.post("/mobile/person-tracking", officer, Map.of("photoBase64", photo));
        assertThat(tracked.status()).as(tracked.body().toString()).isEqualTo(200);
        JsonNode t = tracked.body();
        assertThat(t.get("identified").asBoolean()).isTrue();
        assertThat(t.get("identity").get("faceBaseRecordId").asText()).isEqualTo(recordId);
        assertThat(t.get("identity").get("name").asText()).isEqualTo("吴某某");
        assertThat(t.get("identity").get("idNoMasked").asText()).isEqualTo("4601**********0077");
        assertThat(t.toString()).doesNotContain("460100198805050077\"");
        assertThat(t.get("identity").get("similarity").asDouble()).isBetween(0.0, 1.0);
        JsonNode sightings = t.get("sightings");
        assertThat(sightings.size()).isGreaterThanOrEqualTo(1);
        Instant previous = Instant.MAX;
        int here = 0;
        for (JsonNode s : sightings) {
            Instant at = Instant.parse(s.get("capturedAt").asText());
            assertThat(at).isAfter(Instant.now().minus(Duration.ofHours(24))).isBeforeOrEqualTo(previous);
            previous = at;
            // other tests of this JVM may show the same sample face to their cameras
            if (cameraId.equals(s.path("cameraId").asText())) {
                here++;
                assertThat(s.path("cameraName").asText()).isEqualTo("新海港旅检出口 2 号");
                assertThat(s.path("location").asText()).isEqualTo("新海港旅检大厅出口");
            }
        }
        assertThat(here).isGreaterThanOrEqualTo(1);
        // a longer period brings the sighting of three days ago
        Reply week = api.post("/mobile/person-tracking", officer, Map.of("photoBase64", photo, "hours", 100));
        long older = 0;
        for (JsonNode s : week.body().get("sightings")) {
            if (cameraId.equals(s.path("cameraId").asText())
                    && Instant.parse(s.get("capturedAt").asText()).isBefore(Instant.now().minus(Duration.ofDays(2)))) {
                older++;
            }
        }
        assertThat(older).isGreaterThanOrEqualTo(1);

        // a face the library does not hold: no identity, its own sightings still shown
        Reply unknown = api.post("/mobile/person-tracking", officer, Map.of("photoBase64",
                b64(TestMedia.jpeg(TestMedia.variant(stranger, 0.9, 1.05f))), "threshold", 0.45));
        assertThat(unknown.status()).as(unknown.body().toString()).isEqualTo(200);
        assertThat(unknown.body().get("identified").asBoolean()).isFalse();
        assertThat(unknown.body().path("identity").isMissingNode() || unknown.body().get("identity").isNull()).isTrue();
        assertThat(unknown.body().get("sightings").size()).isGreaterThanOrEqualTo(1);

        // refusals: reviewers, administrators and enterprise users are not field officers; no face; bad period
        String reviewer = tokens.user("li.qiang", "customs-reviewer").mint();
        String admin = tokens.user("zhao.min", "platform-admin").mint();
        String enterprise = tokens.user("li.na", "enterprise-declarant").enterprise("91460000MA5T0XXA1B").mint();
        for (String denied : List.of(reviewer, admin, enterprise)) {
            assertThat(api.post("/mobile/person-tracking", denied, Map.of("photoBase64", photo)).status())
                    .isEqualTo(403);
        }
        BufferedImage wall = new BufferedImage(400, 400, BufferedImage.TYPE_3BYTE_BGR);
        Reply noFace = api.post("/mobile/person-tracking", officer, Map.of("photoBase64", b64(TestMedia.jpeg(wall))));
        assertThat(noFace.status()).isEqualTo(422);
        assertThat(noFace.text("code")).isEqualTo("NO_FACE");
        assertThat(api.post("/mobile/person-tracking", officer, Map.of("photoBase64", photo, "hours", 0)).status())
                .isEqualTo(400);
    }
}
