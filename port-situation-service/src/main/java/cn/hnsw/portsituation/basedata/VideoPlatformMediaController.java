package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.HnswException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 视频转码管理 (FP 589–600, 605): what a networked video platform reports, asked of it live through
 * {@link VideoPlatformGateway} — its sub-level video streams, the transcoding run status, the cameras it gives access
 * to (list, access parameters, video information), the recordings (query, playback, download) and the time-sync
 * tasks; its high-point and low-point cameras and which low-point cameras belong to which high-point camera
 * (FP 601–604), each set beside the camera of the same code in the base data, if registered there. Officers and operators read; a disabled platform is not asked; a platform that cannot be reached is a 503
 * problem the caller may retry.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/base-data/video-platforms/{id}")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','maritime-officer','border-officer')")
class VideoPlatformMediaController {

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern RECORDING = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    private static final Duration MAX_RANGE = Duration.ofDays(7);

    private final VideoPlatformService platforms;
    private final VideoPlatformGateway gateway;
    private final Clock clock;
    private final CameraRepository baseCameras;
    private final PortScope scope;

    VideoPlatformMediaController(VideoPlatformService platforms, VideoPlatformGateway gateway, Clock clock,
                                 CameraRepository baseCameras, PortScope scope) {
        this.scope = scope;
        this.platforms = platforms;
        this.gateway = gateway;
        this.clock = clock;
        this.baseCameras = baseCameras;
    }

    private JsonNode ask(UUID id, VideoPlatformGateway.Query query, Map<String, Object> parameters, String field) {
        VideoPlatform p = platforms.get(id);
        scope.check(p.portCode());
        if (!p.enabled()) {
            throw new HnswException(BaseDataErrorCode.PLATFORM_DISABLED, p.code());
        }
        try {
            JsonNode answer = gateway.query(p, query, parameters);
            return field == null ? answer : answer.path(field);
        } catch (VideoPlatformGateway.VideoPlatformException e) {
            if (e.unavailable()) {
                throw new HnswException(BaseDataErrorCode.PLATFORM_UNAVAILABLE, p.code());
            }
            throw new HnswException(BaseDataErrorCode.PLATFORM_REFUSED, p.code(), e.getMessage());
        }
    }

    private static String device(String code) {
        if (code == null || !DEVICE.matcher(code).matches()) {
            throw new HnswException(BaseDataErrorCode.VIDEO_QUERY_INVALID, "camera: a device code / 摄像机编码无效");
        }
        return code;
    }

    /** 下级视频流 (589): every stream of the platform's cameras (main and sub streams). */
    @GetMapping("/streams")
    JsonNode streams(@PathVariable UUID id) {
        return ask(id, VideoPlatformGateway.Query.STREAMS, Map.of(), "streams");
    }

    /** 视频转码运行状态 (590–591). */
    @GetMapping("/transcoding")
    JsonNode transcoding(@PathVariable UUID id) {
        return ask(id, VideoPlatformGateway.Query.TRANSCODING, Map.of(), "tasks");
    }

    /** 摄像机接入信息、列表 (592–594). */
    @GetMapping("/cameras")
    JsonNode cameras(@PathVariable UUID id, @RequestParam(required = false) String q) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            parameters.put("q", q.strip());
        }
        return ask(id, VideoPlatformGateway.Query.CAMERAS, parameters, "cameras");
    }

    /** 摄像机接入参数、视频信息 (595–596). */
    @GetMapping("/cameras/{deviceCode}")
    JsonNode camera(@PathVariable UUID id, @PathVariable String deviceCode) {
        return ask(id, VideoPlatformGateway.Query.CAMERA, Map.of("deviceCode", device(deviceCode)), "camera");
    }

    /** 视频录像信息、查询 (597–598): one camera's recordings in a range of at most seven days. */
    @GetMapping("/recordings")
    JsonNode recordings(@PathVariable UUID id, @RequestParam String deviceCode,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant t = to == null ? clock.instant() : instant(to);
        Instant f = from == null ? t.minus(Duration.ofDays(1)) : instant(from);
        if (!f.isBefore(t) || Duration.between(f, t).compareTo(MAX_RANGE) > 0) {
            throw new HnswException(BaseDataErrorCode.VIDEO_QUERY_INVALID,
                    "from before to, at most 7 days apart / 起止时间须先后有序且不超过 7 天");
        }
        return ask(id, VideoPlatformGateway.Query.RECORDINGS, Map.of("deviceCode", device(deviceCode),
                "from", f.toString(), "to", t.toString()), "recordings");
    }

    /** 视频录像播放 (599): where the browser plays the recording. */
    @GetMapping("/recordings/{recordingId}/playback")
    JsonNode playback(@PathVariable UUID id, @PathVariable String recordingId) {
        return ask(id, VideoPlatformGateway.Query.PLAYBACK, Map.of("recordingId", recording(recordingId)), null);
    }

    /** 视频录像下载 (600): the download link, its size and until when it holds. */
    @GetMapping("/recordings/{recordingId}/download")
    JsonNode download(@PathVariable UUID id, @PathVariable String recordingId) {
        return ask(id, VideoPlatformGateway.Query.DOWNLOAD, Map.of("recordingId", recording(recordingId)), null);
    }

    /**
     * 高低点摄像机信息 (601), 高点摄像机列表查询 (602), 低点摄像机列表查询 (603): the platform's cameras of one kind
     * ({@code HIGH} or {@code LOW}; both when none is given), optionally searched by code or name, each with the
     * high-point camera a low-point one belongs to and, when the base data registers a camera of that code, its port,
     * status and the high-point camera the base data pairs it with.
     */
    @GetMapping("/high-low-cameras")
    List<Map<String, Object>> highLowCameras(@PathVariable UUID id, @RequestParam(required = false) String kind,
                                             @RequestParam(required = false) String q) {
        String wanted = kind(kind);
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            parameters.put("q", q.strip());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode c : ask(id, VideoPlatformGateway.Query.CAMERAS, parameters, "cameras")) {
            String cameraKind = pointKind(c);
            if (cameraKind == null || (wanted != null && !wanted.equals(cameraKind))) {
                continue;
            }
            out.add(highLow(c, cameraKind));
        }
        return out;
    }

    /**
     * 高点与低点对应关系查询 (604): every high-point camera of the platform with the low-point cameras the platform
     * pairs with it; {@code agrees} says whether the base data pairs them the same way (null where it registers
     * neither camera). {@code high} narrows the answer to one high-point camera.
     */
    @GetMapping("/high-low-cameras/correspondence")
    List<Map<String, Object>> correspondence(@PathVariable UUID id, @RequestParam(required = false) String high) {
        String only = high == null || high.isBlank() ? null : device(high.strip());
        JsonNode cameras = ask(id, VideoPlatformGateway.Query.CAMERAS, Map.of(), "cameras");
        Map<String, Map<String, Object>> highs = new LinkedHashMap<>();
        for (JsonNode c : cameras) {
            if ("HIGH".equals(pointKind(c)) && (only == null || only.equals(c.path("deviceCode").asText()))) {
                Map<String, Object> row = highLow(c, "HIGH");
                row.put("lowPointCameras", new ArrayList<Map<String, Object>>());
                highs.put(c.path("deviceCode").asText(), row);
            }
        }
        if (only != null && highs.isEmpty()) {
            throw new HnswException(BaseDataErrorCode.VIDEO_QUERY_INVALID,
                    "high: not a high-point camera of this platform / 不是该平台的高点摄像机");
        }
        for (JsonNode c : cameras) {
            Map<String, Object> row = highs.get(c.path("highPointDeviceCode").asText(""));
            if ("LOW".equals(pointKind(c)) && row != null) {
                Map<String, Object> low = highLow(c, "LOW");
                Object registeredHigh = low.get("baseDataHighCameraCode");
                low.put("agrees", low.get("baseDataStatus") == null ? null
                        : c.path("highPointDeviceCode").asText().equals(registeredHigh));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> lows = (List<Map<String, Object>>) row.get("lowPointCameras");
                lows.add(low);
            }
        }
        return new ArrayList<>(highs.values());
    }

    private static String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        String k = kind.strip().toUpperCase(java.util.Locale.ROOT);
        if (!k.equals("HIGH") && !k.equals("LOW")) {
            throw new HnswException(BaseDataErrorCode.VIDEO_QUERY_INVALID, "kind: HIGH or LOW / 类型须为 HIGH 或 LOW");
        }
        return k;
    }

    /** HIGH or LOW from the platform's camera type; null for a camera that is neither. */
    private static String pointKind(JsonNode camera) {
        return switch (camera.path("cameraType").asText("")) {
            case "HIGH_POINT" -> "HIGH";
            case "LOW_POINT" -> "LOW";
            default -> null;
        };
    }

    private Map<String, Object> highLow(JsonNode c, String kind) {
        Map<String, Object> row = new LinkedHashMap<>();
        String code = c.path("deviceCode").asText();
        row.put("deviceCode", code);
        row.put("nameZh", c.path("nameZh").asText(null));
        row.put("kind", kind);
        row.put("online", c.path("online").asBoolean(false));
        row.put("highPointDeviceCode", "LOW".equals(kind) ? c.path("highPointDeviceCode").asText(null) : null);
        Camera registered = baseCameras.byCode(code).orElse(null);
        row.put("baseDataStatus", registered == null ? null : registered.status());
        row.put("baseDataPortCode", registered == null ? null : registered.portCode());
        row.put("baseDataHighCameraCode", registered == null ? null : registered.highCameraCode());
        return row;
    }

    /** 视频授时任务状态 (605). */
    @GetMapping("/time-sync")
    JsonNode timeSync(@PathVariable UUID id) {
        return ask(id, VideoPlatformGateway.Query.TIME_SYNC, Map.of(), "tasks");
    }

    private static String recording(String id) {
        if (id == null || !RECORDING.matcher(id).matches()) {
            throw new HnswException(BaseDataErrorCode.VIDEO_QUERY_INVALID, "recording: a recording id / 录像编号无效");
        }
        return id;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new HnswException(BaseDataErrorCode.VIDEO_QUERY_INVALID,
                    "time: an ISO-8601 instant such as 2026-11-27T08:00:00Z / 时间格式无效");
        }
    }
}
