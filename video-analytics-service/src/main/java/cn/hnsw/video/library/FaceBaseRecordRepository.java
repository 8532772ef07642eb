package cn.hnsw.video.library;

import cn.hnsw.common.web.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 人脸基础信息库 — the district's face store: person code (一人一码), name, ID number, photo. */
@Repository
public class FaceBaseRecordRepository {

    /** A face base record. The ID number is kept whole here and masked on every screen and log. */
    public record FaceBaseRecord(UUID id, String personCode, String name, String idNo, String source, String photoKey,
            Instant createdAt) {
    }

    /** A person of interest bound to a face base record. */
    public record PersonOfInterest(UUID id, UUID faceBaseRecordId, String category, String reason, String createdBy,
            Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    public FaceBaseRecordRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean personCodeTaken(String personCode) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM face_base_record WHERE person_code = ?", Integer.class,
                personCode);
        return n != null && n > 0;
    }

    public void insert(FaceBaseRecord r) {
        jdbc.update("INSERT INTO face_base_record (id, person_code, name, id_no, source, photo_key) VALUES (?, ?, ?, ?, ?, ?)",
                r.id(), r.personCode(), r.name(), r.idNo(), r.source(), r.photoKey());
    }

    public Optional<UUID> idByPersonCode(String personCode) {
        return jdbc.queryForList("SELECT id FROM face_base_record WHERE person_code = ?", UUID.class, personCode).stream()
                .findFirst();
    }

    public boolean isPerson(UUID faceBaseRecordId, String category) {
        return jdbc.queryForObject("SELECT count(*) FROM person_of_interest WHERE face_base_record_id = ? AND category = ?",
                Integer.class, faceBaseRecordId, category) > 0;
    }

    public Optional<FaceBaseRecord> find(UUID id) {
        return jdbc.query("SELECT * FROM face_base_record WHERE id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    public List<FaceBaseRecord> page(String q, PageQuery page) {
        String like = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        return jdbc.query("SELECT * FROM face_base_record WHERE (?::text IS NULL OR name LIKE ? OR person_code LIKE ?) "
                + "ORDER BY created_at DESC, id LIMIT ? OFFSET ?", (rs, i) -> map(rs), like, like, like, page.size(),
                page.offset());
    }

    public long count(String q) {
        String like = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        Long n = jdbc.queryForObject("SELECT count(*) FROM face_base_record WHERE (?::text IS NULL OR name LIKE ? "
                + "OR person_code LIKE ?)", Long.class, like, like, like);
        return n == null ? 0 : n;
    }

    public void insertPerson(PersonOfInterest p) {
        jdbc.update("INSERT INTO person_of_interest (id, face_base_record_id, category, reason, created_by) "
                + "VALUES (?, ?, ?, ?, ?)", p.id(), p.faceBaseRecordId(), p.category(), p.reason(), p.createdBy());
    }

    public List<PersonOfInterest> persons() {
        return jdbc.query("SELECT * FROM person_of_interest ORDER BY created_at DESC", (rs, i) ->
                new PersonOfInterest(rs.getObject("id", UUID.class), rs.getObject("face_base_record_id", UUID.class),
                        rs.getString("category"), rs.getString("reason"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()));
    }

    private static FaceBaseRecord map(ResultSet rs) throws SQLException {
        return new FaceBaseRecord(rs.getObject("id", UUID.class), rs.getString("person_code"), rs.getString("name"),
                rs.getString("id_no"), rs.getString("source"), rs.getString("photo_key"),
                rs.getTimestamp("created_at").toInstant());
    }
}
