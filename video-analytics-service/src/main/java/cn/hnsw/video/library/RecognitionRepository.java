package cn.hnsw.video.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 识别接入数据源 (1:1, 1:N, N:M) and the 1:1 / 1:N runs made through them. */
@Repository
public class RecognitionRepository {

    /** What a source serves. */
    public enum Kind { VERIFICATION, IDENTIFICATION, CROSS_RETRIEVAL }

    /** An officer's conclusion on a run. */
    public enum Conclusion { PENDING, CONFIRMED, REJECTED }

    /** One configured data source. */
    public record Source(UUID id, Kind kind, String name, FeatureLibraryType library, String model, double threshold,
            int topK, boolean enabled, String createdBy, Instant updatedAt) {
    }

    /** One recorded run with its result (JSON) and the officer's conclusion. */
    public record Check(UUID id, Kind kind, UUID sourceId, String sourceName, String subject, boolean matched,
            Double bestDistance, String bestLabel, String result, Conclusion conclusion, String note,
            String requestedBy, String organization, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    public RecognitionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Source s) {
        jdbc.update("INSERT INTO recognition_source (id, kind, name, library, model, threshold, top_k, enabled, "
                + "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.kind().name(), s.name(),
                s.library() == null ? null : s.library().name(), s.model(), s.threshold(), s.topK(), s.enabled(),
                s.createdBy());
    }

    public int update(UUID id, String name, FeatureLibraryType library, String model, double threshold, int topK,
            boolean enabled) {
        return jdbc.update("UPDATE recognition_source SET name = ?, library = ?, model = ?, threshold = ?, top_k = ?, "
                + "enabled = ?, updated_at = now() WHERE id = ?", name, library == null ? null : library.name(), model,
                threshold, topK, enabled, id);
    }

    public int deleteSource(UUID id) {
        return jdbc.update("DELETE FROM recognition_source WHERE id = ?", id);
    }

    public boolean nameTaken(Kind kind, String name, UUID except) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM recognition_source WHERE kind = ? AND name = ? "
                + "AND (?::uuid IS NULL OR id <> ?::uuid)", Integer.class, kind.name(), name, except, except);
        return n != null && n > 0;
    }

    public Optional<Source> source(UUID id) {
        return jdbc.query("SELECT * FROM recognition_source WHERE id = ?", this::mapSource, id).stream().findFirst();
    }

    public List<Source> sources(Kind kind) {
        return jdbc.query("SELECT * FROM recognition_source WHERE (?::text IS NULL OR kind = ?) ORDER BY kind, name",
                this::mapSource, kind == null ? null : kind.name(), kind == null ? null : kind.name());
    }

    public void insert(Check c) {
        jdbc.update("INSERT INTO recognition_check (id, kind, source_id, source_name, subject, matched, best_distance, "
                + "best_label, result, requested_by, organization) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                c.id(), c.kind().name(), c.sourceId(), c.sourceName(), c.subject(), c.matched(), c.bestDistance(),
                c.bestLabel(), c.result(), c.requestedBy(), c.organization());
    }

    public Optional<Check> check(UUID id) {
        return jdbc.query("SELECT * FROM recognition_check WHERE id = ?", this::mapCheck, id).stream().findFirst();
    }

    public int conclude(UUID id, Conclusion conclusion, String note) {
        return jdbc.update("UPDATE recognition_check SET conclusion = ?, note = ?, updated_at = now() WHERE id = ?",
                conclusion.name(), note, id);
    }

    public int deleteCheck(UUID id) {
        return jdbc.update("DELETE FROM recognition_check WHERE id = ?", id);
    }

    /** Query of runs: by kind, source, match, conclusion and period; {@code requestedBy} limits to one officer's. */
    public record CheckQuery(Kind kind, UUID sourceId, Boolean matched, Conclusion conclusion, Instant from, Instant to,
            String requestedBy) {
    }

    public List<Check> checks(CheckQuery q, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT * FROM recognition_check" + where + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                this::mapCheck, args.toArray());
    }

    public long count(CheckQuery q) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("SELECT count(*) FROM recognition_check" + where(q, args), Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(CheckQuery q, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE true");
        if (q.kind() != null) {
            w.append(" AND kind = ?");
            args.add(q.kind().name());
        }
        if (q.sourceId() != null) {
            w.append(" AND source_id = ?");
            args.add(q.sourceId());
        }
        if (q.matched() != null) {
            w.append(" AND matched = ?");
            args.add(q.matched());
        }
        if (q.conclusion() != null) {
            w.append(" AND conclusion = ?");
            args.add(q.conclusion().name());
        }
        if (q.from() != null) {
            w.append(" AND created_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            w.append(" AND created_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (q.requestedBy() != null) {
            w.append(" AND requested_by = ?");
            args.add(q.requestedBy());
        }
        return w.toString();
    }

    private Source mapSource(ResultSet rs, int row) throws SQLException {
        String library = rs.getString("library");
        return new Source(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                library == null ? null : FeatureLibraryType.valueOf(library), rs.getString("model"),
                rs.getDouble("threshold"), rs.getInt("top_k"), rs.getBoolean("enabled"), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private Check mapCheck(ResultSet rs, int row) throws SQLException {
        double best = rs.getDouble("best_distance");
        Double bestDistance = rs.wasNull() ? null : best;
        return new Check(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
                rs.getObject("source_id", UUID.class), rs.getString("source_name"), rs.getString("subject"),
                rs.getBoolean("matched"), bestDistance, rs.getString("best_label"),
                rs.getString("result"), Conclusion.valueOf(rs.getString("conclusion")), rs.getString("note"),
                rs.getString("requested_by"), rs.getString("organization"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
