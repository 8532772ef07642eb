package cn.hnsw.portsituation.kpi;

import cn.hnsw.common.pdf.CjkFont;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The printed enterprise trade-mode report (企业贸易方式报告, S1 FP 285/286): OpenPDF, A4 portrait, the CJK font
 * (Noto Sans SC, from port-situation-service/fonts) embedded as a subset, as the ledger and trade window print.
 */
@Component
class TradeModeReport extends CjkFont {

    static final String CONTENT_TYPE = "application/pdf";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    TradeModeReport() {
        super(KpiErrorCode.PRINT_FONT_MISSING, "port-situation-service/fonts");
    }

    /** What the report is of: enterprise, port (null: every port the reader sees), period, when and by whom printed. */
    record Header(String enterprise, String portCode, Instant from, Instant to, Instant printedAt, String printedBy) {
    }

    /** One trade mode: import + export, import and export value (CNY) and its share of the enterprise's whole. */
    record Row(String tradeMode, BigDecimal total, BigDecimal imports, BigDecimal exports, BigDecimal share) {
    }

    byte[] render(Header h, List<Row> rows, BigDecimal total) {
        BaseFont font = font();
        Font title = new Font(font, 15);
        Font body = new Font(font, 9);
        Font head = new Font(font, 9, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle("企业贸易方式报告 Enterprise trade-mode report");
            pdf.addCreator("hnsw port-situation");
            pdf.open();
            Paragraph t = new Paragraph("企业贸易方式报告 Enterprise trade-mode report", title);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(10);
            pdf.add(t);
            PdfPTable meta = new PdfPTable(new float[] {3, 7});
            meta.setWidthPercentage(100);
            String[][] fields = {
                    {"企业 Enterprise", h.enterprise()},
                    {"口岸 Port", h.portCode() == null ? "全部口岸 All ports" : h.portCode()},
                    {"统计期间 Period", TIME.format(h.from()) + " — " + TIME.format(h.to())},
                    {"进出口贸易额合计 Total trade value", money(total) + " 元 CNY"},
                    {"打印 Printed", TIME.format(h.printedAt()) + "  " + h.printedBy()},
            };
            for (String[] f : fields) {
                meta.addCell(cell(f[0], head));
                meta.addCell(cell(f[1], body));
            }
            meta.setSpacingAfter(10);
            pdf.add(meta);
            PdfPTable table = new PdfPTable(new float[] {4, 4, 4, 4, 2});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String c : List.of("贸易方式 Trade mode", "进出口 Import + export (元)", "进口 Import (元)",
                    "出口 Export (元)", "占比 Share %")) {
                table.addCell(cell(c, head));
            }
            for (Row r : rows) {
                table.addCell(cell(r.tradeMode(), body));
                table.addCell(number(money(r.total()), body));
                table.addCell(number(money(r.imports()), body));
                table.addCell(number(money(r.exports()), body));
                table.addCell(number(r.share() == null ? "" : r.share().toPlainString(), body));
            }
            if (rows.isEmpty()) {
                PdfPCell none = cell("本期间无该企业的贸易数据 No trade of this enterprise in the period", body);
                none.setColspan(5);
                table.addCell(none);
            }
            pdf.add(table);
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static String money(BigDecimal v) {
        return v == null ? "" : new DecimalFormat("#,##0.00").format(v.setScale(2, RoundingMode.HALF_UP));
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setPadding(4);
        return c;
    }

    private static PdfPCell number(String text, Font font) {
        PdfPCell c = cell(text, font);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }
}
