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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 视频转码管理 (FP 589–600, 605): what a networked video platform reports, asked of it live through
 * {@link VideoPlatformGateway} — its sub-level video streams, the transcoding run status, the cameras it gives access
 * to (list, access parameters, video information), the recordings (query, playback, download) and the time-sync
 * tasks. Officers and operators read; a disabled platform is not asked; a platform that cannot be reached is a 503
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

    VideoPlatformMediaController(VideoPlatformService platforms, VideoPlatformGateway gateway, Clock clock) {
        this.platforms = platforms;
        this.gateway = gateway;
        this.clock = clock;
    }

    private JsonNode ask(UUID id, VideoPlatformGateway.Query query, Map<String, Object> parameters, String field) {
        VideoPlatform p = platforms.get(id);
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
