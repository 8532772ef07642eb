package cn.hnsw.video.riskmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Risk models, their data feeds, their external services and the evaluations those served. */
@Repository
public class RiskModelRepository {

    /** 风险模型: thresholds of a score over a time window. */
    public record RiskModel(UUID id, String code, String name, String description, int windowMinutes,
            double mediumScore, double highScore, boolean enabled, String createdBy, Instant createdAt,
            Instant updatedAt) {
    }

    /** 风险模型接入数据源: findings of an analysis kind (and code) with their weight. */
    public record ModelFeed(UUID id, UUID modelId, String kind, String code, double weight) {
    }

    /** 风险模型对外服务: a model offered to a consuming system. */
    public record ModelService(UUID id, UUID modelId, String name, String consumer, boolean enabled, String createdBy,
            Instant createdAt, Instant updatedAt) {
    }

    /** One evaluation a service answered. */
    public record Evaluation(UUID id, UUID serviceId, UUID modelId, UUID cameraId, Instant windowFrom, Instant windowTo,
            double score, String level, String contributions, String evaluatedBy, Instant evaluatedAt) {
    }

    private final JdbcTemplate jdbc;

    public RiskModelRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean codeTaken(String code) {
        return jdbc.queryForObject("SELECT count(*) FROM risk_model WHERE code = ?", Integer.class, code) > 0;
    }

    public void insert(RiskModel m) {
        jdbc.update("INSERT INTO risk_model (id, code, name, description, window_minutes, medium_score, high_score, enabled, "
                + "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", m.id(), m.code(), m.name(), m.description(),
                m.windowMinutes(), m.mediumScore(), m.highScore(), m.enabled(), m.createdBy());
    }

    public void update(UUID id, String name, String description, int windowMinutes, double medium, double high,
            boolean enabled) {
        jdbc.update("UPDATE risk_model SET name = ?, description = ?, window_minutes = ?, medium_score = ?, high_score = ?, "
                + "enabled = ?, updated_at = now() WHERE id = ?", name, description, windowMinutes, medium, high, enabled, id);
    }

    public Optional<RiskModel> model(UUID id) {
        return jdbc.query("SELECT * FROM risk_model WHERE id = ?", this::modelRow, id).stream().findFirst();
    }

    public List<RiskModel> models() {
        return jdbc.query("SELECT * FROM risk_model ORDER BY created_at, id", this::modelRow);
    }

    public boolean deleteUnused(UUID id) {
        return jdbc.update("DELETE FROM risk_model m WHERE id = ? AND NOT EXISTS (SELECT 1 FROM risk_model_service s "
                + "WHERE s.model_id = m.id)", id) == 1;
    }

    private RiskModel modelRow(ResultSet rs, int i) throws SQLException {
        return new RiskModel(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("description"), rs.getInt("window_minutes"), rs.getDouble("medium_score"),
                rs.getDouble("high_score"), rs.getBoolean("enabled"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    public void insertFeed(ModelFeed f) {
        jdbc.update("INSERT INTO risk_model_feed (id, model_id, kind, code, weight) VALUES (?, ?, ?, ?, ?)", f.id(),
                f.modelId(), f.kind(), f.code(), f.weight());
    }

    public int updateFeed(UUID modelId, UUID id, String code, double weight) {
        return jdbc.update("UPDATE risk_model_feed SET code = ?, weight = ? WHERE id = ? AND model_id = ?", code, weight,
                id, modelId);
    }

    public int deleteFeed(UUID modelId, UUID id) {
        return jdbc.update("DELETE FROM risk_model_feed WHERE id = ? AND model_id = ?", id, modelId);
    }

    public List<ModelFeed> feeds(UUID modelId) {
        return jdbc.query("SELECT * FROM risk_model_feed WHERE model_id = ? ORDER BY created_at, id", (rs, i) -> new ModelFeed(
                rs.getObject("id", UUID.class), rs.getObject("model_id", UUID.class), rs.getString("kind"),
                rs.getString("code"), rs.getDouble("weight")), modelId);
    }

    public void insertService(ModelService s) {
        jdbc.update("INSERT INTO risk_model_service (id, model_id, name, consumer, enabled, created_by) VALUES "
                + "(?, ?, ?, ?, ?, ?)", s.id(), s.modelId(), s.name(), s.consumer(), s.enabled(), s.createdBy());
    }

    public void updateService(UUID id, String name, String consumer, boolean enabled) {
        jdbc.update("UPDATE risk_model_service SET name = ?, consumer = ?, enabled = ?, updated_at = now() WHERE id = ?",
                name, consumer, enabled, id);
    }

    public void deleteService(UUID id) {
        jdbc.update("DELETE FROM risk_model_service WHERE id = ?", id);
    }

    public Optional<ModelService> service(UUID id) {
        return jdbc.query("SELECT * FROM risk_model_service WHERE id = ?", this::serviceRow, id).stream().findFirst();
    }

    public List<ModelService> services(UUID modelId) {
        return jdbc.query("SELECT * FROM risk_model_service WHERE (?::uuid IS NULL OR model_id = ?) ORDER BY created_at, id",
                this::serviceRow, modelId, modelId);
    }

    private ModelService serviceRow(ResultSet rs, int i) throws SQLException {
        return new ModelService(rs.getObject("id", UUID.class), rs.getObject("model_id", UUID.class),
                rs.getString("name"), rs.getString("consumer"), rs.getBoolean("enabled"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    public void insertEvaluation(Evaluation e) {
        jdbc.update("INSERT INTO risk_evaluation (id, service_id, model_id, camera_id, window_from, window_to, score, level, "
                + "contributions, evaluated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)", e.id(), e.serviceId(),
                e.modelId(), e.cameraId(), Timestamp.from(e.windowFrom()), Timestamp.from(e.windowTo()), e.score(),
                e.level(), e.contributions(), e.evaluatedBy());
    }

    public long evaluations(UUID serviceId) {
        return jdbc.queryForObject("SELECT count(*) FROM risk_evaluation WHERE service_id = ?", Long.class, serviceId);
    }
}
