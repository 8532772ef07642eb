package cn.hnsw.simulators.port;

import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 视频联网平台（转码、录像、授时）模拟器 — partner {@code video-platform}: a networked video platform of a port as the
 * command centre queries it — its cameras with their access parameters, the main and sub streams of each (下级视频流),
 * the transcoding tasks that turn them into HLS for the browser and how they run, hourly recordings per camera with
 * playback and download links, and the time-sync (授时) tasks of its devices. What a platform holds follows from its
 * code (the same code, the same cameras), so a query answers the same each time; the platform {@code OFFLINE-*} refuses
 * as a platform whose devices are unreachable. Chosen before the camera-platform behaviour for this partner id.
 */
@Component
@Order(50)
public class VideoPlatformSimulator implements PartnerBehavior {

    static final String PARTNER_ID = "video-platform";
    private static final Logger log = LoggerFactory.getLogger(VideoPlatformSimulator.class);
    private static final int CAMERAS = 6;
    private static final Pattern RECORDING = Pattern.compile("REC-([A-Za-z0-9_-]+)-(\\d{10})");
    private static final String[] PLACES = {"车辆卡口", "旅检大厅", "码头前沿", "堆场", "查验区", "泊位"};

    private final ObjectMapper json = new ObjectMapper();
    private final Environment environment;
    private final String apiBase;
    private final String streamBaseUrl;

    public VideoPlatformSimulator(Environment environment, @Value("${hnsw.api.base}") String apiBase,
                                  @Value("${hnsw.simulators.video.stream-base-url:}") String streamBaseUrl) {
        this.environment = environment;
        this.apiBase = apiBase;
        this.streamBaseUrl = streamBaseUrl;
    }

    @Override
    public boolean handles(Partner partner) {
        return PARTNER_ID.equals(partner.id());
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        ObjectNode answer = json.createObjectNode();
        answer.put("simulator", true);
        answer.put("inReplyTo", request.messageId());
        String summary;
        try {
            summary = answer(json.readTree(request.payload()), answer);
        } catch (IOException e) {
            summary = refuse(answer, "MALFORMED_PAYLOAD");
        }
        log.info("event=simulator-video-platform result={}", summary);
        try {
            return new PartnerReply(json.writeValueAsBytes(answer), "video-platform " + summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String answer(JsonNode in, ObjectNode answer) {
        String platform = in.path("platformCode").asText("");
        if (platform.isBlank()) {
            return refuse(answer, "PLATFORM_UNKNOWN");
        }
        if (platform.startsWith("OFFLINE")) {
            return refuse(answer, "DEVICES_UNREACHABLE");
        }
        String type = in.path("messageType").asText("");
        answer.put("accepted", true);
        answer.put("platformCode", platform);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        switch (type) {
            case "VIDEO_STREAMS_QUERY" -> {
                ArrayNode streams = answer.putArray("streams");
                for (int i = 1; i <= CAMERAS; i++) {
                    streams.add(stream(platform, i, "MAIN"));
                    streams.add(stream(platform, i, "SUB"));
                }
            }
            case "VIDEO_TRANSCODING_QUERY" -> {
                ArrayNode tasks = answer.putArray("tasks");
                for (int i = 1; i <= CAMERAS; i++) {
                    ObjectNode t = tasks.addObject();
                    t.put("taskId", "TC-" + device(platform, i));
                    t.put("deviceCode", device(platform, i));
                    t.put("input", "SUB");
                    t.put("output", "HLS");
                    // one camera in six has its transcoding failing, as when a stream drops
                    boolean failing = (seed(platform) + i) % CAMERAS == 0;
                    t.put("status", failing ? "FAILED" : "RUNNING");
                    t.put("fps", failing ? 0 : 25);
                    t.put("bitrateKbps", failing ? 0 : 1024);
                    t.put("startedAt", now.minus(Duration.ofHours(2L + i)).toString());
                    if (failing) {
                        t.put("error", "输入流中断 / input stream lost");
                    }
                }
            }
            case "VIDEO_CAMERAS_QUERY" -> {
                ArrayNode cameras = answer.putArray("cameras");
                String q = in.path("q").asText("").toLowerCase(Locale.ROOT);
                for (int i = 1; i <= CAMERAS; i++) {
                    ObjectNode c = camera(platform, i);
                    if (q.isEmpty() || c.path("deviceCode").asText().toLowerCase(Locale.ROOT).contains(q)
                            || c.path("nameZh").asText().contains(q)) {
                        cameras.add(c);
                    }
                }
            }
            case "VIDEO_CAMERA_QUERY" -> {
                int i = index(platform, in.path("deviceCode").asText(""));
                if (i < 0) {
                    return refuse(answer, "DEVICE_UNKNOWN");
                }
                ObjectNode c = camera(platform, i);
                ObjectNode access = c.putObject("access");
                access.put("protocol", in.path("protocol").asText("GB28181"));
                access.put("sipServerId", "4601000000200000000" + (i % 10));
                access.put("sipDomain", "4601000000");
                access.put("transport", "UDP");
                access.put("channelId", "460100000013200000" + String.format("%02d", i));
                ArrayNode streams = c.putArray("streams");
                streams.add(stream(platform, i, "MAIN"));
                streams.add(stream(platform, i, "SUB"));
                answer.set("camera", c);
            }
            case "VIDEO_LIVE_QUERY" -> {
                // 实时视频: where the live picture of one camera is taken, as HTTP motion JPEG (the transcoded output a
                // browser shows in an <img>); an offline camera has no live picture
                String code = in.path("deviceCode").asText("");
                int i = index(platform, code);
                if (i < 0) {
                    return refuse(answer, "DEVICE_UNKNOWN");
                }
                if (!online(platform, i)) {
                    return refuse(answer, "DEVICE_OFFLINE");
                }
                answer.put("deviceCode", code);
                answer.put("format", "MJPEG");
                answer.put("liveUrl", streamBase() + "/" + platform + "/" + code);
            }
            case "VIDEO_RECORDINGS_QUERY" -> {
                int i = index(platform, in.path("deviceCode").asText(""));
                if (i < 0) {
                    return refuse(answer, "DEVICE_UNKNOWN");
                }
                Instant from;
                Instant to;
                try {
                    from = Instant.parse(in.path("from").asText());
                    to = Instant.parse(in.path("to").asText());
                } catch (DateTimeParseException e) {
                    return refuse(answer, "RANGE_INVALID");
                }
                ArrayNode recordings = answer.putArray("recordings");
                // one file per hour; the hour before the platform lost its disk (every 7th hour) is missing
                for (Instant h = from.truncatedTo(ChronoUnit.HOURS); h.isBefore(to) && recordings.size() < 200;
                     h = h.plus(Duration.ofHours(1))) {
                    long epochHour = h.getEpochSecond() / 3600;
                    if (epochHour % 7 == 3 || !h.plus(Duration.ofHours(1)).isBefore(now.plusSeconds(1))) {
                        continue;
                    }
                    ObjectNode r = recordings.addObject();
                    r.put("recordingId", "REC-" + device(platform, i) + "-" + h.getEpochSecond());
                    r.put("deviceCode", device(platform, i));
                    r.put("startAt", h.toString());
                    r.put("endAt", h.plus(Duration.ofHours(1)).toString());
                    r.put("sizeMb", 850 + (int) ((epochHour * 37 + i) % 300));
                    r.put("format", "MP4");
                }
            }
            case "VIDEO_PLAYBACK_QUERY", "VIDEO_DOWNLOAD_QUERY" -> {
                Matcher m = RECORDING.matcher(in.path("recordingId").asText(""));
                if (!m.matches() || index(platform, m.group(1)) < 0) {
                    return refuse(answer, "RECORDING_UNKNOWN");
                }
                String id = in.path("recordingId").asText();
                answer.put("recordingId", id);
                if (type.equals("VIDEO_PLAYBACK_QUERY")) {
                    answer.put("playbackUrl", "https://video." + platform.toLowerCase(Locale.ROOT) + ".example/vod/" + id
                            + "/index.m3u8");
                    answer.put("format", "HLS");
                } else {
                    answer.put("downloadUrl", "https://video." + platform.toLowerCase(Locale.ROOT) + ".example/files/"
                            + id + ".mp4?expires=" + now.plus(Duration.ofHours(1)).getEpochSecond());
                    answer.put("expiresAt", now.plus(Duration.ofHours(1)).toString());
                    answer.put("sizeMb", 850 + (int) (Long.parseLong(m.group(2)) / 3600 % 300));
                }
            }
            case "VIDEO_TIME_SYNC_QUERY" -> {
                ArrayNode tasks = answer.putArray("tasks");
                for (int i = 1; i <= CAMERAS; i++) {
                    ObjectNode t = tasks.addObject();
                    t.put("taskId", "NTP-" + device(platform, i));
                    t.put("deviceCode", device(platform, i));
                    t.put("server", "ntp.hnsw.example");
                    int offsetMs = (int) ((seed(platform) * 13L + i * 29L) % 1_500);
                    t.put("offsetMs", offsetMs);
                    t.put("status", offsetMs > 1_000 ? "DRIFT" : "SYNCED");
                    t.put("lastSyncAt", now.minus(Duration.ofMinutes(5L * i)).toString());
                }
            }
            default -> {
                answer.removeAll();
                answer.put("simulator", true);
                return refuse(answer, "UNKNOWN_MESSAGE_TYPE");
            }
        }
        return type + " " + platform;
    }

    private static int seed(String platform) {
        return Math.floorMod(platform.hashCode(), 97);
    }

    static String device(String platform, int i) {
        return platform.replaceAll("[^A-Za-z0-9_-]", "") + "-C" + String.format("%02d", i);
    }

    /** Whether camera {@code i} of the platform is online (one in five is not, the same each time). */
    static boolean online(String platform, int i) {
        return (seed(platform) + i) % 5 != 0;
    }

    /** Whether the platform serves a live picture of the device: known, online, the platform not an OFFLINE one. */
    static boolean live(String platform, String device) {
        int i = index(platform, device);
        return !platform.startsWith("OFFLINE") && i > 0 && online(platform, i);
    }

    /** Where {@link PlatformCameraStreamController} serves the platform's live pictures. */
    private String streamBase() {
        String base = streamBaseUrl == null || streamBaseUrl.isBlank()
                ? "http://127.0.0.1:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8090")) + apiBase
                : streamBaseUrl;
        return base + "/v1/public/camera-streams/platforms";
    }

    static int index(String platform, String device) {
        for (int i = 1; i <= CAMERAS; i++) {
            if (device(platform, i).equals(device)) {
                return i;
            }
        }
        return -1;
    }

    private ObjectNode camera(String platform, int i) {
        ObjectNode c = json.createObjectNode();
        c.put("deviceCode", device(platform, i));
        c.put("nameZh", PLACES[(i - 1) % PLACES.length] + "摄像机" + i);
        c.put("cameraType", i <= 2 ? "HIGH_POINT" : "LOW_POINT");
        if (i > 2) {
            // 高低点对应关系: the low-point cameras 3 and 4 look closer at what high-point camera 1 sees, 5 and 6 at 2's
            c.put("highPointDeviceCode", device(platform, (i - 3) / 2 + 1));
        }
        c.put("ip", "10.46." + (seed(platform) % 200 + 10) + "." + (100 + i));
        c.put("online", online(platform, i));
        c.put("vendor", i % 2 == 0 ? "海康威视" : "大华");
        return c;
    }

    private ObjectNode stream(String platform, int i, String kind) {
        ObjectNode s = json.createObjectNode();
        boolean main = kind.equals("MAIN");
        s.put("streamId", device(platform, i) + (main ? "-0" : "-1"));
        s.put("deviceCode", device(platform, i));
        s.put("kind", kind);
        s.put("codec", main && i <= 2 ? "H.265" : "H.264");
        s.put("resolution", main ? "1920x1080" : "704x576");
        s.put("fps", 25);
        s.put("bitrateKbps", main ? 4096 : 512);
        s.put("url", "rtsp://10.46." + (seed(platform) % 200 + 10) + "." + (100 + i) + ":554/Streaming/Channels/"
                + (main ? "101" : "102"));
        return s;
    }

    private static String refuse(ObjectNode answer, String code) {
        answer.put("accepted", false);
        answer.put("code", code);
        return "refused " + code;
    }
}
