package cn.hnsw.passenger.guide;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.common.web.HnswException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 相关指引: list, detail, add, modify, delete, link to categories, attachments in object storage. */
@Service
public class GuideService {

    static final String BUCKET = "passenger-guides";
    static final long MAX_ATTACHMENT = 10L * 1024 * 1024;
    static final Map<String, Set<String>> ACCEPTED = Map.of(
            "application/pdf", Set.of(".pdf"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of(".docx"),
            "image/png", Set.of(".png"),
            "image/jpeg", Set.of(".jpg", ".jpeg"));
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ObjectProvider<ObjectStorage> storage;
    private final Clock clock;

    public GuideService(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<ObjectStorage> storage, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.storage = storage;
        this.clock = clock;
    }

    /** Travelers see published guides; editors see drafts too. Filter by category (关联) and a word in the title. */
    public List<Guide> list(boolean editor, String category, String keyword) {
        StringBuilder sql = new StringBuilder("SELECT * FROM guide WHERE true");
        List<Object> args = new ArrayList<>();
        if (!editor) {
            sql.append(" AND published");
        }
        if (category != null && !category.isBlank()) {
            sql.append(" AND categories @> ?::jsonb");
            args.add(write(List.of(category)));
        }
        if (keyword != null && !keyword.isBlank()) {
            sql.append(" AND (title_zh ILIKE ? OR title_en ILIKE ?)");
            String like = "%" + keyword.replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        sql.append(" ORDER BY updated_at DESC LIMIT 200");
        return jdbc.query(sql.toString(), (rs, i) -> map(rs, List.of()), args.toArray());
    }

    public Guide get(UUID id, boolean editor) {
        Guide g = jdbc.query("SELECT * FROM guide WHERE id = ?", (rs, i) -> map(rs, attachments(id)), id).stream()
                .findFirst().orElseThrow(() -> new HnswException(GuideErrorCode.GUIDE_NOT_FOUND));
        if (!editor && !g.published()) {
            throw new HnswException(GuideErrorCode.GUIDE_NOT_FOUND);
        }
        return g;
    }

    @Transactional
    public Guide create(GuideRequest r, CurrentActor editor) {
        refuseIfInvalid(r.violations());
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO guide (id, title_zh, title_en, body_zh, body_en, categories, published, created_by,
                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""", id, r.titleZh(),
                r.titleEn(), r.bodyZh(), r.bodyEn(), write(r.categories() == null ? List.of() : r.categories()),
                Boolean.TRUE.equals(r.published()), editor.username(), now, now);
        return get(id, true);
    }

    @Transactional
    public Guide update(UUID id, GuideRequest r) {
        refuseIfInvalid(r.violations());
        int n = jdbc.update("""
                UPDATE guide SET title_zh = ?, title_en = ?, body_zh = ?, body_en = ?, categories = ?::jsonb,
                    published = ?, updated_at = ? WHERE id = ?""", r.titleZh(), r.titleEn(), r.bodyZh(), r.bodyEn(),
                write(r.categories() == null ? List.of() : r.categories()), Boolean.TRUE.equals(r.published()),
                Timestamp.from(clock.instant()), id);
        if (n == 0) {
            throw new HnswException(GuideErrorCode.GUIDE_NOT_FOUND);
        }
        return get(id, true);
    }

    @Transactional
    public void delete(UUID id) {
        List<String> keys = jdbc.queryForList("SELECT object_key FROM guide_attachment WHERE guide_id = ?", String.class, id);
        if (jdbc.update("DELETE FROM guide WHERE id = ?", id) == 0) {
            throw new HnswException(GuideErrorCode.GUIDE_NOT_FOUND);
        }
        ObjectStorage store = storage.getIfAvailable();
        if (store != null) {
            keys.forEach(k -> store.delete(BUCKET, k));
        }
    }

    /** Links a guide to the article categories it concerns (关联), replacing the earlier links. */
    @Transactional
    public Guide link(UUID id, List<String> categories) {
        Guide g = get(id, true);
        return update(id, new GuideRequest(g.titleZh(), g.titleEn(), g.bodyZh(), g.bodyEn(), categories, g.published()));
    }

    @Transactional
    public Guide.Attachment attach(UUID guideId, String fileName, String contentType, byte[] content) {
        get(guideId, true);
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\r\\n\"]", "_");
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        Set<String> extensions = ACCEPTED.get(contentType);
        if (name.isBlank() || name.length() > 200) {
            throw new HnswException(GuideErrorCode.ATTACHMENT_INVALID, "file name");
        }
        if (extensions == null || extensions.stream().noneMatch(lower::endsWith)) {
            throw new HnswException(GuideErrorCode.ATTACHMENT_INVALID, "type " + contentType + " / " + name);
        }
        if (content.length == 0 || content.length > MAX_ATTACHMENT) {
            throw new HnswException(GuideErrorCode.ATTACHMENT_INVALID, "size must be 1 byte to 10 MB");
        }
        if ("application/pdf".equals(contentType) && !startsWith(content, "%PDF-")) {
            throw new HnswException(GuideErrorCode.ATTACHMENT_INVALID, "not a PDF");
        }
        ObjectStorage store = storage.getIfAvailable();
        if (store == null) {
            throw new HnswException(GuideErrorCode.STORAGE_UNAVAILABLE);
        }
        UUID id = UUID.randomUUID();
        String key = guideId + "/" + id;
        store.put(BUCKET, key, content, contentType);
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO guide_attachment (id, guide_id, file_name, content_type, size_bytes, object_key, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, guideId, name, contentType, content.length, key, Timestamp.from(now));
        return new Guide.Attachment(id, name, contentType, content.length, now);
    }

    public record Download(String fileName, String contentType, byte[] content) {
    }

    public Download download(UUID guideId, UUID attachmentId, boolean editor) {
        get(guideId, editor);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT file_name, content_type, object_key FROM guide_attachment WHERE id = ? AND guide_id = ?",
                attachmentId, guideId);
        if (rows.isEmpty()) {
            throw new HnswException(GuideErrorCode.ATTACHMENT_NOT_FOUND);
        }
        ObjectStorage store = storage.getIfAvailable();
        if (store == null) {
            throw new HnswException(GuideErrorCode.STORAGE_UNAVAILABLE);
        }
        Map<String, Object> r = rows.get(0);
        return new Download((String) r.get("file_name"), (String) r.get("content_type"),
                store.get(BUCKET, (String) r.get("object_key")));
    }

    @Transactional
    public void detach(UUID guideId, UUID attachmentId) {
        List<String> keys = jdbc.queryForList("SELECT object_key FROM guide_attachment WHERE id = ? AND guide_id = ?",
                String.class, attachmentId, guideId);
        if (keys.isEmpty()) {
            throw new HnswException(GuideErrorCode.ATTACHMENT_NOT_FOUND);
        }
        jdbc.update("DELETE FROM guide_attachment WHERE id = ?", attachmentId);
        ObjectStorage store = storage.getIfAvailable();
        if (store != null) {
            store.delete(BUCKET, keys.get(0));
        }
    }

    private List<Guide.Attachment> attachments(UUID guideId) {
        return jdbc.query("SELECT * FROM guide_attachment WHERE guide_id = ? ORDER BY uploaded_at", (rs, i) ->
                new Guide.Attachment(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getTimestamp("uploaded_at").toInstant()), guideId);
    }

    private Guide map(ResultSet rs, List<Guide.Attachment> attachments) throws SQLException {
        try {
            return new Guide(rs.getObject("id", UUID.class), rs.getString("title_zh"), rs.getString("title_en"),
                    rs.getString("body_zh"), rs.getString("body_en"), json.readValue(rs.getString("categories"), STRINGS),
                    rs.getBoolean("published"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant(), attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] content, String prefix) {
        byte[] p = prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (content.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (content[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static void refuseIfInvalid(List<FieldViolation> v) {
        if (!v.isEmpty()) {
            throw new HnswException(GuideErrorCode.GUIDE_INVALID, v, null);
        }
    }
}
