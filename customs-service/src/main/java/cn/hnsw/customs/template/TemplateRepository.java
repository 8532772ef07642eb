package cn.hnsw.customs.template;

import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Templates and their log; header and items kept as JSON. */
@Repository
class TemplateRepository {

    private static final TypeReference<List<DeclarationItem>> ITEMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TemplateRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<DeclarationTemplate> list(String enterprise, DeclarationTemplate.Kind kind, DeclarationType type,
                                   DeclarationType.ImportExport direction) {
        return jdbc.sql("""
                SELECT * FROM declaration_template WHERE enterprise_uscc = :e
                  AND (CAST(:kind AS varchar) IS NULL OR kind = :kind)
                  AND (CAST(:type AS varchar) IS NULL OR declaration_type = :type)
                  AND (CAST(:dir AS varchar) IS NULL OR import_export = :dir)
                ORDER BY kind, declaration_type, name""")
                .param("e", enterprise).param("kind", kind == null ? null : kind.name())
                .param("type", type == null ? null : type.name()).param("dir", direction == null ? null : direction.name())
                .query(this::map).list();
    }

    Optional<DeclarationTemplate> find(UUID id) {
        return jdbc.sql("SELECT * FROM declaration_template WHERE id = :id").param("id", id).query(this::map).optional();
    }

    void insert(DeclarationTemplate t) {
        jdbc.sql("""
                INSERT INTO declaration_template (id, enterprise_uscc, kind, declaration_type, import_export, name, header,
                    items, created_by, created_at, updated_by, updated_at, version)
                VALUES (:id, :e, :kind, :type, :dir, :name, CAST(:header AS jsonb), CAST(:items AS jsonb), :by, :at, :by, :at, 1)""")
                .param("id", t.id()).param("e", t.enterpriseUscc()).param("kind", t.kind().name())
                .param("type", t.declarationType().name()).param("dir", t.importExport().name()).param("name", t.name())
                .param("header", write(t.header())).param("items", write(t.items())).param("by", t.createdBy())
                .param("at", Timestamp.from(t.createdAt())).update();
    }

    /** Answers false when the template changed since {@code version}. */
    boolean update(DeclarationTemplate t, int version) {
        return jdbc.sql("""
                UPDATE declaration_template SET kind = :kind, declaration_type = :type, import_export = :dir, name = :name,
                    header = CAST(:header AS jsonb), items = CAST(:items AS jsonb), updated_by = :by, updated_at = :at,
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", t.id()).param("kind", t.kind().name()).param("type", t.declarationType().name())
                .param("dir", t.importExport().name()).param("name", t.name()).param("header", write(t.header()))
                .param("items", write(t.items())).param("by", t.updatedBy()).param("at", Timestamp.from(t.updatedAt()))
                .param("version", version).update() == 1;
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM declaration_template WHERE id = :id").param("id", id).update();
    }

    void log(DeclarationTemplate t, String action, String actor, java.time.Instant at) {
        jdbc.sql("""
                INSERT INTO declaration_template_log (id, template_id, enterprise_uscc, kind, declaration_type,
                    import_export, name, action, actor, at)
                VALUES (:id, :t, :e, :kind, :type, :dir, :name, :action, :actor, :at)""")
                .param("id", UUID.randomUUID()).param("t", t.id()).param("e", t.enterpriseUscc())
                .param("kind", t.kind().name()).param("type", t.declarationType().name())
                .param("dir", t.importExport().name()).param("name", t.name()).param("action", action)
                .param("actor", actor).param("at", Timestamp.from(at)).update();
    }

    List<DeclarationTemplate.LogEntry> logs(String enterprise, DeclarationType.ImportExport direction, int limit,
                                            int offset) {
        return jdbc.sql("""
                SELECT * FROM declaration_template_log WHERE enterprise_uscc = :e
                  AND (CAST(:dir AS varchar) IS NULL OR import_export = :dir)
                ORDER BY at DESC, id LIMIT :limit OFFSET :offset""")
                .param("e", enterprise).param("dir", direction == null ? null : direction.name())
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new DeclarationTemplate.LogEntry(rs.getObject("template_id", UUID.class),
                        rs.getString("enterprise_uscc"), DeclarationTemplate.Kind.valueOf(rs.getString("kind")),
                        DeclarationType.valueOf(rs.getString("declaration_type")),
                        DeclarationType.ImportExport.valueOf(rs.getString("import_export")), rs.getString("name"),
                        rs.getString("action"), rs.getString("actor"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    long logCount(String enterprise, DeclarationType.ImportExport direction) {
        return jdbc.sql("""
                SELECT count(*) FROM declaration_template_log WHERE enterprise_uscc = :e
                  AND (CAST(:dir AS varchar) IS NULL OR import_export = :dir)""")
                .param("e", enterprise).param("dir", direction == null ? null : direction.name())
                .query(Long.class).single();
    }

    private DeclarationTemplate map(ResultSet rs, int n) throws SQLException {
        try {
            return new DeclarationTemplate(rs.getObject("id", UUID.class), rs.getString("enterprise_uscc"),
                    DeclarationTemplate.Kind.valueOf(rs.getString("kind")),
                    DeclarationType.valueOf(rs.getString("declaration_type")),
                    DeclarationType.ImportExport.valueOf(rs.getString("import_export")), rs.getString("name"),
                    json.readValue(rs.getString("header"), DeclarationHeader.class),
                    json.readValue(rs.getString("items"), ITEMS), rs.getString("created_by"),
                    rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template " + rs.getString("id") + " not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
