package cn.hnsw.ledger.document;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The commodity library (商品库): filled by approved filings, one row per enterprise and item number. */
@Repository
public class CommodityLibrary {

    private final JdbcClient jdbc;

    public CommodityLibrary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(String enterprise, DocumentLine line, long filingDocumentId) {
        jdbc.sql("""
                        INSERT INTO commodity (enterprise, item_no, item_kind, hs_code, name_zh, spec, unit, filing_document_id)
                        VALUES (:e, :item, :kind, :hs, :name, :spec, :unit, :doc)
                        ON CONFLICT (enterprise, item_no) DO UPDATE SET item_kind = EXCLUDED.item_kind,
                            hs_code = EXCLUDED.hs_code, name_zh = EXCLUDED.name_zh, spec = EXCLUDED.spec,
                            unit = EXCLUDED.unit, filing_document_id = EXCLUDED.filing_document_id""")
                .param("e", enterprise).param("item", line.itemNo()).param("kind", line.kind().name())
                .param("hs", line.hsCode()).param("name", line.nameZh()).param("spec", line.spec())
                .param("unit", line.unit()).param("doc", filingDocumentId).update();
    }

    public void removeFiling(long filingDocumentId) {
        jdbc.sql("DELETE FROM commodity WHERE filing_document_id = :d").param("d", filingDocumentId).update();
    }

    public Optional<Commodity> find(long id) {
        return jdbc.sql("SELECT id, enterprise, item_no, item_kind, hs_code, name_zh, spec, unit, filing_document_id FROM commodity WHERE id = :id")
                .param("id", id).query(Commodity.class).optional();
    }

    public List<Commodity> list(String enterprise, String kind) {
        return jdbc.sql("""
                        SELECT id, enterprise, item_no, item_kind, hs_code, name_zh, spec, unit, filing_document_id FROM commodity
                        WHERE enterprise = :e AND (CAST(:k AS varchar) IS NULL OR item_kind = :k) ORDER BY item_no""")
                .param("e", enterprise).param("k", kind).query(Commodity.class).list();
    }
}
