package cn.hnsw.portsituation.livevideo;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.portsituation.basedata.PortScope;
import cn.hnsw.portsituation.basedata.VideoPlatform;
import cn.hnsw.portsituation.basedata.VideoPlatformGateway;
import cn.hnsw.portsituation.basedata.VideoPlatformRepository;
import cn.hnsw.portsituation.livevideo.LiveVideoRepository.LinkedCamera;
import cn.hnsw.portsituation.livevideo.LiveVideoRepository.WallEntry;
import cn.hnsw.portsituation.livevideo.LiveVideoRepository.Watch;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 实时视频: camera → its video transcoding platform → playback. A camera is put on the platform it is reached through
 * (with the platform's device code) and on the walls of what it watches; an officer opens a camera's live video and gets
 * a signed playback address valid for {@link #PLAYBACK_TTL}, which the service itself serves by taking the platform's
 * live stream (motion JPEG) and passing it on ({@link LiveStreamController}). Port-limited officers see and open the
 * cameras of their port only ({@link PortScope}).
 */
@Service
public class LiveVideoService {

    static final Duration PLAYBACK_TTL = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(LiveVideoService.class);
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final LiveVideoRepository repository;
    private final VideoPlatformRepository platforms;
    private final VideoPlatformGateway gateway;
    private final PortScope scope;
    private final PlaybackSigner signer;
    private final Clock clock;

    LiveVideoService(LiveVideoRepository repository, VideoPlatformRepository platforms, VideoPlatformGateway gateway,
                     PortScope scope, PlaybackSigner signer, Clock clock) {
        this.repository = repository;
        this.platforms = platforms;
        this.gateway = gateway;
        this.scope = scope;
        this.signer = signer;
        this.clock = clock;
    }

    /** What the operator sets: the platform and device code a camera is reached by, and what it watches. */
    public record Link(String platformCode, String deviceCode, List<Watch> watches) {
    }

    /** A camera's video access and walls. */
    public record CameraVideo(String cameraCode, String nameZh, String portCode, String platformCode,
                              String deviceCode, List<Watch> watches) {
    }

    /** Where the browser opens the live picture, until when. */
    public record Playback(String cameraCode, String nameZh, String format, String streamPath, Instant expiresAt) {
    }

    /** A live stream the service may pass on. */
    record Upstream(String cameraCode, URI uri) {
    }

    private LinkedCamera camera(String code) {
        return repository.camera(code).orElseThrow(() -> new HnswException(LiveVideoErrorCode.CAMERA_NOT_FOUND, code));
    }

    public CameraVideo get(String code) {
        LinkedCamera c = camera(code);
        scope.check(c.portCode());
        return new CameraVideo(c.code(), c.nameZh(), c.portCode(), c.platformCode(), c.device(),
                repository.watches(code));
    }

    @Transactional
    public CameraVideo link(String code, Link link) {
        LinkedCamera c = camera(code);
        scope.check(c.portCode());
        String platform = link.platformCode() == null || link.platformCode().isBlank() ? null
                : link.platformCode().strip();
        String device = link.deviceCode() == null || link.deviceCode().isBlank() ? null : link.deviceCode().strip();
        if (platform != null) {
            String platformPort = repository.platformPort(platform).orElseThrow(() -> new HnswException(
                    LiveVideoErrorCode.LINK_INVALID, "platformCode: no such platform / 视频转码平台不存在"));
            if (!platformPort.isEmpty() && !platformPort.equals(c.portCode())) {
                throw new HnswException(LiveVideoErrorCode.LINK_INVALID,
                        "platformCode: the platform serves another port / 该平台属于其他口岸");
            }
        } else if (device != null) {
            throw new HnswException(LiveVideoErrorCode.LINK_INVALID,
                    "deviceCode: needs a platform / 设备编码须配合视频转码平台");
        }
        if (device != null && !DEVICE.matcher(device).matches()) {
            throw new HnswException(LiveVideoErrorCode.LINK_INVALID, "deviceCode: letters, digits, - and _ / 设备编码无效");
        }
        List<Watch> watches = new ArrayList<>();
        for (Watch w : link.watches() == null ? List.<Watch>of() : link.watches()) {
            watches.add(watch(c, w));
        }
        repository.link(code, platform, device);
        repository.replaceWatches(code, watches);
        log.info("event=camera-video-linked camera={} platform={} watches={}", code, platform, watches.size());
        return get(code);
    }

    private Watch watch(LinkedCamera c, Watch w) {
        if (w == null || w.wall() == null || w.role() == null) {
            throw new HnswException(LiveVideoErrorCode.LINK_INVALID, "watches: wall and role / 须填写视频墙与监控类型");
        }
        Wall wall = wall(w.wall(), LiveVideoErrorCode.LINK_INVALID);
        String role = w.role().strip().toUpperCase(Locale.ROOT);
        if (!wall.allows(role)) {
            throw new HnswException(LiveVideoErrorCode.LINK_INVALID,
                    "role " + role + " is not one of wall " + wall + " / 监控类型与视频墙不符");
        }
        String target = w.targetCode() == null ? "" : w.targetCode().strip();
        if (wall == Wall.GATE) {
            String port = repository.gatePort(target).orElseThrow(() -> new HnswException(
                    LiveVideoErrorCode.LINK_INVALID, "targetCode: no such gate / 卡口不存在"));
            if (!port.equals(c.portCode())) {
                throw new HnswException(LiveVideoErrorCode.LINK_INVALID,
                        "targetCode: the gate is of another port / 卡口属于其他口岸");
            }
        } else if (!target.isEmpty()) {
            String port = repository.zonePort(target).orElseThrow(() -> new HnswException(
                    LiveVideoErrorCode.LINK_INVALID, "targetCode: no such zone / 区域不存在"));
            if (!port.isEmpty() && !port.equals(c.portCode())) {
                throw new HnswException(LiveVideoErrorCode.LINK_INVALID,
                        "targetCode: the zone is of another port / 区域属于其他口岸");
            }
        }
        return new Watch(wall.name(), role, target);
    }

    static Wall wall(String value, LiveVideoErrorCode code) {
        try {
            return Wall.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new HnswException(code, "wall: GATE, EFFICIENCY or KEY_AREA / 视频墙须为 GATE、EFFICIENCY 或 KEY_AREA");
        }
    }

    /** A wall's cameras: the signed-in officer's port only when they are port-limited (another port asked: 403). */
    public List<WallEntry> wall(String wall, String portCode, String targetCode) {
        Wall w = wall(wall, LiveVideoErrorCode.WALL_QUERY_INVALID);
        String port = scope.limit(portCode);
        return repository.wall(w, port, targetCode == null || targetCode.isBlank() ? null : targetCode.strip());
    }

    /** Opens a camera's live video: checks scope, platform and that the camera is live; signs the address. */
    public Playback playback(String code) {
        LinkedCamera c = camera(code);
        scope.check(c.portCode());
        liveUri(c);
        Instant expires = clock.instant().plus(PLAYBACK_TTL);
        long exp = expires.getEpochSecond();
        String path = "/v1/public/live-video/streams/" + c.code() + "?exp=" + exp + "&sig=" + signer.sign(c.code(), exp);
        log.info("event=live-video-playback camera={} platform={}", c.code(), c.platformCode());
        return new Playback(c.code(), c.nameZh(), "MJPEG", path, Instant.ofEpochSecond(exp));
    }

    /** The live stream a signed address stands for; refused when the signature is wrong or expired. */
    Upstream open(String code, long exp, String signature) {
        long now = clock.instant().getEpochSecond();
        if (exp < now || exp > now + PLAYBACK_TTL.toSeconds() + 5 || !signer.valid(code, exp, signature)) {
            throw new HnswException(LiveVideoErrorCode.PLAYBACK_INVALID);
        }
        LinkedCamera c = camera(code);
        return new Upstream(c.code(), liveUri(c));
    }

    private URI liveUri(LinkedCamera c) {
        if (c.platformCode() == null) {
            throw new HnswException(LiveVideoErrorCode.NO_PLATFORM, c.code());
        }
        VideoPlatform p = platforms.byCode(c.platformCode())
                .orElseThrow(() -> new HnswException(LiveVideoErrorCode.NO_PLATFORM, c.code()));
        if (!p.enabled()) {
            throw new HnswException(LiveVideoErrorCode.PLATFORM_DISABLED, c.code(), p.code());
        }
        JsonNode answer;
        try {
            answer = gateway.query(p, VideoPlatformGateway.Query.LIVE, Map.of("deviceCode", c.device()));
        } catch (VideoPlatformGateway.VideoPlatformException e) {
            if (e.unavailable()) {
                throw new HnswException(LiveVideoErrorCode.PLATFORM_UNAVAILABLE, p.code());
            }
            if ("DEVICE_OFFLINE".equals(e.getMessage())) {
                throw new HnswException(LiveVideoErrorCode.CAMERA_OFFLINE, c.code());
            }
            throw new HnswException(LiveVideoErrorCode.PLATFORM_REFUSED, p.code(), e.getMessage());
        }
        String url = answer.path("liveUrl").asText("");
        if (!"MJPEG".equals(answer.path("format").asText()) || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new HnswException(LiveVideoErrorCode.PLATFORM_REFUSED, p.code(),
                    "no HTTP motion JPEG live address / 未提供 HTTP MJPEG 实时流地址");
        }
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new HnswException(LiveVideoErrorCode.PLATFORM_REFUSED, p.code(), "live address malformed");
        }
    }
}
