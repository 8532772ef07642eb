package cn.hnsw.video.intake;

import cn.hnsw.video.intake.IntakeRules.Rule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Intake rules, collected batches with their rejections, and cascade links. */
@Repository
public class FaceIntakeRepository {

    /** A stored rule: {@code sourceCode} null applies to every source. */
    public record StoredRule(UUID id, String stage, String name, String sourceCode, String operation, String field,
            String parameter, int ordinal, boolean enabled, String createdBy, Instant createdAt, String updatedBy,
            Instant updatedAt) {
        Rule rule() {
            return new Rule(stage, name, operation, field, parameter);
        }
    }

    /** One collected batch with its counts. */
    public record Batch(UUID id, String channel, String sourceCode, int received, int accepted, int rejected,
            int faces, String createdBy, Instant createdAt) {
    }

    /** One rejected record of a batch: its position in the batch, its reference, the rule and the reason. */
    public record Rejection(int position, String recordRef, String rejectedBy, String reason) {
    }

    /** A cascade link to a subordinate platform: the last sequence pulled from it. */
    public record CascadeLink(UUID id, String code, String name, String partnerId, int pageSize, long lastSeq,
            boolean enabled, Instant lastPulledAt, String createdBy, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    public FaceIntakeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertRule(StoredRule r) {
        jdbc.update("INSERT INTO face_intake_rule (id, stage, name, source_code, operation, field, parameter, ordinal, "
                + "enabled, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.stage(),
                r.name(), r.sourceCode(), r.operation(), r.field(), r.parameter(), r.ordinal(), r.enabled(),
                r.createdBy(), Timestamp.from(r.createdAt()));
    }

    public int updateRule(StoredRule r) {
        return jdbc.update("UPDATE face_intake_rule SET name = ?, source_code = ?, operation = ?, field = ?, "
                + "parameter = ?, ordinal = ?, enabled = ?, updated_by = ?, updated_at = ? WHERE id = ?", r.name(),
                r.sourceCode(), r.operation(), r.field(), r.parameter(), r.ordinal(), r.enabled(), r.updatedBy(),
                Timestamp.from(r.updatedAt()), r.id());
    }

    public int deleteRule(UUID id) {
        return jdbc.update("DELETE FROM face_intake_rule WHERE id = ?", id);
    }

    public Optional<StoredRule> rule(UUID id) {
        return jdbc.query("SELECT * FROM face_intake_rule WHERE id = ?", FaceIntakeRepository::rule, id).stream()
                .findFirst();
    }

    public List<StoredRule> rules(String stage) {
        return jdbc.query("SELECT * FROM face_intake_rule WHERE (?::text IS NULL OR stage = ?) "
                + "ORDER BY stage, ordinal, created_at", FaceIntakeRepository::rule, stage, stage);
    }

    /** The enabled rules that apply to a source (its own and the general ones), in order. */
    public List<Rule> activeRules(String sourceCode) {
        return jdbc.query("SELECT * FROM face_intake_rule WHERE enabled AND (source_code IS NULL OR source_code = ?) "
                + "ORDER BY ordinal, created_at", FaceIntakeRepository::rule, sourceCode).stream()
                .map(StoredRule::rule).toList();
    }

    public Optional<UUID> cameraByDeviceCode(String deviceCode) {
        return jdbc.queryForList("SELECT id FROM camera WHERE device_code = ?", UUID.class, deviceCode).stream()
                .findFirst();
    }

    public void insertBatch(Batch b, List<Rejection> rejections) {
        jdbc.update("INSERT INTO face_intake_batch (id, channel, source_code, received, accepted, rejected, faces, "
                + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", b.id(), b.channel(), b.sourceCode(),
                b.received(), b.accepted(), b.rejected(), b.faces(), b.createdBy(), Timestamp.from(b.createdAt()));
        for (Rejection r : rejections) {
            jdbc.update("INSERT INTO face_intake_rejection (id, batch_id, position, record_ref, rejected_by, reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), b.id(), r.position(), r.recordRef(),
                    r.rejectedBy(), r.reason());
        }
    }

    public List<Batch> batches(String sourceCode, int limit) {
        return jdbc.query("SELECT * FROM face_intake_batch WHERE (?::text IS NULL OR source_code = ?) "
                + "ORDER BY created_at DESC LIMIT ?", FaceIntakeRepository::batch, sourceCode, sourceCode, limit);
    }

    public Optional<Batch> batch(UUID id) {
        return jdbc.query("SELECT * FROM face_intake_batch WHERE id = ?", FaceIntakeRepository::batch, id).stream()
                .findFirst();
    }

    public List<Rejection> rejections(UUID batchId) {
        return jdbc.query("SELECT * FROM face_intake_rejection WHERE batch_id = ? ORDER BY position",
                (rs, i) -> new Rejection(rs.getInt("position"), rs.getString("record_ref"),
                        rs.getString("rejected_by"), rs.getString("reason")), batchId);
    }

    public boolean linkCodeTaken(String code) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM face_cascade_link WHERE code = ?", Integer.class, code);
        return n != null && n > 0;
    }

    public void insertLink(CascadeLink l) {
        jdbc.update("INSERT INTO face_cascade_link (id, code, name, partner_id, page_size, last_seq, enabled, "
                + "created_by, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)", l.id(), l.code(), l.name(),
                l.partnerId(), l.pageSize(), l.enabled(), l.createdBy(), Timestamp.from(l.createdAt()));
    }

    public int updateLink(UUID id, String name, String partnerId, int pageSize, boolean enabled) {
        return jdbc.update("UPDATE face_cascade_link SET name = ?, partner_id = ?, page_size = ?, enabled = ? "
                + "WHERE id = ?", name, partnerId, pageSize, enabled, id);
    }

    public int deleteLink(UUID id) {
        return jdbc.update("DELETE FROM face_cascade_link WHERE id = ?", id);
    }

    public void advance(UUID id, long lastSeq, Instant at) {
        jdbc.update("UPDATE face_cascade_link SET last_seq = GREATEST(last_seq, ?), last_pulled_at = ? WHERE id = ?",
                lastSeq, Timestamp.from(at), id);
    }

    public Optional<CascadeLink> link(UUID id) {
        return jdbc.query("SELECT * FROM face_cascade_link WHERE id = ?", FaceIntakeRepository::link, id).stream()
                .findFirst();
    }

    public List<CascadeLink> links() {
        return jdbc.query("SELECT * FROM face_cascade_link ORDER BY code", FaceIntakeRepository::link);
    }

    private static StoredRule rule(ResultSet rs, int i) throws SQLException {
        return new StoredRule(rs.getObject("id", UUID.class), rs.getString("stage"), rs.getString("name"),
                rs.getString("source_code"), rs.getString("operation"), rs.getString("field"),
                rs.getString("parameter"), rs.getInt("ordinal"), rs.getBoolean("enabled"), rs.getString("created_by"),
                instant(rs, "created_at"), rs.getString("updated_by"), instant(rs, "updated_at"));
    }

    private static Batch batch(ResultSet rs, int i) throws SQLException {
        return new Batch(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("source_code"),
                rs.getInt("received"), rs.getInt("accepted"), rs.getInt("rejected"), rs.getInt("faces"),
                rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static CascadeLink link(ResultSet rs, int i) throws SQLException {
        return new CascadeLink(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("partner_id"), rs.getInt("page_size"), rs.getLong("last_seq"), rs.getBoolean("enabled"),
                instant(rs, "last_pulled_at"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
