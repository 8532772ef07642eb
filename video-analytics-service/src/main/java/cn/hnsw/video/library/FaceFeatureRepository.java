package cn.hnsw.video.library;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** Stored face descriptors of the six feature libraries: the source of truth the vector index is rebuilt from. */
@Repository
public class FaceFeatureRepository {

    /** One stored descriptor. */
    public record StoredFeature(UUID id, FeatureLibraryType library, UUID faceBaseRecordId, UUID captureId, String label,
            float[] descriptor) {
    }

    private final JdbcTemplate jdbc;

    public FaceFeatureRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredFeature f) {
        jdbc.update("INSERT INTO face_feature (id, library, face_base_record_id, capture_id, label, descriptor) "
                + "VALUES (?, ?, ?, ?, ?, ?)", f.id(), f.library().name(), f.faceBaseRecordId(), f.captureId(),
                f.label(), toArray(f.descriptor()));
    }

    /** 特征库修改: a new label for an entry of the library; 0 when the library holds no such entry. */
    public int relabel(FeatureLibraryType library, UUID id, String label) {
        return jdbc.update("UPDATE face_feature SET label = ? WHERE id = ? AND library = ?", label, id, library.name());
    }

    /** 特征库删除: 0 when the library holds no such entry. */
    public int delete(FeatureLibraryType library, UUID id) {
        return jdbc.update("DELETE FROM face_feature WHERE id = ? AND library = ?", id, library.name());
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM face_feature", Long.class);
        return n == null ? 0 : n;
    }

    public List<StoredFeature> byLibrary(FeatureLibraryType library) {
        return jdbc.query("SELECT * FROM face_feature WHERE library = ? ORDER BY created_at, id",
                (rs, i) -> map(rs), library.name());
    }

    public List<StoredFeature> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM face_feature WHERE id = ANY (?)", (rs, i) -> map(rs),
                (Object) ids.toArray(UUID[]::new));
    }

    /** Streams every stored descriptor (index rebuild, exact search). */
    public void forEach(Consumer<StoredFeature> consumer) {
        jdbc.query("SELECT * FROM face_feature ORDER BY id", (RowCallbackHandler) rs -> consumer.accept(map(rs)));
    }

    public String databaseName() {
        return jdbc.queryForObject("SELECT current_database()", String.class);
    }

    private static StoredFeature map(ResultSet rs) throws SQLException {
        return new StoredFeature(rs.getObject("id", UUID.class), FeatureLibraryType.valueOf(rs.getString("library")),
                rs.getObject("face_base_record_id", UUID.class), rs.getObject("capture_id", UUID.class),
                rs.getString("label"), fromArray(rs.getArray("descriptor")));
    }

    static Float[] toArray(float[] v) {
        Float[] boxed = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            boxed[i] = v[i];
        }
        return boxed;
    }

    public static float[] fromArray(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) values[i]).floatValue();
        }
        return v;
    }
}
