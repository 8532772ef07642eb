package cn.hnsw.portsituation.livevideo;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 实时视频 through the real path: a camera of the base data on its video transcoding platform (the sealed
 * video-platform simulator), put on a gate's wall, the efficiency page's wall and the key-area wall; an officer opens
 * its live video, and the signed address, opened without a token, gives the platform's motion JPEG through the service
 * — a frame is decoded with {@link ImageIO}. Refused: an officer of another port (403), a tampered or stretched address
 * (403), a camera with no platform or offline (409), a watch that does not fit its wall (400, nothing changed), an
 * enterprise (403).
 */
class LiveVideoIT extends PortSituationIT {

    @Autowired
    JdbcTemplate jdbc;

    static String code(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    String platform(String code, String portCode) {
        Api.Reply r = api.post("/v1/base-data/video-platforms", operator, body("code", code, "nameZh", "视频转码平台" + code,
                "protocol", "RTSP", "host", "10.46.20.5", "port", 554, "portCode", portCode, "enabled", true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    String camera(String portCode) {
        String code = code("LV");
        Api.Reply r = api.post("/v1/base-data/cameras", operator, body("code", code, "nameZh", "卡口高点" + code,
                "nameEn", "Gate high point " + code, "kind", "HIGH", "portCode", portCode, "latitude", 20.05,
                "longitude", 110.15));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    /** The platform's cameras, online first or offline first. */
    String device(String platformId, boolean online) {
        for (JsonNode c : api.get("/v1/base-data/video-platforms/" + platformId + "/cameras", operator).json()) {
            if (c.get("online").asBoolean() == online) {
                return c.get("deviceCode").asText();
            }
        }
        return null;
    }

    /** The first JPEG of a motion JPEG body (between the start and end of image markers). */
    static BufferedImage firstFrame(byte[] body) throws IOException {
        int start = -1;
        for (int i = 0; i + 1 < body.length; i++) {
            if ((body[i] & 0xff) == 0xFF && (body[i + 1] & 0xff) == 0xD8) {
                start = i;
                break;
            }
        }
        assertThat(start).as("a JPEG start of image in the stream").isNotNegative();
        for (int i = start + 2; i + 1 < body.length; i++) {
            if ((body[i] & 0xff) == 0xFF && (body[i + 1] & 0xff) == 0xD9) {
                return ImageIO.read(new ByteArrayInputStream(body, start, i + 2 - start));
            }
        }
        throw new AssertionError("no complete JPEG in the stream");
    }

    @Test
    void anOfficerOpensTheLiveVideoOfAGateCameraAndReadsRealFramesThroughTheService() throws IOException {
        String platformCode = code("VP-LV");
        String platformId = platform(platformCode, "XINHAI_PORT");
        String device = device(platformId, true);
        assertThat(device).isNotNull();
        String camera = camera("XINHAI_PORT");

        Api.Reply linked = api.put("/v1/live-video/cameras/" + camera, operator, body("platformCode", platformCode,
                "deviceCode", device, "watches", List.of(
                        body("wall", "GATE", "role", "ENTRY", "targetCode", "XINHAI-VEHICLE-ENTRY"),
                        body("wall", "GATE", "role", "PRE_JUDGEMENT", "targetCode", "XINHAI-FREIGHT-ENTRY"),
                        body("wall", "EFFICIENCY", "role", "BOARDING_GATE", "targetCode", ""),
                        body("wall", "KEY_AREA", "role", "KEY_AREA"))));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("watches")).hasSize(4);

        // on the gate's wall, the efficiency wall and the key-area wall of the port
        JsonNode gateWall = api.get("/v1/live-video/walls/GATE?target=XINHAI-VEHICLE-ENTRY", maritime).json();
        assertThat(gateWall.findValuesAsText("cameraCode")).contains(camera);
        JsonNode entry = entryOf(gateWall, camera);
        assertThat(entry.get("role").asText()).isEqualTo("ENTRY");
        assertThat(entry.get("targetNameZh").asText()).isEqualTo("车辆入场卡口");
        assertThat(api.get("/v1/live-video/walls/EFFICIENCY?portCode=XINHAI_PORT", maritime).json()
                .findValuesAsText("cameraCode")).contains(camera);
        assertThat(api.get("/v1/live-video/walls/KEY_AREA?portCode=XINHAI_PORT", customs).json()
                .findValuesAsText("cameraCode")).contains(camera);
        assertThat(api.get("/v1/live-video/walls/KEY_AREA?portCode=YANGPU_PORT", customs).json()
                .findValuesAsText("cameraCode")).doesNotContain(camera);

        Api.Reply playback = api.post("/v1/live-video/cameras/" + camera + "/playback", maritime, Map.of());
        assertThat(playback.status()).as(playback.body()).isEqualTo(200);
        assertThat(playback.json().get("format").asText()).isEqualTo("MJPEG");
        String path = playback.json().get("streamPath").asText();
        assertThat(path).startsWith("/v1/public/live-video/streams/" + camera + "?exp=");

        // the address opens without a token (an <img> sends none) and carries the platform's pictures
        Api.Reply stream = api.get(path + "&seconds=2&fps=5", null);
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        assertThat(new String(stream.bytes(), 0, 200, StandardCharsets.ISO_8859_1)).contains("Content-Type: image/jpeg");
        BufferedImage frame = firstFrame(stream.bytes());
        assertThat(frame).isNotNull();
        assertThat(frame.getWidth()).isEqualTo(640);
        assertThat(frame.getHeight()).isEqualTo(360);
        assertThat(countFrames(stream.bytes())).isBetween(5, 12);

        // a tampered signature, another camera under the same signature, an expiry stretched beyond a minute: refused
        String sig = path.substring(path.indexOf("&sig=") + 5);
        String exp = path.substring(path.indexOf("?exp=") + 5, path.indexOf("&sig="));
        Api.Reply tampered = api.get(path.substring(0, path.indexOf("&sig=") + 5) + (sig.charAt(0) == 'A' ? "B" : "A")
                + sig.substring(1), null);
        assertThat(tampered.status()).isEqualTo(403);
        Api.Reply other = api.get("/v1/public/live-video/streams/" + camera("XINHAI_PORT") + "?exp=" + exp + "&sig="
                + sig, null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("detail").asText()).isNotBlank();
        long stretched = Long.parseLong(exp) + 3600;
        assertThat(api.get("/v1/public/live-video/streams/" + camera + "?exp=" + stretched + "&sig=" + sig, null)
                .status()).isEqualTo(403);
    }

    /**
     * Every role of every wall: the passenger-vehicle and passenger gates (entry, diversion, release, inspection lane),
     * the freight gates (pre-judgement, release control), the efficiency page (boarding gate, inspection area, manual
     * security check, fence, departure lane) and a key area (a zone of the port) list the cameras watching them, and a
     * camera of each opens.
     */
    @Test
    void everyRoleOfTheGateEfficiencyAndKeyAreaWallsListsTheCamerasWatchingIt() {
        String platformCode = code("VP-LV");
        String platformId = platform(platformCode, "XINHAI_PORT");
        String device = device(platformId, true);
        String zone = code("XH-KEY");
        Api.Reply z = api.post("/v1/base-data/zones", operator, body("code", zone, "nameZh", "重点区域" + zone,
                "kind", "KEY_AREA", "portAreaCode", "XINHAI", "level", "HIGH", "active", true, "polygon",
                List.of(new double[] {110.15, 20.05}, new double[] {110.16, 20.05}, new double[] {110.16, 20.06},
                        new double[] {110.15, 20.06})));
        assertThat(z.status()).as(z.body()).isEqualTo(201);

        Map<String, List<String>> roles = Map.of(
                "XINHAI-VEHICLE-ENTRY", List.of("ENTRY", "DIVERSION", "RELEASE", "INSPECTION_LANE"),
                "XINHAI-PERSON-ENTRY", List.of("ENTRY", "DIVERSION", "RELEASE", "INSPECTION_LANE"),
                "XINHAI-FREIGHT-ENTRY", List.of("PRE_JUDGEMENT", "RELEASE_CONTROL", "RELEASE", "INSPECTION_LANE"));
        Map<String, String> cameras = new HashMap<>();
        roles.forEach((gate, list) -> {
            String camera = camera("XINHAI_PORT");
            cameras.put(gate, camera);
            List<Map<String, Object>> watches = new ArrayList<>();
            list.forEach(role -> watches.add(body("wall", "GATE", "role", role, "targetCode", gate)));
            assertThat(api.put("/v1/live-video/cameras/" + camera, operator, body("platformCode", platformCode,
                    "deviceCode", device, "watches", watches)).status()).isEqualTo(200);
        });
        String efficiency = camera("XINHAI_PORT");
        List<String> efficiencyRoles = List.of("BOARDING_GATE", "INSPECTION_AREA", "MANUAL_SECURITY", "FENCE",
                "DEPARTURE_LANE");
        List<Map<String, Object>> watches = new ArrayList<>();
        efficiencyRoles.forEach(role -> watches.add(body("wall", "EFFICIENCY", "role", role, "targetCode", zone)));
        watches.add(body("wall", "KEY_AREA", "role", "KEY_AREA", "targetCode", zone));
        assertThat(api.put("/v1/live-video/cameras/" + efficiency, operator, body("platformCode", platformCode,
                "deviceCode", device, "watches", watches)).status()).isEqualTo(200);

        roles.forEach((gate, list) -> {
            JsonNode wall = api.get("/v1/live-video/walls/GATE?target=" + gate, maritime).json();
            List<String> seen = new ArrayList<>();
            for (JsonNode e : wall) {
                if (e.get("cameraCode").asText().equals(cameras.get(gate))) {
                    seen.add(e.get("role").asText());
                }
            }
            assertThat(seen).as(gate).containsExactlyInAnyOrderElementsOf(list);
        });
        JsonNode effWall = api.get("/v1/live-video/walls/EFFICIENCY?portCode=XINHAI_PORT&target=" + zone, customs).json();
        assertThat(effWall.findValuesAsText("role")).containsExactlyInAnyOrderElementsOf(efficiencyRoles);
        assertThat(effWall.get(0).get("targetNameZh").asText()).isEqualTo("重点区域" + zone);
        JsonNode keyWall = api.get("/v1/live-video/walls/KEY_AREA?portCode=XINHAI_PORT&target=" + zone, customs).json();
        assertThat(keyWall.findValuesAsText("cameraCode")).containsExactly(efficiency);
        for (String camera : List.of(cameras.get("XINHAI-FREIGHT-ENTRY"), efficiency)) {
            Api.Reply playback = api.post("/v1/live-video/cameras/" + camera + "/playback", customs, Map.of());
            assertThat(playback.status()).as(playback.body()).isEqualTo(200);
        }
        // a zone that does not exist is not a target
        assertThat(api.put("/v1/live-video/cameras/" + efficiency, operator, body("platformCode", platformCode,
                "watches", List.of(body("wall", "KEY_AREA", "role", "KEY_AREA", "targetCode", "NO-SUCH-ZONE"))))
                .status()).isEqualTo(400);
        assertThat(api.get("/v1/live-video/walls/SIDEWALL", customs).status()).isEqualTo(400);
    }

    static JsonNode entryOf(JsonNode wall, String camera) {
        for (JsonNode e : wall) {
            if (e.get("cameraCode").asText().equals(camera)) {
                return e;
            }
        }
        throw new AssertionError(camera + " not on the wall");
    }

    static int countFrames(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int n = 0;
        for (int i = text.indexOf("Content-Type: image/jpeg"); i >= 0; i = text.indexOf("Content-Type: image/jpeg", i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void noPlatformOfflineWrongWallAnotherPortAndEnterprisesAreRefused() {
        String platformCode = code("VP-LV");
        String platformId = platform(platformCode, "XINHAI_PORT");
        String camera = camera("XINHAI_PORT");

        // no platform yet: a clear problem
        Api.Reply none = api.post("/v1/live-video/cameras/" + camera + "/playback", maritime, Map.of());
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("code").asText()).isEqualTo("NO_PLATFORM");
        assertThat(none.json().get("detail").asText()).contains(camera);

        // a watch that does not fit its wall, a gate of another port, a platform of another port: 400, nothing changed
        Api.Reply wrongRole = api.put("/v1/live-video/cameras/" + camera, operator, body("platformCode", platformCode,
                "watches", List.of(body("wall", "GATE", "role", "FENCE", "targetCode", "XINHAI-VEHICLE-ENTRY"))));
        assertThat(wrongRole.status()).isEqualTo(400);
        Api.Reply otherGate = api.put("/v1/live-video/cameras/" + camera, operator, body("platformCode", platformCode,
                "watches", List.of(body("wall", "GATE", "role", "ENTRY", "targetCode", "XIUYING-VEHICLE-ENTRY"))));
        assertThat(otherGate.status()).isEqualTo(400);
        String yangpuPlatform = code("VP-YP");
        platform(yangpuPlatform, "YANGPU_PORT");
        assertThat(api.put("/v1/live-video/cameras/" + camera, operator, body("platformCode", yangpuPlatform,
                "watches", List.of())).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT platform_code FROM camera WHERE code = ?", String.class, camera)).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM camera_watch WHERE camera_code = ?", Integer.class, camera))
                .isZero();

        // an offline camera of the platform (every platform of the simulator has one)
        String offline = device(platformId, false);
        assertThat(offline).isNotNull();
        assertThat(api.put("/v1/live-video/cameras/" + camera, operator, body("platformCode", platformCode,
                "deviceCode", offline, "watches", List.of())).status()).isEqualTo(200);
        Api.Reply off = api.post("/v1/live-video/cameras/" + camera + "/playback", maritime, Map.of());
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.json().get("code").asText()).isEqualTo("CAMERA_OFFLINE");
        assertThat(off.json().get("messageEn").asText()).contains("offline");
        // a device the platform does not have: the platform's refusal
        assertThat(api.put("/v1/live-video/cameras/" + camera, operator, body("platformCode", platformCode,
                "deviceCode", "NO-SUCH-DEVICE", "watches", List.of())).status()).isEqualTo(200);
        assertThat(api.post("/v1/live-video/cameras/" + camera + "/playback", maritime, Map.of()).status())
                .isEqualTo(502);

        // officers only set the video access; enterprises see nothing
        String enterprise = tokens.user("qiye01", "enterprise-admin").enterprise("91460000MA5T000001").mint();
        assertThat(api.put("/v1/live-video/cameras/" + camera, maritime, body("platformCode", platformCode,
                "watches", List.of())).status()).isEqualTo(403);
        assertThat(api.get("/v1/live-video/walls/GATE", enterprise).status()).isEqualTo(403);
        assertThat(api.post("/v1/live-video/cameras/" + camera + "/playback", enterprise, Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    void anOfficerOfAnotherPortIsRefusedTheCameraAndTheWall() {
        String platformCode = code("VP-LV");
        String platformId = platform(platformCode, "XIUYING_PORT");
        String camera = camera("XIUYING_PORT");
        assertThat(api.put("/v1/live-video/cameras/" + camera, operator, body("platformCode", platformCode,
                "deviceCode", device(platformId, true), "watches", List.of(body("wall", "GATE", "role", "RELEASE",
                        "targetCode", "XIUYING-VEHICLE-ENTRY")))).status()).isEqualTo(200);

        String username = "lvscope" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officer = tokens.user(username, "maritime-officer").organization("/海南海事局").mint();
        // not registered as a port user: the platform role decides
        assertThat(api.post("/v1/live-video/cameras/" + camera + "/playback", officer, Map.of()).status())
                .isEqualTo(200);
        Api.Reply u = api.post("/v1/base-data/port-users", operator, body("code", username, "nameZh", "新海港值班员",
                "orgCode", "XINHAI_DUTY", "roles", List.of("DUTY_OFFICER")));
        assertThat(u.status()).as(u.body()).isEqualTo(201);
        String userId = u.json().get("id").asText();
        try {
            Api.Reply refused = api.post("/v1/live-video/cameras/" + camera + "/playback", officer, Map.of());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("PORT_SCOPE");
            assertThat(api.get("/v1/live-video/cameras/" + camera, officer).status()).isEqualTo(403);
            assertThat(api.get("/v1/live-video/walls/GATE?portCode=XIUYING_PORT", officer).status()).isEqualTo(403);
            JsonNode own = api.get("/v1/live-video/walls/GATE", officer).json();
            List<String> ports = new ArrayList<>(own.findValuesAsText("portCode"));
            assertThat(ports).doesNotContain("XIUYING_PORT");
            assertThat(own.findValuesAsText("cameraCode")).doesNotContain(camera);
        } finally {
            api.delete("/v1/base-data/port-users/" + userId, operator);
        }
    }
}
