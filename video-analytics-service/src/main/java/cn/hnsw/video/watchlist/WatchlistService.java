package cn.hnsw.video.watchlist;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.alert.AlertService;
import cn.hnsw.video.alert.WatchlistHitRepository;
import cn.hnsw.video.alert.WatchlistHitRepository.WatchlistHit;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.face.FaceEngine;
import cn.hnsw.video.recognition.FaceService;
import cn.hnsw.video.library.FaceLibraryService;
import cn.hnsw.video.library.FaceLibraryService.Candidate;
import cn.hnsw.video.library.FeatureLibraryType;
import cn.hnsw.video.library.FaceCaptureRepository.FaceCapture;
import cn.hnsw.video.support.VideoErrorCode;
import cn.hnsw.video.watchlist.WatchlistRepository.WatchlistTarget;
import cn.hnsw.video.watchlist.WatchlistTask.PendingAction;
import cn.hnsw.video.plate.PlateNumbers;
import cn.hnsw.video.plate.PlateReader.PlateRead;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 布控 — watch-list tasks: submit, review, withdraw, re-activate, and match captured faces against active tasks. */
@Service
public class WatchlistService {

    private final WatchlistRepository tasks;
    private final FaceLibraryService library;
    private final FaceService faces;
    private final WatchlistHitRepository hits;
    private final AlertService alerts;
    private final ObjectStorage storage;
    private final WatchlistFeedbackRepository feedback;
    private final long repeatWindowSeconds;
    private final double whitelistDistance;

    public WatchlistService(WatchlistRepository tasks, FaceLibraryService library, FaceService faces,
            WatchlistHitRepository hits, AlertService alerts, ObjectStorage storage, WatchlistFeedbackRepository feedback,
            @Value("${hnsw.video.watchlist.repeat-window-seconds:60}") long repeatWindowSeconds,
            @Value("${hnsw.video.watchlist.whitelist-distance:0.5}") double whitelistDistance) {
        this.tasks = tasks;
        this.library = library;
        this.faces = faces;
        this.hits = hits;
        this.alerts = alerts;
        this.storage = storage;
        this.feedback = feedback;
        this.repeatWindowSeconds = repeatWindowSeconds;
        this.whitelistDistance = whitelistDistance;
    }

    /** A target as submitted: a face base record, a photo with a label, or (risk-vehicle tasks) a plate number. */
    public record TargetSpec(UUID faceBaseRecordId, byte[] photo, String label, String plateNumber,
            Map<String, String> fields) {

        public TargetSpec(UUID faceBaseRecordId, byte[] photo, String label, String plateNumber) {
            this(faceBaseRecordId, photo, label, plateNumber, null);
        }

        public TargetSpec(UUID faceBaseRecordId, byte[] photo, String label) {
            this(faceBaseRecordId, photo, label, null, null);
        }
    }

    @Transactional
    public WatchlistTask submit(String name, WatchlistKind kind, Double maxDistance, List<UUID> cameraIds,
            List<String> officers, String organization, String instruction, Alert.Level level, List<TargetSpec> targets) {
        return submit(name, kind, maxDistance, cameraIds, officers, organization, instruction, level, targets, null);
    }

    /** As above; a random-control task (随机布控) has no targets and a sampling rate instead. */
    @Transactional
    public WatchlistTask submit(String name, WatchlistKind kind, Double maxDistance, List<UUID> cameraIds,
            List<String> officers, String organization, String instruction, Alert.Level level, List<TargetSpec> targets,
            Double samplingRate) {
        if (kind == WatchlistKind.RANDOM ? !targets.isEmpty() : targets.isEmpty()) {
            throw new HnswException(kind == WatchlistKind.RANDOM ? VideoErrorCode.SAMPLING_RATE_INVALID
                    : VideoErrorCode.TASK_WITHOUT_TARGETS, samplingRate);
        }
        double d = maxDistance == null ? FaceEngine.DEFAULT_MATCH_DISTANCE : maxDistance;
        if (!(d > 0 && d <= 1.2)) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, maxDistance);
        }
        // the task belongs to the organisation named, else to the submitter's own (who may see it: TaskViewer); an
        // officer names only their own organisation or a unit below it, never another customs'
        String org = organization == null || organization.isBlank() ? Actors.current().primaryOrganization()
                : organization;
        if (organization != null && !organization.isBlank()
                && !TaskViewer.of(Actors.current()).mayAssign(organization)) {
            throw new HnswException(VideoErrorCode.ORGANIZATION_NOT_OWN, organization);
        }
        WatchlistTask task = WatchlistTask.submit(name, kind, d, cameraIds, officers, org, instruction, level,
                Actors.current().username(), samplingRate);
        tasks.insert(task);
        for (TargetSpec spec : targets) {
            UUID targetId = UUID.randomUUID();
            if (kind == WatchlistKind.RISK_VEHICLE) {
                String plate = plateOf(spec.plateNumber());
                tasks.insertTarget(new WatchlistTarget(targetId, task.id(), null,
                        spec.label() == null ? plate : spec.label(), null, null, plate));
            } else if (spec.faceBaseRecordId() != null) {
                var record = library.record(spec.faceBaseRecordId());
                tasks.insertTarget(new WatchlistTarget(targetId, task.id(), record.id(),
                        spec.label() == null ? record.name() : spec.label(), library.descriptorOf(record.id()),
                        record.photoKey()));
            } else {
                float[] descriptor = faces.singleFace(faces.decode(spec.photo())).descriptor();
                String key = "watchlist/" + task.id() + "/" + targetId + ".jpg";
                storage.put(FaceLibraryService.FACE_BUCKET, key, spec.photo(), "image/jpeg");
                tasks.insertTarget(new WatchlistTarget(targetId, task.id(), null,
                        spec.label() == null ? "target-" + targetId.toString().substring(0, 8) : spec.label(),
                        descriptor, key));
            }
            if (spec.fields() != null && !spec.fields().isEmpty()) {
                // 布控数据项 checked by the controller against the kind's items (WatchlistTargetService)
                tasks.entered(targetId, fieldsJson(spec.fields()), null, task.createdBy());
            }
        }
        tasks.history(task.id(), "SUBMITTED", task.createdBy(), instruction, WatchlistStatus.PENDING_REVIEW,
                WatchlistStatus.PENDING_REVIEW);
        return task;
    }

    private static String fieldsJson(Map<String, String> fields) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write data items", e);
        }
    }

    @Transactional
    /** 布控对象接入: a feed may feed only a face-base task that is still to take or in effect. */
    public void checkFeedTask(UUID taskId) {
        WatchlistTask task = get(taskId);
        if (task.kind() != WatchlistKind.FACE_BASE || task.status() == WatchlistStatus.WITHDRAWN
                || task.status() == WatchlistStatus.REJECTED) {
            throw new HnswException(VideoErrorCode.TASK_STATE_INVALID, task.kind() + "/" + task.status(),
                    "布控对象接入 / fed targets");
        }
    }

    /** 布控对象存储: the stored person becomes a target of the fed task, once; false when already one or not stored. */
    public boolean addFeedTarget(UUID taskId, String personCode) {
        UUID recordId = tasks.recordOfPerson(personCode).orElse(null);
        if (recordId == null || tasks.hasRecordTarget(taskId, recordId)) {
            return false;
        }
        var record = library.record(recordId);
        tasks.insertTarget(new WatchlistTarget(UUID.randomUUID(), taskId, recordId, record.name(),
                library.descriptorOf(recordId), record.photoKey()));
        return true;
    }

    @Transactional
    public WatchlistTask review(UUID id, boolean approve, String comment) {
        WatchlistTask task = lockVisible(id);
        WatchlistStatus before = task.status();
        PendingAction action = task.review(approve, Actors.current().username(), comment);
        tasks.update(task);
        tasks.history(id, action.name() + (approve ? "_APPROVED" : "_REJECTED"), Actors.current().username(), comment,
                before, task.status());
        return task;
    }

    /** 布控任务修改: before the first review, by its submitter; the history keeps the revision. */
    @Transactional
    public WatchlistTask revise(UUID id, String name, Double maxDistance, List<UUID> cameraIds, List<String> officers,
            String instruction) {
        WatchlistTask task = lockVisible(id).revised(Actors.current().username(), name, maxDistance, cameraIds, officers,
                instruction);
        tasks.revise(task);
        tasks.history(id, "REVISED", Actors.current().username(), instruction, task.status(), task.status());
        return task;
    }

    public WatchlistRepository.Monitoring monitoring(UUID id) {
        return tasks.monitoring(get(id));
    }

    @Transactional
    public WatchlistTask requestWithdrawal(UUID id, String reason) {
        WatchlistTask task = lockVisible(id);
        task.requestWithdrawal(Actors.current().username());
        tasks.update(task);
        tasks.history(id, "WITHDRAWAL_REQUESTED", Actors.current().username(), reason, task.status(), task.status());
        return task;
    }

    @Transactional
    public WatchlistTask requestRecontrol(UUID id, String reason) {
        WatchlistTask task = lockVisible(id);
        task.requestRecontrol(Actors.current().username());
        tasks.update(task);
        tasks.history(id, "RECONTROL_REQUESTED", Actors.current().username(), reason, task.status(), task.status());
        return task;
    }

    /**
     * Deletes a task that never took effect (pending its first review, or rejected): only its submitter or a platform
     * administrator may. A task that was active has alerts and a history to keep: it is withdrawn, not deleted.
     */
    @Transactional
    public void delete(UUID id) {
        WatchlistTask task = lockVisible(id);
        var actor = Actors.current();
        if (!actor.username().equals(task.createdBy())
                && !actor.hasRole(cn.hnsw.common.security.Roles.PLATFORM_ADMIN)) {
            throw new HnswException(VideoErrorCode.NOT_TASK_SUBMITTER);
        }
        boolean neverActive = task.status() == WatchlistStatus.REJECTED
                || (task.status() == WatchlistStatus.PENDING_REVIEW && task.pendingAction() == PendingAction.ACTIVATION);
        if (!neverActive || tasks.hasHits(id)) {
            throw new HnswException(VideoErrorCode.TASK_STATE_INVALID, task.status(), "deleted");
        }
        tasks.delete(id);
    }

    public WatchlistTask get(UUID id) {
        return tasks.find(id).orElseThrow(() -> new HnswException(VideoErrorCode.TASK_NOT_FOUND, id));
    }

    /** The task as the current actor may see it (TaskViewer: organisation, submitter or bound officer). */
    public WatchlistTask visible(UUID id) {
        WatchlistTask task = get(id);
        if (!TaskViewer.of(Actors.current()).sees(task)) {
            throw new HnswException(VideoErrorCode.TASK_NOT_VISIBLE);
        }
        return task;
    }

    public List<WatchlistTarget> targets(UUID id) {
        get(id);
        return tasks.targets(id);
    }

    public List<WatchlistRepository.HistoryLine> history(UUID id) {
        get(id);
        return tasks.history(id);
    }

    public PageResponse<WatchlistTask> list(WatchlistStatus status, boolean pendingOnly, PageQuery page) {
        return PageResponse.of(tasks.list(status, pendingOnly, page.size(), page.offset()), page,
                tasks.count(status, pendingOnly));
    }

    /** Whether an ACTIVE risk-vehicle task covers the camera: only then are its frames read for plates. */
    public boolean watchesPlates(UUID cameraId) {
        return tasks.active().stream()
                .anyMatch(t -> t.kind() == WatchlistKind.RISK_VEHICLE && t.matchesCamera(cameraId));
    }

    /** A submitted plate number as stored: separators dropped, upper case; refused unless it is a plate number. */
    static String plateOf(String submitted) {
        String cleaned = submitted == null ? "" : submitted.replaceAll("[\\s·.\\-]", "").toUpperCase(Locale.ROOT);
        if (!PlateNumbers.isValid(cleaned)) {
            throw new HnswException(VideoErrorCode.PLATE_INVALID, submitted);
        }
        return cleaned;
    }

    /**
     * 风险车辆布控: compares the plates read in one frame with every active risk-vehicle task that covers the camera;
     * a plate on a task's list raises an alert with the frame's snapshot, addressed to the task's officers, unless
     * that plate was hit on that camera within the repeat window.
     *
     * @return the hits raised
     */
    @Transactional
    public List<WatchlistHit> matchPlates(List<PlateRead> reads, Camera camera, String deviceCode, Instant at,
            String snapshotKey) {
        List<WatchlistHit> raised = new java.util.ArrayList<>();
        UUID cameraId = camera == null ? null : camera.id();
        for (WatchlistTask task : tasks.active()) {
            if (task.kind() != WatchlistKind.RISK_VEHICLE || !task.matchesCamera(cameraId)) {
                continue;
            }
            List<WatchlistTarget> targets = tasks.targets(task.id());
            for (PlateRead read : reads) {
                WatchlistTarget target = targets.stream().filter(t -> read.plateNumber().equals(t.plateNumber()))
                        .findFirst().orElse(null);
                if (target == null || hits.recentlyHit(task.id(), target.id(), cameraId, at, repeatWindowSeconds)) {
                    continue;
                }
                String alertId = "VA-" + UUID.randomUUID();
                WatchlistHit hit = new WatchlistHit(UUID.randomUUID(), alertId, task.id(), target.id(), null, cameraId,
                        1 - read.confidence(), at, snapshotKey, task.officers(), "RAISED", null, null, null, null,
                        read.plateNumber());
                Map<String, String> attributes = new HashMap<>();
                attributes.put("taskId", task.id().toString());
                attributes.put("taskName", task.name());
                attributes.put("targetId", target.id().toString());
                attributes.put("targetLabel", target.label());
                attributes.put("plateNumber", read.plateNumber());
                attributes.put("plateConfidence", String.format(Locale.ROOT, "%.4f", read.confidence()));
                attributes.put("plateBox", read.x() + "," + read.y() + "," + read.width() + "," + read.height());
                attributes.put("snapshotKey", snapshotKey);
                if (deviceCode != null) {
                    attributes.put("deviceCode", deviceCode);
                }
                if (cameraId != null) {
                    attributes.put("cameraId", cameraId.toString());
                }
                if (task.instruction() != null) {
                    attributes.put("instruction", task.instruction());
                }
                String where = camera == null ? String.valueOf(deviceCode) : camera.name();
                Alert alert = new Alert(alertId, "video-analytics-service", "risk-vehicle-hit", task.alertLevel(),
                        camera == null ? null : camera.portCode(), task.organization(), task.officers(),
                        "风险车辆布控命中：" + read.plateNumber() + "（" + where + "）",
                        "Risk-vehicle hit: " + read.plateNumber() + " (" + where + ")", at,
                        camera == null ? null : camera.latitude(), camera == null ? null : camera.longitude(),
                        attributes);
                alerts.raise(hit, alert);
                raised.add(hit);
            }
        }
        return raised;
    }

    /** 随机布控: the capture was drawn for a check; an alert with its snapshot to the task's officers. */
    private WatchlistHit randomPick(WatchlistTask task, FaceCapture capture, Camera camera) {
        String alertId = "VA-" + UUID.randomUUID();
        WatchlistHit hit = new WatchlistHit(UUID.randomUUID(), alertId, task.id(), null, capture.id(),
                capture.cameraId(), 0, capture.capturedAt(), capture.snapshotKey(), task.officers(), "RAISED", null,
                null, null, null);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("taskId", task.id().toString());
        attributes.put("taskName", task.name());
        attributes.put("captureId", capture.id().toString());
        attributes.put("deviceCode", capture.deviceCode());
        attributes.put("samplingRate", String.format(Locale.ROOT, "%.4f", task.samplingRate()));
        attributes.put("snapshotKey", capture.snapshotKey());
        if (capture.cameraId() != null) {
            attributes.put("cameraId", capture.cameraId().toString());
        }
        if (task.instruction() != null) {
            attributes.put("instruction", task.instruction());
        }
        String where = camera == null ? capture.deviceCode() : camera.name();
        Alert alert = new Alert(alertId, "video-analytics-service", "random-check", task.alertLevel(),
                camera == null ? null : camera.portCode(), task.organization(), task.officers(),
                "随机布控抽中旅客，请核查（" + where + "）", "Random control picked a traveller for a check (" + where + ")",
                capture.capturedAt(), camera == null ? null : camera.latitude(),
                camera == null ? null : camera.longitude(), attributes);
        alerts.raise(hit, alert);
        return hit;
    }

    private WatchlistTask lock(UUID id) {
        return tasks.lock(id).orElseThrow(() -> new HnswException(VideoErrorCode.TASK_NOT_FOUND, id));
    }

    /**
     * The task locked for a change, refused ({@code TASK_NOT_VISIBLE}) to whoever may not see it (TaskViewer): review,
     * revision, withdrawal, re-control and deletion follow the same rule as reading, so a reviewer of another customs
     * neither reads nor decides on a task, and nothing changes.
     */
    private WatchlistTask lockVisible(UUID id) {
        WatchlistTask task = lock(id);
        if (!TaskViewer.of(Actors.current()).sees(task)) {
            throw new HnswException(VideoErrorCode.TASK_NOT_VISIBLE);
        }
        return task;
    }

    /**
     * Compares one captured face with every active task that covers its camera; a hit raises an alert to the task's
     * officers unless the face is on the whitelist or the same target was hit on that camera within the repeat window.
     *
     * @return the hits raised
     */
    @Transactional
    public List<WatchlistHit> match(FaceCapture capture, float[] descriptor, Camera camera) {
        return match(capture, descriptor, camera, null);
    }

    /**
     * As {@link #match(FaceCapture, float[], Camera)}, but only against the active tasks of one kind when {@code only}
     * is given: a control work mode (重点旅客布控, 离岛免税回流布控, 随机布控) answers for its own watch-lists, not for
     * the other kinds' lists that happen to cover the same camera.
     */
    @Transactional
    public List<WatchlistHit> match(FaceCapture capture, float[] descriptor, Camera camera, WatchlistKind only) {
        List<WatchlistHit> raised = new java.util.ArrayList<>();
        Boolean whitelisted = null;
        for (WatchlistTask task : tasks.active()) {
            if (task.kind() == WatchlistKind.RISK_VEHICLE || !task.matchesCamera(capture.cameraId())
                    || (only != null && task.kind() != only)) {
                continue;
            }
            if (task.kind() == WatchlistKind.RANDOM) {
                if (task.picks(capture.id())) {
                    if (whitelisted == null) {
                        List<Candidate> w = library.identify(descriptor, FeatureLibraryType.WHITELIST, 1,
                                whitelistDistance, true);
                        whitelisted = !w.isEmpty() && w.get(0).match();
                    }
                    if (!whitelisted) {
                        raised.add(randomPick(task, capture, camera));
                    }
                }
                continue;
            }
            WatchlistTarget best = null;
            double bestDistance = Double.MAX_VALUE;
            for (WatchlistTarget t : tasks.targets(task.id())) {
                double d = FaceEngine.distance(descriptor, t.descriptor());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = t;
                }
            }
            if (best == null || bestDistance > task.maxDistance()) {
                continue;
            }
            if (whitelisted == null) {
                List<Candidate> w = library.identify(descriptor, FeatureLibraryType.WHITELIST, 1, whitelistDistance, true);
                whitelisted = !w.isEmpty() && w.get(0).match();
            }
            if (whitelisted || hits.recentlyHit(task.id(), best.id(), capture.cameraId(), capture.capturedAt(),
                    repeatWindowSeconds)) {
                continue;
            }
            String alertId = "VA-" + UUID.randomUUID();
            // 布控反馈: the task's officers and the enabled feedback services of its kind
            List<String> recipients = feedback.recipients(task.kind(), task.officers());
            WatchlistHit hit = new WatchlistHit(UUID.randomUUID(), alertId, task.id(), best.id(), capture.id(),
                    capture.cameraId(), bestDistance, capture.capturedAt(), capture.snapshotKey(), recipients,
                    "RAISED", null, null, null, null);
            Map<String, String> attributes = new HashMap<>();
            attributes.put("taskId", task.id().toString());
            attributes.put("taskName", task.name());
            attributes.put("targetId", best.id().toString());
            attributes.put("targetLabel", best.label());
            attributes.put("captureId", capture.id().toString());
            attributes.put("deviceCode", capture.deviceCode());
            attributes.put("distance", String.format(Locale.ROOT, "%.4f", bestDistance));
            attributes.put("similarity", String.format(Locale.ROOT, "%.4f", FaceService.similarity(bestDistance)));
            attributes.put("snapshotKey", capture.snapshotKey());
            if (capture.cameraId() != null) {
                attributes.put("cameraId", capture.cameraId().toString());
            }
            if (task.instruction() != null) {
                attributes.put("instruction", task.instruction());
            }
            String where = camera == null ? capture.deviceCode() : camera.name();
            Alert alert = new Alert(alertId, "video-analytics-service", "watchlist-hit", task.alertLevel(),
                    camera == null ? null : camera.portCode(), task.organization(), recipients,
                    "布控命中：" + best.label() + "（" + where + "）",
                    "Watch-list hit: " + best.label() + " (" + where + ")", capture.capturedAt(),
                    camera == null ? null : camera.latitude(), camera == null ? null : camera.longitude(), attributes);
            alerts.raise(hit, alert);
            raised.add(hit);
        }
        return raised;
    }
}
