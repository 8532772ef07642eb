package cn.hnsw.customs.subcenter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The sub-centre's store. */
@Repository
public class SubCentreRepository {

    private final JdbcClient jdbc;

    public SubCentreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores or refreshes (补充下发) a declaration; answers how many receptions it has had. */
    public int upsert(SubCentreRecord r, String document) {
        return jdbc.sql("""
                INSERT INTO subcentre_declaration (pre_entry_no, customs_no, declaration_type, enterprise_uscc, enterprise_name,
                  declare_customs, status, trading_country, total_value, item_count, hs_codes, submitted_at, received_at,
                  receptions, cleansing_issues, document)
                VALUES (:pre, :cno, :type, :ent, :entName, :dc, :status, :tc, :total, :items, :hs, :submitted, :received,
                  1, :issues, :doc)
                ON CONFLICT (pre_entry_no) DO UPDATE SET customs_no = EXCLUDED.customs_no, status = EXCLUDED.status,
                  received_at = EXCLUDED.received_at, receptions = subcentre_declaration.receptions + 1,
                  cleansing_issues = EXCLUDED.cleansing_issues, document = EXCLUDED.document,
                  total_value = EXCLUDED.total_value, item_count = EXCLUDED.item_count, hs_codes = EXCLUDED.hs_codes,
                  trading_country = EXCLUDED.trading_country
                RETURNING receptions""")
                .param("pre", r.preEntryNo()).param("cno", r.customsNo()).param("type", r.declarationType())
                .param("ent", r.enterpriseUscc()).param("entName", r.enterpriseName()).param("dc", r.declareCustoms())
                .param("status", r.status()).param("tc", r.tradingCountry()).param("total", r.totalValue())
                .param("items", r.itemCount()).param("hs", r.hsCodes())
                .param("submitted", Timestamp.from(r.submittedAt())).param("received", Timestamp.from(r.receivedAt()))
                .param("issues", r.cleansingIssues()).param("doc", document)
                .query(Integer.class).single();
    }

    /** Keeps a receipt that came with a distribution once; answers whether it was new. */
    public boolean insertReceipt(String preEntryNo, SubCentreReceipt r) {
        return jdbc.sql("""
                INSERT INTO subcentre_receipt (pre_entry_no, receipt_id, kind, status, customs_no, note, sender_key_id,
                  issued_at, received_at)
                VALUES (:pre, :id, :kind, :status, :cno, :note, :sender, :issued, :received)
                ON CONFLICT (pre_entry_no, receipt_id) DO NOTHING""")
                .param("pre", preEntryNo).param("id", r.receiptId()).param("kind", r.kind()).param("status", r.status())
                .param("cno", r.customsNo()).param("note", r.note()).param("sender", r.senderKeyId())
                .param("issued", Timestamp.from(r.issuedAt())).param("received", Timestamp.from(r.receivedAt()))
                .update() == 1;
    }

    public List<SubCentreReceipt> receipts(String preEntryNo) {
        return jdbc.sql("SELECT * FROM subcentre_receipt WHERE pre_entry_no = :pre ORDER BY issued_at, kind DESC")
                .param("pre", preEntryNo)
                .query((rs, i) -> new SubCentreReceipt(rs.getObject("receipt_id", java.util.UUID.class), rs.getString("kind"),
                        rs.getString("status"), rs.getString("customs_no"), rs.getString("note"),
                        rs.getString("sender_key_id"), rs.getTimestamp("issued_at").toInstant(),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    public java.util.Optional<String> document(String preEntryNo) {
        return jdbc.sql("SELECT document FROM subcentre_declaration WHERE pre_entry_no = :pre")
                .param("pre", preEntryNo).query(String.class).optional();
    }

    public java.util.Optional<String> enterpriseOf(String preEntryNo) {
        return jdbc.sql("SELECT enterprise_uscc FROM subcentre_declaration WHERE pre_entry_no = :pre")
                .param("pre", preEntryNo).query(String.class).optional();
    }

    public List<SubCentreRecord> search(SubCentreQuery q, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT * FROM subcentre_declaration " + where(q, params)
                        + " ORDER BY submitted_at DESC OFFSET :o LIMIT :l")
                .params(params).param("o", offset).param("l", limit).query(this::map).list();
    }

    public long count(SubCentreQuery q) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT count(*) FROM subcentre_declaration " + where(q, params)).params(params)
                .query(Long.class).single();
    }

    /** 申报业务量 by declaration type and status. */
    public List<Map<String, Object>> volumeByType(Instant from) {
        return jdbc.sql("SELECT declaration_type, status, count(*) AS declarations, coalesce(sum(total_value), 0) AS value FROM subcentre_declaration WHERE submitted_at >= :f GROUP BY declaration_type, status ORDER BY declarations DESC")
                .param("f", Timestamp.from(from)).query().listOfRows();
    }

    /** 热门贸易国别. */
    public List<Map<String, Object>> popularCountries(Instant from, int limit) {
        return jdbc.sql("SELECT trading_country, count(*) AS declarations, coalesce(sum(total_value), 0) AS value FROM subcentre_declaration WHERE submitted_at >= :f AND trading_country IS NOT NULL GROUP BY trading_country ORDER BY declarations DESC, trading_country LIMIT :l")
                .param("f", Timestamp.from(from)).param("l", limit).query().listOfRows();
    }

    /** 商品归类查询: declarations per HS chapter. */
    public List<Map<String, Object>> byChapter(Instant from) {
        return jdbc.sql("""
                SELECT left(code, 2) AS chapter, count(DISTINCT pre_entry_no) AS declarations
                FROM subcentre_declaration, unnest(string_to_array(hs_codes, ',')) AS code
                WHERE submitted_at >= :f AND code <> '' GROUP BY left(code, 2) ORDER BY declarations DESC, chapter""")
                .param("f", Timestamp.from(from)).query().listOfRows();
    }

    private static String where(SubCentreQuery q, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("submitted_at >= :from");
        params.put("from", Timestamp.from(q.from()));
        if (q.to() != null) {
            clauses.add("submitted_at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        if (q.enterpriseUscc() != null) {
            clauses.add("enterprise_uscc = :ent");
            params.put("ent", q.enterpriseUscc());
        }
        if (q.preEntryNo() != null) {
            clauses.add("pre_entry_no = :pre");
            params.put("pre", q.preEntryNo());
        }
        if (q.customsNo() != null) {
            clauses.add("customs_no = :cno");
            params.put("cno", q.customsNo());
        }
        if (q.declarationType() != null) {
            clauses.add("declaration_type = :type");
            params.put("type", q.declarationType());
        }
        if (q.status() != null) {
            clauses.add("status = :status");
            params.put("status", q.status());
        }
        if (q.enterpriseName() != null) {
            clauses.add("enterprise_name LIKE :name");
            params.put("name", "%" + q.enterpriseName() + "%");
        }
        if (q.declareCustoms() != null) {
            clauses.add("declare_customs = :dc");
            params.put("dc", q.declareCustoms());
        }
        if (q.hsCode() != null) {
            clauses.add("hs_codes LIKE :hs");
            params.put("hs", "%" + q.hsCode() + "%");
        }
        return "WHERE " + String.join(" AND ", clauses);
    }

    private SubCentreRecord map(ResultSet rs, int n) throws SQLException {
        BigDecimal total = rs.getBigDecimal("total_value");
        return new SubCentreRecord(rs.getString("pre_entry_no"), rs.getString("customs_no"),
                rs.getString("declaration_type"), rs.getString("enterprise_uscc"), rs.getString("enterprise_name"),
                rs.getString("declare_customs"), rs.getString("status"), rs.getString("trading_country"), total,
                rs.getInt("item_count"), rs.getString("hs_codes"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(), rs.getInt("receptions"), rs.getString("cleansing_issues"));
    }
}
