package cn.hnsw.video.watchlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 布控数据项: the items each target of a face-image or face-base task carries. */
@Repository
public class WatchlistFieldRepository {

    /** One data item of a kind. */
    public record Field(UUID id, WatchlistKind kind, String code, String labelZh, String labelEn, boolean required,
            int maxLength, int position) {
    }

    private final JdbcTemplate jdbc;

    public WatchlistFieldRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Field f) {
        jdbc.update("INSERT INTO watchlist_field (id, kind, code, label_zh, label_en, required, max_length, position) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", f.id(), f.kind().name(), f.code(), f.labelZh(), f.labelEn(),
                f.required(), f.maxLength(), f.position());
    }

    public int update(Field f) {
        return jdbc.update("UPDATE watchlist_field SET label_zh = ?, label_en = ?, required = ?, max_length = ?, "
                + "position = ?, updated_at = now() WHERE id = ?", f.labelZh(), f.labelEn(), f.required(),
                f.maxLength(), f.position(), f.id());
    }

    public int delete(UUID id) {
        return jdbc.update("DELETE FROM watchlist_field WHERE id = ?", id);
    }

    public Optional<Field> find(UUID id) {
        return jdbc.query("SELECT * FROM watchlist_field WHERE id = ?", this::map, id).stream().findFirst();
    }

    public boolean codeTaken(WatchlistKind kind, String code) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM watchlist_field WHERE kind = ? AND code = ?",
                Integer.class, kind.name(), code);
        return n != null && n > 0;
    }

    public List<Field> list(WatchlistKind kind) {
        return jdbc.query("SELECT * FROM watchlist_field WHERE (?::text IS NULL OR kind = ?) ORDER BY kind, position, "
                + "code", this::map, kind == null ? null : kind.name(), kind == null ? null : kind.name());
    }

    private Field map(ResultSet rs, int row) throws SQLException {
        return new Field(rs.getObject("id", UUID.class), WatchlistKind.valueOf(rs.getString("kind")),
                rs.getString("code"), rs.getString("label_zh"), rs.getString("label_en"), rs.getBoolean("required"),
                rs.getInt("max_length"), rs.getInt("position"));
    }
}
