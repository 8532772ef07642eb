package cn.hnsw.ledger.print;

import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Printing an approved document: a PDF whose Chinese text reads back (document number, type, lines, postings) with the
 * CJK font embedded as a subset; another enterprise cannot print it.
 */
class DocumentPrintIT extends LedgerIntegrationTestBase {

    @Test
    void anApprovedEntryPrintsWithItsLinesAndPostingsInChinese() throws Exception {
        String token = declarant(YANGPU_TRADING);
        long cpu = fileMaterial(token, "PR-CPU-01", "8542319000", "处理器集成电路");
        long ledgerId = activeLogisticsLedger(token, cpu);
        JsonNode entry = create(token, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of("port", "洋浦港"));
        addLines(token, entry.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", cpu, "quantity", 250,
                "unitPrice", 12.5, "currency", "CNY")));
        JsonNode approved = approve(token, entry.path("id").asLong());

        byte[] bytes = api.download(token, "/documents/" + entry.path("id").asLong() + "/print");
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(approved.path("documentNo").asText())
                    .contains(approved.path("typeNameZh").asText())
                    .contains("处理器集成电路").contains("8542319000").contains("250")
                    .contains("核增").contains("洋浦港");
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).as("the font is embedded as a subset").matches("[A-Z]{6}\\+.*");
        }
        assertThat(api.get(declarant(HAIKOU_LOGISTICS), "/documents/" + entry.path("id").asLong() + "/print").status())
                .isIn(403, 404);

        // the imported-material filing behind the commodity prints the same way (进口零关税料件备案信息打印)
        long filingId = 0;
        for (JsonNode c : ok(api.get(token, "/commodities"))) {
            if (c.path("id").asLong() == cpu) {
                filingId = c.path("filingDocumentId").asLong();
            }
        }
        try (PDDocument pdf = Loader.loadPDF(api.download(token, "/documents/" + filingId + "/print"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("零关税料件备案").contains("PR-CPU-01").contains("料件");
        }
    }
}
