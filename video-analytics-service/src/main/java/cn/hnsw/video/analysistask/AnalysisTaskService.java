package cn.hnsw.video.analysistask;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.analysis.VideoAnalysisService;
import cn.hnsw.video.analysistask.AnalysisKind.Family;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.AlgorithmService;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Count;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Feed;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Finding;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.KindSetting;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Slice;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Task;
import cn.hnsw.video.behavior.BehaviorKind;
import cn.hnsw.video.behavior.BehaviorRuleRepository;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.camera.DeviceProtocol;
import cn.hnsw.video.diagnosis.DiagnosisStandardRepository;
import cn.hnsw.video.diagnosis.VideoFault;
import cn.hnsw.video.library.FaceLibraryService;
import cn.hnsw.video.support.VideoErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 视频结构化解析任务 — one management shape for every analysis kind: per kind its stream types (流类型管理) and storage
 * setting (存储管理); data feeds (接入数据源 新增/修改/删除/查询, a camera, a stream address or an uploaded video);
 * algorithm services (服务 新增/修改/删除/查询); tasks (任务 新增/修改/删除/查询/启动/取消) with their instruction
 * (指令 修改/删除/查询/监控), progress (任务监控), slices (实时存储/切片, 回溯) and anomaly (异常预警/处置); findings with
 * handling, statistics and export. {@link AnalysisTaskRunner} runs the tasks.
 */
@Service
public class AnalysisTaskService {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final AnalysisTaskRepository repo;
    private final AnalysisTaskRunner runner;
    private final CameraService cameras;
    private final ObjectStorage storage;
    private final BehaviorRuleRepository behaviorRules;
    private final DiagnosisStandardRepository standards;
    private final FaceLibraryService library;

    public AnalysisTaskService(AnalysisTaskRepository repo, AnalysisTaskRunner runner, CameraService cameras,
            ObjectStorage storage, BehaviorRuleRepository behaviorRules, DiagnosisStandardRepository standards,
            FaceLibraryService library) {
        this.library = library;
        this.repo = repo;
        this.runner = runner;
        this.cameras = cameras;
        this.storage = storage;
        this.behaviorRules = behaviorRules;
        this.standards = standards;
    }

    public static AnalysisKind kind(String name) {
        if (name == null) {
            return null;
        }
        try {
            return AnalysisKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new HnswException(VideoErrorCode.ANALYSIS_KIND_INVALID, name);
        }
    }

    // ---- kinds: stream types and storage

    /** A kind with its names, detector and current settings. */
    public record KindView(AnalysisKind kind, String nameZh, String nameEn, Family family, String detector,
            List<String> streamTypes, boolean keepSlices, int sliceSeconds, int retentionDays) {
    }

    public List<KindView> kinds() {
        return Arrays.stream(AnalysisKind.values()).map(this::kindView).toList();
    }

    public KindView kindView(AnalysisKind k) {
        KindSetting s = setting(k);
        return new KindView(k, k.nameZh(), k.nameEn(), k.family(), k.family().detector(), s.streamTypes(),
                s.keepSlices(), s.sliceSeconds(), s.retentionDays());
    }

    KindSetting setting(AnalysisKind k) {
        return repo.setting(k).orElseGet(() -> new KindSetting(k, Arrays.stream(DeviceProtocol.values())
                .map(Enum::name).toList(), false, 10, 30, null, null));
    }

    /** 流类型管理: the stream types the kind's feeds may use. */
    public KindView setStreamTypes(AnalysisKind k, List<String> types) {
        if (types == null || types.isEmpty()) {
            throw new HnswException(VideoErrorCode.STREAM_TYPE_NOT_ALLOWED, "[]");
        }
        for (String t : types) {
            protocol(t);
        }
        KindSetting s = setting(k);
        repo.saveSetting(new KindSetting(k, types.stream().distinct().toList(), s.keepSlices(), s.sliceSeconds(),
                s.retentionDays(), Actors.current().username(), null));
        return kindView(k);
    }

    /** 存储管理: whether the kind's tasks keep the analysed video as slices, how long each and for how many days. */
    public KindView setStorage(AnalysisKind k, boolean keepSlices, int sliceSeconds, int retentionDays) {
        if (sliceSeconds < 2 || sliceSeconds > 600 || retentionDays < 1 || retentionDays > 3650) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, sliceSeconds + "s/" + retentionDays + "d");
        }
        KindSetting s = setting(k);
        repo.saveSetting(new KindSetting(k, s.streamTypes(), keepSlices, sliceSeconds, retentionDays,
                Actors.current().username(), null));
        return kindView(k);
    }

    private static DeviceProtocol protocol(String t) {
        try {
            return DeviceProtocol.valueOf(t);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new HnswException(VideoErrorCode.STREAM_TYPE_NOT_ALLOWED, t);
        }
    }

    // ---- feeds

    /** 接入数据源新增: a registered camera, or a stream address of an allowed stream type. */
    public Feed addFeed(AnalysisKind k, String name, UUID cameraId, String protocol, String sourceUrl) {
        String p;
        if (cameraId != null) {
            p = cameras.get(cameraId).protocol().name();
            sourceUrl = null;
        } else {
            p = protocol(protocol).name();
            checkUrl(p, sourceUrl);
        }
        allowed(k, p);
        Feed f = new Feed(UUID.randomUUID(), k, name, p, cameraId, sourceUrl, null, null, null, true,
                Actors.current().username(), null);
        repo.insertFeed(f);
        return feed(f.id());
    }

    /**
     * 离线视频导入新增: the file goes to object storage and becomes a FILE feed of the kind; given a camera, the video is
     * analysed as that camera's (its rules, its watch-lists, its place on the trajectory).
     */
    public Feed uploadFeed(AnalysisKind k, String name, String fileName, byte[] video, UUID cameraId) {
        if (video == null || video.length == 0) {
            throw new HnswException(VideoErrorCode.VIDEO_FILE_EMPTY);
        }
        if (cameraId != null) {
            cameras.get(cameraId);
        }
        allowed(k, DeviceProtocol.FILE.name());
        UUID id = UUID.randomUUID();
        String safe = fileName == null ? "video" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String key = "feeds/" + id + "/" + safe;
        storage.put(VideoAnalysisService.VIDEO_BUCKET, key, video, "application/octet-stream");
        repo.insertFeed(new Feed(id, k, name == null || name.isBlank() ? safe : name, DeviceProtocol.FILE.name(),
                cameraId, null, key, fileName, (long) video.length, true, Actors.current().username(), null));
        return feed(id);
    }

    private void allowed(AnalysisKind k, String protocol) {
        if (!setting(k).streamTypes().contains(protocol)) {
            throw new HnswException(VideoErrorCode.STREAM_TYPE_NOT_ALLOWED, protocol);
        }
    }

    private static void checkUrl(String protocol, String url) {
        String u = url == null ? "" : url.trim().toLowerCase();
        boolean ok = switch (protocol) {
            case "RTSP", "GB28181" -> u.startsWith("rtsp://");
            case "HTTP_FLV" -> u.startsWith("http://") || u.startsWith("https://");
            case "HLS" -> (u.startsWith("http://") || u.startsWith("https://")) && u.contains(".m3u8");
            case "NON_STANDARD" -> u.contains("://");
            default -> false;
        };
        if (!ok) {
            throw new HnswException(VideoErrorCode.SOURCE_URL_INVALID, protocol + " " + url);
        }
    }

    /** 接入数据源修改: name, address (stream feeds only) and whether it may be used. */
    public Feed updateFeed(UUID id, String name, String sourceUrl, boolean enabled) {
        Feed f = feed(id);
        if (sourceUrl != null) {
            if (f.sourceUrl() == null) {
                throw new HnswException(VideoErrorCode.SOURCE_URL_INVALID, f.protocol() + " " + sourceUrl);
            }
            checkUrl(f.protocol(), sourceUrl);
        }
        repo.updateFeed(id, name == null || name.isBlank() ? f.name() : name, sourceUrl, enabled);
        return feed(id);
    }

    /** 接入数据源删除: only a feed no task uses (409 otherwise); an uploaded file leaves object storage with it. */
    @Transactional
    public void deleteFeed(UUID id) {
        Feed f = feed(id);
        if (!repo.deleteUnusedFeed(id)) {
            throw new HnswException(VideoErrorCode.ANALYSIS_FEED_IN_USE, f.name());
        }
        if (f.objectKey() != null) {
            storage.delete(VideoAnalysisService.VIDEO_BUCKET, f.objectKey());
        }
    }

    public Feed feed(UUID id) {
        return repo.feed(id).orElseThrow(() -> new HnswException(VideoErrorCode.ANALYSIS_FEED_NOT_FOUND, id));
    }

    public PageResponse<Feed> feeds(AnalysisKind k, PageQuery page) {
        return PageResponse.of(repo.feeds(k, (int) page.offset(), page.size()), page, repo.countFeeds(k));
    }

    // ---- algorithm services

    /** 服务新增: a detector configured for a kind; the detector must be the one of the kind's family. */
    public AlgorithmService addService(AnalysisKind k, String name, String detector, double sampleFps) {
        checkService(k, detector, sampleFps);
        AlgorithmService s = new AlgorithmService(UUID.randomUUID(), k, name, detector, sampleFps, true,
                1, Actors.current().username(), null, null);
        repo.insertService(s);
        return service(s.id());
    }

    private static void checkService(AnalysisKind k, String detector, double sampleFps) {
        if (!k.family().detector().equals(detector)) {
            throw new HnswException(VideoErrorCode.DETECTOR_INVALID, detector + " → " + k.name());
        }
        if (!(sampleFps > 0 && sampleFps <= 30)) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, "sampleFps=" + sampleFps);
        }
    }

    /** 服务修改: name, sampling and whether it serves; each change is a new version. */
    public AlgorithmService updateService(UUID id, String name, double sampleFps, boolean enabled) {
        AlgorithmService s = service(id);
        checkService(s.kind(), s.detector(), sampleFps);
        repo.updateService(id, name == null || name.isBlank() ? s.name() : name, sampleFps, enabled);
        return service(id);
    }

    public void deleteService(UUID id) {
        AlgorithmService s = service(id);
        if (!repo.deleteUnusedService(id)) {
            throw new HnswException(VideoErrorCode.ANALYSIS_SERVICE_IN_USE, s.name());
        }
    }

    public AlgorithmService service(UUID id) {
        return repo.service(id).orElseThrow(() -> new HnswException(VideoErrorCode.ANALYSIS_SERVICE_NOT_FOUND, id));
    }

    public List<AlgorithmService> services(AnalysisKind k) {
        return repo.services(k);
    }

    // ---- tasks

    /** 任务新增: of the kind, over a feed of that kind, served by a service of that kind; started now, at a time, or later. */
    public Task createTask(AnalysisKind k, String name, UUID serviceId, UUID feedId, Map<String, Object> instruction,
            int maxSeconds, Instant startAt, boolean startNow) {
        return createTask(k, name, serviceId, feedId, instruction, maxSeconds, startAt, startNow, false, null);
    }

    /**
     * 任务新增, bounded (by {@code maxSeconds}) or continuous: a continuous task reads a live source (a camera or a
     * stream address, never an uploaded file) until it is stopped, or until the watch-list task it is bound to is no
     * longer ACTIVE (撤控). A start while this instance's pool of continuous tasks is full is refused (409) and
     * stores nothing.
     */
    public Task createTask(AnalysisKind k, String name, UUID serviceId, UUID feedId, Map<String, Object> instruction,
            int maxSeconds, Instant startAt, boolean startNow, boolean continuous, UUID watchlistTaskId) {
        checkParts(k, serviceId, feedId);
        Map<String, Object> ins = checkedInstruction(k, instruction);
        if (continuous) {
            Feed f = feed(feedId);
            if (f.objectKey() != null || DeviceProtocol.FILE.name().equals(f.protocol())) {
                throw new HnswException(VideoErrorCode.LIVE_SOURCE_REQUIRED, f.protocol());
            }
            if (startNow && startAt == null) {
                runner.checkLiveCapacity();
            }
        }
        if (watchlistTaskId != null && repo.watchlistStatus(watchlistTaskId) == null) {
            throw new HnswException(VideoErrorCode.TASK_NOT_FOUND, watchlistTaskId);
        }
        UUID id = UUID.randomUUID();
        AnalysisTaskStatus status = startAt != null ? AnalysisTaskStatus.SCHEDULED
                : startNow ? AnalysisTaskStatus.QUEUED : AnalysisTaskStatus.CREATED;
        repo.insertTask(id, k, name, serviceId, feedId, ins, maxSeconds, startAt, status, Actors.current().username());
        if (continuous || watchlistTaskId != null) {
            repo.setContinuous(id, continuous, watchlistTaskId);
        }
        if (status == AnalysisTaskStatus.QUEUED) {
            runner.submit(id);
        }
        return task(id);
    }


    /** The instruction checked for the kind; a face base record it binds must exist (404 otherwise). */
    private Map<String, Object> checkedInstruction(AnalysisKind k, Map<String, Object> instruction) {
        Map<String, Object> ins = AnalysisInstruction.validate(k.family(), instruction);
        if (ins.get(AnalysisInstruction.PROBE) instanceof String probe) {
            library.record(UUID.fromString(probe));
        }
        if (ins.get(AnalysisInstruction.STANDARD_TYPE) != null) {
            standards.current(ins.get(AnalysisInstruction.STANDARD_TYPE));
        }
        return ins;
    }

    private void checkParts(AnalysisKind k, UUID serviceId, UUID feedId) {
        AlgorithmService s = service(serviceId);
        Feed f = feed(feedId);
        if (s.kind() != k || f.kind() != k) {
            throw new HnswException(VideoErrorCode.KIND_MISMATCH, k + "/" + s.kind() + "/" + f.kind());
        }
    }

    private void checkRunnable(Task t) {
        AlgorithmService s = service(t.serviceId());
        Feed f = feed(t.feedId());
        if (!s.enabled()) {
            throw new HnswException(VideoErrorCode.ANALYSIS_SERVICE_DISABLED, s.name());
        }
        if (!f.enabled()) {
            throw new HnswException(VideoErrorCode.ANALYSIS_FEED_DISABLED, f.name());
        }
        allowed(t.kind(), f.protocol());
    }

    /** 任务修改: only at rest (not queued or running). */
    public Task updateTask(UUID id, String name, UUID serviceId, UUID feedId, int maxSeconds, Instant startAt) {
        Task t = task(id);
        checkParts(t.kind(), serviceId, feedId);
        AnalysisTaskStatus status = startAt != null ? AnalysisTaskStatus.SCHEDULED
                : t.status() == AnalysisTaskStatus.SCHEDULED ? AnalysisTaskStatus.CREATED : t.status();
        if (!repo.updateTask(id, name == null || name.isBlank() ? t.name() : name, serviceId, feedId, maxSeconds,
                startAt, status)) {
            throw new HnswException(VideoErrorCode.ANALYSIS_TASK_STATE_INVALID, t.status(), "修改/modified");
        }
        return task(id);
    }

    /** 任务删除: at rest only; its findings and slices go with it (the slices' video from object storage too). */
    @Transactional
    public void deleteTask(UUID id) {
        Task t = task(id);
        if (!t.status().atRest()) {
            throw new HnswException(VideoErrorCode.ANALYSIS_TASK_STATE_INVALID, t.status(), "删除/deleted");
        }
        List<Slice> slices = repo.slices(id);
        repo.deleteTask(id);
        slices.forEach(s -> storage.delete(AnalysisTaskRunner.SLICE_BUCKET, s.objectKey()));
    }

    /** 任务启动 (again): the service and feed must be enabled and the feed's stream type still allowed. */
    public Task start(UUID id) {
        Task t = task(id);
        checkRunnable(t);
        if (t.continuous()) {
            runner.checkLiveCapacity();
            if (t.status().atRest()) {
                repo.clearStop(id);
            }
        }
        if (!repo.move(id, AnalysisTaskStatus.STARTABLE, AnalysisTaskStatus.QUEUED)) {
            throw new HnswException(VideoErrorCode.ANALYSIS_TASK_STATE_INVALID, t.status(), "启动/started");
        }
        runner.submit(id);
        return task(id);
    }

    /**
     * 停止 a continuous task: recorded with who and why (and in the operation log); the instance that runs it stops
     * after its current frame (another instance sees the request at its next lease renewal), and the task ends
     * STOPPED. A bounded task is not stopped but cancelled (409 here).
     */
    public Task stop(UUID id, String reason) {
        Task t = task(id);
        if (!t.continuous() || !repo.requestStop(id, reason == null || reason.isBlank() ? "人工停止 / stopped by an operator"
                : reason, Actors.current().username())) {
            throw new HnswException(VideoErrorCode.ANALYSIS_TASK_STATE_INVALID, t.status(), "停止/stopped");
        }
        runner.cancel(id);
        Task now = task(id);
        if (now.leaseOwner() == null) {
            // queued, and no instance has taken it yet: nobody else will end it
            repo.stopped(id, null, null);
        }
        return task(id);
    }

    /** 断流记录: the task's interruptions, newest first. */
    public List<AnalysisTaskRepository.Interruption> interruptions(UUID id) {
        task(id);
        return repo.interruptions(id, 200);
    }

    /** This instance's pool of continuous tasks and how many run across instances. */
    public record LiveStatus(String instance, int capacity, int runningHere, long liveTasks) {
    }

    public LiveStatus live() {
        return new LiveStatus(runner.instance(), runner.liveCapacity(), runner.liveRunning(), repo.countLive());
    }

    public Task cancel(UUID id) {
        Task t = task(id);
        if (t.continuous() && !t.status().atRest() && t.status() != AnalysisTaskStatus.SCHEDULED) {
            return stop(id, "取消 / cancelled");
        }
        if (t.status() == AnalysisTaskStatus.RUNNING || t.status() == AnalysisTaskStatus.RECONNECTING) {
            runner.cancel(id);
            return task(id);
        }
        if (!repo.move(id, List.of(AnalysisTaskStatus.SCHEDULED, AnalysisTaskStatus.QUEUED), AnalysisTaskStatus.CANCELLED)) {
            throw new HnswException(VideoErrorCode.ANALYSIS_TASK_STATE_INVALID, t.status(), "取消/cancelled");
        }
        runner.cancel(id);
        return task(id);
    }

    public Task task(UUID id) {
        return repo.task(id).orElseThrow(() -> new HnswException(VideoErrorCode.ANALYSIS_TASK_NOT_FOUND, id));
    }

    public PageResponse<Task> tasks(AnalysisKind k, String status, PageQuery page) {
        return PageResponse.of(repo.tasks(k, status, (int) page.offset(), page.size()), page, repo.countTasks(k, status));
    }

    /** 指令查询/监控: the task's own instruction, its version, the version its last run applied and what takes effect. */
    public record InstructionView(UUID taskId, Map<String, Object> instruction, int version, Integer appliedVersion,
            boolean applied, AnalysisTaskStatus status, Map<String, Object> effective) {
    }

    public InstructionView instruction(UUID id) {
        Task t = task(id);
        Feed f = feed(t.feedId());
        Map<String, Object> effective = new LinkedHashMap<>();
        Map<String, Object> ins = t.instruction();
        switch (t.kind().family()) {
            case FACE, FUSION -> {
                effective.put("minFaceSide", AnalysisInstruction.number(ins, "minFaceSide", 40));
                effective.put("baseLibraryDistance", AnalysisInstruction.number(ins, "baseLibraryDistance",
                        AnalysisInstruction.DEFAULT_BASE_LIBRARY_DISTANCE));
                effective.put("clusterDistance", AnalysisInstruction.number(ins, "clusterDistance",
                        AnalysisInstruction.DEFAULT_CLUSTER_DISTANCE));
                if (ins.get(AnalysisInstruction.PROBE) != null) {
                    effective.put(AnalysisInstruction.PROBE, ins.get(AnalysisInstruction.PROBE));
                }
                if (t.kind().family() == Family.FUSION) {
                    effective.put("behaviorRules", AnalysisInstruction.behaviorRules(
                            behaviorRules.forCamera(f.cameraId()), ins));
                }
            }
            case BEHAVIOR -> effective.put("behaviorRules", AnalysisInstruction.behaviorRules(
                    behaviorRules.forCamera(f.cameraId()), ins));
            case DIAGNOSIS -> effective.putAll(AnalysisInstruction.standards(standards.current(ins.get(AnalysisInstruction.STANDARD_TYPE)), ins).thresholds());
            case PLATE -> effective.put("plateIntervalMs", AnalysisInstruction.number(ins, "plateIntervalMs",
                    AnalysisInstruction.DEFAULT_PLATE_INTERVAL_MS));
        }
        return new InstructionView(id, ins, t.instructionVersion(), t.appliedVersion(),
                t.appliedVersion() != null && t.appliedVersion() == t.instructionVersion(), t.status(), effective);
    }

    /** 指令修改: a new version; a running task keeps the one it started with until its next run. */
    public InstructionView setInstruction(UUID id, Map<String, Object> instruction) {
        Task t = task(id);
        repo.setInstruction(id, checkedInstruction(t.kind(), instruction));
        return instruction(id);
    }

    /** 指令删除: back to the defaults (the camera's rules, the diagnosis standards). */
    public InstructionView clearInstruction(UUID id) {
        task(id);
        repo.setInstruction(id, Map.of());
        return instruction(id);
    }

    /** 异常处置: RETRY queues the task again (its anomaly is handled by the retry); CLOSE records the note. */
    public Task handleAnomaly(UUID id, String action, String note) {
        Task t = task(id);
        if (!"OPEN".equals(t.anomaly())) {
            throw new HnswException(VideoErrorCode.NO_ANOMALY);
        }
        if ("RETRY".equals(action)) {
            checkRunnable(t);
            repo.handleAnomaly(id, note == null ? "重新执行 / retried" : note, Actors.current().username());
            return start(id);
        }
        repo.handleAnomaly(id, note, Actors.current().username());
        return task(id);
    }

    public List<Slice> slices(UUID id) {
        task(id);
        return repo.slices(id);
    }

    /** 视频流回溯: the stored slice that holds the moment {@code atMs} of the task's last run. */
    public Slice sliceAt(UUID id, long atMs) {
        List<Slice> all = slices(id);
        int lastRun = all.stream().mapToInt(Slice::run).max().orElse(0);
        return all.stream().filter(s -> s.run() == lastRun && s.startMs() <= atMs && atMs <= s.endMs()).findFirst()
                .orElseThrow(() -> new HnswException(VideoErrorCode.SLICE_NOT_FOUND, id + "@" + atMs));
    }

    public byte[] sliceVideo(UUID id, int run, int seq) {
        Slice s = slices(id).stream().filter(x -> x.run() == run && x.seq() == seq).findFirst()
                .orElseThrow(() -> new HnswException(VideoErrorCode.SLICE_NOT_FOUND, id + "/" + run + "/" + seq));
        return storage.get(AnalysisTaskRunner.SLICE_BUCKET, s.objectKey());
    }

    // ---- findings

    public PageResponse<Finding> findings(AnalysisKind k, UUID taskId, String code, String status, PageQuery page) {
        return PageResponse.of(repo.findings(k, taskId, code, status, (int) page.offset(), page.size()), page,
                repo.countFindings(k, taskId, code, status));
    }

    public Finding finding(UUID id) {
        return repo.finding(id).orElseThrow(() -> new HnswException(VideoErrorCode.FINDING_NOT_FOUND, id));
    }

    /** 结果处置: CONFIRMED, FALSE_ALARM or IGNORED with a note; once only (409). */
    public Finding handle(UUID id, String result, String note) {
        finding(id);
        if (!repo.handle(id, result, note, Actors.current().username())) {
            throw new HnswException(VideoErrorCode.FINDING_ALREADY_HANDLED);
        }
        return finding(id);
    }

    public byte[] snapshot(UUID id) {
        Finding f = finding(id);
        if (f.snapshotKey() == null) {
            throw new HnswException(VideoErrorCode.FINDING_NOT_FOUND, id + " (snapshot)");
        }
        return storage.get(CameraService.SNAPSHOT_BUCKET, f.snapshotKey());
    }

    /** How many findings of a kind (and code) tasks made between the times, on one camera or on all. */
    public long findingCount(AnalysisKind k, String code, UUID cameraId, Instant from, Instant to) {
        return repo.countFindings(k, code, cameraId, from, to);
    }

    /** 统计: tasks by status and findings by code, by handling status and by day (Beijing), per kind. */
    public record Statistics(Instant from, Instant to, List<Count> tasksByStatus, List<Count> findingsByCode,
            List<Count> findingsByStatus, List<Count> findingsByDay) {
    }

    public Statistics statistics(AnalysisKind k, Instant from, Instant to) {
        Instant f = from == null ? Instant.EPOCH : from;
        Instant t = to == null ? Instant.now().plusSeconds(1) : to;
        if (!f.isBefore(t)) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, f + " ≥ " + t);
        }
        return new Statistics(f, t, repo.taskCounts(k, f, t), repo.findingCounts(k, f, t, "code"),
                repo.findingCounts(k, f, t, "status"), repo.findingCounts(k, f, t, "day"));
    }

    /** 导出: the findings as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese), zh and en headers. */
    public byte[] export(AnalysisKind k, UUID taskId, String code, String status) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("分析类型/Kind,结果/Code,任务/Task,开始(ms)/Start,结束(ms)/End,人脸库比对/Face base match,相似度/Similarity,"
                + "同人编号/Cluster,预警/Alert,状态/Status,处置/Handling,处置人/Handled by,时间/Time\r\n");
        int page = 0;
        while (true) {
            List<Finding> rows = repo.findings(k, taskId, code, status, page * 200, 200);
            for (Finding f : rows) {
                out.append(String.join(",", csv(f.kind().nameZh()), csv(codeZh(f.code())), csv(f.taskId().toString()),
                        Long.toString(f.startMs()), Long.toString(f.endMs()), csv(f.faceLabel()),
                        f.similarity() == null ? "" : String.format("%.3f", f.similarity()),
                        f.clusterNo() == null ? "" : f.clusterNo().toString(), csv(f.alertId()), csv(f.status()),
                        csv(f.handlingResult()), csv(f.handledBy()), csv(BEIJING.format(f.createdAt())))).append("\r\n");
            }
            if (rows.size() < 200) {
                break;
            }
            page++;
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csv(String v) {
        if (v == null) {
            return "";
        }
        // a cell that starts like a formula is written as text
        String s = v.matches("^[=+\\-@].*") ? "'" + v : v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String codeZh(String code) {
        try {
            return behaviourZh(BehaviorKind.valueOf(code));
        } catch (IllegalArgumentException e) {
            // not a behaviour
        }
        try {
            return faultZh(VideoFault.valueOf(code));
        } catch (IllegalArgumentException e) {
            // not a fault
        }
        return switch (code) {
            case "FACE" -> "人像";
            case "FACE_MATCHED" -> "人像（人脸库比中）";
            case "PROBE_MATCH" -> "以图搜脸命中";
            case "PLATE" -> "车牌";
            case "PLATE_HIT" -> "车牌（布控命中）";
            default -> code;
        };
    }

    static String behaviourZh(BehaviorKind k) {
        return switch (k) {
            case RUNNING -> "异常奔跑";
            case LOITERING -> "滞留徘徊";
            case VIOLENT_MOTION -> "激烈运动";
            case CROWD -> "人群聚集";
            case LEFT_BEHIND -> "物品遗留";
            case ITEM_LOST -> "物品丢失";
        };
    }

    static String faultZh(VideoFault f) {
        return switch (f) {
            case BLUR -> "图像模糊";
            case COLOR_CAST -> "图像偏色";
            case LOW_CONTRAST -> "低对比度";
            case BRIGHTNESS -> "亮度异常";
            case STRIPES -> "条纹干扰";
            case FREEZE -> "画面冻结";
            case JITTER -> "视频抖动";
            case OCCLUSION -> "视频遮挡";
            case SNOW -> "雪花干扰";
            case PTZ_FAILURE -> "云台失控";
            case SIGNAL_LOSS -> "信号丢失";
        };
    }
}
