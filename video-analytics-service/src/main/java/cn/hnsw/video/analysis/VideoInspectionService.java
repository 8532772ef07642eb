package cn.hnsw.video.analysis;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.behavior.BehaviorAnalyzer;
import cn.hnsw.video.behavior.BehaviorAnalyzer.BehaviorEvent;
import cn.hnsw.video.behavior.BehaviorRuleRepository;
import cn.hnsw.video.behavior.BehaviorRules;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.camera.VideoSourceAdapter;
import cn.hnsw.video.diagnosis.DiagnosisStandardRepository;
import cn.hnsw.video.diagnosis.ImageQualityDiagnoser;
import cn.hnsw.video.diagnosis.ImageQualityDiagnoser.Diagnosis;
import cn.hnsw.video.diagnosis.VideoFault;
import cn.hnsw.video.support.VideoErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Behaviour analysis and image-quality diagnosis of a camera's stream or an offline video, run as one task: the
 * findings are stored ({@code analysis_event}) and raised as alerts on the platform's alerts topic.
 */
@Service
public class VideoInspectionService {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one inspection found. */
    public record InspectionReport(String source, int frames, List<BehaviorEvent> behaviors, Diagnosis diagnosis,
            List<String> alertIds) {
    }

    private final VideoSourceAdapter sources;
    private final CameraService cameras;
    private final BehaviorRuleRepository rules;
    private final DiagnosisStandardRepository standards;
    private final OutboxPublisher outbox;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectStorage storage;

    public VideoInspectionService(VideoSourceAdapter sources, CameraService cameras, BehaviorRuleRepository rules,
            DiagnosisStandardRepository standards, OutboxPublisher outbox, JdbcTemplate jdbc, TransactionTemplate tx,
            ObjectStorage storage) {
        this.sources = sources;
        this.cameras = cameras;
        this.rules = rules;
        this.standards = standards;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = tx;
        this.storage = storage;
    }

    public InspectionReport inspectCamera(UUID cameraId, int maxSeconds) {
        Camera camera = cameras.get(cameraId);
        return inspect(camera.sourceUrl(), camera, camera.sampleFps(), maxSeconds, "camera:" + camera.deviceCode());
    }

    public InspectionReport inspectOffline(byte[] video, UUID cameraId, double fps, int maxSeconds) {
        Camera camera = cameraId == null ? null : cameras.get(cameraId);
        String key = "offline/" + UUID.randomUUID() + "/inspection.video";
        storage.put(VideoAnalysisService.VIDEO_BUCKET, key, video, "application/octet-stream");
        return TempVideoFile.with(video, "hnsw-inspect-", file -> inspect(file, camera, fps, maxSeconds, "offline:" + key));
    }

    private InspectionReport inspect(String url, Camera camera, double fps, int maxSeconds, String source) {
        BehaviorRules r = rules.forCamera(camera == null ? null : camera.id());
        BehaviorAnalyzer behavior = new BehaviorAnalyzer(r);
        ImageQualityDiagnoser diagnoser = new ImageQualityDiagnoser(standards.current());
        List<BehaviorEvent> events = new ArrayList<>();
        int frames = sources.read(url, fps, maxSeconds * 1000L, frame -> {
            events.addAll(behavior.accept(frame.image(), frame.timestampMs()));
            diagnoser.accept(frame.image());
            return true;
        });
        if (frames == 0) {
            throw new HnswException(VideoErrorCode.VIDEO_UNREADABLE, source);
        }
        Diagnosis diagnosis = diagnoser.diagnosis();
        List<String> alertIds = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            for (BehaviorEvent e : events) {
                alertIds.add(raise(camera, source, "BEHAVIOR", e.kind().name(), e.startMs(), e.endMs(),
                        Map.of("detail", e.detail()), behaviorTitleZh(e.kind().name()), "Abnormal behaviour: "
                                + e.kind().name().toLowerCase().replace('_', ' '), "abnormal-behavior"));
            }
            for (VideoFault f : diagnosis.faults()) {
                alertIds.add(raise(camera, source, "DIAGNOSIS", f.name(), 0, frames, Map.of("measures",
                        diagnosis.measures().toString()), "视频诊断异常：" + f.name(), "Video fault: " + f.name(),
                        "video-fault"));
            }
        });
        return new InspectionReport(source, frames, events, diagnosis, alertIds);
    }

    /** A behaviour found by a detection service call: stored and raised like an inspection's. */
    public String raiseBehavior(Camera camera, String source, BehaviorEvent e) {
        return tx.execute(status -> raise(camera, source, "BEHAVIOR", e.kind().name(), e.startMs(), e.endMs(),
                Map.of("detail", e.detail()), behaviorTitleZh(e.kind().name()), "Abnormal behaviour: "
                        + e.kind().name().toLowerCase().replace('_', ' '), "abnormal-behavior"));
    }

    private String raise(Camera camera, String source, String kind, String code, long startMs, long endMs,
            Map<String, String> detail, String titleZh, String titleEn, String alertType) {
        String alertId = "VB-" + UUID.randomUUID();
        try {
            jdbc.update("INSERT INTO analysis_event (id, alert_id, camera_id, source, kind, code, started_at_ms, ended_at_ms, "
                    + "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)", UUID.randomUUID(), alertId,
                    camera == null ? null : camera.id(), source, kind, code, startMs, endMs, JSON.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> attributes = new java.util.HashMap<>(detail);
        attributes.put("code", code);
        attributes.put("source", source);
        attributes.put("mediaStartMs", Long.toString(startMs));
        if (camera != null) {
            attributes.put("cameraId", camera.id().toString());
            attributes.put("deviceCode", camera.deviceCode());
        }
        String where = camera == null ? "" : "（" + camera.name() + "）";
        outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alertId, Alert.EVENT_TYPE, new Alert(alertId,
                "video-analytics-service", alertType, "BEHAVIOR".equals(kind) ? Alert.Level.MEDIUM : Alert.Level.LOW,
                camera == null ? null : camera.portCode(), null, List.of(), titleZh + where, titleEn, Instant.now(),
                camera == null ? null : camera.latitude(), camera == null ? null : camera.longitude(), attributes));
        return alertId;
    }

    private static String behaviorTitleZh(String code) {
        return switch (code) {
            case "RUNNING" -> "异常奔跑";
            case "LOITERING" -> "滞留徘徊";
            case "VIOLENT_MOTION" -> "激烈运动";
            case "CROWD" -> "人群聚集";
            case "LEFT_BEHIND" -> "物品遗留";
            case "ITEM_LOST" -> "物品丢失";
            default -> code;
        };
    }
}
