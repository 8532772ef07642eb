package cn.hnsw.ledger.statistics;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 政府管理端排名统计 — the government side's per-enterprise counts and TOP-N rankings (柱形图 / 饼图 and 统计导出) of the
 * zero-tariff filings, island-made and domestically purchased material registrations, value-added codes and
 * delegations (FP 3782–3820, 3850–3884), each one a named query over approved records whose rows carry a
 * {@code label} and a {@code value} (what the chart plots) and the figures behind them. One shape for all: the
 * screen draws each as its chart says, the export endpoint writes any of them to Excel.
 */
@Service
public class GovernmentRankings {

    /** One ranking: its name in URLs, its titles, how the screen draws it, and its query. */
    public record Ranking(String name, String titleZh, String titleEn, String chart, String valueZh, String valueEn,
                          String sql) {
    }

    /** A ranking with its rows. */
    public record Result(String name, String titleZh, String titleEn, String chart, String valueZh, String valueEn,
                         List<Map<String, Object>> rows) {
    }

    private static final String CODES = "('CUMULATIVE_CODE_FILING', 'CONFIRMATION_CODE_FILING')";
    private static final String THRESHOLD = """
            (SELECT threshold_pct FROM value_added_rule WHERE effective_from <= current_date
             ORDER BY effective_from DESC LIMIT 1)""";

    private final JdbcClient jdbc;
    private final Map<String, Ranking> rankings = new LinkedHashMap<>();

    public GovernmentRankings(JdbcClient jdbc) {
        this.jdbc = jdbc;
        // 各企业零关税料件成品备案: filed items per enterprise, TOP10 (FP 3782–3784)
        for (String[] k : new String[][] {{"MATERIAL", "materials", "零关税料件数量TOP10企业", "TOP10 enterprises by filed materials"},
                {"FINISHED_PRODUCT", "finished-products", "零关税加工成品数量TOP10企业", "TOP10 enterprises by filed finished products"},
                {"SCRAP", "scraps", "零关税加工边角料数量TOP10企业", "TOP10 enterprises by filed scraps"}}) {
            add(new Ranking("filed-" + k[1] + "-top10-enterprises", k[2], k[3], "bar", "备案数量", "items filed", """
                    SELECT c.enterprise AS label, max(d.enterprise_name) AS "enterpriseName", count(*) AS value
                    FROM commodity c JOIN declarable_document d ON d.id = c.filing_document_id
                    WHERE c.item_kind = '%s' GROUP BY c.enterprise ORDER BY value DESC, label LIMIT 10""".formatted(k[0])));
        }
        // 按HS编码归类 per kind of filed item, and its TOP5 chapters as a pie (FP 3773–3781)
        for (String[] k : new String[][] {{"MATERIAL", "materials", "零关税料件", "materials"},
                {"FINISHED_PRODUCT", "finished-products", "零关税加工成品", "finished products"},
                {"SCRAP", "scraps", "零关税加工边角料", "scraps"}}) {
            String byChapter = """
                    SELECT substr(c.hs_code, 1, 2) AS label, count(*) AS value, count(DISTINCT c.enterprise) AS enterprises,
                           min(h.name_zh) AS "exampleZh"
                    FROM commodity c JOIN hs_code h ON h.code = c.hs_code
                    WHERE c.item_kind = '%s' GROUP BY substr(c.hs_code, 1, 2) ORDER BY value DESC, label""".formatted(k[0]);
            add(new Ranking("filed-" + k[1] + "-by-hs-chapter", k[2] + "备案信息按HS编码归类统计",
                    "Filed " + k[3] + " by HS chapter", "table", "备案数量", "items filed", byChapter));
            add(new Ranking("filed-" + k[1] + "-top5-hs-chapters", k[2] + "备案按HS编码归类TOP5",
                    "TOP5 HS chapters of filed " + k[3], "pie", "备案数量", "items filed", byChapter + " LIMIT 5"));
        }
        // 零关税料件 / 国内采购料件参与加工增值成本占比TOP10 (FP 3785–3787, 3818–3820)
        add(costShare("imported-cost-share-top10-enterprises", "IMPORTED_MATERIAL_COST",
                "零关税料件参与加工增值成本占比TOP10企业", "TOP10 enterprises by the imported materials' share of value-added cost"));
        add(costShare("domestic-cost-share-top10-enterprises", "DOMESTIC_MATERIAL_COST",
                "国内采购料件参与加工增值成本占比TOP10企业", "TOP10 enterprises by the domestic materials' share of value-added cost"));
        // 岛内自产 / 国内采购料件登记 (FP 3791–3804, 3808–3817)
        for (String[] r : new String[][] {{"island", "ISLAND_MATERIAL_REGISTRATION", "ISLAND_MATERIAL_COST", "岛内自产料件", "island-made material"},
                {"domestic", "DOMESTIC_MATERIAL_REGISTRATION", "DOMESTIC_MATERIAL_COST", "国内采购料件", "domestically purchased material"}}) {
            String registered = """
                    SELECT d.enterprise AS label, max(d.enterprise_name) AS "enterpriseName", count(DISTINCT d.id) AS registrations,
                           count(l.id) AS lines, coalesce(sum(l.quantity), 0) AS value, coalesce(sum(l.amount), 0) AS amount
                    FROM declarable_document d LEFT JOIN document_line l ON l.document_id = d.id
                    WHERE d.document_type = '%s' AND d.status = 'APPROVED'
                    GROUP BY d.enterprise ORDER BY value DESC, label""".formatted(r[1]);
            add(new Ranking(r[0] + "-registrations-by-enterprise", "各企业" + r[3] + "登记数量统计",
                    "Registered " + r[4] + " per enterprise", "table", "登记数量", "quantity registered", registered));
            add(new Ranking(r[0] + "-registrations-top10-enterprises", r[3] + "登记TOP10企业",
                    "TOP10 enterprises by registered " + r[4], "bar", "登记数量", "quantity registered", registered + " LIMIT 10"));
            String used = """
                    SELECT c.enterprise AS label, max(c.enterprise_name) AS "enterpriseName", count(DISTINCT c.id) AS batches,
                           coalesce(sum(cl.amount), 0) AS cost, %s AS value
                    FROM declarable_document c
                    JOIN document_line cl ON cl.document_id = c.id AND cl.line_kind = '%s' AND cl.link_target = 'DOCUMENT_LINE'
                    WHERE c.status = 'APPROVED' AND c.document_type IN %s
                    GROUP BY c.enterprise ORDER BY value DESC, label LIMIT 10""";
            add(new Ranking(r[0] + "-value-added-batches-top10-enterprises", r[3] + "参与加工增值批次TOP10企业",
                    "TOP10 enterprises by value-added batches using " + r[4], "bar", "批次", "batches",
                    used.formatted("count(DISTINCT c.id)", r[2], CODES)));
            add(new Ranking(r[0] + "-value-added-cost-top10-enterprises", r[3] + "参与加工增值成本TOP10企业",
                    "TOP10 enterprises by value-added cost of " + r[4], "bar", "成本", "cost",
                    used.formatted("coalesce(sum(cl.amount), 0)", r[2], CODES)));
        }
        // 岛内自产料件助力加工增值达30%销售总价格 (FP 3798–3801)
        String qualifying = """
                SELECT c.enterprise AS label, max(c.enterprise_name) AS "enterpriseName", count(*) AS codes,
                       coalesce(sum((c.header->>'salePrice')::numeric), 0) AS value
                FROM declarable_document c
                WHERE c.status = 'APPROVED' AND c.document_type IN %s
                  AND EXISTS (SELECT 1 FROM document_line cl WHERE cl.document_id = c.id AND cl.line_kind = 'ISLAND_MATERIAL_COST')
                  AND (c.header->>'valueAddedRatePct')::numeric >= %s
                GROUP BY c.enterprise ORDER BY value DESC, label""".formatted(CODES, THRESHOLD);
        add(new Ranking("island-qualifying-sales-by-enterprise", "各企业岛内自产料件助力加工增值达标销售总价格",
                "Sale price of value-added goods that reached the threshold with island-made materials, per enterprise",
                "table", "销售总价格", "total sale price", qualifying));
        add(new Ranking("island-qualifying-sales-top10-enterprises", "岛内自产料件助力加工增值达标销售总价格TOP10企业",
                "TOP10 enterprises by sale price reaching the threshold with island-made materials", "bar", "销售总价格",
                "total sale price", qualifying + " LIMIT 10"));
        // 加工增值货物确认码 (FP 3850–3869)
        add(new Ranking("value-added-rate-top10", "加工增值货物增值率TOP10", "TOP10 value-added rates", "bar", "增值率（%）",
                "rate (%)", """
                SELECT document_no AS label, enterprise, (header->>'salePrice')::numeric AS "salePrice",
                       (header->>'valueAddedRatePct')::numeric AS value
                FROM declarable_document WHERE document_type = 'CONFIRMATION_CODE_FILING' AND status = 'APPROVED'
                  AND header->>'valueAddedRatePct' IS NOT NULL
                ORDER BY value DESC, label LIMIT 10"""));
        String byProduct = """
                SELECT p.item_no AS label, min(p.name_zh) AS "nameZh", count(DISTINCT c.id) AS codes, %s AS value
                FROM declarable_document c
                JOIN document_line p ON p.document_id = c.id AND p.line_kind = 'FINISHED_PRODUCT'
                %s
                WHERE c.status = 'APPROVED' AND c.document_type = 'CONFIRMATION_CODE_FILING'
                GROUP BY p.item_no ORDER BY value DESC, label LIMIT 10""";
        add(new Ranking("confirmation-sale-price-top10-products", "确认码销售总价格TOP10产品", "TOP10 products by sale price",
                "pie", "销售总价格", "total sale price", byProduct.formatted("sum((c.header->>'salePrice')::numeric)", "")));
        for (String[] k : new String[][] {{"imported", "IMPORTED_MATERIAL_COST", "进口料件"}, {"domestic", "DOMESTIC_MATERIAL_COST", "国内采购料件"},
                {"island", "ISLAND_MATERIAL_COST", "岛内自产料件"}, {"cumulative", "CUMULATIVE_CODE_COST", "累计码料件"}}) {
            add(new Ranking("confirmation-" + k[0] + "-cost-top10-products", "确认码" + k[2] + "总成本TOP10产品",
                    "TOP10 products by " + k[0] + " material cost", "pie", "总成本", "total cost",
                    byProduct.formatted("coalesce(sum(x.amount), 0)", """
                            JOIN document_line x ON x.document_id = c.id AND x.line_kind = '%s'""".formatted(k[1]))));
        }
        add(new Ranking("confirmation-codes-by-enterprise", "各企业申领确认码数量", "Confirmation codes per enterprise", "table",
                "确认码数量", "codes", """
                SELECT enterprise AS label, max(enterprise_name) AS "enterpriseName", count(*) AS value,
                       coalesce(sum((header->>'salePrice')::numeric), 0) AS "salePrice"
                FROM declarable_document WHERE document_type = 'CONFIRMATION_CODE_FILING' AND status = 'APPROVED'
                GROUP BY enterprise ORDER BY value DESC, label"""));
        // 各企业委托备案管理 (FP 3873–3884): active delegations
        add(new Ranking("delegations-by-ledger-type", "各账册类型业务委托统计", "Delegations per ledger type", "pie", "委托数量",
                "delegations", """
                SELECT ledger_type AS label, count(*) AS value, count(DISTINCT principal) AS principals,
                       count(DISTINCT delegate) AS delegates
                FROM delegation WHERE status = 'ACTIVE' GROUP BY ledger_type ORDER BY value DESC, label"""));
        add(new Ranking("delegates-top3", "被委托企业数量TOP3", "TOP3 delegates by enterprises they act for", "pie",
                "委托企业数", "principals", """
                SELECT delegate AS label, max(delegate_name) AS "enterpriseName", count(DISTINCT principal) AS value
                FROM delegation WHERE status = 'ACTIVE' GROUP BY delegate ORDER BY value DESC, label LIMIT 3"""));
        add(new Ranking("delegating-enterprises-top5", "委托业务数量TOP5企业", "TOP5 enterprises by delegated business scopes",
                "bar", "委托业务数", "scopes delegated", """
                SELECT principal AS label, max(principal_name) AS "enterpriseName", sum(cardinality(scopes)) AS value
                FROM delegation WHERE status = 'ACTIVE' GROUP BY principal ORDER BY value DESC, label LIMIT 5"""));
        add(new Ranking("delegated-scopes-top3", "被委托业务类型TOP3", "TOP3 delegated business scopes", "pie", "委托次数",
                "delegations", """
                SELECT s.scope AS label, count(*) AS value
                FROM delegation d CROSS JOIN LATERAL unnest(d.scopes) AS s(scope)
                WHERE d.status = 'ACTIVE' GROUP BY s.scope ORDER BY value DESC, label LIMIT 3"""));
    }

    private static Ranking costShare(String name, String kind, String zh, String en) {
        return new Ranking(name, zh, en, "pie", "成本占比（%）", "share of cost (%)", """
                SELECT d.enterprise AS label, max(d.enterprise_name) AS "enterpriseName",
                       coalesce(sum(l.amount) FILTER (WHERE l.line_kind = '%1$s'), 0) AS cost,
                       coalesce(sum(l.amount), 0) AS "totalCost",
                       round(100 * coalesce(sum(l.amount) FILTER (WHERE l.line_kind = '%1$s'), 0) / nullif(sum(l.amount), 0), 2) AS value
                FROM declarable_document d
                JOIN document_line l ON l.document_id = d.id AND l.line_kind LIKE '%%COST'
                WHERE d.status = 'APPROVED' AND d.document_type IN %2$s
                GROUP BY d.enterprise HAVING coalesce(sum(l.amount) FILTER (WHERE l.line_kind = '%1$s'), 0) > 0
                ORDER BY value DESC, label LIMIT 10""".formatted(kind, CODES));
    }

    private void add(Ranking r) {
        if (rankings.putIfAbsent(r.name(), r) != null) {
            throw new IllegalStateException("duplicate ranking " + r.name());
        }
    }

    /** The catalogue, without the queries. */
    public List<Map<String, String>> catalogue() {
        List<Map<String, String>> out = new ArrayList<>();
        rankings.values().forEach(r -> out.add(Map.of("name", r.name(), "titleZh", r.titleZh(), "titleEn", r.titleEn(),
                "chart", r.chart(), "valueZh", r.valueZh(), "valueEn", r.valueEn())));
        return out;
    }

    public boolean has(String name) {
        return rankings.containsKey(name);
    }

    public Result run(String name) {
        Ranking r = rankings.get(name);
        if (r == null) {
            throw new HnswException(CommonErrorCode.NOT_FOUND);
        }
        return new Result(r.name(), r.titleZh(), r.titleEn(), r.chart(), r.valueZh(), r.valueEn(),
                jdbc.sql(r.sql()).query().listOfRows());
    }
}
