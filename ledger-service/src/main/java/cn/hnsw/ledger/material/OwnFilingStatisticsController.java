package cn.hnsw.ledger.material;

import cn.hnsw.common.security.Actors;
import cn.hnsw.ledger.document.DocumentAccess;
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

    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    OwnFilingStatistics statistics() {
        String enterprise = DocumentAccess.ownEnterprise(Actors.current());
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
                .param("e", enterprise).query().listOfRows();
        return new OwnFilingStatistics(byChapter, review);
    }
}
