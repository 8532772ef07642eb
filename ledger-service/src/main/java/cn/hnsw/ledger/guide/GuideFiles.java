package cn.hnsw.ledger.guide;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
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
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.hnsw.ledger.print.DocumentPdf.cells;
import static cn.hnsw.ledger.print.DocumentPdf.time;

/**
 * The files of the guides (新手指南 and 业务指引): the Excel template (模版下载), its reading (导入: one row per step,
 * rows of the same title make one guide, every wrong row reported), the export of a topic's guides (导出) and the
 * print of one guide (打印) as an A4 PDF with the CJK print font.
 */
@Component
public class GuideFiles {

    static final String[] HEADERS = {"指引标题 Title", "摘要 Summary", "步骤序号 Step no.", "步骤标题 Step title",
            "步骤说明 Step description"};
    static final int MAX_ROWS = 2_000;

    private final PrintFont font;

    public GuideFiles(PrintFont font) {
        this.font = font;
    }

    /** A guide read from the workbook, with the Excel row it starts on. */
    public record ImportedGuide(int row, String title, String summary, List<GuideService.Step> steps) {
    }

    /** A row that could not be read, with the reason in both languages. */
    public record RowError(int row, String messageZh, String messageEn) {
    }

    public byte[] template(String topicNameZh, String topicNameEn) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("指引 Guides");
            header(sheet);
            Sheet help = wb.createSheet("说明 Help");
            help.createRow(0).createCell(0).setCellValue(topicNameZh + " / " + topicNameEn);
            help.createRow(1).createCell(0).setCellValue("每行一个步骤；同一指引标题的各行组成一个指引，按步骤序号排列。");
            help.createRow(2).createCell(0).setCellValue("One step a row; the rows of one title make one guide, in step-number order.");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the guides of a workbook; the caller imports nothing when any row is wrong. */
    public Map.Entry<List<ImportedGuide>, List<RowError>> read(byte[] file) {
        Map<String, ImportedGuide> guides = new LinkedHashMap<>();
        Map<String, List<int[]>> order = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, "more than " + MAX_ROWS + " rows");
            }
            DataFormatter f = new DataFormatter();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                String title = text(row, 0, f);
                String summary = text(row, 1, f);
                String no = text(row, 2, f);
                String stepTitle = text(row, 3, f);
                String description = text(row, 4, f);
                if (title == null && summary == null && no == null && stepTitle == null && description == null) {
                    continue;
                }
                int excelRow = i + 1;
                if (title == null || title.length() > 200) {
                    errors.add(new RowError(excelRow, "指引标题为空或超过 200 字", "the title is empty or longer than 200"));
                    continue;
                }
                Integer seq = null;
                if (no != null) {
                    try {
                        seq = Integer.valueOf(no.replaceAll("\\.0+$", ""));
                    } catch (NumberFormatException e) {
                        errors.add(new RowError(excelRow, "步骤序号“" + no + "”不是整数", "step no. “" + no + "” is not a whole number"));
                        continue;
                    }
                }
                if (stepTitle == null && description != null) {
                    errors.add(new RowError(excelRow, "有步骤说明而无步骤标题", "a step description without a step title"));
                    continue;
                }
                ImportedGuide g = guides.computeIfAbsent(title, t -> new ImportedGuide(excelRow, t, summary, new ArrayList<>()));
                if (stepTitle != null) {
                    order.computeIfAbsent(title, t -> new ArrayList<>()).add(new int[]{seq == null ? Integer.MAX_VALUE : seq,
                            g.steps().size()});
                    g.steps().add(new GuideService.Step(stepTitle, description));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HnswException h) {
                throw h;
            }
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, e.getClass().getSimpleName());
        }
        List<ImportedGuide> out = new ArrayList<>();
        for (ImportedGuide g : guides.values()) {
            List<int[]> o = order.getOrDefault(g.title(), List.of());
            List<int[]> sorted = new ArrayList<>(o);
            sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
            List<GuideService.Step> steps = new ArrayList<>();
            sorted.forEach(s -> steps.add(g.steps().get(s[1])));
            out.add(new ImportedGuide(g.row(), g.title(), g.summary(), steps));
        }
        return Map.entry(out, errors);
    }

    /** 导出: every step of every guide a row, in the template's columns (so an export can be imported again). */
    public byte[] export(List<GuideService.Guide> guides) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("指引 Guides");
            header(sheet);
            int r = 1;
            for (GuideService.Guide g : guides) {
                if (g.steps().isEmpty()) {
                    write(sheet.createRow(r++), g.title(), g.summary(), null, null, null);
                }
                for (int i = 0; i < g.steps().size(); i++) {
                    GuideService.Step s = g.steps().get(i);
                    write(sheet.createRow(r++), g.title(), g.summary(), String.valueOf(i + 1), s.title(), s.description());
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 打印: the guide with its steps and files. */
    public byte[] print(GuideService.Guide g, String topicZh, String topicEn) {
        Font title = new Font(font.font(), 16);
        Font body = new Font(font.font(), 10);
        Font head = new Font(font.font(), 10, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(g.title());
            pdf.open();
            Paragraph t = new Paragraph(g.title(), title);
            t.setAlignment(Element.ALIGN_CENTER);
            pdf.add(t);
            Paragraph sub = new Paragraph(topicZh + " / " + topicEn, body);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(10);
            pdf.add(sub);
            PdfPTable info = new PdfPTable(4);
            info.setWidthPercentage(100);
            cells(info, body, "版本", String.valueOf(g.version()), "更新时间", time(g.updatedAt()));
            cells(info, body, "更新人", g.updatedBy(), "附件", String.valueOf(g.attachments().size()));
            pdf.add(info);
            if (g.summary() != null) {
                Paragraph summary = new Paragraph(g.summary(), body);
                summary.setSpacingBefore(8);
                pdf.add(summary);
            }
            PdfPTable steps = new PdfPTable(new float[]{6, 30, 64});
            steps.setWidthPercentage(100);
            steps.setSpacingBefore(10);
            for (String h : List.of("步骤", "标题", "说明")) {
                PdfPCell c = new PdfPCell(new Phrase(h, head));
                c.setGrayFill(0.9f);
                steps.addCell(c);
            }
            for (int i = 0; i < g.steps().size(); i++) {
                GuideService.Step s = g.steps().get(i);
                for (String v : new String[]{String.valueOf(i + 1), s.title(), s.description()}) {
                    steps.addCell(new PdfPCell(new Phrase(v == null ? "" : v, body)));
                }
            }
            pdf.add(steps);
            Paragraph foot = new Paragraph("打印时间 " + time(Instant.now()) + " · 海南国际贸易单一窗口 专用账册", body);
            foot.setSpacingBefore(12);
            pdf.add(foot);
        } catch (DocumentException e) {
            throw new IllegalStateException("the guide could not be laid out as a PDF", e);
        } finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
        return out.toByteArray();
    }

    private static void header(Sheet sheet) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < HEADERS.length; i++) {
            header.createCell(i).setCellValue(HEADERS[i]);
            sheet.setColumnWidth(i, (i == 4 ? 60 : 22) * 256);
        }
    }

    private static void write(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private static String text(Row row, int col, DataFormatter f) {
        if (row == null || row.getCell(col) == null) {
            return null;
        }
        String v = f.formatCellValue(row.getCell(col));
        return v == null || v.isBlank() ? null : v.strip();
    }
}
