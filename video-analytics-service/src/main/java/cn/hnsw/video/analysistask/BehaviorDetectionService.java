package cn.hnsw.video.analysistask;

import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.analysis.TempVideoFile;
import cn.hnsw.video.analysis.VideoAnalysisService;
import cn.hnsw.video.analysis.VideoInspectionService;
import cn.hnsw.video.analysistask.AnalysisKind.Family;
import cn.hnsw.video.behavior.BehaviorAnalyzer;
import cn.hnsw.video.behavior.BehaviorAnalyzer.BehaviorEvent;
import cn.hnsw.video.behavior.BehaviorKind;
import cn.hnsw.video.behavior.BehaviorRuleRepository;
import cn.hnsw.video.behavior.BehaviorRules;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.camera.VideoSourceAdapter;
import cn.hnsw.video.support.VideoErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * 行为检测服务 (滞留徘徊 / 激烈运动 / 人群聚集 / 物品丢失 / 物品遗留 / 异常奔跑 检测服务): what another system calls with a
 * clip or a camera's stream and one behaviour to detect; it answers that behaviour's events. The rules are the
 * camera's (or the defaults) with the caller's thresholds over them, checked like an analysis task's instruction.
 * Each event is stored and raised as an alert like an inspection's.
 */
@Service
public class BehaviorDetectionService {

    private final VideoSourceAdapter sources;
    private final CameraService cameras;
    private final BehaviorRuleRepository rules;
    private final VideoInspectionService inspections;
    private final ObjectStorage storage;

    public BehaviorDetectionService(VideoSourceAdapter sources, CameraService cameras, BehaviorRuleRepository rules,
            VideoInspectionService inspections, ObjectStorage storage) {
        this.sources = sources;
        this.cameras = cameras;
        this.rules = rules;
        this.inspections = inspections;
        this.storage = storage;
    }

    /** What a detection call found: the behaviour asked for, the rules applied, its events and their alerts. */
    public record Detection(BehaviorKind behavior, String source, int frames, BehaviorRules rules,
            List<BehaviorEvent> events, List<String> alertIds) {
    }

    public static BehaviorKind behavior(String name) {
        try {
            return BehaviorKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new HnswException(VideoErrorCode.ANALYSIS_KIND_INVALID, name);
        }
    }

    /** Detection on a clip sent by the caller (kept in object storage like an offline inspection's). */
    public Detection detectClip(BehaviorKind kind, byte[] video, UUID cameraId, double fps, int maxSeconds,
            Map<String, Object> thresholds) {
        if (video == null || video.length == 0) {
            throw new HnswException(VideoErrorCode.VIDEO_FILE_EMPTY);
        }
        Camera camera = cameraId == null ? null : cameras.get(cameraId);
        BehaviorRules r = rulesFor(camera, thresholds);
        String key = "detections/" + UUID.randomUUID() + "/clip.video";
        storage.put(VideoAnalysisService.VIDEO_BUCKET, key, video, "application/octet-stream");
        return TempVideoFile.with(video, "hnsw-detect-",
                file -> detect(kind, file, camera, r, fps, maxSeconds, "detection:" + key));
    }

    /** Detection on a registered camera's live stream for at most {@code maxSeconds}. */
    public Detection detectCamera(BehaviorKind kind, UUID cameraId, int maxSeconds, Map<String, Object> thresholds) {
        Camera camera = cameras.get(cameraId);
        return detect(kind, camera.sourceUrl(), camera, rulesFor(camera, thresholds), camera.sampleFps(), maxSeconds,
                "detection:camera:" + camera.deviceCode());
    }

    private BehaviorRules rulesFor(Camera camera, Map<String, Object> thresholds) {
        Map<String, Object> checked = AnalysisInstruction.validate(Family.BEHAVIOR, thresholds == null ? Map.of() : thresholds);
        return AnalysisInstruction.behaviorRules(rules.forCamera(camera == null ? null : camera.id()), checked);
    }

    private Detection detect(BehaviorKind kind, String url, Camera camera, BehaviorRules r, double fps, int maxSeconds,
            String source) {
        BehaviorAnalyzer analyzer = new BehaviorAnalyzer(r);
        List<BehaviorEvent> events = new ArrayList<>();
        int frames = sources.read(url, fps, maxSeconds * 1000L, frame -> {
            for (BehaviorEvent e : analyzer.accept(frame.image(), frame.timestampMs())) {
                if (e.kind() == kind) {
                    events.add(e);
                }
            }
            return true;
        });
        if (frames == 0) {
            throw new HnswException(VideoErrorCode.VIDEO_UNREADABLE, source);
        }
        List<String> alertIds = events.stream().map(e -> inspections.raiseBehavior(camera, source, e)).toList();
        return new Detection(kind, source, frames, r, events, alertIds);
    }
}
