package cn.hnsw.customs.parameter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The parameter tables, their versions and entries. */
@Repository
public class ClearanceParameterRepository {

    private final JdbcClient jdbc;

    public ClearanceParameterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ParameterTable> tables() {
        return jdbc.sql("""
                SELECT t.code, t.seq, t.fp, t.name_zh, t.name_en, t.source, t.current_version,
                       (SELECT count(*) FROM clearance_parameter_entry e
                         WHERE e.table_code = t.code AND e.version = t.current_version) AS entry_count
                FROM clearance_parameter_table t ORDER BY t.seq""")
                .query((rs, n) -> new ParameterTable(rs.getString("code"), rs.getInt("seq"), rs.getInt("fp"),
                        rs.getString("name_zh"), rs.getString("name_en"), rs.getString("source"),
                        rs.getInt("current_version"), rs.getLong("entry_count")))
                .list();
    }

    public Optional<ParameterTable> table(String code) {
        return tables().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public List<ParameterVersion> versions(String tableCode) {
        return jdbc.sql("""
                SELECT v.table_code, v.version, v.published_at, v.published_by, v.note,
                       (SELECT count(*) FROM clearance_parameter_entry e
                         WHERE e.table_code = v.table_code AND e.version = v.version) AS entry_count
                FROM clearance_parameter_version v WHERE v.table_code = :t ORDER BY v.version DESC""")
                .param("t", tableCode)
                .query((rs, n) -> new ParameterVersion(rs.getString("table_code"), rs.getInt("version"),
                        rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"),
                        rs.getString("note"), rs.getLong("entry_count")))
                .list();
    }

    public boolean versionExists(String tableCode, int version) {
        return jdbc.sql("SELECT count(*) FROM clearance_parameter_version WHERE table_code = :t AND version = :v")
                .param("t", tableCode).param("v", version).query(Long.class).single() > 0;
    }

    public List<ParameterEntry> entries(String tableCode, int version, String query, int offset, int limit) {
        return jdbc.sql("""
                SELECT code, name_zh, name_en FROM clearance_parameter_entry
                WHERE table_code = :t AND version = :v
                  AND (CAST(:q AS text) IS NULL OR code ILIKE :like OR name_zh LIKE :like OR name_en ILIKE :like)
                ORDER BY code OFFSET :o LIMIT :l""")
                .param("t", tableCode).param("v", version).param("q", query)
                .param("like", query == null ? null : "%" + query + "%").param("o", offset).param("l", limit)
                .query((rs, n) -> new ParameterEntry(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")))
                .list();
    }

    public long countEntries(String tableCode, int version, String query) {
        return jdbc.sql("""
                SELECT count(*) FROM clearance_parameter_entry
                WHERE table_code = :t AND version = :v
                  AND (CAST(:q AS text) IS NULL OR code ILIKE :like OR name_zh LIKE :like OR name_en ILIKE :like)""")
                .param("t", tableCode).param("v", version).param("q", query)
                .param("like", query == null ? null : "%" + query + "%")
                .query(Long.class).single();
    }

    public Set<String> currentCodes(String tableCode) {
        return new HashSet<>(jdbc.sql("""
                SELECT e.code FROM clearance_parameter_entry e JOIN clearance_parameter_table t
                  ON t.code = e.table_code AND t.current_version = e.version WHERE t.code = :t""")
                .param("t", tableCode).query(String.class).list());
    }

    /** Locks the table row so two publications of one table number their versions one after the other. */
    public int lockCurrentVersion(String tableCode) {
        return jdbc.sql("SELECT current_version FROM clearance_parameter_table WHERE code = :t FOR UPDATE")
                .param("t", tableCode).query(Integer.class).single();
    }

    public void insertVersion(String tableCode, int version, String publishedBy, String note, List<ParameterEntry> entries,
                              java.time.Instant now) {
        jdbc.sql("INSERT INTO clearance_parameter_version (table_code, version, published_at, published_by, note) VALUES (:t, :v, :at, :by, :note)")
                .param("t", tableCode).param("v", version).param("at", Timestamp.from(now)).param("by", publishedBy)
                .param("note", note).update();
        for (ParameterEntry e : entries) {
            jdbc.sql("INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES (:t, :v, :c, :zh, :en)")
                    .param("t", tableCode).param("v", version).param("c", e.code()).param("zh", e.nameZh())
                    .param("en", e.nameEn()).update();
        }
        jdbc.sql("UPDATE clearance_parameter_table SET current_version = :v WHERE code = :t")
                .param("t", tableCode).param("v", version).update();
    }
}
