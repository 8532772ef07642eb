package cn.hnsw.passenger.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Settings officers edit as data (校验设置, 三方协议文本, 明细显示设置): one JSON document per key, every version
 * kept, the newest in force.
 */
@Component
public class SettingStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public SettingStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public record Versioned<T>(int version, T content, String updatedBy, Instant updatedAt) {
    }

    public <T> Optional<Versioned<T>> current(String key, Class<T> type) {
        List<Versioned<T>> rows = jdbc.query("""
                SELECT version, content, updated_by, updated_at FROM passenger_setting
                WHERE key = ? ORDER BY version DESC LIMIT 1""", (rs, i) -> new Versioned<>(rs.getInt(1),
                read(rs.getString(2), type), rs.getString(3), rs.getTimestamp(4).toInstant()), key);
        return rows.stream().findFirst();
    }

    /** Stores a new version; the caller's transaction keeps it atomic with its audit row. */
    public int save(String key, Object content, String updatedBy) {
        Integer next = jdbc.queryForObject("SELECT coalesce(max(version), 0) + 1 FROM passenger_setting WHERE key = ?",
                Integer.class, key);
        try {
            jdbc.update("INSERT INTO passenger_setting (key, version, content, updated_by, updated_at) "
                            + "VALUES (?, ?, ?::jsonb, ?, ?)", key, next, json.writeValueAsString(content), updatedBy,
                    Timestamp.from(clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("setting " + key + " is not serializable", e);
        }
        return next;
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored setting does not read as " + type.getSimpleName(), e);
        }
    }
}
