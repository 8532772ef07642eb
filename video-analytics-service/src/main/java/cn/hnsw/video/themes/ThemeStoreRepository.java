package cn.hnsw.video.themes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Theme stores, their feeds, rows, processing tasks with failures, query pages and data services. */
@Repository
public class ThemeStoreRepository {

    static final ObjectMapper JSON = new ObjectMapper();

    public record Store(UUID id, String code, String nameZh, String nameEn, String category, String description,
            boolean enabled, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long rows) {
    }

    public record Feed(UUID id, UUID storeId, String name, String dataset, List<String> fields,
            List<ThemeCondition> conditions, boolean enabled, String createdBy, Instant createdAt) {
    }

    public record Task(UUID id, UUID storeId, UUID feedId, String name, boolean enabled, String status, int runs,
            int read, int stored, int skipped, int failed, String alertId, String anomaly, String anomalyNote,
            String handledBy, Instant lastRunAt, String createdBy, Instant createdAt) {
    }

    public record Failure(UUID feedId, String sourceId, String reason) {
    }

    public record Page(UUID id, UUID storeId, String name, List<String> columns, List<ThemeCondition> conditions,
            String sortField, boolean sortDesc, String createdBy, Instant createdAt) {
    }

    public record DataService(UUID id, String code, String name, UUID storeId, UUID pageId, List<String> roles,
            boolean enabled, String createdBy, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    public ThemeStoreRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // stores

    public boolean storeCodeTaken(String code) {
        return count("SELECT count(*) FROM theme_store WHERE code = ?", code) > 0;
    }

    public void insertStore(Store s) {
        jdbc.update("INSERT INTO theme_store (id, code, name_zh, name_en, category, description, enabled, created_by, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.code(), s.nameZh(), s.nameEn(),
                s.category(), s.description(), s.enabled(), s.createdBy(), Timestamp.from(s.createdAt()));
    }

    public void updateStore(UUID id, String nameZh, String nameEn, String category, String description,
            boolean enabled, String by) {
        jdbc.update("UPDATE theme_store SET name_zh = ?, name_en = ?, category = ?, description = ?, enabled = ?, "
                + "updated_by = ?, updated_at = now() WHERE id = ?", nameZh, nameEn, category, description, enabled,
                by, id);
    }

    public int deleteStore(UUID id) {
        return jdbc.update("DELETE FROM theme_store WHERE id = ?", id);
    }

    public Optional<Store> store(UUID id) {
        return jdbc.query(STORE_SQL + " WHERE s.id = ?", ThemeStoreRepository::store, id).stream().findFirst();
    }

    public List<Store> stores(String category, String q, int limit, long offset) {
        String like = q == null ? null : "%" + q + "%";
        return jdbc.query(STORE_SQL + " WHERE (?::text IS NULL OR s.category = ?) AND (?::text IS NULL OR s.code LIKE ? "
                + "OR s.name_zh LIKE ? OR s.name_en LIKE ?) ORDER BY s.code LIMIT ? OFFSET ?",
                ThemeStoreRepository::store, category, category, like, like, like, like, limit, offset);
    }

    public long countStores(String category, String q) {
        String like = q == null ? null : "%" + q + "%";
        return count("SELECT count(*) FROM theme_store s WHERE (?::text IS NULL OR s.category = ?) AND (?::text IS NULL "
                + "OR s.code LIKE ? OR s.name_zh LIKE ? OR s.name_en LIKE ?)", category, category, like, like, like,
                like);
    }

    private static final String STORE_SQL = "SELECT s.*, (SELECT count(*) FROM theme_store_row r "
            + "WHERE r.store_id = s.id) AS row_count FROM theme_store s";

    // feeds

    public void insertFeed(Feed f) {
        jdbc.update("INSERT INTO theme_store_feed (id, store_id, name, dataset, fields, conditions, enabled, created_by, "
                + "created_at) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)", f.id(), f.storeId(), f.name(),
                f.dataset(), json(f.fields()), json(f.conditions()), f.enabled(), f.createdBy(),
                Timestamp.from(f.createdAt()));
    }

    public void setFeedAccessType(UUID feedId, UUID typeId) {
        jdbc.update("UPDATE theme_store_feed SET access_type_id = ? WHERE id = ?", typeId, feedId);
    }

    public void updateFeed(UUID id, String name, List<String> fields, List<ThemeCondition> conditions,
            boolean enabled) {
        jdbc.update("UPDATE theme_store_feed SET name = ?, fields = ?::jsonb, conditions = ?::jsonb, enabled = ?, "
                + "updated_at = now() WHERE id = ?", name, json(fields), json(conditions), enabled, id);
    }

    public int deleteFeed(UUID id) {
        return jdbc.update("DELETE FROM theme_store_feed WHERE id = ?", id);
    }

    public Optional<Feed> feed(UUID id) {
        return jdbc.query("SELECT * FROM theme_store_feed WHERE id = ?", ThemeStoreRepository::feed, id).stream()
                .findFirst();
    }

    public List<Feed> feeds(UUID storeId) {
        return jdbc.query("SELECT * FROM theme_store_feed WHERE store_id = ? ORDER BY created_at",
                ThemeStoreRepository::feed, storeId);
    }

    /** The dataset's rows (source id and the wanted fields as text), oldest first. */
    public List<Map<String, String>> read(ThemeDataset dataset, List<String> fields, int limit) {
        return jdbc.query(dataset.select(fields, limit), (rs, i) -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("source_id", rs.getString("source_id"));
            for (String f : fields) {
                Object v = rs.getObject(f);
                m.put(f, v == null ? null : v instanceof Timestamp t ? t.toInstant().toString() : v.toString());
            }
            return m;
        });
    }

    /** Stores a row once: true when it was new. */
    public boolean storeRow(UUID storeId, UUID feedId, String sourceId, Map<String, String> data) {
        return jdbc.update("INSERT INTO theme_store_row (store_id, feed_id, source_id, data) VALUES (?, ?, ?, ?::jsonb) "
                + "ON CONFLICT DO NOTHING", storeId, feedId, sourceId, json(data)) == 1;
    }

    /** Rows of a store matching the conditions, sorted, one page; each row's data with its feed and source. */
    public List<Map<String, Object>> rows(UUID storeId, List<ThemeCondition> conditions, String sortField,
            boolean desc, int limit, long offset) {
        StringBuilder sql = new StringBuilder("SELECT feed_id, source_id, data::text AS data, stored_at FROM "
                + "theme_store_row WHERE store_id = ?");
        List<Object> args = new java.util.ArrayList<>(List.of(storeId));
        where(sql, args, conditions);
        if (sortField != null) {
            sql.append(" ORDER BY data ->> ? ").append(desc ? "DESC" : "ASC").append(" NULLS LAST, source_id");
            args.add(sortField);
        } else {
            sql.append(" ORDER BY stored_at, source_id");
        }
        sql.append(" LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), (rs, i) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feedId", rs.getObject("feed_id", UUID.class));
            m.put("sourceId", rs.getString("source_id"));
            m.put("storedAt", rs.getTimestamp("stored_at").toInstant());
            m.put("data", parse(rs.getString("data")));
            return m;
        }, args.toArray());
    }

    public long countRows(UUID storeId, List<ThemeCondition> conditions) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM theme_store_row WHERE store_id = ?");
        List<Object> args = new java.util.ArrayList<>(List.of(storeId));
        where(sql, args, conditions);
        Long n = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** The conditions as SQL over the row's JSON: field names and values are bound, never spliced. */
    private static void where(StringBuilder sql, List<Object> args, List<ThemeCondition> conditions) {
        for (ThemeCondition c : conditions) {
            switch (c.op()) {
                case "EQ" -> sql.append(" AND data ->> ? = ?");
                case "NE" -> sql.append(" AND data ->> ? IS DISTINCT FROM ?");
                case "CONTAINS" -> sql.append(" AND strpos(data ->> ?, ?) > 0");
                case "PREFIX" -> sql.append(" AND starts_with(data ->> ?, ?)");
                case "REQUIRED" -> sql.append(" AND coalesce(data ->> ?, '') <> ''");
                default -> {
                    String cmp = switch (c.op()) {
                        case "GT" -> ">";
                        case "GE" -> ">=";
                        case "LT" -> "<";
                        default -> "<=";
                    };
                    if (c.value().matches("-?\\d+(\\.\\d+)?")) {
                        sql.append(" AND CASE WHEN data ->> ? ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN (data ->> ?)::numeric ")
                                .append(cmp).append(" ?::numeric ELSE false END");
                        args.add(c.field());
                    } else if (isInstant(c.value())) {
                        sql.append(" AND CASE WHEN data ->> ? ~ '^\\d{4}-\\d\\d-\\d\\dT' THEN (data ->> ?)::timestamptz ")
                                .append(cmp).append(" ?::timestamptz ELSE false END");
                        args.add(c.field());
                    } else {
                        sql.append(" AND data ->> ? ").append(cmp).append(" ?");
                    }
                }
            }
            args.add(c.field());
            if (!c.required()) {
                args.add(c.value());
            }
        }
    }

    private static boolean isInstant(String v) {
        try {
            Instant.parse(v);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    // tasks

    public void insertTask(Task t) {
        jdbc.update("INSERT INTO theme_store_task (id, store_id, feed_id, name, enabled, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", t.id(), t.storeId(), t.feedId(), t.name(), t.enabled(),
                t.createdBy(), Timestamp.from(t.createdAt()));
    }

    public void updateTask(UUID id, String name, UUID feedId, boolean enabled) {
        jdbc.update("UPDATE theme_store_task SET name = ?, feed_id = ?, enabled = ?, updated_at = now() WHERE id = ?",
                name, feedId, enabled, id);
    }

    public int deleteTask(UUID id) {
        return jdbc.update("DELETE FROM theme_store_task WHERE id = ?", id);
    }

    public Optional<Task> task(UUID id) {
        return jdbc.query("SELECT * FROM theme_store_task WHERE id = ?", ThemeStoreRepository::task, id).stream()
                .findFirst();
    }

    public List<Task> tasks(UUID storeId) {
        return jdbc.query("SELECT * FROM theme_store_task WHERE (?::uuid IS NULL OR store_id = ?) ORDER BY created_at",
                ThemeStoreRepository::task, storeId, storeId);
    }

    public void finishRun(UUID id, String status, int read, int stored, int skipped, List<Failure> failures,
            String alertId) {
        jdbc.update("DELETE FROM theme_store_failure WHERE task_id = ?", id);
        for (Failure f : failures) {
            jdbc.update("INSERT INTO theme_store_failure (task_id, feed_id, source_id, reason) VALUES (?, ?, ?, ?)",
                    id, f.feedId(), f.sourceId(), f.reason());
        }
        jdbc.update("UPDATE theme_store_task SET status = ?, runs = runs + 1, read_rows = ?, stored = ?, skipped = ?, "
                + "failed = ?, alert_id = coalesce(?, alert_id), anomaly = CASE WHEN ? > 0 THEN 'OPEN' "
                + "WHEN anomaly = 'OPEN' THEN 'HANDLED' ELSE anomaly END, last_run_at = now() WHERE id = ?",
                status, read, stored, skipped, failures.size(), alertId, failures.size(), id);
    }

    public int closeAnomaly(UUID id, String note, String by) {
        return jdbc.update("UPDATE theme_store_task SET anomaly = 'HANDLED', anomaly_note = ?, handled_by = ? "
                + "WHERE id = ? AND anomaly = 'OPEN'", note, by, id);
    }

    public List<Failure> failures(UUID taskId) {
        return jdbc.query("SELECT * FROM theme_store_failure WHERE task_id = ? ORDER BY source_id",
                (rs, i) -> new Failure(rs.getObject("feed_id", UUID.class), rs.getString("source_id"),
                        rs.getString("reason")), taskId);
    }

    // pages

    public void insertPage(Page p) {
        jdbc.update("INSERT INTO theme_store_page (id, store_id, name, columns, conditions, sort_field, sort_desc, "
                + "created_by, created_at) VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)", p.id(), p.storeId(),
                p.name(), json(p.columns()), json(p.conditions()), p.sortField(), p.sortDesc(), p.createdBy(),
                Timestamp.from(p.createdAt()));
    }

    public void updatePage(UUID id, String name, List<String> columns, List<ThemeCondition> conditions,
            String sortField, boolean sortDesc) {
        jdbc.update("UPDATE theme_store_page SET name = ?, columns = ?::jsonb, conditions = ?::jsonb, sort_field = ?, "
                + "sort_desc = ?, updated_at = now() WHERE id = ?", name, json(columns), json(conditions), sortField,
                sortDesc, id);
    }

    public int deletePage(UUID id) {
        return jdbc.update("DELETE FROM theme_store_page WHERE id = ?", id);
    }

    public Optional<Page> page(UUID id) {
        return jdbc.query("SELECT * FROM theme_store_page WHERE id = ?", ThemeStoreRepository::page, id).stream()
                .findFirst();
    }

    public List<Page> pages(UUID storeId) {
        return jdbc.query("SELECT * FROM theme_store_page WHERE store_id = ? ORDER BY created_at",
                ThemeStoreRepository::page, storeId);
    }

    public long servicesOfPage(UUID pageId) {
        return count("SELECT count(*) FROM theme_store_service WHERE page_id = ?", pageId);
    }

    // services

    public boolean serviceCodeTaken(String code) {
        return count("SELECT count(*) FROM theme_store_service WHERE code = ?", code) > 0;
    }

    public long servicesOfStore(UUID storeId) {
        return count("SELECT count(*) FROM theme_store_service WHERE store_id = ?", storeId);
    }

    public void insertService(DataService s) {
        jdbc.update("INSERT INTO theme_store_service (id, code, name, store_id, page_id, roles, enabled, created_by, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)", s.id(), s.code(), s.name(), s.storeId(),
                s.pageId(), json(s.roles()), s.enabled(), s.createdBy(), Timestamp.from(s.createdAt()));
    }

    public void updateService(UUID id, String name, UUID pageId, List<String> roles, boolean enabled) {
        jdbc.update("UPDATE theme_store_service SET name = ?, page_id = ?, roles = ?::jsonb, enabled = ?, "
                + "updated_at = now() WHERE id = ?", name, pageId, json(roles), enabled, id);
    }

    public int deleteService(UUID id) {
        return jdbc.update("DELETE FROM theme_store_service WHERE id = ?", id);
    }

    public Optional<DataService> service(UUID id) {
        return jdbc.query("SELECT * FROM theme_store_service WHERE id = ?", ThemeStoreRepository::service, id)
                .stream().findFirst();
    }

    public Optional<DataService> serviceByCode(String code) {
        return jdbc.query("SELECT * FROM theme_store_service WHERE code = ?", ThemeStoreRepository::service, code)
                .stream().findFirst();
    }

    public List<DataService> services(UUID storeId) {
        return jdbc.query("SELECT * FROM theme_store_service WHERE (?::uuid IS NULL OR store_id = ?) ORDER BY code",
                ThemeStoreRepository::service, storeId, storeId);
    }

    // mapping

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> parse(String s) {
        try {
            return JSON.readValue(s, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(String s, TypeReference<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }

    private static Store store(ResultSet rs, int i) throws SQLException {
        return new Store(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("category"), rs.getString("description"),
                rs.getBoolean("enabled"), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getString("updated_by"), instant(rs, "updated_at"), rs.getLong("row_count"));
    }

    private static Feed feed(ResultSet rs, int i) throws SQLException {
        return new Feed(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class), rs.getString("name"),
                rs.getString("dataset"), parse(rs.getString("fields"), new TypeReference<List<String>>() {
                }), parse(rs.getString("conditions"), new TypeReference<List<ThemeCondition>>() {
                }), rs.getBoolean("enabled"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static Task task(ResultSet rs, int i) throws SQLException {
        return new Task(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
                rs.getObject("feed_id", UUID.class), rs.getString("name"), rs.getBoolean("enabled"),
                rs.getString("status"), rs.getInt("runs"), rs.getInt("read_rows"), rs.getInt("stored"),
                rs.getInt("skipped"), rs.getInt("failed"), rs.getString("alert_id"), rs.getString("anomaly"),
                rs.getString("anomaly_note"), rs.getString("handled_by"), instant(rs, "last_run_at"),
                rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static Page page(ResultSet rs, int i) throws SQLException {
        return new Page(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class), rs.getString("name"),
                parse(rs.getString("columns"), new TypeReference<List<String>>() {
                }), parse(rs.getString("conditions"), new TypeReference<List<ThemeCondition>>() {
                }), rs.getString("sort_field"), rs.getBoolean("sort_desc"), rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    private static DataService service(ResultSet rs, int i) throws SQLException {
        return new DataService(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getObject("store_id", UUID.class), rs.getObject("page_id", UUID.class),
                parse(rs.getString("roles"), new TypeReference<List<String>>() {
                }), rs.getBoolean("enabled"), rs.getString("created_by"), instant(rs, "created_at"));
    }
}
