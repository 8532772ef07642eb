package cn.hnsw.video.intake;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.alert.WatchlistHitRepository.WatchlistHit;
import cn.hnsw.video.analysis.VideoAnalysisService;
import cn.hnsw.video.analysis.VideoAnalysisService.RecordedFace;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.intake.CascadeSourceAdapter.CascadePage;
import cn.hnsw.video.intake.FaceIntakeRepository.Batch;
import cn.hnsw.video.intake.FaceIntakeRepository.CascadeLink;
import cn.hnsw.video.intake.FaceIntakeRepository.Rejection;
import cn.hnsw.video.intake.FaceIntakeRepository.StoredRule;
import cn.hnsw.video.intake.IntakeRules.Outcome;
import cn.hnsw.video.intake.IntakeRules.Rule;
import cn.hnsw.video.recognition.FaceService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 智能设备对接 — face data from devices and other platforms into the capture library. Three ways in, one path:
 * the collection interface (a batch of records posted by a device gateway or an external system, 数据采集接口), the
 * cascade interface (the platform pulls a subordinate platform's new captures over sealed messages, 级联接口), and
 * the single-picture intake that already existed. Every record is converted and cleansed by the rules stored as
 * data ({@link IntakeRules}); an accepted record's faces are stored and matched through
 * {@link VideoAnalysisService#recordCapture} like any capture; a rejected record is kept with the rule that rejected
 * it, so the sender gets the result back per record (结果反馈).
 */
@Service
public class FaceIntakeService {

    private static final Logger log = LoggerFactory.getLogger(FaceIntakeService.class);
    static final int MAX_BATCH = 200;

    /** What one batch did: counts, the alerts its faces raised, the captures stored and the rejected records. */
    public record BatchResult(UUID batchId, String sourceCode, int received, int accepted, int rejected, int faces,
            List<UUID> captureIds, List<String> alertIds, List<Rejection> rejections) {
    }

    private final FaceIntakeRepository repo;
    private final CascadeSourceAdapter cascade;
    private final FaceService faces;
    private final CameraService cameras;
    private final VideoAnalysisService analysis;

    public FaceIntakeService(FaceIntakeRepository repo, CascadeSourceAdapter cascade, FaceService faces,
            CameraService cameras, VideoAnalysisService analysis) {
        this.repo = repo;
        this.cascade = cascade;
        this.faces = faces;
        this.cameras = cameras;
        this.analysis = analysis;
    }

    // ---- rules (人脸数据清洗任务 / 人脸数据转换任务: 新增、修改、删除、查询)

    public StoredRule createRule(String stage, String name, String sourceCode, String operation, String field,
            String parameter, Integer ordinal, Boolean enabled) {
        IntakeRules.validate(new Rule(stage, name, operation, field, parameter));
        StoredRule r = new StoredRule(UUID.randomUUID(), stage, name.trim(), blank(sourceCode), operation, field,
                blank(parameter), ordinal == null ? 0 : ordinal, enabled == null || enabled,
                Actors.current().username(), Instant.now(), null, null);
        repo.insertRule(r);
        return rule(r.id());
    }

    /** A rule keeps its stage: a cleansing rule does not become a conversion. */
    public StoredRule updateRule(UUID id, String name, String sourceCode, String operation, String field,
            String parameter, Integer ordinal, Boolean enabled) {
        StoredRule old = rule(id);
        IntakeRules.validate(new Rule(old.stage(), name, operation, field, parameter));
        repo.updateRule(new StoredRule(id, old.stage(), name.trim(), blank(sourceCode), operation, field,
                blank(parameter), ordinal == null ? old.ordinal() : ordinal, enabled == null ? old.enabled() : enabled,
                old.createdBy(), old.createdAt(), Actors.current().username(), Instant.now()));
        return rule(id);
    }

    public void deleteRule(UUID id) {
        if (repo.deleteRule(id) == 0) {
            throw new HnswException(IntakeErrorCode.RULE_NOT_FOUND, id);
        }
    }

    public StoredRule rule(UUID id) {
        return repo.rule(id).orElseThrow(() -> new HnswException(IntakeErrorCode.RULE_NOT_FOUND, id));
    }

    public List<StoredRule> rules(String stage) {
        return repo.rules(blank(stage));
    }

    // ---- collection (数据采集接口 / 采集接口 / 外部接口)

    public BatchResult collect(String sourceCode, List<Map<String, Object>> records) {
        if (records == null || records.isEmpty() || records.size() > MAX_BATCH) {
            throw new HnswException(IntakeErrorCode.BATCH_EMPTY);
        }
        return process("COLLECTION", sourceCode.trim(), records);
    }

    private BatchResult process(String channel, String sourceCode, List<Map<String, Object>> records) {
        List<Rule> rules = repo.activeRules(sourceCode);
        Instant now = Instant.now();
        List<Rejection> rejections = new ArrayList<>();
        List<UUID> captureIds = new ArrayList<>();
        List<String> alertIds = new ArrayList<>();
        int accepted = 0;
        int faceCount = 0;
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> raw = records.get(i) == null ? Map.of() : records.get(i);
            Outcome o = IntakeRules.apply(rules, raw, code -> repo.cameraByDeviceCode(code).isPresent(), now);
            String ref = Optional.ofNullable(IntakeRules.text(o.record().get("recordId"))).orElse(String.valueOf(i));
            if (!o.accepted()) {
                rejections.add(new Rejection(i, ref, o.rejectedBy(), o.reason()));
                continue;
            }
            Map<String, Object> rec = o.record();
            RgbImage img;
            try {
                String photo = IntakeRules.text(rec.get("photoBase64"));
                img = faces.decode(photo == null ? null : Base64.getMimeDecoder().decode(photo));
            } catch (HnswException | IllegalArgumentException e) {
                rejections.add(new Rejection(i, ref, "IMAGE_UNREADABLE", "the picture cannot be read"));
                continue;
            }
            List<AnalyzedFace> found = faces.allFaces(img);
            if (found.isEmpty()) {
                rejections.add(new Rejection(i, ref, "NO_FACE", "no face was found in the picture"));
                continue;
            }
            String deviceCode = IntakeRules.text(rec.get("deviceCode"));
            Camera camera = repo.cameraByDeviceCode(deviceCode).map(cameras::get).orElse(null);
            Instant at = Instant.parse(IntakeRules.text(rec.get("capturedAt")));
            for (AnalyzedFace face : found) {
                RecordedFace stored = analysis.recordCapture(img, face, camera, deviceCode, at,
                        channel.toLowerCase() + ":" + sourceCode);
                captureIds.add(stored.captureId());
                stored.hits().stream().map(WatchlistHit::alertId).forEach(alertIds::add);
            }
            faceCount += found.size();
            accepted++;
        }
        Batch b = new Batch(UUID.randomUUID(), channel, sourceCode, records.size(), accepted, rejections.size(),
                faceCount, Actors.current().username(), now);
        repo.insertBatch(b, rejections);
        log.info("event=face-intake-batch channel={} source={} received={} accepted={} rejected={} faces={}", channel,
                sourceCode, records.size(), accepted, rejections.size(), faceCount);
        return new BatchResult(b.id(), sourceCode, b.received(), accepted, rejections.size(), faceCount, captureIds,
                alertIds, rejections);
    }

    public List<Batch> batches(String sourceCode) {
        return repo.batches(blank(sourceCode), 100);
    }

    public Batch batch(UUID id) {
        return repo.batch(id).orElseThrow(() -> new HnswException(IntakeErrorCode.BATCH_NOT_FOUND, id));
    }

    public List<Rejection> rejections(UUID batchId) {
        batch(batchId);
        return repo.rejections(batchId);
    }

    // ---- cascade links (级联接口)

    public CascadeLink createLink(String code, String name, String partnerId, Integer pageSize) {
        if (repo.linkCodeTaken(code)) {
            throw new HnswException(IntakeErrorCode.LINK_CODE_TAKEN, code);
        }
        CascadeLink l = new CascadeLink(UUID.randomUUID(), code, name.trim(), partnerId,
                pageSize == null ? 50 : pageSize, 0, true, null, Actors.current().username(), Instant.now());
        repo.insertLink(l);
        return link(l.id());
    }

    public CascadeLink updateLink(UUID id, String name, String partnerId, Integer pageSize, Boolean enabled) {
        CascadeLink old = link(id);
        repo.updateLink(id, name.trim(), partnerId, pageSize == null ? old.pageSize() : pageSize,
                enabled == null ? old.enabled() : enabled);
        return link(id);
    }

    public void deleteLink(UUID id) {
        if (repo.deleteLink(id) == 0) {
            throw new HnswException(IntakeErrorCode.LINK_NOT_FOUND, id);
        }
    }

    public CascadeLink link(UUID id) {
        return repo.link(id).orElseThrow(() -> new HnswException(IntakeErrorCode.LINK_NOT_FOUND, id));
    }

    public List<CascadeLink> links() {
        return repo.links();
    }

    /**
     * Pulls the subordinate platform's captures after the last one seen, one page, through the link's rules (the
     * link's code is the source code the rules are scoped by); the link remembers the last sequence pulled, so a
     * second pull brings only what is new. A platform that cannot be reached changes nothing (503).
     */
    public BatchResult pull(UUID id) {
        CascadeLink l = link(id);
        if (!l.enabled()) {
            throw new HnswException(IntakeErrorCode.LINK_DISABLED, l.code());
        }
        CascadePage page = cascade.pull(l.partnerId(), l.lastSeq(), l.pageSize());
        long last = l.lastSeq();
        for (Map<String, Object> r : page.records()) {
            Object seq = r.get("xh");
            if (seq != null) {
                last = Math.max(last, Long.parseLong(seq.toString()));
            }
        }
        BatchResult result = page.records().isEmpty()
                ? new BatchResult(null, l.code(), 0, 0, 0, 0, List.of(), List.of(), List.of())
                : process("CASCADE", l.code(), page.records());
        repo.advance(id, last, Instant.now());
        return result;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
