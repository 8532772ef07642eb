package cn.hnsw.ledger.statistics;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Government-side statistics of the zero-tariff ledgers, as JSON for charts and as Excel exports. */
@RestController
@RequestMapping("/api/ledger/v1/statistics")
@PreAuthorize("hasAnyRole('customs-officer','customs-reviewer','gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')")
class StatisticsController {

    private final GovernmentStatistics statistics;
    private final GovernmentRankings rankings;

    StatisticsController(GovernmentStatistics statistics, GovernmentRankings rankings) {
        this.statistics = statistics;
        this.rankings = rankings;
    }

    /** The per-enterprise counts and TOP-N rankings the screen draws (name, titles, bar/pie/table). */
    @GetMapping("/rankings")
    List<Map<String, String>> rankings() {
        return rankings.catalogue();
    }

    @GetMapping("/rankings/{name}")
    GovernmentRankings.Result ranking(@PathVariable String name) {
        return rankings.run(name);
    }

    @GetMapping("/filings/by-enterprise")
    List<Map<String, Object>> filingsByEnterprise() {
        return statistics.filingsByEnterprise();
    }

    @GetMapping("/filings/by-hs-chapter")
    List<Map<String, Object>> filingsByHsChapter() {
        return statistics.filingsByHsChapter();
    }

    @GetMapping("/ledgers/movements")
    List<Map<String, Object>> ledgerMovements() {
        return statistics.ledgerMovements();
    }

    @GetMapping("/ledgers/top-exits")
    List<Map<String, Object>> topExits() {
        return statistics.topExitsByHsCode();
    }

    @GetMapping("/value-added")
    Map<String, Object> valueAdded() {
        return statistics.valueAdded();
    }

    @GetMapping("/delegations")
    List<Map<String, Object>> delegations() {
        return statistics.delegations();
    }

    /** Excel export of one statistic: filings-by-enterprise, filings-by-hs-chapter, ledger-movements, top-exits, or a ranking. */
    @GetMapping("/{name}/export")
    ResponseEntity<byte[]> export(@PathVariable String name) throws IOException {
        List<Map<String, Object>> rows = switch (name) {
            case "filings-by-enterprise" -> statistics.filingsByEnterprise();
            case "filings-by-hs-chapter" -> statistics.filingsByHsChapter();
            case "ledger-movements" -> statistics.ledgerMovements();
            case "top-exits" -> statistics.topExitsByHsCode();
            case "delegations" -> statistics.delegations();
            default -> rankings.run(name).rows();
        };
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(name);
            List<String> columns = rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet());
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < columns.size(); c++) {
                    Object v = rows.get(r).get(columns.get(c));
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            wb.write(out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString())
                    .body(out.toByteArray());
        }
    }
}
