package cn.hnsw.video.themes;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.themes.ThemeStoreRepository.DataService;
import cn.hnsw.video.themes.ThemeStoreRepository.Failure;
import cn.hnsw.video.themes.ThemeStoreRepository.Feed;
import cn.hnsw.video.themes.ThemeStoreRepository.Page;
import cn.hnsw.video.themes.ThemeStoreRepository.Store;
import cn.hnsw.video.themes.ThemeStoreRepository.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 数据主题库 — theme stores over the platform's own datasets, in one shape for the face base library's store, the
 * key-person store, the operations theme store (作业主题库) and any custom one: a store (category) has data feeds
 * (a dataset, the fields kept, the processing conditions); a processing task reads its feeds' datasets, keeps the
 * rows whose conditions hold, counts the others as skipped, fails a kept row that lacks a REQUIRED field (kept with its
 * reason, one {@code theme-store-anomaly} alert per run with failures, handled by a retry or closed with a note),
 * and stores every row once; query pages are saved queries over the store; a data service serves the store, or one
 * of its pages, to the roles it names and to no one else.
 */
@Service
public class ThemeStoreService {

    /** The built-in categories; operators add theme store types (作业主题库类型, {@link VideoTypeService}). */
    public static final Set<String> CATEGORIES = Set.of("FACE_BASE", "KEY_PERSON", "OPERATIONS", "CUSTOM");
    private final VideoTypeService types;
    static final int READ_LIMIT = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ThemeStoreService.class);

    /** A dataset (接入类型) with its data items (接入数据项). */
    public record DatasetView(String code, String nameZh, String nameEn, Set<String> fields) {
    }

    /** What one push sent and what the partner accepted. */
    public record PushResult(String serviceCode, String partnerId, int pushed, int accepted) {
    }

    static final int PUSH_LIMIT = 1000;

    private final ThemeStoreRepository repo;
    private final OutboxPublisher outbox;
    private final ThemePushAdapter pushes;
    private final AccessTypeService accessTypes;

    public ThemeStoreService(ThemeStoreRepository repo, OutboxPublisher outbox, ThemePushAdapter pushes,
            AccessTypeService accessTypes, VideoTypeService types) {
        this.accessTypes = accessTypes;
        this.types = types;
        this.repo = repo;
        this.outbox = outbox;
        this.pushes = pushes;
    }

    public List<DatasetView> datasets() {
        return Arrays.stream(ThemeDataset.values()).map(d -> new DatasetView(d.name(), d.nameZh(), d.nameEn(),
                new java.util.TreeSet<>(d.fields().keySet()))).toList();
    }

    // ---- stores (主题库新增、修改、删除、查询)

    @Transactional
    public Store createStore(String code, String nameZh, String nameEn, String category, String description) {
        category(category);
        if (repo.storeCodeTaken(code)) {
            throw new HnswException(ThemeErrorCode.STORE_CODE_TAKEN, code);
        }
        UUID id = UUID.randomUUID();
        repo.insertStore(new Store(id, code, nameZh.trim(), nameEn.trim(), category, description, true,
                Actors.current().username(), Instant.now(), null, null, 0));
        return store(id);
    }

    @Transactional
    public Store updateStore(UUID id, String nameZh, String nameEn, String category, String description,
            Boolean enabled) {
        Store s = store(id);
        category(category);
        repo.updateStore(id, nameZh.trim(), nameEn.trim(), category, description,
                enabled == null ? s.enabled() : enabled, Actors.current().username());
        return store(id);
    }

    /** A store that data services still serve cannot be deleted (409); its feeds, rows, tasks and pages go with it. */
    @Transactional
    public void deleteStore(UUID id) {
        Store s = store(id);
        if (repo.servicesOfStore(id) > 0) {
            throw new HnswException(ThemeErrorCode.STORE_IN_USE, s.code());
        }
        repo.deleteStore(id);
    }

    public Store store(UUID id) {
        return repo.store(id).orElseThrow(() -> new HnswException(ThemeErrorCode.STORE_NOT_FOUND, id));
    }

    public PageResponse<Store> stores(String category, String q, PageQuery page) {
        String c = blank(category);
        String query = blank(q);
        return PageResponse.of(repo.stores(c, query, page.size(), page.offset()), page, repo.countStores(c, query));
    }

    // ---- feeds (主题库管理数据源管理, 数据源字段筛选, 数据处理逻辑管理)

    @Transactional
    public Feed addFeed(UUID storeId, String name, String dataset, List<String> fields,
            List<ThemeCondition> conditions) {
        store(storeId);
        ThemeDataset d = dataset(dataset);
        List<String> kept = fields(d, fields);
        List<ThemeCondition> checked = ThemeCondition.validate(conditions, kept);
        UUID id = UUID.randomUUID();
        repo.insertFeed(new Feed(id, storeId, name.trim(), d.name(), kept, checked, true, Actors.current().username(),
                Instant.now()));
        return feed(id);
    }

    /**
     * A feed over an access type: the type's dataset, its items' source fields read, each row checked against the
     * items at every run (with the type as it is then) and stored under the items' names. The type must read a
     * dataset, be enabled and fit the store (the same category, or either of them CUSTOM).
     */
    @Transactional
    public Feed addTypedFeed(UUID storeId, String name, String accessType, List<ThemeCondition> conditions) {
        Store s = store(storeId);
        AccessTypeService.AccessType t = accessTypes.forFeed(accessType, false);
        if (!t.category().equals(s.category()) && !"CUSTOM".equals(s.category()) && !"CUSTOM".equals(t.category())) {
            throw new HnswException(AccessTypeErrorCode.ACCESS_TYPE_MISMATCH, accessType,
                    "store category " + s.category());
        }
        ThemeDataset d = dataset(t.source());
        List<String> kept = t.sourceFields();
        List<ThemeCondition> checked = ThemeCondition.validate(conditions, kept);
        UUID id = UUID.randomUUID();
        repo.insertFeed(new Feed(id, storeId, name.trim(), d.name(), kept, checked, true, Actors.current().username(),
                Instant.now()));
        repo.setFeedAccessType(id, t.id());
        return feed(id);
    }

    /** The dataset stays; the fields kept, the conditions and the switch change. */
    @Transactional
    public Feed updateFeed(UUID id, String name, List<String> fields, List<ThemeCondition> conditions,
            Boolean enabled) {
        Feed f = feed(id);
        List<String> kept = fields(dataset(f.dataset()), fields);
        repo.updateFeed(id, name.trim(), kept, ThemeCondition.validate(conditions, kept),
                enabled == null ? f.enabled() : enabled);
        return feed(id);
    }

    @Transactional
    public void deleteFeed(UUID id) {
        feed(id);
        repo.deleteFeed(id);
    }

    public Feed feed(UUID id) {
        return repo.feed(id).orElseThrow(() -> new HnswException(ThemeErrorCode.FEED_NOT_FOUND, id));
    }

    public List<Feed> feeds(UUID storeId) {
        store(storeId);
        return repo.feeds(storeId);
    }

    // ---- processing tasks (数据处理任务管理, 存储任务新增/修改/删除/查询, 监控, 异常预警, 异常处置)

    @Transactional
    public Task createTask(UUID storeId, String name, UUID feedId) {
        store(storeId);
        checkFeedOf(storeId, feedId);
        UUID id = UUID.randomUUID();
        repo.insertTask(new Task(id, storeId, feedId, name.trim(), true, "NEW", 0, 0, 0, 0, 0, null, "NONE", null,
                null, null, Actors.current().username(), Instant.now()));
        return task(id);
    }

    @Transactional
    public Task updateTask(UUID id, String name, UUID feedId, Boolean enabled) {
        Task t = task(id);
        checkFeedOf(t.storeId(), feedId);
        repo.updateTask(id, name.trim(), feedId, enabled == null ? t.enabled() : enabled);
        return task(id);
    }

    @Transactional
    public void deleteTask(UUID id) {
        task(id);
        repo.deleteTask(id);
    }

    public Task task(UUID id) {
        return repo.task(id).orElseThrow(() -> new HnswException(ThemeErrorCode.TASK_NOT_FOUND, id));
    }

    public List<Task> tasks(UUID storeId) {
        return repo.tasks(storeId);
    }

    public List<Failure> failures(UUID taskId) {
        task(taskId);
        return repo.failures(taskId);
    }

    /** 主题库数据处理: one run over the task's feed (or all enabled feeds of the store). */
    @Transactional
    public Task run(UUID id) {
        Task t = task(id);
        Store s = store(t.storeId());
        if (!t.enabled() || !s.enabled()) {
            throw new HnswException(ThemeErrorCode.TASK_DISABLED, t.name());
        }
        List<Feed> feeds = t.feedId() != null ? List.of(feed(t.feedId()))
                : repo.feeds(s.id()).stream().filter(Feed::enabled).toList();
        int read = 0;
        int stored = 0;
        int skipped = 0;
        List<Failure> failures = new ArrayList<>();
        for (Feed f : feeds) {
            AccessTypeService.AccessType type = accessTypes.ofThemeFeed(f.id());
            List<String> read0 = type == null ? f.fields()
                    : java.util.stream.Stream.concat(f.fields().stream(), type.sourceFields().stream()).distinct()
                            .toList();
            List<ThemeCondition> required = f.conditions().stream().filter(ThemeCondition::required).toList();
            List<ThemeCondition> filters = f.conditions().stream().filter(c -> !c.required()).toList();
            for (Map<String, String> row : repo.read(dataset(f.dataset()), read0, READ_LIMIT)) {
                read++;
                String sourceId = row.get("source_id");
                if (!filters.stream().allMatch(c -> c.holds(row.get(c.field())))) {
                    skipped++;
                    continue;
                }
                ThemeCondition missing = required.stream().filter(c -> !c.holds(row.get(c.field()))).findFirst()
                        .orElse(null);
                if (missing != null) {
                    failures.add(new Failure(f.id(), sourceId, missing.field() + " is empty"));
                    continue;
                }
                Map<String, String> data = new LinkedHashMap<>(row);
                data.remove("source_id");
                if (type != null) {
                    // checked against the access type's items, stored under their names
                    data = new LinkedHashMap<>();
                    String wrong = AccessTypeService.check(type, row, data);
                    if (wrong != null) {
                        failures.add(new Failure(f.id(), sourceId, wrong));
                        continue;
                    }
                }
                if (repo.storeRow(s.id(), f.id(), sourceId, data)) {
                    stored++;
                } else {
                    skipped++;
                }
            }
        }
        String alertId = failures.isEmpty() ? null : anomaly(t, s, failures.size());
        repo.finishRun(id, failures.isEmpty() ? "COMPLETED" : "COMPLETED_WITH_FAILURES", read, stored, skipped,
                failures, alertId);
        log.info("event=theme-store-run store={} task={} read={} stored={} skipped={} failed={}", s.code(), id, read,
                stored, skipped, failures.size());
        return task(id);
    }

    /** 异常处置: RETRY runs the task again; CLOSE records the note and leaves the failed rows out. */
    @Transactional
    public Task handleAnomaly(UUID id, String action, String note) {
        Task t = task(id);
        if (!"OPEN".equals(t.anomaly())) {
            throw new HnswException(ThemeErrorCode.NO_ANOMALY);
        }
        if ("RETRY".equals(action)) {
            return run(id);
        }
        if (note == null || note.isBlank()) {
            throw new HnswException(ThemeErrorCode.NOTE_MISSING);
        }
        repo.closeAnomaly(id, note.trim(), Actors.current().username());
        return task(id);
    }

    private String anomaly(Task t, Store s, int failed) {
        String alertId = UUID.randomUUID().toString();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("themeStoreTaskId", t.id().toString());
        attributes.put("themeStore", s.code());
        attributes.put("failedRows", Integer.toString(failed));
        outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alertId, Alert.EVENT_TYPE, new Alert(alertId,
                "video-analytics-service", "theme-store-anomaly", Alert.Level.LOW, null, null, List.of(),
                "主题库数据处理任务有 " + failed + " 条数据未入库：" + s.nameZh(),
                "Theme store processing task left " + failed + " rows out: " + s.code(), Instant.now(), null, null,
                attributes));
        return alertId;
    }

    // ---- rows and query pages (主题库查询, 查询页面新增/修改/删除)

    public PageResponse<Map<String, Object>> rows(UUID storeId, PageQuery page) {
        store(storeId);
        return PageResponse.of(repo.rows(storeId, List.of(), null, false, page.size(), page.offset()), page,
                repo.countRows(storeId, List.of()));
    }

    @Transactional
    public Page createPage(UUID storeId, String name, List<String> columns, List<ThemeCondition> conditions,
            String sortField, Boolean sortDesc) {
        store(storeId);
        Set<String> fields = storeFields(storeId);
        List<String> cols = columns(columns, fields);
        UUID id = UUID.randomUUID();
        repo.insertPage(new Page(id, storeId, name.trim(), cols, ThemeCondition.validate(conditions, fields),
                sortField(sortField, fields), sortDesc != null && sortDesc, Actors.current().username(),
                Instant.now()));
        return page(id);
    }

    @Transactional
    public Page updatePage(UUID id, String name, List<String> columns, List<ThemeCondition> conditions,
            String sortField, Boolean sortDesc) {
        Page p = page(id);
        Set<String> fields = storeFields(p.storeId());
        repo.updatePage(id, name.trim(), columns(columns, fields), ThemeCondition.validate(conditions, fields),
                sortField(sortField, fields), sortDesc != null && sortDesc);
        return page(id);
    }

    @Transactional
    public void deletePage(UUID id) {
        Page p = page(id);
        if (repo.servicesOfPage(id) > 0) {
            throw new HnswException(ThemeErrorCode.PAGE_IN_USE, p.name());
        }
        repo.deletePage(id);
    }

    public Page page(UUID id) {
        return repo.page(id).orElseThrow(() -> new HnswException(ThemeErrorCode.PAGE_NOT_FOUND, id));
    }

    public List<Page> pages(UUID storeId) {
        store(storeId);
        return repo.pages(storeId);
    }

    /** The page's rows: its conditions, its sort, only its columns. */
    public PageResponse<Map<String, Object>> pageRows(UUID id, PageQuery q) {
        Page p = page(id);
        List<Map<String, Object>> rows = repo.rows(p.storeId(), p.conditions(), p.sortField(), p.sortDesc(), q.size(),
                q.offset()).stream().map(r -> project(r, p.columns())).toList();
        return PageResponse.of(rows, q, repo.countRows(p.storeId(), p.conditions()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> project(Map<String, Object> row, List<String> columns) {
        Map<String, Object> data = (Map<String, Object>) row.get("data");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sourceId", row.get("sourceId"));
        for (String c : columns) {
            out.put(c, data.get(c));
        }
        return out;
    }

    // ---- data services (主题库数据服务新增/修改/删除/查询, 主题库服务)

    @Transactional
    public DataService createService(String code, String name, UUID storeId, UUID pageId, List<String> roles) {
        store(storeId);
        checkPageOf(storeId, pageId);
        if (repo.serviceCodeTaken(code)) {
            throw new HnswException(ThemeErrorCode.SERVICE_CODE_TAKEN, code);
        }
        UUID id = UUID.randomUUID();
        repo.insertService(new DataService(id, code, name.trim(), storeId, pageId, roles(roles), true,
                Actors.current().username(), Instant.now()));
        return service(id);
    }

    @Transactional
    public DataService updateService(UUID id, String name, UUID pageId, List<String> roles, Boolean enabled) {
        DataService s = service(id);
        checkPageOf(s.storeId(), pageId);
        repo.updateService(id, name.trim(), pageId, roles(roles), enabled == null ? s.enabled() : enabled);
        return service(id);
    }

    @Transactional
    public void deleteService(UUID id) {
        service(id);
        repo.deleteService(id);
    }

    public DataService service(UUID id) {
        return repo.service(id).orElseThrow(() -> new HnswException(ThemeErrorCode.SERVICE_NOT_FOUND, id));
    }

    public List<DataService> services(UUID storeId) {
        return repo.services(storeId);
    }

    /** 主题库服务: the rows, to a caller holding one of the service's roles (403 otherwise; 409 when switched off). */
    public PageResponse<Map<String, Object>> serve(String code, PageQuery q) {
        DataService s = repo.serviceByCode(code)
                .orElseThrow(() -> new HnswException(ThemeErrorCode.SERVICE_NOT_FOUND, code));
        CurrentActor actor = Actors.current();
        if (s.roles().stream().noneMatch(actor.roles()::contains)) {
            throw new HnswException(ThemeErrorCode.SERVICE_FORBIDDEN);
        }
        if (!s.enabled() || !store(s.storeId()).enabled()) {
            throw new HnswException(ThemeErrorCode.SERVICE_DISABLED, code);
        }
        return s.pageId() != null ? pageRows(s.pageId(), q) : rows(s.storeId(), q);
    }

    /**
     * 数据推送服务: the service's rows (its page's, or the store's; at most {@value #PUSH_LIMIT}) pushed to a partner
     * platform over sealed messages. A switched-off service pushes nothing (409); an unreachable partner, 503.
     */
    public PushResult push(UUID id, String partnerId) {
        DataService s = service(id);
        if (!s.enabled() || !store(s.storeId()).enabled()) {
            throw new HnswException(ThemeErrorCode.SERVICE_DISABLED, s.code());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int p = 0; rows.size() < PUSH_LIMIT; p++) {
            PageQuery q = new PageQuery(p, PageQuery.MAX_SIZE);
            List<Map<String, Object>> page = s.pageId() != null ? pageRows(s.pageId(), q).content()
                    : rows(s.storeId(), q).content();
            rows.addAll(page);
            if (page.size() < q.size()) {
                break;
            }
        }
        List<Map<String, Object>> sent = rows.size() > PUSH_LIMIT ? rows.subList(0, PUSH_LIMIT) : rows;
        int accepted = pushes.push(partnerId, s.code(), sent);
        log.info("event=theme-data-push service={} partner={} pushed={} accepted={}", s.code(), partnerId, sent.size(),
                accepted);
        return new PushResult(s.code(), partnerId, sent.size(), accepted);
    }

    // ---- checks

    /** A store's category is a theme store type (a row of 作业主题库类型管理). */
    private void category(String category) {
        if (category == null || !types.exists(VideoTypeService.THEME_STORE, category)) {
            throw new HnswException(ThemeErrorCode.CATEGORY_INVALID, category);
        }
    }

    private static ThemeDataset dataset(String code) {
        try {
            return ThemeDataset.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new HnswException(ThemeErrorCode.DATASET_INVALID, code);
        }
    }

    private static List<String> fields(ThemeDataset d, List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new HnswException(ThemeErrorCode.FIELD_INVALID, "[]");
        }
        for (String f : fields) {
            if (!d.fields().containsKey(f)) {
                throw new HnswException(ThemeErrorCode.FIELD_INVALID, f);
            }
        }
        return List.copyOf(new LinkedHashSet<>(fields));
    }

    private Set<String> storeFields(UUID storeId) {
        Set<String> out = new LinkedHashSet<>();
        for (Feed f : repo.feeds(storeId)) {
            AccessTypeService.AccessType t = accessTypes.ofThemeFeed(f.id());
            out.addAll(t == null ? f.fields() : t.items().stream().map(AccessTypeService.Item::name).toList());
        }
        return out;
    }

    private static List<String> columns(List<String> columns, Set<String> fields) {
        if (columns == null || columns.isEmpty()) {
            throw new HnswException(ThemeErrorCode.FIELD_INVALID, "[]");
        }
        for (String c : columns) {
            if (!fields.contains(c)) {
                throw new HnswException(ThemeErrorCode.FIELD_INVALID, c);
            }
        }
        return List.copyOf(new LinkedHashSet<>(columns));
    }

    private static String sortField(String sortField, Set<String> fields) {
        String s = blank(sortField);
        if (s != null && !fields.contains(s)) {
            throw new HnswException(ThemeErrorCode.FIELD_INVALID, s);
        }
        return s;
    }

    private static List<String> roles(List<String> roles) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(r -> r == null || !r.matches("[a-z][a-z-]{1,63}"))) {
            throw new HnswException(ThemeErrorCode.ROLES_INVALID, String.valueOf(roles));
        }
        return List.copyOf(new LinkedHashSet<>(roles));
    }

    private void checkFeedOf(UUID storeId, UUID feedId) {
        if (feedId != null && !feed(feedId).storeId().equals(storeId)) {
            throw new HnswException(ThemeErrorCode.FEED_NOT_FOUND, feedId);
        }
    }

    private void checkPageOf(UUID storeId, UUID pageId) {
        if (pageId != null && !page(pageId).storeId().equals(storeId)) {
            throw new HnswException(ThemeErrorCode.PAGE_NOT_FOUND, pageId);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
