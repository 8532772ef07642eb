package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 视频转码管理 (FP 589–600, 605) against the sealed video-platform simulator: sub-level streams, transcoding status,
 * cameras with their access parameters and video information, recordings with playback and download, time-sync
 * tasks; a disabled platform is not asked, a refusing platform is a 502 problem, bad queries are 400 problems, and
 * enterprises and travellers are refused.
 */
class VideoPlatformMediaIT extends PortSituationIT {

    String platform(String code, boolean enabled) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "nameZh", "新海港视频联网平台", "protocol", "RTSP",
                "host", "10.46.20.5", "port", 554, "portCode", "XINHAI_PORT", "enabled", enabled));
        Api.Reply r = api.post("/v1/base-data/video-platforms", operator, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    static String code(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    @Test
    void streamsTranscodingCamerasRecordingsAndTimeSyncComeFromThePlatform() {
        String code = code("VP-XH");
        String id = platform(code, true);
        String base = "/v1/base-data/video-platforms/" + id;

        JsonNode streams = api.get(base + "/streams", maritime).json();
        assertThat(streams).hasSize(12);
        assertThat(streams.findValuesAsText("kind")).containsOnly("MAIN", "SUB");
        assertThat(streams.get(0).get("deviceCode").asText()).isEqualTo(code + "-C01");

        JsonNode transcoding = api.get(base + "/transcoding", customs).json();
        assertThat(transcoding).hasSize(6);
        assertThat(transcoding.findValuesAsText("status")).contains("RUNNING").containsOnly("RUNNING", "FAILED");

        JsonNode cameras = api.get(base + "/cameras", operator).json();
        assertThat(cameras).hasSize(6);
        assertThat(api.get(base + "/cameras?q=C02", operator).json()).hasSize(1);
        JsonNode camera = api.get(base + "/cameras/" + code + "-C02", maritime).json();
        assertThat(camera.get("access").get("protocol").asText()).isEqualTo("RTSP");
        assertThat(camera.get("streams")).hasSize(2);

        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(Duration.ofHours(24));
        JsonNode recordings = api.get(base + "/recordings?deviceCode=" + code + "-C01&from=" + from + "&to=" + to,
                maritime).json();
        assertThat(recordings.size()).isBetween(20, 24);
        String recording = recordings.get(0).get("recordingId").asText();
        assertThat(api.get(base + "/recordings/" + recording + "/playback", maritime).json().get("playbackUrl").asText())
                .endsWith("/index.m3u8");
        JsonNode download = api.get(base + "/recordings/" + recording + "/download", maritime).json();
        assertThat(download.get("downloadUrl").asText()).contains(recording);
        assertThat(download.get("sizeMb").asInt()).isPositive();

        JsonNode sync = api.get(base + "/time-sync", operator).json();
        assertThat(sync).hasSize(6);
        assertThat(sync.findValuesAsText("status")).containsAnyOf("SYNCED", "DRIFT");
    }

    @Test
    void disabledRefusingAndBadQueriesAreProblemsAndOutsidersAreRefused() {
        String base = "/v1/base-data/video-platforms/" + platform(code("VP-OFF"), false);
        Api.Reply disabled = api.get(base + "/streams", maritime);
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(disabled.json().get("code").asText()).isEqualTo("PLATFORM_DISABLED");

        String offline = "/v1/base-data/video-platforms/" + platform(code("OFFLINE"), true);
        Api.Reply refused = api.get(offline + "/transcoding", maritime);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("messageZh").asText()).contains("拒绝").contains("DEVICES_UNREACHABLE");
        assertThat(refused.json().get("messageEn").asText()).contains("refused");

        String code = code("VP-YP");
        String ok = "/v1/base-data/video-platforms/" + platform(code, true);
        Instant now = Instant.now();
        for (String bad : java.util.List.of("/recordings?deviceCode=" + code + "-C01&from=" + now + "&to=" + now.minusSeconds(60),
                "/recordings?deviceCode=" + code + "-C01&from=" + now.minus(Duration.ofDays(8)) + "&to=" + now,
                "/recordings?deviceCode=" + code + "-C01&from=yesterday", "/cameras/bad%20code",
                "/recordings/bad!id/playback")) {
            Api.Reply r = api.get(ok + bad, maritime);
            assertThat(r.status()).as(bad + " " + r.body()).isIn(400);
        }
        Api.Reply unknownCamera = api.get(ok + "/cameras/" + code + "-C99", maritime);
        assertThat(unknownCamera.status()).isEqualTo(502);
        assertThat(api.get("/v1/base-data/video-platforms/" + java.util.UUID.randomUUID() + "/streams", maritime)
                .status()).isEqualTo(404);

        assertThat(api.get(ok + "/streams", tokens.user("youke", "traveler").mint()).status()).isEqualTo(403);
        assertThat(api.get(ok + "/recordings?deviceCode=" + code + "-C01",
                tokens.user("qiye", "enterprise-admin").enterprise("91460000MA5T000001").mint()).status()).isEqualTo(403);
        assertThat(api.get(ok + "/time-sync", customs).status()).isEqualTo(200);
    }

    @Test
    void highAndLowPointCamerasAndTheirCorrespondenceComeFromThePlatformBesideTheBaseData() {
        String code = code("VP-HL");
        String base = "/v1/base-data/video-platforms/" + platform(code, true);
        // the base data registers high-point C01, low-point C03 under C01 (as the platform pairs them) and low-point
        // C05 under C01 too, where the platform pairs C05 with C02
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (Object[] c : new Object[][] {{code + "-C01", "HIGH", null}, {code + "-C03", "LOW", code + "-C01"},
                {code + "-C05", "LOW", code + "-C01"}}) {
            Api.Reply r = api.post("/v1/base-data/cameras", operator, CamerasIT.camera((String) c[0], (String) c[1],
                    (String) c[2]));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.add(r.json().get("id").asText());
        }
        try {
            // 601: both kinds, each beside its base-data record
            JsonNode all = api.get(base + "/high-low-cameras", maritime).json();
            assertThat(all).hasSize(6);
            assertThat(all.findValuesAsText("kind")).containsExactly("HIGH", "HIGH", "LOW", "LOW", "LOW", "LOW");
            assertThat(all.get(0).get("baseDataStatus").asText()).isEqualTo("DRAFT");
            assertThat(all.get(0).get("baseDataPortCode").asText()).isEqualTo("XINHAI_PORT");
            assertThat(all.get(1).hasNonNull("baseDataStatus")).isFalse();
            // 602: the high-point list
            JsonNode highs = api.get(base + "/high-low-cameras?kind=HIGH", customs).json();
            assertThat(highs.findValuesAsText("deviceCode")).containsExactly(code + "-C01", code + "-C02");
            // 603: the low-point list, searched, each naming its high-point camera
            JsonNode lows = api.get(base + "/high-low-cameras?kind=low", operator).json();
            assertThat(lows.findValuesAsText("deviceCode")).containsExactly(code + "-C03", code + "-C04", code + "-C05",
                    code + "-C06");
            assertThat(lows.get(0).get("highPointDeviceCode").asText()).isEqualTo(code + "-C01");
            assertThat(lows.get(2).get("highPointDeviceCode").asText()).isEqualTo(code + "-C02");
            assertThat(api.get(base + "/high-low-cameras?kind=LOW&q=C04", maritime).json()
                    .findValuesAsText("deviceCode")).containsExactly(code + "-C04");

            // 604: the correspondence, and where the base data pairs otherwise
            JsonNode map = api.get(base + "/high-low-cameras/correspondence", maritime).json();
            assertThat(map.findValuesAsText("deviceCode")).startsWith(code + "-C01");
            assertThat(map).hasSize(2);
            JsonNode c01 = map.get(0).get("lowPointCameras");
            assertThat(c01.findValuesAsText("deviceCode")).containsExactly(code + "-C03", code + "-C04");
            assertThat(c01.get(0).get("agrees").asBoolean()).isTrue();
            assertThat(c01.get(1).hasNonNull("agrees")).isFalse();
            JsonNode c02 = map.get(1).get("lowPointCameras");
            assertThat(c02.findValuesAsText("deviceCode")).containsExactly(code + "-C05", code + "-C06");
            assertThat(c02.get(0).get("agrees").asBoolean()).isFalse();
            assertThat(c02.get(0).get("baseDataHighCameraCode").asText()).isEqualTo(code + "-C01");
            JsonNode one = api.get(base + "/high-low-cameras/correspondence?high=" + code + "-C02", customs).json();
            assertThat(one).hasSize(1);
            assertThat(one.get(0).get("lowPointCameras")).hasSize(2);

            // refusals: a kind that is neither, a low-point or unknown camera asked as high, a disabled platform
            for (String bad : java.util.List.of("/high-low-cameras?kind=MIDDLE",
                    "/high-low-cameras/correspondence?high=" + code + "-C03",
                    "/high-low-cameras/correspondence?high=bad%20code")) {
                Api.Reply r = api.get(base + bad, maritime);
                assertThat(r.status()).as(bad + " " + r.body()).isEqualTo(400);
                assertThat(r.json().get("code").asText()).isEqualTo("VIDEO_QUERY_INVALID");
                assertThat(r.json().get("messageZh").asText()).isNotBlank();
                assertThat(r.json().get("messageEn").asText()).isNotBlank();
            }
            String off = "/v1/base-data/video-platforms/" + platform(code("VP-HLOFF"), false);
            assertThat(api.get(off + "/high-low-cameras", maritime).status()).isEqualTo(409);
            assertThat(api.get(base + "/high-low-cameras", tokens.user("lvke", "traveler").mint()).status())
                    .isEqualTo(403);
        } finally {
            for (int i = ids.size() - 1; i >= 0; i--) {
                api.delete("/v1/base-data/cameras/" + ids.get(i), operator);
            }
        }
    }
}
