package cn.hnsw.video.themes;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重点人员类型管理 (FP 201) and 作业主题库类型管理 (FP 225): the categories under which persons of interest are bound in
 * the key-person library ({@code KEY_PERSON}) and the categories of theme stores ({@code THEME_STORE}) are rows.
 * Administrators add, rename and delete them; a built-in type, or a type a person, a feed or a store still names,
 * is not deleted (409). {@link #require} is how the library and the theme stores check the type they are given.
 */
@Service
public class VideoTypeService {

    public static final String KEY_PERSON = "KEY_PERSON";
    public static final String THEME_STORE = "THEME_STORE";

    public record VideoType(String kind, String code, String nameZh, String nameEn, String description,
            boolean builtin, int uses, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
    }

    private static final Map<String, String> USES = Map.of(
            KEY_PERSON, "(SELECT count(*) FROM person_of_interest p WHERE p.category = t.code) "
                    + "+ (SELECT count(*) FROM face_data_feed f WHERE f.poi_category = t.code)",
            THEME_STORE, "(SELECT count(*) FROM theme_store s WHERE s.category = t.code)");

    private final JdbcTemplate jdbc;

    public VideoTypeService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String kind(String kind) {
        if (kind == null || !USES.containsKey(kind)) {
            throw new HnswException(VideoTypeErrorCode.VIDEO_TYPE_KIND_INVALID, kind);
        }
        return kind;
    }

    private String select(String kind) {
        return "SELECT t.*, (" + USES.get(kind) + ") AS uses FROM video_type t ";
    }

    private static VideoType row(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp u = rs.getTimestamp("updated_at");
        return new VideoType(rs.getString("kind"), rs.getString("code"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("description"), rs.getBoolean("builtin"), rs.getInt("uses"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
                u == null ? null : u.toInstant());
    }

    public List<VideoType> list(String kind) {
        String k = kind(kind);
        return jdbc.query(select(k) + "WHERE t.kind = ? ORDER BY t.builtin DESC, t.code", (rs, i) -> row(rs), k);
    }

    public VideoType get(String kind, String code) {
        String k = kind(kind);
        List<VideoType> found = jdbc.query(select(k) + "WHERE t.kind = ? AND t.code = ?", (rs, i) -> row(rs), k,
                code);
        if (found.isEmpty()) {
            throw new HnswException(VideoTypeErrorCode.VIDEO_TYPE_NOT_FOUND, kind + "/" + code);
        }
        return found.get(0);
    }

    public boolean exists(String kind, String code) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM video_type WHERE kind = ? AND code = ?", Integer.class,
                kind(kind), code);
        return n != null && n > 0;
    }

    /** The type a person of interest, a key-person feed or a theme store names must exist: 400 otherwise. */
    public void require(String kind, String code) {
        if (!exists(kind, code)) {
            throw new HnswException(VideoTypeErrorCode.VIDEO_TYPE_UNKNOWN,
                    KEY_PERSON.equals(kind) ? "重点人员类型 / key-person type" : "主题库类型 / theme store type", code);
        }
    }

    @Transactional
    public VideoType create(String kind, String code, String nameZh, String nameEn, String description) {
        String k = kind(kind);
        String c = code == null ? "" : code.trim();
        // a theme store type is an upper-case identifier (stores keep it); a key-person type any short word
        boolean fits = THEME_STORE.equals(k) ? c.matches("[A-Z][A-Z0-9_]{1,63}")
                : !c.isEmpty() && c.length() <= 64 && !c.matches(".*[\\s/;%?#\\\\].*");
        if (!fits) {
            throw new HnswException(VideoTypeErrorCode.VIDEO_TYPE_CODE_INVALID, code);
        }
        int added = jdbc.update("INSERT INTO video_type (kind, code, name_zh, name_en, description, created_by) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", k, c, nameZh.trim(), blank(nameEn),
                blank(description), Actors.current().username());
        if (added == 0) {
            throw new HnswException(VideoTypeErrorCode.VIDEO_TYPE_CODE_TAKEN, c);
        }
        return get(k, c);
    }

    /** 修改: names and description; the code stays (persons and stores name their type by it). */
    @Transactional
    public VideoType update(String kind, String code, String nameZh, String nameEn, String description) {
        String k = kind(kind);
        int changed = jdbc.update("UPDATE video_type SET name_zh = ?, name_en = ?, description = ?, updated_by = ?, "
                + "updated_at = now() WHERE kind = ? AND code = ?", nameZh.trim(), blank(nameEn), blank(description),
                Actors.current().username(), k, code);
        if (changed == 0) {
            throw new HnswException(VideoTypeErrorCode.VIDEO_TYPE_NOT_FOUND, kind + "/" + code);
        }
        return get(k, code);
    }

    @Transactional
    public void delete(String kind, String code) {
        VideoType t = get(kind, code);
        if (t.builtin()) {
            throw new HnswException(VideoTypeErrorCode.VIDEO_TYPE_BUILTIN, code);
        }
        if (t.uses() > 0) {
            throw new HnswException(VideoTypeErrorCode.VIDEO_TYPE_IN_USE, code, t.uses());
        }
        // deleted only while still unused: a person, feed or store that named it meanwhile keeps it
        if (jdbc.update("DELETE FROM video_type t WHERE kind = ? AND code = ? AND (" + USES.get(t.kind()) + ") = 0",
                t.kind(), code) == 0) {
            throw new HnswException(VideoTypeErrorCode.VIDEO_TYPE_IN_USE, code, get(t.kind(), code).uses());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
