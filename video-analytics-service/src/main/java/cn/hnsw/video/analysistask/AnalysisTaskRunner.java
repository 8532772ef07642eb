package cn.hnsw.video.analysistask;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.analysis.VideoAnalysisService;
import cn.hnsw.video.analysis.VideoAnalysisService.RecordedFace;
import cn.hnsw.video.analysistask.AnalysisKind.Family;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.AlgorithmService;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Feed;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Finding;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Interruption;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.KindSetting;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Slice;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Task;
import cn.hnsw.video.behavior.BehaviorAnalyzer;
import cn.hnsw.video.behavior.BehaviorAnalyzer.BehaviorEvent;
import cn.hnsw.video.behavior.BehaviorRuleRepository;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.camera.CameraPlatformService;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.camera.FfmpegClipEncoder;
import cn.hnsw.video.camera.VideoSourceAdapter;
import cn.hnsw.video.diagnosis.DiagnosisStandardRepository;
import cn.hnsw.video.diagnosis.DiagnosisStandards;
import cn.hnsw.video.diagnosis.ImageQualityDiagnoser;
import cn.hnsw.video.diagnosis.ImageQualityDiagnoser.Diagnosis;
import cn.hnsw.video.diagnosis.VideoFault;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.face.FaceTracker;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.library.FaceLibraryService;
import cn.hnsw.video.library.FaceLibraryService.Candidate;
import cn.hnsw.video.library.FeatureLibraryType;
import cn.hnsw.video.plate.PlateReader.PlateRead;
import cn.hnsw.video.plate.PlateRecognitionService;
import cn.hnsw.video.plate.PlateRecognitionService.Recognition;
import cn.hnsw.video.recognition.FaceService;
import cn.hnsw.video.support.VideoErrorCode;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analysis task engine: runs one task at a time in the background over its feed (a camera, a stream address or a
 * video file kept in object storage), hands every sampled frame to the detectors of its kind (face pipeline, behaviour
 * analyser, image-quality diagnoser, or faces and behaviours together), keeps slices of the video when the kind's
 * storage setting says so, writes its progress as it goes and its findings as they come, raises alerts for behaviours
 * and picture faults through the outbox, and checks every face against the face base library. A task whose source
 * fails ends FAILED with an open anomaly and a {@code analysis-task-anomaly} alert.
 */
@Component
public class AnalysisTaskRunner {

    public static final String SLICE_BUCKET = "video-slices";
    private static final Logger log = LoggerFactory.getLogger(AnalysisTaskRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tasks running in this JVM (shared by every context in it, so one context's start-up does not fail another's). */
    private static final Set<UUID> RUNNING_HERE = ConcurrentHashMap.newKeySet();

    private final AnalysisTaskRepository repo;
    private final VideoSourceAdapter sources;
    private final CameraService cameras;
    private final FaceService faces;
    private final VideoAnalysisService captures;
    private final FaceLibraryService library;
    private final BehaviorRuleRepository behaviorRules;
    private final DiagnosisStandardRepository standards;
    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;
    private final ObjectStorage storage;
    private final FfmpegClipEncoder encoder;
    private final PlateRecognitionService plates;
    private final double defaultMinFaceSide;
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "analysis-task");
        t.setDaemon(true);
        return t;
    });
    /** Continuous tasks: each on its own thread, at most {@link #liveCapacity} in this instance. */
    private final ExecutorService live = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "analysis-live");
        t.setDaemon(true);
        return t;
    });
    /** Continuous tasks this instance runs (holds the lease of). */
    private final Set<UUID> liveHere = ConcurrentHashMap.newKeySet();
    /** Continuous tasks whose lease this instance lost: they stop here without touching the row. */
    private final Set<UUID> leaseLost = ConcurrentHashMap.newKeySet();
    /** This instance's name on the leases it holds. */
    private final String owner = "va-" + UUID.randomUUID().toString().substring(0, 8);
    private final CameraPlatformService platform;
    private volatile int liveCapacity;
    private final int leaseSeconds;
    private final long backoffMs;
    private final long maxBackoffMs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "analysis-task-schedule");
        t.setDaemon(true);
        return t;
    });

    public AnalysisTaskRunner(AnalysisTaskRepository repo, VideoSourceAdapter sources, CameraService cameras,
            FaceService faces, VideoAnalysisService captures, FaceLibraryService library,
            BehaviorRuleRepository behaviorRules, DiagnosisStandardRepository standards, OutboxPublisher outbox,
            TransactionTemplate tx, ObjectStorage storage, FfmpegClipEncoder encoder, PlateRecognitionService plates,
            @Value("${hnsw.video.face.min-face-side:40}") double defaultMinFaceSide, CameraPlatformService platform,
            @Value("${hnsw.video.live.max-tasks:4}") int liveCapacity,
            @Value("${hnsw.video.live.lease-seconds:15}") int leaseSeconds,
            @Value("${hnsw.video.live.backoff-ms:500}") long backoffMs,
            @Value("${hnsw.video.live.max-backoff-ms:30000}") long maxBackoffMs) {
        this.platform = platform;
        this.liveCapacity = liveCapacity;
        this.leaseSeconds = leaseSeconds;
        this.backoffMs = backoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.repo = repo;
        this.sources = sources;
        this.cameras = cameras;
        this.faces = faces;
        this.captures = captures;
        this.library = library;
        this.behaviorRules = behaviorRules;
        this.standards = standards;
        this.outbox = outbox;
        this.tx = tx;
        this.storage = storage;
        this.encoder = encoder;
        this.plates = plates;
        this.defaultMinFaceSide = defaultMinFaceSide;
    }

    /** Tasks an earlier instance left queued or running cannot finish: they fail with an anomaly to handle. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        for (UUID id : repo.unfinished(List.copyOf(RUNNING_HERE))) {
            fail(id, "服务重启，分析任务中断", "The service restarted while the task ran");
        }
        scheduler.scheduleWithFixedDelay(this::startDue, 1, 1, TimeUnit.SECONDS);
        // continuous tasks: renew this instance's leases, and resume those nobody holds (at start-up: the ones that
        // ran when the service stopped)
        scheduler.scheduleWithFixedDelay(this::heartbeat, 0, Math.max(1, leaseSeconds / 3), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        runner.shutdownNow();
        cancelled.addAll(liveHere);
        live.shutdownNow();
    }

    /** 任务定时启动: scheduled tasks whose start time has come are queued. */
    void startDue() {
        try {
            for (UUID id : repo.dueScheduled(Instant.now())) {
                if (repo.move(id, List.of(AnalysisTaskStatus.SCHEDULED), AnalysisTaskStatus.QUEUED)) {
                    submit(id);
                }
            }
        } catch (RuntimeException e) {
            log.warn("event=analysis-schedule-failed error={}", e.toString());
        }
    }

    /** Queues a task that was moved to QUEUED. */
    public void submit(UUID id) {
        if (repo.task(id).map(Task::continuous).orElse(false)) {
            // taken here when the pool has room, otherwise by the next heartbeat of an instance with room
            submitLive(id);
            return;
        }
        cancelled.remove(id);
        runner.submit(() -> run(id));
    }

    // ---- continuous (live) tasks

    /** How many continuous tasks this instance runs at most; a start beyond it is refused (409). */
    public int liveCapacity() {
        return liveCapacity;
    }

    void liveCapacity(int capacity) {
        this.liveCapacity = capacity;
    }

    public int liveRunning() {
        return liveHere.size();
    }

    public String instance() {
        return owner;
    }

    /** Refuses a start while this instance's pool of continuous tasks is full. */
    void checkLiveCapacity() {
        if (liveHere.size() >= liveCapacity) {
            throw new HnswException(VideoErrorCode.LIVE_CAPACITY_FULL, liveHere.size(), liveCapacity);
        }
    }

    /**
     * Runs a continuous task here when this instance gets its lease (a live lease of another instance is left alone,
     * so two instances never run the same task). False when it is not taken here.
     */
    boolean submitLive(UUID id) {
        synchronized (liveHere) {
            if (liveHere.contains(id) || liveHere.size() >= liveCapacity || !repo.claim(id, owner, leaseSeconds)) {
                return false;
            }
            liveHere.add(id);
        }
        cancelled.remove(id);
        leaseLost.remove(id);
        try {
            live.submit(() -> runLive(id));
        } catch (RuntimeException e) {
            liveHere.remove(id);
            repo.release(id, owner);
            throw e;
        }
        return true;
    }

    /**
     * Every few seconds: the leases of the tasks running here are renewed (a task whose lease another instance took,
     * or that was asked to stop on any instance, stops here), a task bound to a watch-list task that is no longer
     * ACTIVE is stopped, and continuous tasks nobody holds are resumed here while the pool has room.
     */
    void heartbeat() {
        try {
            if (!liveHere.isEmpty()) {
                List<UUID> mine = List.copyOf(liveHere);
                Map<UUID, Boolean> held = repo.renew(mine, owner, leaseSeconds);
                for (UUID id : mine) {
                    Boolean stop = held.get(id);
                    if (stop == null) {
                        leaseLost.add(id);
                        cancelled.add(id);
                        log.warn("event=analysis-live-lease-lost task={} instance={}", id, owner);
                    } else if (stop) {
                        cancelled.add(id);
                    } else {
                        repo.task(id).filter(t -> t.watchlistTaskId() != null).ifPresent(t -> {
                            String ws = repo.watchlistStatus(t.watchlistTaskId());
                            if (!"ACTIVE".equals(ws)) {
                                repo.requestStop(id, "布控任务已撤控或失效（" + ws + "）/ watch-list task no longer active ("
                                        + ws + ")", "system");
                                cancelled.add(id);
                            }
                        });
                    }
                }
            }
            for (UUID id : repo.orphanedLive()) {
                if (liveHere.size() >= liveCapacity) {
                    break;
                }
                if (submitLive(id)) {
                    log.info("event=analysis-live-resumed task={} instance={}", id, owner);
                }
            }
        } catch (RuntimeException e) {
            log.warn("event=analysis-live-heartbeat-failed error={}", e.toString());
        }
    }

    void runLive(UUID id) {
        RUNNING_HERE.add(id);
        try {
            Task task = repo.task(id).orElse(null);
            if (task == null || !task.continuous()) {
                return;
            }
            if (cancelled.contains(id)) {
                // stopped before it began reading here
                if (!leaseLost.contains(id)) {
                    repo.stopped(id, null, null);
                }
                return;
            }
            Feed feed = repo.feed(task.feedId()).orElseThrow();
            AlgorithmService service = repo.service(task.serviceId()).orElseThrow();
            Camera camera = feed.cameraId() == null ? null : cameras.get(feed.cameraId());
            String url = camera != null ? camera.sourceUrl() : feed.sourceUrl();
            int run = task.status() == AnalysisTaskStatus.QUEUED ? repo.startRun(id, null) : repo.resumeRun(id);
            log.info("event=analysis-live-started task={} kind={} run={} instance={}", id, task.kind(), run, owner);
            execute(task, feed, service, camera, url, run);
            if (leaseLost.contains(id)) {
                log.warn("event=analysis-live-left task={} instance={} (another instance holds it)", id, owner);
            } else {
                repo.stopped(id, null, null);
                log.info("event=analysis-live-stopped task={}", id);
            }
        } catch (InternalFailure e) {
            // not the source: reconnecting would only repeat it, so the task ends with the reason and an anomaly
            Throwable cause = e.getCause();
            String why = cause instanceof HnswException h ? h.messageEn() : rootMessage(cause);
            String whyZh = cause instanceof HnswException h ? h.messageZh() : why;
            log.warn("event=analysis-live-internal-failure task={} error={}", id, why);
            fail(id, "分析任务内部故障（非视频源问题），任务已终止：" + whyZh,
                    "Internal failure of the analysis task (not the video source), the task ended: " + why);
        } catch (HnswException e) {
            fail(id, e.messageZh(), e.messageEn());
        } catch (RuntimeException e) {
            log.warn("event=analysis-live-failed task={} error={}", id, e.toString());
            fail(id, "分析任务异常：" + e.getMessage(), "The analysis task failed: " + e.getMessage());
        } finally {
            RUNNING_HERE.remove(id);
            if (!leaseLost.remove(id)) {
                repo.release(id, owner);
            }
            liveHere.remove(id);
            cancelled.remove(id);
        }
    }

    /**
     * Reads a live source until the task is stopped: when the stream ends or fails, the interruption is recorded
     * (status RECONNECTING, on the camera's health history too), the runner waits (back-off doubling from
     * {@code backoff-ms} to {@code max-backoff-ms}, back to the start once a connection delivered frames) and
     * connects again. Media time goes on across connections (wall time since the run began), so detectors that keep
     * state across frames see one time line. A failure while handling a delivered frame (the database, object
     * storage, a detector) is not the source's: it is thrown on as {@link InternalFailure} and ends the task FAILED.
     */
    private int readLive(Task task, int run, Camera camera, String url, double fps, Predicate<VideoSourceAdapter.Frame> onFrame,
            int[] frames, long[] lastMs, Instant start) {
        int total = 0;
        int attempt = 0;
        long backoff = backoffMs;
        while (!cancelled.contains(task.id())) {
            long offset = Math.max(frames[0] == 0 ? 0 : lastMs[0] + 1, Instant.now().toEpochMilli() - start.toEpochMilli());
            int[] got = {0};
            String zh = "视频流结束";
            String en = "The stream ended";
            try {
                sources.read(url, fps, Long.MAX_VALUE / 4, f -> {
                    got[0]++;
                    try {
                        return onFrame.test(new VideoSourceAdapter.Frame(f.image(), offset + f.timestampMs()));
                    } catch (RuntimeException e) {
                        // the frame was read: what failed is this service (database, storage, detector)
                        throw new InternalFailure(e);
                    }
                });
            } catch (InternalFailure e) {
                throw e;
            } catch (HnswException e) {
                zh = "视频流中断：" + e.messageZh();
                en = "The stream failed: " + e.messageEn();
            } catch (RuntimeException e) {
                zh = "视频流中断：" + e.getMessage();
                en = "The stream failed: " + e.getMessage();
            }
            total += got[0];
            if (cancelled.contains(task.id())) {
                break;
            }
            if (got[0] > 0) {
                attempt = 0;
                backoff = backoffMs;
            }
            attempt++;
            repo.progress(task.id(), frames[0], lastMs[0]);
            Interruption i = new Interruption(UUID.randomUUID(), task.id(), run, attempt, frames[0], zh, en, backoff,
                    owner, null, null);
            repo.interrupted(i);
            if (camera != null) {
                platform.recordStreamInterruption(camera.deviceCode(), "分析任务 " + task.name() + " " + zh + " / " + en);
            }
            log.info("event=analysis-live-interrupted task={} attempt={} backoffMs={} reason={}", task.id(), attempt,
                    backoff, en);
            long until = System.nanoTime() + backoff * 1_000_000L;
            while (System.nanoTime() < until && !cancelled.contains(task.id())) {
                try {
                    Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000L)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled.add(task.id());
                }
            }
            backoff = Math.min(backoff * 2, maxBackoffMs);
            if (!cancelled.contains(task.id())) {
                repo.reconnected(task.id(), i.id());
            }
        }
        return total;
    }

    /** The first line of the innermost cause (for a database error the server's message, not the SQL sent). */
    static String rootMessage(Throwable t) {
        Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(t);
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A failure of this service while handling a frame a source delivered (as opposed to a failure of the source). */
    private static final class InternalFailure extends RuntimeException {
        InternalFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /** Asks a running task to stop after its current frame. */
    public void cancel(UUID id) {
        cancelled.add(id);
    }

    void run(UUID id) {
        RUNNING_HERE.add(id);
        Path tmp = null;
        try {
            Task task = repo.task(id).orElse(null);
            if (task == null || task.status() != AnalysisTaskStatus.QUEUED || cancelled.contains(id)) {
                return;
            }
            Feed feed = repo.feed(task.feedId()).orElseThrow();
            AlgorithmService service = repo.service(task.serviceId()).orElseThrow();
            Camera camera = feed.cameraId() == null ? null : cameras.get(feed.cameraId());
            String url;
            if (feed.objectKey() != null) {
                tmp = Files.createTempFile("hnsw-task-", ".video");
                Files.write(tmp, storage.get(VideoAnalysisService.VIDEO_BUCKET, feed.objectKey()));
                url = tmp.toString();
            } else {
                url = camera != null ? camera.sourceUrl() : feed.sourceUrl();
            }
            long duration = sources.durationMs(url);
            Long durationMs = duration > 0 ? Math.min(duration, task.maxSeconds() * 1000L) : null;
            int run = repo.startRun(id, durationMs);
            log.info("event=analysis-task-started task={} kind={} run={}", id, task.kind(), run);
            AnalysisTaskStatus end = execute(task, feed, service, camera, url, run);
            repo.finish(id, end);
            log.info("event=analysis-task-finished task={} status={}", id, end);
        } catch (HnswException e) {
            fail(id, e.messageZh(), e.messageEn());
        } catch (IOException | RuntimeException e) {
            log.warn("event=analysis-task-failed task={} error={}", id, e.toString());
            fail(id, "分析任务异常：" + e.getMessage(), "The analysis task failed: " + e.getMessage());
        } finally {
            RUNNING_HERE.remove(id);
            cancelled.remove(id);
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temp file of the OS; nothing else refers to it
                }
            }
        }
    }

    /** A face described on its track, kept for same-person merging at the end of the run. */
    private record SeenFace(UUID findingId, float[] descriptor) {
    }

    private AnalysisTaskStatus execute(Task task, Feed feed, AlgorithmService service, Camera camera, String url,
            int run) {
        AnalysisKind kind = task.kind();
        Family family = kind.family();
        Map<String, Object> ins = task.instruction();
        KindSetting setting = repo.setting(kind).orElse(null);
        String source = "task:" + task.id();
        String deviceCode = camera != null ? camera.deviceCode() : "FEED-" + feed.id().toString().substring(0, 8);
        Instant start = Instant.now();
        BehaviorAnalyzer behaviour = family.behaviours() ? new BehaviorAnalyzer(AnalysisInstruction.behaviorRules(
                behaviorRules.forCamera(camera == null ? null : camera.id()), ins)) : null;
        DiagnosisStandards diagnosisStandards = family == Family.DIAGNOSIS
                ? AnalysisInstruction.standards(standards.current(ins.get(AnalysisInstruction.STANDARD_TYPE)), ins) : null;
        ImageQualityDiagnoser[] diagnoser = {diagnosisStandards == null ? null : new ImageQualityDiagnoser(diagnosisStandards)};
        // a continuous diagnosis is judged per evaluation window while it runs: a fault is reported when a window
        // shows it and the window before did not (it is reported again once it cleared and came back)
        int windowFrames = Math.max(4, (int) Math.round(service.sampleFps() * AnalysisInstruction.number(ins,
                AnalysisInstruction.DIAGNOSIS_WINDOW_SECONDS, AnalysisInstruction.DEFAULT_DIAGNOSIS_WINDOW_SECONDS)));
        Set<VideoFault> standing = java.util.EnumSet.noneOf(VideoFault.class);
        long[] windowStart = {-1};
        FaceTracker tracker = family.faces() ? faces.tracker() : null;
        double minFace = AnalysisInstruction.number(ins, "minFaceSide", defaultMinFaceSide);
        double baseDistance = AnalysisInstruction.number(ins, "baseLibraryDistance",
                AnalysisInstruction.DEFAULT_BASE_LIBRARY_DISTANCE);
        float[] probe = ins.get(AnalysisInstruction.PROBE) instanceof String p
                ? library.descriptorOf(UUID.fromString(p)) : null;
        boolean keepSlices = setting != null && setting.keepSlices();
        long sliceMs = setting == null ? 10_000 : setting.sliceSeconds() * 1000L;
        List<RgbImage> sliceFrames = new ArrayList<>();
        long[] sliceStart = {0};
        // a resumed continuous run goes on after the slices it already stored
        int[] sliceSeq = {task.continuous() ? repo.lastSliceSeq(task.id(), run) : 0};
        int[] frames = {0};
        long[] lastMs = {0};
        long[] lastProgress = {System.nanoTime()};
        List<SeenFace> seen = new ArrayList<>();
        boolean readPlates = family == Family.PLATE;
        long plateInterval = (long) AnalysisInstruction.number(ins, "plateIntervalMs",
                AnalysisInstruction.DEFAULT_PLATE_INTERVAL_MS);
        long[] lastPlateAt = {Long.MIN_VALUE / 2};
        Set<String> platesSeen = new java.util.HashSet<>();
        Predicate<VideoSourceAdapter.Frame> onFrame = frame -> {
            if (cancelled.contains(task.id())) {
                return false;
            }
            frames[0]++;
            lastMs[0] = frame.timestampMs();
            if (keepSlices) {
                if (!sliceFrames.isEmpty() && frame.timestampMs() - sliceStart[0] >= sliceMs) {
                    storeSlice(task.id(), run, ++sliceSeq[0], sliceStart[0], frame.timestampMs(), sliceFrames,
                            service.sampleFps());
                    sliceFrames.clear();
                }
                if (sliceFrames.isEmpty()) {
                    sliceStart[0] = frame.timestampMs();
                }
                sliceFrames.add(frame.image());
            }
            if (behaviour != null) {
                for (BehaviorEvent e : behaviour.accept(frame.image(), frame.timestampMs())) {
                    if (kind.behaviours().contains(e.kind())) {
                        behaviourFinding(task, run, camera, source, e, frame.image(), baseDistance);
                    }
                }
            }
            if (diagnoser[0] != null) {
                if (windowStart[0] < 0) {
                    windowStart[0] = frame.timestampMs();
                }
                diagnoser[0].accept(frame.image());
                if (task.continuous() && diagnoser[0].frames() >= windowFrames) {
                    reportFaults(task, run, camera, source, diagnoser[0].diagnosis(), standing, windowStart[0],
                            frame.timestampMs());
                    diagnoser[0] = new ImageQualityDiagnoser(diagnosisStandards);
                    windowStart[0] = -1;
                }
            }
            if (tracker != null) {
                Instant at = start.plusMillis(frame.timestampMs());
                for (FaceTracker.TrackedFace tracked : tracker.process(frame.image())) {
                    AnalyzedFace face = tracked.described();
                    if (face == null || Math.min(face.box().width(), face.box().height()) < minFace) {
                        continue;
                    }
                    SeenFace f = faceFinding(task, run, camera, deviceCode, source, frame.image(), face, at,
                            frame.timestampMs(), baseDistance, probe);
                    if (!task.continuous()) {
                        // same-person merging is for a bounded run; a continuous run would keep every face forever
                        seen.add(f);
                    }
                }
            }
            if (readPlates && frame.timestampMs() - lastPlateAt[0] >= plateInterval) {
                lastPlateAt[0] = frame.timestampMs();
                plateFindings(task, run, camera, frame.image(), start.plusMillis(frame.timestampMs()),
                        frame.timestampMs(), platesSeen);
            }
            if (System.nanoTime() - lastProgress[0] > 500_000_000L) {
                repo.progress(task.id(), frames[0], lastMs[0]);
                lastProgress[0] = System.nanoTime();
            }
            return true;
        };
        int read = task.continuous()
                ? readLive(task, run, camera, url, service.sampleFps(), onFrame, frames, lastMs, start)
                : sources.read(url, service.sampleFps(), task.maxSeconds() * 1000L, onFrame);
        if (read == 0 && !task.continuous()) {
            throw new HnswException(VideoErrorCode.VIDEO_UNREADABLE, feed.name());
        }
        if (keepSlices && !sliceFrames.isEmpty()) {
            storeSlice(task.id(), run, ++sliceSeq[0], sliceStart[0], lastMs[0], sliceFrames, service.sampleFps());
        }
        if (diagnoser[0] != null && (!task.continuous() || diagnoser[0].frames() >= 4)) {
            // a bounded run is judged over all its frames; a stopped continuous run over the window it was in
            reportFaults(task, run, camera, source, diagnoser[0].diagnosis(), standing,
                    task.continuous() ? Math.max(0, windowStart[0]) : 0, lastMs[0]);
        }
        if (family == Family.FUSION && !seen.isEmpty()) {
            int[] clusters = SameFaceClusters.cluster(seen.stream().map(SeenFace::descriptor).toList(),
                    AnalysisInstruction.number(ins, "clusterDistance", AnalysisInstruction.DEFAULT_CLUSTER_DISTANCE));
            for (int i = 0; i < seen.size(); i++) {
                repo.setCluster(seen.get(i).findingId(), clusters[i]);
            }
        }
        repo.progress(task.id(), frames[0], lastMs[0]);
        return cancelled.contains(task.id()) ? AnalysisTaskStatus.CANCELLED : AnalysisTaskStatus.DONE;
    }

    /**
     * The faults of a diagnosis the task's kind looks for, each as a finding with a {@code video-fault} alert, except
     * those still standing from the window before ({@code standing} is updated to this window's faults).
     */
    private void reportFaults(Task task, int run, Camera camera, String source, Diagnosis d, Set<VideoFault> standing,
            long fromMs, long atMs) {
        Set<VideoFault> now = java.util.EnumSet.noneOf(VideoFault.class);
        for (VideoFault f : d.faults()) {
            if (!task.kind().faults().contains(f)) {
                continue;
            }
            now.add(f);
            if (standing.contains(f)) {
                continue;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("measures", d.measures());
            detail.put("frames", d.frames());
            tx.executeWithoutResult(s -> alertFinding(task, run, camera, source, "DIAGNOSIS", f.name(), fromMs, atMs,
                    detail, "视频诊断异常：" + AnalysisTaskService.faultZh(f), "Video fault: " + f.name(), "video-fault",
                    Alert.Level.LOW, null));
            log.info("event=analysis-video-fault task={} fault={} atMs={}", task.id(), f, atMs);
        }
        standing.clear();
        standing.addAll(now);
    }

    /**
     * A behaviour, with the faces seen in the frame that completed it checked against the face base library
     * (结果与人脸基础库校验): each face's best record within the distance, the closest of them kept on the finding.
     */
    private void behaviourFinding(Task task, int run, Camera camera, String source, BehaviorEvent e, RgbImage frame,
            double baseDistance) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("detail", e.detail());
        List<Map<String, Object>> persons = new ArrayList<>();
        Candidate closest = null;
        for (AnalyzedFace f : faces.allFaces(frame)) {
            List<Candidate> best = library.identify(f.descriptor(), FeatureLibraryType.FACE_BASE, 1, baseDistance, false);
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("box", List.of(f.box().x(), f.box().y(), f.box().width(), f.box().height()));
            Candidate c = best.isEmpty() || !best.get(0).match() ? null : best.get(0);
            person.put("baseLibraryMatch", c != null);
            if (c != null) {
                person.put("faceRecordId", c.faceBaseRecordId());
                person.put("label", c.label());
                person.put("similarity", c.similarity());
                if (closest == null || c.distance() < closest.distance()) {
                    closest = c;
                }
            }
            persons.add(person);
        }
        detail.put("persons", persons);
        String code = e.kind().name();
        Candidate match = closest;
        tx.executeWithoutResult(s -> alertFinding(task, run, camera, source, "BEHAVIOR", code, e.startMs(), e.endMs(),
                detail, AnalysisTaskService.behaviourZh(e.kind()), "Abnormal behaviour: "
                        + code.toLowerCase().replace('_', ' '), "abnormal-behavior", Alert.Level.MEDIUM, match));
    }

    private void alertFinding(Task task, int run, Camera camera, String source, String family, String code,
            long startMs, long endMs, Map<String, Object> detail, String titleZh, String titleEn, String alertType,
            Alert.Level level, Candidate match) {
        String alertId = "VT-" + UUID.randomUUID();
        repo.insertFinding(new Finding(UUID.randomUUID(), task.id(), run, task.kind(), family, code, startMs, endMs,
                detail, alertId, null, null, match == null ? null : match.faceBaseRecordId(),
                match == null ? null : match.label(), match == null ? null : match.similarity(), null, "OPEN", null,
                null, null, null, null));
        Map<String, String> attributes = new HashMap<>();
        attributes.put("code", code);
        attributes.put("source", source);
        attributes.put("taskId", task.id().toString());
        attributes.put("analysisKind", task.kind().name());
        attributes.put("mediaStartMs", Long.toString(startMs));
        if (camera != null) {
            attributes.put("cameraId", camera.id().toString());
            attributes.put("deviceCode", camera.deviceCode());
        }
        String where = camera == null ? "（" + task.name() + "）" : "（" + camera.name() + "）";
        outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alertId, Alert.EVENT_TYPE, new Alert(alertId,
                "video-analytics-service", alertType, level, camera == null ? null : camera.portCode(), null, List.of(),
                titleZh + where, titleEn, Instant.now(), camera == null ? null : camera.latitude(),
                camera == null ? null : camera.longitude(), attributes));
    }

    /** A face: stored as a capture (and matched against the watch-lists), then checked against the face base library. */
    private SeenFace faceFinding(Task task, int run, Camera camera, String deviceCode, String source, RgbImage frame,
            AnalyzedFace face, Instant at, long ms, double baseDistance, float[] probe) {
        RecordedFace recorded = captures.recordCapture(frame, face, camera, deviceCode, at, source,
                task.kind().watchlistKind());
        List<Candidate> best = library.identify(face.descriptor(), FeatureLibraryType.FACE_BASE, 1, baseDistance, false);
        Candidate match = best.isEmpty() || !best.get(0).match() ? null : best.get(0);
        Map<String, Object> detail = new LinkedHashMap<>();
        try {
            detail.put("attributes", JSON.readValue(recorded.attributesJson(), new TypeReference<Map<String, Object>>() {
            }));
        } catch (IOException | IllegalArgumentException e) {
            detail.put("attributes", Map.of());
        }
        detail.put("box", List.of(face.box().x(), face.box().y(), face.box().width(), face.box().height()));
        detail.put("watchlistAlertIds", recorded.hits().stream().map(h -> h.alertId()).toList());
        detail.put("baseLibraryMatch", match != null);
        if (!best.isEmpty()) {
            detail.put("baseLibraryDistance", best.get(0).distance());
        }
        String code = match != null ? "FACE_MATCHED" : "FACE";
        if (probe != null) {
            // 以图搜脸: the distance to the face searched for decides the finding
            double d = distance(probe, face.descriptor());
            detail.put("probeDistance", d);
            code = d <= baseDistance ? "PROBE_MATCH" : "FACE";
        }
        UUID findingId = UUID.randomUUID();
        repo.insertFinding(new Finding(findingId, task.id(), run, task.kind(), "FACE", code, ms, ms, detail, null, recorded.captureId(), recorded.snapshotKey(),
                match == null ? null : match.faceBaseRecordId(), match == null ? null : match.label(),
                best.isEmpty() ? null : best.get(0).similarity(), null, "OPEN", null, null, null, null, null));
        return new SeenFace(findingId, face.descriptor());
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Plates read on the frame: each number once a run, with the watch-list alerts its reading raised. */
    private void plateFindings(Task task, int run, Camera camera, RgbImage frame, Instant at, long ms,
            Set<String> platesSeen) {
        Recognition r = plates.recogniseFrame(camera, frame, at);
        for (PlateRead p : r.plates()) {
            if (!platesSeen.add(p.plateNumber())) {
                continue;
            }
            List<String> alertIds = r.hits().stream().filter(h -> p.plateNumber().equals(h.plateNumber()))
                    .map(h -> h.alertId()).toList();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("plateNumber", p.plateNumber());
            detail.put("confidence", p.confidence());
            detail.put("box", List.of(p.x(), p.y(), p.width(), p.height()));
            detail.put("watchlistAlertIds", alertIds);
            repo.insertFinding(new Finding(UUID.randomUUID(), task.id(), run, task.kind(), "PLATE",
                    alertIds.isEmpty() ? "PLATE" : "PLATE_HIT", ms, ms, detail, alertIds.isEmpty() ? null : alertIds.get(0),
                    null, r.snapshotKey(), null, null, null, null, "OPEN", null, null, null, null, null));
        }
    }

    private void storeSlice(UUID taskId, int run, int seq, long fromMs, long toMs, List<RgbImage> frames, double fps) {
        byte[] mp4 = encoder.encode(frames, fps);
        String key = "tasks/" + taskId + "/" + run + "/" + seq + ".mp4";
        storage.put(SLICE_BUCKET, key, mp4, "video/mp4");
        repo.insertSlice(new Slice(taskId, run, seq, fromMs, toMs, key, mp4.length));
    }

    /** 存储任务异常预警: the task fails with an open anomaly and an alert to whoever watches the platform's alerts. */
    void fail(UUID id, String zh, String en) {
        Task task = repo.task(id).orElse(null);
        if (task == null) {
            return;
        }
        String alertId = "VA-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            repo.fail(id, zh, en, alertId);
            outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alertId, Alert.EVENT_TYPE, new Alert(alertId,
                    "video-analytics-service", "analysis-task-anomaly", Alert.Level.MEDIUM, null, null, List.of(),
                    "分析任务异常：" + task.name(), "Analysis task failed: " + task.name(), Instant.now(), null, null,
                    Map.of("taskId", id.toString(), "analysisKind", task.kind().name(), "reason", en == null ? "" : en)));
        });
        log.warn("event=analysis-task-anomaly task={} reason={}", id, en);
    }
}
