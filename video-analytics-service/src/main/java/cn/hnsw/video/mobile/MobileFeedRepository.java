package cn.hnsw.video.mobile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** An officer's mobile feeds. */
@Repository
public class MobileFeedRepository {

    /** One feed: a channel, optionally narrowed to cameras (none: all the officer may see). */
    public record MobileFeed(UUID id, String officer, MobileChannel channel, String name, List<UUID> cameraIds,
            boolean enabled, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    public MobileFeedRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MobileFeed f) {
        jdbc.update("INSERT INTO mobile_feed (id, officer, channel, name, camera_ids, enabled) VALUES (?, ?, ?, ?, ?, ?)",
                f.id(), f.officer(), f.channel().name(), f.name(), f.cameraIds().toArray(UUID[]::new), f.enabled());
    }

    public int update(UUID id, String officer, String name, List<UUID> cameraIds, boolean enabled) {
        return jdbc.update("UPDATE mobile_feed SET name = ?, camera_ids = ?, enabled = ?, updated_at = now() WHERE id = ? "
                + "AND officer = ?", name, cameraIds.toArray(UUID[]::new), enabled, id, officer);
    }

    public int delete(UUID id, String officer) {
        return jdbc.update("DELETE FROM mobile_feed WHERE id = ? AND officer = ?", id, officer);
    }

    /** The officer's own feed, or nothing (another officer's feed is not theirs to see). */
    public Optional<MobileFeed> find(UUID id, String officer) {
        return jdbc.query("SELECT * FROM mobile_feed WHERE id = ? AND officer = ?", this::row, id, officer).stream()
                .findFirst();
    }

    public List<MobileFeed> feeds(String officer, MobileChannel channel) {
        return jdbc.query("SELECT * FROM mobile_feed WHERE officer = ? AND (?::varchar IS NULL OR channel = ?) ORDER BY "
                + "created_at, id", this::row, officer, channel == null ? null : channel.name(),
                channel == null ? null : channel.name());
    }

    private MobileFeed row(ResultSet rs, int i) throws SQLException {
        return new MobileFeed(rs.getObject("id", UUID.class), rs.getString("officer"),
                MobileChannel.valueOf(rs.getString("channel")), rs.getString("name"),
                Arrays.asList((UUID[]) rs.getArray("camera_ids").getArray()), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
