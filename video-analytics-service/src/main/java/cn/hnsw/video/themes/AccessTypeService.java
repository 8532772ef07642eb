package cn.hnsw.video.themes;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 接入类型管理 and 接入数据项管理 (face base library, key persons, operations theme store, watch-list objects, custom):
 * an access type is data — a code, names, the category of store it feeds, its source (one of the platform's
 * {@link ThemeDataset datasets}, or {@value #EXTERNAL_FEED} for an external face data feed) and its items (name, value
 * type, required, the source field each is taken from). {@link #check} is how the feeds validate a row against a
 * type: a required item that is empty, a number that is not one, an instant that does not parse. Built-in types
 * cannot be deleted; a type a feed uses neither (409); a disabled type takes no new feed.
 */
@Service
public class AccessTypeService {

    public static final String EXTERNAL_FEED = "EXTERNAL_FEED";
    /** The fields of a record from an external face data feed, as the storage task sees it. */
    public static final Set<String> EXTERNAL_FIELDS = Set.of("externalId", "personCode", "name", "idNo", "photo");
    public static final Set<String> CATEGORIES = Set.of("FACE_BASE", "KEY_PERSON", "OPERATIONS", "WATCHLIST", "CUSTOM");
    public static final Set<String> VALUE_TYPES = Set.of("STRING", "NUMBER", "INSTANT", "IMAGE");

    public record Item(String name, String labelZh, String valueType, boolean required, String sourceField) {
    }

    public record AccessType(UUID id, String code, String nameZh, String nameEn, String category, String source,
            boolean enabled, boolean builtin, List<Item> items, int feeds, String createdBy, Instant createdAt,
            String updatedBy, Instant updatedAt) {

        /** The source fields the type reads, in item order, once each. */
        public List<String> sourceFields() {
            return items.stream().map(Item::sourceField).distinct().toList();
        }
    }

    private final JdbcTemplate jdbc;

    public AccessTypeService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AccessType> list(String category, String source) {
        return jdbc.query(SELECT + "WHERE (?::text IS NULL OR t.category = ?) AND (?::text IS NULL OR t.source = ?) "
                + "ORDER BY t.builtin DESC, t.code", (rs, i) -> row(rs), category, category, source, source);
    }

    public AccessType get(String code) {
        return jdbc.query(SELECT + "WHERE t.code = ?", (rs, i) -> row(rs), code).stream().findFirst()
                .orElseThrow(() -> new HnswException(AccessTypeErrorCode.ACCESS_TYPE_NOT_FOUND, code));
    }

    public AccessType get(UUID id) {
        return jdbc.query(SELECT + "WHERE t.id = ?", (rs, i) -> row(rs), id).stream().findFirst()
                .orElseThrow(() -> new HnswException(AccessTypeErrorCode.ACCESS_TYPE_NOT_FOUND, id));
    }

    @Transactional
    public AccessType create(String code, String nameZh, String nameEn, String category, String source,
            List<Item> items) {
        checkCategory(category);
        List<Item> checked = checkItems(source, items);
        if (jdbc.queryForObject("SELECT count(*) FROM data_access_type WHERE code = ?", Integer.class, code) > 0) {
            throw new HnswException(AccessTypeErrorCode.ACCESS_TYPE_CODE_TAKEN, code);
        }
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO data_access_type (id, code, name_zh, name_en, category, source, created_by) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?)", id, code, nameZh.trim(), nameEn, category, source,
                Actors.current().username());
        insertItems(id, checked);
        return get(id);
    }

    /** Names, category, on/off and the items change; the code and the source stay (feeds read by them). */
    @Transactional
    public AccessType update(String code, String nameZh, String nameEn, String category, boolean enabled,
            List<Item> items) {
        AccessType t = get(code);
        checkCategory(category);
        List<Item> checked = checkItems(t.source(), items);
        jdbc.update("UPDATE data_access_type SET name_zh = ?, name_en = ?, category = ?, enabled = ?, updated_by = ?, "
                + "updated_at = now() WHERE id = ?", nameZh.trim(), nameEn, category, enabled,
                Actors.current().username(), t.id());
        jdbc.update("DELETE FROM data_access_item WHERE type_id = ?", t.id());
        insertItems(t.id(), checked);
        return get(t.id());
    }

    @Transactional
    public void delete(String code) {
        AccessType t = get(code);
        if (t.builtin()) {
            throw new HnswException(AccessTypeErrorCode.ACCESS_TYPE_BUILTIN, code);
        }
        if (t.feeds() > 0) {
            throw new HnswException(AccessTypeErrorCode.ACCESS_TYPE_IN_USE, code, t.feeds());
        }
        jdbc.update("DELETE FROM data_access_type WHERE id = ?", t.id());
    }

    /** The enabled type a new feed names, which must read {@code source} (a dataset or the external feed). */
    public AccessType forFeed(String code, boolean external) {
        AccessType t = get(code);
        if (!t.enabled()) {
            throw new HnswException(AccessTypeErrorCode.ACCESS_TYPE_DISABLED, code);
        }
        if (external != EXTERNAL_FEED.equals(t.source())) {
            throw new HnswException(AccessTypeErrorCode.ACCESS_TYPE_MISMATCH, code,
                    external ? "an external face data feed" : "a theme store feed");
        }
        return t;
    }

    /** The type a theme store feed names, if any. */
    public AccessType ofThemeFeed(UUID feedId) {
        List<UUID> ids = jdbc.queryForList("SELECT access_type_id FROM theme_store_feed WHERE id = ? AND "
                + "access_type_id IS NOT NULL", UUID.class, feedId);
        return ids.isEmpty() ? null : get(ids.get(0));
    }

    /**
     * A row checked against the type's items: the first item that fails, with why, or null. {@code mapped} receives
     * the row under the items' names.
     */
    public static String check(AccessType t, Map<String, ?> row, Map<String, String> mapped) {
        for (Item item : t.items()) {
            Object raw = row.get(item.sourceField());
            String v = raw == null ? null : raw instanceof byte[] ? "<image>" : raw.toString();
            if (v == null || v.isBlank()) {
                if (item.required()) {
                    return item.name() + " is required";
                }
                continue;
            }
            String wrong = switch (item.valueType()) {
                case "NUMBER" -> number(v) ? null : item.name() + " is not a number: " + v;
                case "INSTANT" -> instant(v) ? null : item.name() + " is not a date and time: " + v;
                default -> null;
            };
            if (wrong != null) {
                return wrong;
            }
            mapped.put(item.name(), v);
        }
        return null;
    }

    private static boolean number(String v) {
        try {
            new java.math.BigDecimal(v.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean instant(String v) {
        String s = v.trim();
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            try {
                // PostgreSQL's text form of timestamptz: "2026-11-27 23:20:00.123+00"
                OffsetDateTime.parse(s.replace(' ', 'T').replaceAll("([+-]\\d\\d)$", "$1:00"));
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    private static void checkCategory(String category) {
        if (category == null || !CATEGORIES.contains(category)) {
            throw new HnswException(AccessTypeErrorCode.ACCESS_TYPE_INVALID, "category " + category);
        }
    }

    private static List<Item> checkItems(String source, List<Item> items) {
        Set<String> fields;
        if (EXTERNAL_FEED.equals(source)) {
            fields = EXTERNAL_FIELDS;
        } else {
            try {
                fields = ThemeDataset.valueOf(source == null ? "" : source).fields().keySet();
            } catch (IllegalArgumentException e) {
                throw new HnswException(AccessTypeErrorCode.ACCESS_TYPE_INVALID, "source " + source);
            }
        }
        if (items == null || items.isEmpty()) {
            throw new HnswException(AccessTypeErrorCode.ACCESS_ITEM_INVALID, "[]");
        }
        Set<String> names = new HashSet<>();
        for (Item i : items) {
            if (i == null || i.name() == null || !i.name().matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                throw new HnswException(AccessTypeErrorCode.ACCESS_ITEM_INVALID, "name " + (i == null ? null : i.name()));
            }
            if (!names.add(i.name())) {
                throw new HnswException(AccessTypeErrorCode.ACCESS_ITEM_INVALID, "name " + i.name() + " twice");
            }
            if (i.valueType() == null || !VALUE_TYPES.contains(i.valueType())) {
                throw new HnswException(AccessTypeErrorCode.ACCESS_ITEM_INVALID, i.name() + ": type " + i.valueType());
            }
            if (i.sourceField() == null || !fields.contains(i.sourceField())) {
                throw new HnswException(AccessTypeErrorCode.ACCESS_ITEM_INVALID,
                        i.name() + ": source field " + i.sourceField() + " not in " + source);
            }
            if ("IMAGE".equals(i.valueType()) != "photo".equals(i.sourceField())) {
                throw new HnswException(AccessTypeErrorCode.ACCESS_ITEM_INVALID,
                        i.name() + ": IMAGE is the photo and the photo only");
            }
        }
        return List.copyOf(items);
    }

    private void insertItems(UUID typeId, List<Item> items) {
        int pos = 1;
        for (Item i : items) {
            jdbc.update("INSERT INTO data_access_item (type_id, position, name, label_zh, value_type, required, "
                    + "source_field) VALUES (?, ?, ?, ?, ?, ?, ?)", typeId, pos++, i.name(), i.labelZh(),
                    i.valueType(), i.required(), i.sourceField());
        }
    }

    private static final String SELECT = "SELECT t.*, (SELECT count(*) FROM theme_store_feed f WHERE "
            + "f.access_type_id = t.id) + (SELECT count(*) FROM face_data_feed d WHERE d.source_type = t.code) AS feeds "
            + "FROM data_access_type t ";

    private AccessType row(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Item> items = jdbc.query("SELECT * FROM data_access_item WHERE type_id = ? ORDER BY position",
                (r, i) -> new Item(r.getString("name"), r.getString("label_zh"), r.getString("value_type"),
                        r.getBoolean("required"), r.getString("source_field")), id);
        return new AccessType(id, rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("category"), rs.getString("source"), rs.getBoolean("enabled"), rs.getBoolean("builtin"),
                items, rs.getInt("feeds"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("updated_by"), rs.getTimestamp("updated_at") == null ? null
                        : rs.getTimestamp("updated_at").toInstant());
    }

    /** The mapped row of an external record: its fields by name, the photo as present or not. */
    public static Map<String, Object> externalRow(String externalId, String personCode, String name, String idNo,
            byte[] photo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("externalId", externalId);
        m.put("personCode", personCode);
        m.put("name", name);
        m.put("idNo", idNo);
        m.put("photo", photo == null || photo.length == 0 ? null : photo);
        return m;
    }
}
