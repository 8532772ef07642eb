package cn.hnsw.ledger.qualification;

import cn.hnsw.ledger.print.PrintFont;
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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.hnsw.ledger.print.DocumentPdf.time;

/**
 * 首页-企业备案资质公示 (FP 1474–1479): the public register of enterprises whose beneficiary qualification is in force,
 * its views counted per day (浏览统计), printed (打印) and exported (导出).
 */
@Service
public class QualificationPublication {

    private static final ZoneId HAINAN = ZoneId.of("Asia/Shanghai");

    private final QualificationService qualifications;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PrintFont font;

    public QualificationPublication(QualificationService qualifications, JdbcClient jdbc, Clock clock, PrintFont font) {
        this.qualifications = qualifications;
        this.jdbc = jdbc;
        this.clock = clock;
        this.font = font;
    }

    /** 公示信息查询: the register, counted as one view. */
    public List<Qualification> view() {
        jdbc.sql("""
                        INSERT INTO qualification_publication_view (day, views) VALUES (:d, 1)
                        ON CONFLICT (day) DO UPDATE SET views = qualification_publication_view.views + 1""")
                .param("d", Date.valueOf(today())).update();
        return qualifications.beneficiaries();
    }

    /** 浏览统计: views today, in the last 30 days and in all. */
    public Map<String, Object> views() {
        LocalDate today = today();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("today", sum(today, today));
        out.put("last30Days", sum(today.minusDays(29), today));
        out.put("total", jdbc.sql("SELECT coalesce(sum(views), 0) FROM qualification_publication_view").query(Long.class).single());
        out.put("byDay", jdbc.sql("""
                        SELECT day, views FROM qualification_publication_view WHERE day >= :from ORDER BY day""")
                .param("from", Date.valueOf(today.minusDays(29)))
                .query((rs, n) -> Map.of("day", rs.getDate(1).toString(), "views", rs.getLong(2))).list());
        return out;
    }

    public byte[] export() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("资质公示 Register");
            String[] headers = {"统一社会信用代码 USCC", "企业名称 Enterprise", "资质证书编号 Certificate", "生效日期 Valid from", "截止日期 Valid to"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
                sheet.setColumnWidth(i, 24 * 256);
            }
            int r = 1;
            for (Qualification q : qualifications.beneficiaries()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(q.enterprise());
                row.createCell(1).setCellValue(q.enterpriseName() == null ? "" : q.enterpriseName());
                row.createCell(2).setCellValue(q.certificateNo());
                row.createCell(3).setCellValue(String.valueOf(q.validFrom()));
                row.createCell(4).setCellValue(q.validTo() == null ? "" : q.validTo().toString());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] print() {
        Font title = new Font(font.font(), 16);
        Font body = new Font(font.font(), 9);
        Font head = new Font(font.font(), 9, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.open();
            Paragraph t = new Paragraph("零关税享惠主体企业资质公示", title);
            t.setAlignment(Element.ALIGN_CENTER);
            pdf.add(t);
            Paragraph sub = new Paragraph("Public register of zero-tariff beneficiary enterprises", body);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(10);
            pdf.add(sub);
            PdfPTable table = new PdfPTable(new float[]{28, 32, 22, 18});
            table.setWidthPercentage(100);
            for (String h : List.of("统一社会信用代码", "企业名称", "资质证书编号", "生效日期")) {
                PdfPCell c = new PdfPCell(new Phrase(h, head));
                c.setGrayFill(0.9f);
                table.addCell(c);
            }
            for (Qualification q : qualifications.beneficiaries()) {
                for (String v : new String[]{q.enterprise(), q.enterpriseName(), q.certificateNo(), String.valueOf(q.validFrom())}) {
                    table.addCell(new PdfPCell(new Phrase(v == null ? "" : v, body)));
                }
            }
            pdf.add(table);
            Paragraph foot = new Paragraph("打印时间 " + time(Instant.now()) + " · 海南国际贸易单一窗口 专用账册", body);
            foot.setSpacingBefore(12);
            pdf.add(foot);
        } catch (DocumentException e) {
            throw new IllegalStateException("the register could not be laid out as a PDF", e);
        } finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
        return out.toByteArray();
    }

    private long sum(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT coalesce(sum(views), 0) FROM qualification_publication_view WHERE day BETWEEN :f AND :t")
                .param("f", Date.valueOf(from)).param("t", Date.valueOf(to)).query(Long.class).single();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(HAINAN));
    }
}
