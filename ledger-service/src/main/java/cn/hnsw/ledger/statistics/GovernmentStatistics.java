package cn.hnsw.ledger.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;

/**
 * 政府管理端 queries and statistics across enterprises (FP 3758–3884, zero-tariff part): filings by enterprise and by
 * HS classification, TOP10 enterprises, ledger movements, value-added (confirmation-code) figures, delegations.
 */
@Repository
public class GovernmentStatistics {

    private final JdbcClient jdbc;

    public GovernmentStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Approved filings per enterprise and kind (materials, finished products, scraps). */
    public List<Map<String, Object>> filingsByEnterprise() {
        return jdbc.sql("""
                        SELECT enterprise, max(enterprise_name) AS "enterpriseName",
                               count(*) FILTER (WHERE document_type = 'MATERIAL_FILING') AS materials,
                               count(*) FILTER (WHERE document_type = 'FINISHED_PRODUCT_FILING') AS "finishedProducts",
                               count(*) FILTER (WHERE document_type = 'SCRAP_FILING') AS scraps,
                               count(*) AS total
                        FROM declarable_document
                        WHERE document_type IN ('MATERIAL_FILING', 'FINISHED_PRODUCT_FILING', 'SCRAP_FILING') AND status = 'APPROVED'
                        GROUP BY enterprise ORDER BY total DESC, enterprise""")
                .query().listOfRows();
    }

    /** Filed items by HS chapter (first two digits) with the chapter's name, most first. */
    public List<Map<String, Object>> filingsByHsChapter() {
        return jdbc.sql("""
                        SELECT substr(c.hs_code, 1, 2) AS chapter, count(*) AS items, count(DISTINCT c.enterprise) AS enterprises,
                               min(h.name_zh) AS "exampleZh", min(h.name_en) AS "exampleEn"
                        FROM commodity c JOIN hs_code h ON h.code = c.hs_code
                        GROUP BY substr(c.hs_code, 1, 2) ORDER BY items DESC, chapter""")
                .query().listOfRows();
    }

    /** Per enterprise: ledgers, quantity booked in (核增) and out (核减), stock now. */
    public List<Map<String, Object>> ledgerMovements() {
        return jdbc.sql("""
                        SELECT l.enterprise, max(l.enterprise_name) AS "enterpriseName", count(DISTINCT l.id) AS ledgers,
                               coalesce(sum(p.quantity) FILTER (WHERE p.direction = 'INCREASE'), 0) AS increased,
                               coalesce(sum(p.quantity) FILTER (WHERE p.direction = 'DECREASE'), 0) AS decreased,
                               (SELECT coalesce(sum(s.quantity), 0) FROM ledger_stock s JOIN ledger l2 ON l2.id = s.ledger_id
                                WHERE l2.enterprise = l.enterprise) AS stock,
                               count(p.id) AS postings
                        FROM ledger l LEFT JOIN ledger_posting p ON p.ledger_id = l.id
                        GROUP BY l.enterprise ORDER BY decreased DESC, l.enterprise""")
                .query().listOfRows();
    }

    /** Quantity that left the ledgers (核减) per HS code, TOP10. */
    public List<Map<String, Object>> topExitsByHsCode() {
        return jdbc.sql("""
                        SELECT s.hs_code AS "hsCode", min(s.name_zh) AS "nameZh", sum(p.quantity) AS quantity, min(s.unit) AS unit
                        FROM ledger_posting p JOIN ledger_stock s ON s.id = p.stock_id
                        WHERE p.direction = 'DECREASE'
                        GROUP BY s.hs_code ORDER BY quantity DESC LIMIT 10""")
                .query().listOfRows();
    }

    /** Confirmation codes: count, total sale price, material costs by source, average rate, TOP10 by rate. */
    public Map<String, Object> valueAdded() {
        Map<String, Object> totals = jdbc.sql("""
                        SELECT count(*) AS codes,
                               coalesce(sum((header->>'salePrice')::numeric), 0) AS "totalSalePrice",
                               coalesce(avg((header->>'valueAddedRatePct')::numeric), 0) AS "averageRatePct"
                        FROM declarable_document WHERE document_type = 'CONFIRMATION_CODE_FILING' AND status = 'APPROVED'""")
                .query().singleRow();
        List<Map<String, Object>> costs = jdbc.sql("""
                        SELECT l.line_kind AS kind, coalesce(sum(l.amount), 0) AS amount
                        FROM document_line l JOIN declarable_document d ON d.id = l.document_id
                        WHERE d.document_type = 'CONFIRMATION_CODE_FILING' AND d.status = 'APPROVED' AND l.line_kind LIKE '%_COST'
                        GROUP BY l.line_kind ORDER BY l.line_kind""")
                .query().listOfRows();
        List<Map<String, Object>> top = jdbc.sql("""
                        SELECT document_no AS "documentNo", enterprise, (header->>'valueAddedRatePct')::numeric AS "ratePct",
                               (header->>'salePrice')::numeric AS "salePrice"
                        FROM declarable_document WHERE document_type = 'CONFIRMATION_CODE_FILING' AND status = 'APPROVED'
                        ORDER BY (header->>'valueAddedRatePct')::numeric DESC NULLS LAST LIMIT 10""")
                .query().listOfRows();
        return Map.of("totals", totals, "costs", costs, "top10ByRate", top);
    }

    /** Delegations per ledger type and status. */
    public List<Map<String, Object>> delegations() {
        return jdbc.sql("""
                        SELECT ledger_type AS "ledgerType", status, count(*) AS delegations, count(DISTINCT delegate) AS delegates
                        FROM delegation GROUP BY ledger_type, status ORDER BY ledger_type, status""")
                .query().listOfRows();
    }
}
