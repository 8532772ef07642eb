package cn.hnsw.video.behavior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Per-camera behaviour rules (region and thresholds) kept as data. */
@Repository
public class BehaviorRuleRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    public BehaviorRuleRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The camera's rules, or the defaults when it has none. */
    public BehaviorRules forCamera(UUID cameraId) {
        if (cameraId == null) {
            return BehaviorRules.defaults();
        }
        List<String> rows = jdbc.queryForList("SELECT params::text FROM behavior_rule WHERE camera_id = ? AND enabled "
                + "ORDER BY created_at DESC LIMIT 1", String.class, cameraId);
        if (rows.isEmpty()) {
            return BehaviorRules.defaults();
        }
        try {
            return JSON.readValue(rows.get(0), BehaviorRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable behaviour rule of camera " + cameraId, e);
        }
    }

    public void save(UUID cameraId, BehaviorRules rules) {
        try {
            jdbc.update("DELETE FROM behavior_rule WHERE camera_id = ?", cameraId);
            Float[] region = new Float[4];
            for (int i = 0; i < 4; i++) {
                region[i] = (float) rules.region()[i];
            }
            jdbc.update("INSERT INTO behavior_rule (id, camera_id, behavior, region, params) VALUES (?, ?, 'ALL', ?, ?::jsonb)",
                    UUID.randomUUID(), cameraId, region, JSON.writeValueAsString(rules));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
