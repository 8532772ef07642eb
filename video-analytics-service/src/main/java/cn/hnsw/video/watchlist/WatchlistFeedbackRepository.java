package cn.hnsw.video.watchlist;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 布控反馈服务 (face-image and face-base control): where a hit is fed back besides the task's officers. */
@Repository
public class WatchlistFeedbackRepository {

    /** One feedback service: the recipients a hit of its kind is also fed back to, while enabled. */
    public record FeedbackService(UUID id, WatchlistKind kind, String name, List<String> recipients, boolean enabled,
            String createdBy) {
    }

    private final JdbcTemplate jdbc;

    public WatchlistFeedbackRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(FeedbackService s) {
        jdbc.update("INSERT INTO watchlist_feedback_service (id, kind, name, recipients, enabled, created_by) "
                + "VALUES (?, ?, ?, ?, ?, ?)", s.id(), s.kind().name(), s.name(), s.recipients().toArray(String[]::new),
                s.enabled(), s.createdBy());
    }

    public int update(UUID id, String name, List<String> recipients, boolean enabled) {
        return jdbc.update("UPDATE watchlist_feedback_service SET name = ?, recipients = ?, enabled = ?, "
                + "updated_at = now() WHERE id = ?", name, recipients.toArray(String[]::new), enabled, id);
    }

    public int delete(UUID id) {
        return jdbc.update("DELETE FROM watchlist_feedback_service WHERE id = ?", id);
    }

    public Optional<FeedbackService> find(UUID id) {
        return jdbc.query("SELECT * FROM watchlist_feedback_service WHERE id = ?", this::map, id).stream().findFirst();
    }

    public List<FeedbackService> list(WatchlistKind kind) {
        if (kind == null) {
            return jdbc.query("SELECT * FROM watchlist_feedback_service ORDER BY kind, name", this::map);
        }
        return jdbc.query("SELECT * FROM watchlist_feedback_service WHERE kind = ? ORDER BY name", this::map,
                kind.name());
    }

    /** The task's officers followed by the recipients of the enabled feedback services of its kind, each once. */
    public List<String> recipients(WatchlistKind kind, List<String> officers) {
        Set<String> all = new LinkedHashSet<>(officers);
        if (kind == WatchlistKind.FACE_IMAGE || kind == WatchlistKind.FACE_BASE) {
            for (FeedbackService s : list(kind)) {
                if (s.enabled()) {
                    all.addAll(s.recipients());
                }
            }
        }
        return List.copyOf(all);
    }

    private FeedbackService map(ResultSet rs, int row) throws SQLException {
        Array a = rs.getArray("recipients");
        return new FeedbackService(rs.getObject("id", UUID.class), WatchlistKind.valueOf(rs.getString("kind")),
                rs.getString("name"), Arrays.asList((String[]) a.getArray()), rs.getBoolean("enabled"),
                rs.getString("created_by"));
    }
}
