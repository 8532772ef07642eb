package cn.hnsw.video.storage;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.library.FaceBaseRecordRepository.FaceBaseRecord;
import cn.hnsw.video.library.FaceLibraryService;
import cn.hnsw.video.storage.FaceSourceAdapter.SourcePage;
import cn.hnsw.video.storage.FaceSourceAdapter.SourceRecord;
import cn.hnsw.video.storage.FaceStorageRepository.DataFeed;
import cn.hnsw.video.storage.FaceStorageRepository.Failure;
import cn.hnsw.video.storage.FaceStorageRepository.Settings;
import cn.hnsw.video.storage.FaceStorageRepository.SettingsChange;
import cn.hnsw.video.storage.FaceStorageRepository.StorageTask;
import cn.hnsw.video.support.VideoErrorCode;
import cn.hnsw.video.themes.AccessTypeErrorCode;
import cn.hnsw.video.themes.AccessTypeService;
import cn.hnsw.video.themes.AccessTypeService.AccessType;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 人脸基础信息库 from external sources (M2/M3 数据源配置, 数据存储任务): a data feed names the partner holding the people
 * and their ID photos; a storage task reads it page by page in the background and enrols each record through the same
 * path as a manual enrolment (one face, descriptor, photo to object storage). Each record counts as stored, skipped
 * (its person code is in the library already) or failed, and a failed record is kept with its reason (no photo, an
 * unreadable image, no face, several faces, a missing field). The counts are written after every record, so the task
 * can be watched while it runs. A task that ends with failures, or that loses its source, raises one
 * {@code face-storage-anomaly} alert; a retry asks the source for the failed records again and stores those that now
 * pass. One task per source at a time.
 */
@Service
public class FaceStorageService {

    /** The built-in source types; operators add their own as access types (接入类型) reading an external feed. */
    public static final Set<String> SOURCE_TYPES = Set.of("POPULATION_REGISTRY", "ID_CARD_SYSTEM", "BORDER_INSPECTION");
    public static final String DEDUP_PERSON_CODE = "PERSON_CODE";
    public static final String DEDUP_ID_NO = "ID_NO";
    private static final Logger log = LoggerFactory.getLogger(FaceStorageService.class);

    private final FaceStorageRepository repo;
    private final FaceSourceAdapter adapter;
    private final FaceLibraryService library;
    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;
    private final cn.hnsw.video.watchlist.WatchlistService watchlists;
    private final AccessTypeService accessTypes;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "face-storage-task");
        t.setDaemon(true);
        return t;
    });

    public FaceStorageService(FaceStorageRepository repo, FaceSourceAdapter adapter, FaceLibraryService library,
            OutboxPublisher outbox, TransactionTemplate tx, cn.hnsw.video.watchlist.WatchlistService watchlists,
            AccessTypeService accessTypes) {
        this.accessTypes = accessTypes;
        this.watchlists = watchlists;
        this.repo = repo;
        this.adapter = adapter;
        this.library = library;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Tasks an earlier instance left running cannot finish: they are marked FAILED so that they can be retried. */
    @EventListener(ApplicationReadyEvent.class)
    public void failInterrupted() {
        int n = repo.failInterrupted("服务重启，入库任务中断", "The service restarted while the task ran");
        if (n > 0) {
            log.warn("event=face-storage-interrupted tasks={}", n);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    public DataFeed createSource(String code, String name, String sourceType, String partnerId, Integer pageSize) {
        return createSource(code, name, sourceType, partnerId, pageSize, null);
    }

    /** 数据源新增; with a category, a 重点人员信息 feed: what it stores also becomes persons of interest of it. */
    public DataFeed createSource(String code, String name, String sourceType, String partnerId, Integer pageSize,
            String poiCategory) {
        return createSource(code, name, sourceType, partnerId, pageSize, poiCategory, null);
    }

    /** 布控对象接入数据源新增: with a face-base watch-list task, what the feed stores also becomes its targets. */
    public DataFeed createSource(String code, String name, String sourceType, String partnerId, Integer pageSize,
            String poiCategory, UUID watchlistTaskId) {
        if (watchlistTaskId != null) {
            watchlists.checkFeedTask(watchlistTaskId);
        }
        sourceType(sourceType);
        if (blank(poiCategory) != null) {
            library.requireCategory(blank(poiCategory));
        }
        if (repo.codeTaken(code)) {
            throw new HnswException(VideoErrorCode.DATA_FEED_CODE_TAKEN, code);
        }
        DataFeed s = new DataFeed(UUID.randomUUID(), code, name, sourceType, partnerId,
                pageSize == null ? 50 : pageSize, true, Actors.current().username(), Instant.now(), blank(poiCategory), watchlistTaskId);
        repo.insert(s);
        return source(s.id());
    }

    /** 数据源类型: an access type reading an external feed (a built-in one or an operator's), enabled. */
    private AccessType sourceType(String code) {
        try {
            return accessTypes.forFeed(code, true);
        } catch (HnswException e) {
            if (e.errorCode() == AccessTypeErrorCode.ACCESS_TYPE_DISABLED) {
                throw e;
            }
            throw new HnswException(VideoErrorCode.DATA_FEED_TYPE_INVALID, code);
        }
    }

    public DataFeed source(UUID id) {
        return repo.source(id).orElseThrow(() -> new HnswException(VideoErrorCode.DATA_FEED_NOT_FOUND, id));
    }

    public List<DataFeed> sources() {
        return repo.sources();
    }

    /** 数据配置修改: name, type, partner and batch size; the code stays (stored records name their source by it). */
    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public DataFeed updateSource(UUID id, String name, String sourceType, String partnerId, Integer pageSize) {
        return updateSource(id, name, sourceType, partnerId, pageSize, source(id).poiCategory());
    }

    /** 数据源修改, the person-of-interest category included (blank: the feed imports into the face base only). */
    public DataFeed updateSource(UUID id, String name, String sourceType, String partnerId, Integer pageSize,
            String poiCategory) {
        return updateSource(id, name, sourceType, partnerId, pageSize, poiCategory, source(id).watchlistTaskId());
    }

    /** 布控对象接入数据源修改: the watch-list task it feeds included (null: none). */
    public DataFeed updateSource(UUID id, String name, String sourceType, String partnerId, Integer pageSize,
            String poiCategory, UUID watchlistTaskId) {
        DataFeed s = source(id);
        if (watchlistTaskId != null) {
            watchlists.checkFeedTask(watchlistTaskId);
        }
        sourceType(sourceType);
        if (blank(poiCategory) != null) {
            library.requireCategory(blank(poiCategory));
        }
        repo.update(id, name, sourceType, partnerId, pageSize == null ? s.pageSize() : pageSize, blank(poiCategory),
                watchlistTaskId);
        return source(id);
    }

    /** 数据配置删除: only a source no task ran on; one with tasks is disabled instead (409). */
    @Transactional
    public void deleteSource(UUID id) {
        DataFeed s = source(id);
        if (!repo.deleteUnused(id)) {
            throw new HnswException(VideoErrorCode.DATA_FEED_IN_USE, s.code());
        }
    }

    /** 入库任务删除: a finished task and its failed records; the records it stored stay in the library. */
    @Transactional
    public void deleteTask(UUID id) {
        task(id);
        if (!repo.deleteFinished(id)) {
            throw new HnswException(VideoErrorCode.STORAGE_TASK_NOT_FINISHED, id);
        }
    }

    public DataFeed setEnabled(UUID id, boolean enabled) {
        source(id);
        repo.setEnabled(id, enabled);
        return source(id);
    }

    public StorageTask task(UUID id) {
        return repo.task(id).orElseThrow(() -> new HnswException(VideoErrorCode.STORAGE_TASK_NOT_FOUND, id));
    }

    public List<StorageTask> tasks(UUID sourceId, int limit) {
        return repo.tasks(sourceId, Math.max(1, Math.min(limit, 200)));
    }

    public List<Failure> failures(UUID taskId, String status) {
        task(taskId);
        return repo.failures(taskId, status);
    }

    /** Starts a storage task on the source; it runs in the background and is watched through {@link #task}. */
    public StorageTask start(UUID sourceId) {
        return start(sourceId, DEFAULT_SETTINGS);
    }

    /** The settings of a task started without any: every record, the feed's page size, by hand only. */
    public static final Settings DEFAULT_SETTINGS = new Settings(null, null, null, DEDUP_PERSON_CODE, null, true);

    /** Starts a storage task with its settings (checked first; nothing is stored when they are not valid). */
    public StorageTask start(UUID sourceId, Settings settings) {
        Settings checked = check(settings);
        DataFeed s = source(sourceId);
        if (!s.enabled()) {
            throw new HnswException(VideoErrorCode.DATA_FEED_DISABLED, s.code());
        }
        UUID id = UUID.randomUUID();
        if (!repo.insertRunning(id, sourceId, Actors.current().username(), checked)) {
            throw new HnswException(VideoErrorCode.STORAGE_TASK_RUNNING, s.code());
        }
        log.info("event=face-storage-started task={} source={}", id, s.code());
        runner.submit(() -> run(id, s));
        return task(id);
    }

    /**
     * 数据存储任务修改: new settings for a task, read by its next run (by hand or on its interval). Refused while a
     * run or a retry of it is in progress (409, nothing changed); each change is kept with the settings before and
     * after.
     */
    @Transactional
    public StorageTask modify(UUID id, Settings settings) {
        Settings checked = check(settings);
        StorageTask t = task(id);
        String by = Actors.current().username();
        if (!repo.updateSettings(id, checked, by)) {
            log.info("event=face-storage-task-modify-refused task={} status={} by={}", id, t.status(), by);
            throw new HnswException(StorageTaskErrorCode.TASK_BUSY, id);
        }
        repo.insertChange(id, by, t.settings(), checked);
        log.info("event=face-storage-task-modified task={} by={} before={} after={}", id, by, t.settings(), checked);
        return task(id);
    }

    public List<SettingsChange> changes(UUID id) {
        task(id);
        return repo.changes(id);
    }

    /** Runs a finished task again with the settings it has now; 409 while it runs, when it or its feed is disabled. */
    public StorageTask runAgain(UUID id) {
        StorageTask t = task(id);
        DataFeed s = source(t.dataFeedId());
        if (!s.enabled()) {
            throw new HnswException(VideoErrorCode.DATA_FEED_DISABLED, s.code());
        }
        if (!t.settings().enabled()) {
            throw new HnswException(StorageTaskErrorCode.TASK_DISABLED, id);
        }
        if (!repo.restart(id)) {
            throw new HnswException(StorageTaskErrorCode.TASK_BUSY, id);
        }
        log.info("event=face-storage-rerun task={} source={} run={}", id, s.code(), t.runs() + 1);
        runner.submit(() -> run(id, s));
        return task(id);
    }

    /**
     * Starts the runs that are due: enabled tasks with an interval whose last run ended at least that long ago. Two
     * instances checking at once start a run once (the restart is conditional). Returns how many it started.
     */
    @Scheduled(initialDelayString = "${hnsw.video.storage-schedule.initial-delay:PT30S}",
            fixedDelayString = "${hnsw.video.storage-schedule.interval:PT30S}")
    public int runDue() {
        int started = 0;
        for (UUID id : repo.due()) {
            if (repo.restart(id)) {
                StorageTask t = task(id);
                DataFeed s = source(t.dataFeedId());
                log.info("event=face-storage-scheduled task={} source={} run={}", id, s.code(), t.runs());
                runner.submit(() -> run(id, s));
                started++;
            }
        }
        return started;
    }

    private static Settings check(Settings s) {
        if (s == null) {
            return DEFAULT_SETTINGS;
        }
        if (s.batchSize() != null && (s.batchSize() < 1 || s.batchSize() > 200)) {
            throw new HnswException(StorageTaskErrorCode.SETTING_INVALID, "batchSize " + s.batchSize() + " (1–200)");
        }
        if (s.maxRecords() != null && (s.maxRecords() < 1 || s.maxRecords() > 100_000)) {
            throw new HnswException(StorageTaskErrorCode.SETTING_INVALID,
                    "maxRecords " + s.maxRecords() + " (1–100000)");
        }
        if (s.intervalMinutes() != null && (s.intervalMinutes() < 1 || s.intervalMinutes() > 10_080)) {
            throw new HnswException(StorageTaskErrorCode.SETTING_INVALID,
                    "intervalMinutes " + s.intervalMinutes() + " (1–10080)");
        }
        String key = s.dedupKey() == null ? DEDUP_PERSON_CODE : s.dedupKey();
        if (!key.equals(DEDUP_PERSON_CODE) && !key.equals(DEDUP_ID_NO)) {
            throw new HnswException(StorageTaskErrorCode.SETTING_INVALID, "dedupKey " + key + " (PERSON_CODE, ID_NO)");
        }
        if (s.name() != null && s.name().length() > 128) {
            throw new HnswException(StorageTaskErrorCode.SETTING_INVALID, "name (≤ 128)");
        }
        return new Settings(blank(s.name()), s.batchSize(), s.maxRecords(), key, s.intervalMinutes(), s.enabled());
    }

    private enum Result { STORED, SKIPPED, FAILED }

    private record Outcome(Result result, UUID faceBaseRecordId, String code, String zh, String en) {
    }

    void run(UUID taskId, DataFeed s) {
        Settings settings = task(taskId).settings();
        AccessType type = accessTypes.get(s.sourceType());
        int batch = settings.batchSize() == null ? s.pageSize() : settings.batchSize();
        int max = settings.maxRecords() == null ? Integer.MAX_VALUE : settings.maxRecords();
        Integer total = null;
        int processed = 0;
        int stored = 0;
        int failed = 0;
        int skipped = 0;
        try {
            int offset = 0;
            while (true) {
                SourcePage page = adapter.page(s.partnerId(), offset, Math.min(batch, max - processed));
                total = page.total();
                repo.progress(taskId, total, processed, stored, failed, skipped);
                if (page.records().isEmpty()) {
                    break;
                }
                for (SourceRecord r : page.records()) {
                    Outcome o = store(s, r, settings.dedupKey(), type);
                    processed++;
                    switch (o.result()) {
                        case STORED -> stored++;
                        case SKIPPED -> skipped++;
                        case FAILED -> {
                            failed++;
                            repo.insertFailure(new Failure(UUID.randomUUID(), taskId,
                                    r.externalId() == null ? "#" + processed : r.externalId(), r.personCode(),
                                    r.name(), o.code(), o.zh(), o.en(), "OPEN", 1, null, Instant.now()));
                        }
                    }
                    repo.progress(taskId, total, processed, stored, failed, skipped);
                }
                offset += page.records().size();
                if (offset >= total || processed >= max) {
                    break;
                }
            }
            String alertId = failed > 0 ? anomaly(taskId, s, failed, null) : null;
            repo.finish(taskId, failed > 0 ? "COMPLETED_WITH_FAILURES" : "COMPLETED", null, null, alertId);
            log.info("event=face-storage-finished task={} source={} total={} stored={} skipped={} failed={}", taskId,
                    s.code(), total, stored, skipped, failed);
        } catch (HnswException e) {
            failTask(taskId, s, failed, e.messageZh(), e.messageEn());
        } catch (RuntimeException e) {
            log.error("event=face-storage-error task={}", taskId, e);
            failTask(taskId, s, failed, "入库任务异常终止：" + e.getClass().getSimpleName(),
                    "The task stopped on an error: " + e.getClass().getSimpleName());
        }
    }

    private void failTask(UUID taskId, DataFeed s, int failed, String zh, String en) {
        log.warn("event=face-storage-failed task={} source={} reason={}", taskId, s.code(), en);
        repo.finish(taskId, "FAILED", zh, en, anomaly(taskId, s, failed, en));
    }

    /** One record through the manual enrolment path, with the reason when it cannot be stored. */
    private Outcome store(DataFeed s, SourceRecord r, String dedupKey, AccessType type) {
        if (DEDUP_ID_NO.equals(dedupKey) && r.idNo() != null && repo.idNoStored(r.idNo())) {
            // a person with this ID number is in the face base already (perhaps under another person code)
            return new Outcome(Result.SKIPPED, null, null, null, null);
        }
        String missing = r.externalId() == null ? "externalId" : r.personCode() == null ? "personCode"
                : r.name() == null ? "name" : null;
        try {
            if (missing != null) {
                throw new HnswException(VideoErrorCode.RECORD_INCOMPLETE, missing);
            }
            if (r.photo() == null) {
                throw new HnswException(VideoErrorCode.PHOTO_MISSING);
            }
            // the data items of the feed's access type (an operator may require the ID number, say)
            String wrong = AccessTypeService.check(type, AccessTypeService.externalRow(r.externalId(), r.personCode(),
                    r.name(), r.idNo(), r.photo()), new LinkedHashMap<>());
            if (wrong != null) {
                throw new HnswException(AccessTypeErrorCode.ACCESS_ITEM_INVALID, wrong);
            }
            FaceBaseRecord rec = library.enrol(r.personCode(), r.name(), r.idNo(), s.code(), r.photo());
            bindPerson(s, r);
            return new Outcome(Result.STORED, rec.id(), null, null, null);
        } catch (HnswException e) {
            if (e.errorCode() == VideoErrorCode.PERSON_CODE_TAKEN) {
                // already in the face base: a person-of-interest feed still binds it (once)
                bindPerson(s, r);
                return new Outcome(Result.SKIPPED, null, null, null, null);
            }
            return new Outcome(Result.FAILED, null, e.errorCode().toString(), e.messageZh(), e.messageEn());
        } catch (DataIntegrityViolationException e) {
            return new Outcome(Result.SKIPPED, null, null, null, null);
        }
    }

    private void bindPerson(DataFeed s, SourceRecord r) {
        if (s.poiCategory() != null) {
            library.bindImportedPerson(r.personCode(), s.poiCategory(), "数据源 " + s.code() + " 导入",
                    "feed:" + s.code());
        }
        if (s.watchlistTaskId() != null) {
            watchlists.addFeedTarget(s.watchlistTaskId(), r.personCode());
        }
    }

    /**
     * 异常处置: asks the source for the task's open failed records again and stores those that now pass; the others
     * keep a reason (the new one) and one more attempt. The source being unreachable changes nothing (503).
     */
    public StorageTask retry(UUID taskId) {
        StorageTask t = task(taskId);
        DataFeed s = source(t.dataFeedId());
        if (!repo.startRetry(taskId)) {
            throw new HnswException(VideoErrorCode.STORAGE_TASK_RUNNING, s.code());
        }
        List<Failure> open = repo.failures(taskId, "OPEN");
        int stored = t.stored();
        int failed = t.failed();
        int skipped = t.skipped();
        try {
            Map<String, SourceRecord> again = open.isEmpty() ? Map.of()
                    : adapter.records(s.partnerId(), open.stream().map(Failure::externalId).toList()).stream()
                            .filter(r -> r.externalId() != null)
                            .collect(Collectors.toMap(SourceRecord::externalId, Function.identity(), (a, b) -> a));
            for (Failure f : open) {
                SourceRecord r = again.get(f.externalId());
                if (r == null) {
                    HnswException gone = new HnswException(VideoErrorCode.RECORD_GONE, f.externalId());
                    repo.failedAgain(f.id(), VideoErrorCode.RECORD_GONE.toString(), gone.messageZh(),
                            gone.messageEn());
                    continue;
                }
                Outcome o = store(s, r, t.settings().dedupKey(), accessTypes.get(s.sourceType()));
                switch (o.result()) {
                    case STORED -> {
                        repo.resolved(f.id(), o.faceBaseRecordId());
                        stored++;
                        failed--;
                    }
                    case SKIPPED -> {
                        repo.resolved(f.id(), null);
                        skipped++;
                        failed--;
                    }
                    case FAILED -> repo.failedAgain(f.id(), o.code(), o.zh(), o.en());
                }
            }
        } catch (HnswException e) {
            repo.finish(taskId, t.status(), e.messageZh(), e.messageEn(), null);
            throw e;
        }
        repo.progress(taskId, t.total(), t.processed(), stored, failed, skipped);
        boolean complete = failed == 0 && !"FAILED".equals(t.status());
        repo.finish(taskId, complete ? "COMPLETED" : "FAILED".equals(t.status()) ? "FAILED" : "COMPLETED_WITH_FAILURES",
                null, null, null);
        log.info("event=face-storage-retried task={} retried={} stored={} failed={}", taskId, open.size(), stored,
                failed);
        return task(taskId);
    }

    private String anomaly(UUID taskId, DataFeed s, int failed, String error) {
        String alertId = UUID.randomUUID().toString();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("storageTaskId", taskId.toString());
        attributes.put("dataFeed", s.code());
        attributes.put("failedRecords", Integer.toString(failed));
        if (error != null) {
            attributes.put("error", error);
        }
        String titleZh = error == null ? "人脸入库任务有 " + failed + " 条记录未入库：" + s.name()
                : "人脸入库任务失败：" + s.name();
        String titleEn = error == null ? "Face storage task left " + failed + " records unstored: " + s.code()
                : "Face storage task failed: " + s.code();
        tx.executeWithoutResult(st -> outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alertId, Alert.EVENT_TYPE,
                new Alert(alertId, "video-analytics-service", "face-storage-anomaly", Alert.Level.LOW, null, null,
                        List.of(), titleZh, titleEn, Instant.now(), null, null, attributes)));
        return alertId;
    }
}
