package cn.hnsw.ledger.print;

import cn.hnsw.ledger.document.DocumentLine;
import cn.hnsw.ledger.document.DocumentView;
import cn.hnsw.ledger.posting.LedgerPosting;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * 打印 — a declarable document of any type as a PDF (A4): header, basic information, lines, customs receipts and the
 * postings it booked, times in Asia/Shanghai. One layout for every type, as the engine has one shape.
 */
@Component
public class DocumentPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final PrintFont font;

    public DocumentPdf(PrintFont font) {
        this.font = font;
    }

    public byte[] render(DocumentView d, String ledgerNo) {
        Font title = new Font(font.font(), 16);
        Font body = new Font(font.font(), 9);
        Font head = new Font(font.font(), 9, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(d.documentNo());
            pdf.open();
            Paragraph t = new Paragraph(d.typeNameZh(), title);
            t.setAlignment(Element.ALIGN_CENTER);
            pdf.add(t);
            Paragraph sub = new Paragraph(d.typeNameEn(), body);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(10);
            pdf.add(sub);

            PdfPTable info = new PdfPTable(4);
            info.setWidthPercentage(100);
            cells(info, body, "单证编号", d.documentNo(), "状态", d.statusNameZh());
            cells(info, body, "企业", d.enterpriseName() == null ? d.enterprise() : d.enterpriseName() + "（" + d.enterprise() + "）",
                    "账册编号", ledgerNo == null ? "" : ledgerNo);
            cells(info, body, "创建时间", time(d.createdAt()), "申报时间", time(d.declaredAt()));
            cells(info, body, "审批通过", time(d.approvedAt()), "标题", d.title() == null ? "" : d.title());
            if (d.returnReason() != null) {
                cells(info, body, "退回原因", d.returnReason(), "", "");
            }
            for (Map.Entry<String, Object> e : d.header().entrySet()) {
                cells(info, body, e.getKey(), String.valueOf(e.getValue()), "", "");
            }
            pdf.add(info);

            section(pdf, "表体 / Lines", head);
            PdfPTable lines = new PdfPTable(new float[]{5, 8, 14, 12, 22, 10, 7, 10, 12});
            lines.setWidthPercentage(100);
            header(lines, head, "序号", "类别", "料号", "商品编码", "商品名称", "数量", "单位", "单价", "金额");
            for (DocumentLine l : d.lines()) {
                row(lines, body, String.valueOf(l.lineNo()), l.kind().nameZh(), l.itemNo(), l.hsCode(), l.nameZh(),
                        plain(l.quantity()), l.unit(), plain(l.unitPrice()), plain(l.amount()));
            }
            pdf.add(lines);

            if (!d.receipts().isEmpty()) {
                section(pdf, "回执 / Customs receipts", head);
                PdfPTable receipts = new PdfPTable(new float[]{20, 12, 14, 30, 24});
                receipts.setWidthPercentage(100);
                header(receipts, head, "回执编号", "类型", "处理后状态", "原因", "接收时间");
                for (Map<String, Object> r : d.receipts()) {
                    row(receipts, body, str(r.get("receiptId")), str(r.get("kind")), str(r.get("statusAfter")),
                            str(r.get("reason")), r.get("receivedAt") instanceof java.sql.Timestamp ts ? time(ts.toInstant()) : str(r.get("receivedAt")));
                }
                pdf.add(receipts);
            }
            if (!d.postings().isEmpty()) {
                section(pdf, "核增核减 / Postings", head);
                PdfPTable postings = new PdfPTable(new float[]{16, 10, 12, 12, 20});
                postings.setWidthPercentage(100);
                header(postings, head, "料号", "方向", "数量", "结存", "记账时间");
                for (LedgerPosting p : d.postings()) {
                    row(postings, body, p.itemNo(), p.direction().name().equals("INCREASE") ? "核增" : "核减",
                            plain(p.quantity()), plain(p.balanceAfter()), time(p.postedAt()));
                }
                pdf.add(postings);
            }
            Paragraph foot = new Paragraph("打印时间 " + time(Instant.now()) + " · 海南国际贸易单一窗口 零关税专用账册", body);
            foot.setSpacingBefore(12);
            pdf.add(foot);
        } catch (DocumentException e) {
            throw new IllegalStateException("the document could not be laid out as a PDF", e);
        } finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
        return out.toByteArray();
    }

    private static void section(Document pdf, String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        pdf.add(p);
    }

    /** Label/value pairs in one table row, labels shaded: the layout of every printed ledger record. */
    public static void cells(PdfPTable table, Font font, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            PdfPCell c = new PdfPCell(new Phrase(texts[i] == null ? "" : texts[i], font));
            if (i % 2 == 0) {
                c.setGrayFill(0.93f);
            }
            table.addCell(c);
        }
    }

    private static void header(PdfPTable table, Font font, String... texts) {
        for (String s : texts) {
            PdfPCell c = new PdfPCell(new Phrase(s, font));
            c.setGrayFill(0.9f);
            table.addCell(c);
        }
        table.setHeaderRows(1);
    }

    private static void row(PdfPTable table, Font font, String... texts) {
        for (String s : texts) {
            table.addCell(new PdfPCell(new Phrase(s == null ? "" : s, font)));
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** A time as the ledger prints it: Beijing time to the minute, empty when there is none. */
    public static String time(Instant i) {
        return i == null ? "" : TIME.format(i);
    }
}
