package cn.hnsw.ledger.hscode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The HS code table (税则号列) in the database: the customs logic check and the HS-code auto-fetch read it. */
@Repository
public class HsCodeTable {

    private final JdbcClient jdbc;

    public HsCodeTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<HsCode> find(String code) {
        if (code == null || !code.matches("[0-9]{10}")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT code, name_zh, name_en, unit FROM hs_code WHERE code = :c").param("c", code)
                .query(HsCode.class).optional();
    }

    /** HS-code auto-fetch: codes starting with the digits typed, or whose name contains the words typed. */
    public List<HsCode> search(String query, int limit) {
        String q = query == null ? "" : query.trim();
        return jdbc.sql("""
                        SELECT code, name_zh, name_en, unit FROM hs_code
                        WHERE code LIKE :prefix OR name_zh LIKE :contains OR lower(name_en) LIKE lower(:contains)
                        ORDER BY code LIMIT :limit""")
                .param("prefix", q.replace("%", "") + "%").param("contains", "%" + q.replace("%", "") + "%")
                .param("limit", limit).query(HsCode.class).list();
    }
}
