package cn.hnsw.ledger.material;

import cn.hnsw.common.security.Actors;
import cn.hnsw.ledger.document.DocumentAccess;
import cn.hnsw.ledger.excel.TableWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * 零关税备案统计 of the enterprise's own filings: its filed items by HS chapter, and customs' review time of its
 * filings (declared to approved) per filing type; computed from the commodity library and the documents.
 */
@RestController
@RequestMapping("/api/ledger/v1/filing-statistics")
class OwnFilingStatisticsController {

    private final JdbcClient jdbc;

    OwnFilingStatisticsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record OwnFilingStatistics(List<Map<String, Object>> byHsChapter, List<Map<String, Object>> reviewEfficiency) {
    }

    static final List<TableWorkbook.Column> CHAPTER_COLUMNS = List.of(new TableWorkbook.Column("chapter", "HS章 HS chapter"),
            new TableWorkbook.Column("items", "备案料号数 Filed items"), new TableWorkbook.Column("materials", "料件 Materials"),
            new TableWorkbook.Column("products", "成品 Finished products"));
    static final List<TableWorkbook.Column> REVIEW_COLUMNS = List.of(new TableWorkbook.Column("typeZh", "备案类型 Filing type"),
            new TableWorkbook.Column("type", "类型代码 Type code"), new TableWorkbook.Column("filings", "已审核备案数 Filings reviewed"),
            new TableWorkbook.Column("averageHours", "平均审核时长（小时） Average review hours"),
            new TableWorkbook.Column("longestHours", "最长审核时长（小时） Longest review hours"));

    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    OwnFilingStatistics statistics() {
        return compute(DocumentAccess.ownEnterprise(Actors.current()));
    }

    /** 零关税业态分类统计结果导出 (FP 1575): the by-chapter table as shown. */
    @GetMapping("/by-hs-chapter/export")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    ResponseEntity<byte[]> exportByChapter() {
        return xlsx(TableWorkbook.write("业态分类统计", CHAPTER_COLUMNS,
                compute(DocumentAccess.ownEnterprise(Actors.current())).byHsChapter()), "filing-statistics-by-hs-chapter.xlsx");
    }

    /** 零关税业务备案海关审核效率结果导出 (FP 1577): the review-efficiency table as shown. */
    @GetMapping("/review-efficiency/export")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    ResponseEntity<byte[]> exportReviewEfficiency() {
        return xlsx(TableWorkbook.write("海关审核效率", REVIEW_COLUMNS,
                compute(DocumentAccess.ownEnterprise(Actors.current())).reviewEfficiency()), "filing-review-efficiency.xlsx");
    }

    private OwnFilingStatistics compute(String enterprise) {
        List<Map<String, Object>> byChapter = jdbc.sql("""
                        SELECT substr(c.hs_code, 1, 2) AS chapter, count(*) AS items,
                               count(*) FILTER (WHERE c.item_kind = 'MATERIAL') AS materials,
                               count(*) FILTER (WHERE c.item_kind = 'FINISHED_PRODUCT') AS products
                        FROM commodity c WHERE c.enterprise = :e
                        GROUP BY substr(c.hs_code, 1, 2) ORDER BY items DESC, chapter""")
                .param("e", enterprise).query().listOfRows();
        List<Map<String, Object>> review = jdbc.sql("""
                        SELECT document_type AS type, count(*) AS filings,
                               round(avg(extract(epoch FROM approved_at - declared_at)) / 3600.0, 2) AS "averageHours",
                               round(max(extract(epoch FROM approved_at - declared_at)) / 3600.0, 2) AS "longestHours"
                        FROM declarable_document
                        WHERE enterprise = :e AND document_type LIKE '%FILING' AND declared_at IS NOT NULL AND approved_at IS NOT NULL
                        GROUP BY document_type ORDER BY document_type""")
                .param("e", enterprise).query().listOfRows().stream().map(r -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>(r);
                    row.put("typeZh", cn.hnsw.ledger.document.DocumentTypes.get(r.get("type").toString()).nameZh());
                    return row;
                }).toList();
        return new OwnFilingStatistics(byChapter, review);
    }

    private static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
