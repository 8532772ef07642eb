package cn.hnsw.ledger.jointchain;

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
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.hnsw.ledger.print.DocumentPdf.cells;
import static cn.hnsw.ledger.print.DocumentPdf.time;

/**
 * The files of 联合加工增值产业链备案: export of a list of chains (导出, FP 1622, 1635, 1637), the member template and its
 * import (模版下载 / 导入, FP 1623–1624), and the print of one chain (打印, FP 1625) as an A4 PDF with the CJK print font.
 */
@Component
public class JointChainFiles {

    static final List<String> TEMPLATE_COLUMNS = List.of("产业链次序 / order", "统一社会信用代码 / credit code",
            "企业名称 / enterprise name", "加工环节 / processing step");

    private final PrintFont font;

    public JointChainFiles(PrintFont font) {
        this.font = font;
    }

    /** One row per member of each chain, chain fields repeated, in chain order. */
    public byte[] export(List<JointChain> chains) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("联合加工增值产业链");
            row(sheet, 0, "产业链编号", "产业链名称", "发起企业", "确认状态", "海关审批状态", "异常原因", "次序",
                    "企业统一社会信用代码", "企业名称", "加工环节", "企业确认", "信用等级", "创建时间");
            int r = 1;
            for (JointChain c : chains) {
                for (JointChain.Member m : c.members()) {
                    row(sheet, r++, c.chainNo(), c.name(), c.initiator(), c.status().name(), c.customsStatus().name(),
                            c.anomalyReason(), String.valueOf(m.seq()), m.enterprise(), m.enterpriseName(), m.step(),
                            m.status().name(), m.creditGradeZh(), time(c.createdAt()));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("产业链企业");
            row(sheet, 0, TEMPLATE_COLUMNS.toArray(String[]::new));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An import row that could not be read, with its row number as Excel shows it (1 = the header). */
    public record RowError(int row, String messageZh, String messageEn) {
    }

    public record Imported(List<JointChainService.MemberInput> members, List<RowError> errors) {
    }

    /** Reads the members of the template, ordered by their chain order; every bad row reported. */
    public Imported read(byte[] file) {
        List<JointChainService.MemberInput> members = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        List<Integer> orders = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null || fmt.formatCellValue(row.getCell(1)).isBlank()) {
                    continue;
                }
                String order = fmt.formatCellValue(row.getCell(0)).strip();
                String uscc = fmt.formatCellValue(row.getCell(1)).strip();
                if (!order.matches("[1-9][0-9]{0,2}")) {
                    errors.add(new RowError(i + 1, "产业链次序须为正整数", "the chain order must be a positive whole number"));
                    continue;
                }
                if (!uscc.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
                    errors.add(new RowError(i + 1, "统一社会信用代码无效：" + uscc, "invalid unified social credit code: " + uscc));
                    continue;
                }
                orders.add(Integer.parseInt(order));
                members.add(new JointChainService.MemberInput(uscc, blankToNull(fmt.formatCellValue(row.getCell(2))),
                        blankToNull(fmt.formatCellValue(row.getCell(3)))));
            }
        } catch (IOException | RuntimeException e) {
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, e.getClass().getSimpleName());
        }
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            index.add(i);
        }
        index.sort((a, b) -> Integer.compare(orders.get(a), orders.get(b)));
        return new Imported(index.stream().map(members::get).toList(), errors);
    }

    public byte[] print(JointChain c, List<java.util.Map<String, Object>> receipts) {
        Font title = new Font(font.font(), 16);
        Font body = new Font(font.font(), 9);
        Font head = new Font(font.font(), 9, Font.BOLD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(c.chainNo());
            pdf.open();
            Paragraph t = new Paragraph("联合加工增值产业链备案", title);
            t.setAlignment(Element.ALIGN_CENTER);
            pdf.add(t);
            Paragraph sub = new Paragraph("Joint value-added industry chain filing", body);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(10);
            pdf.add(sub);
            PdfPTable info = new PdfPTable(4);
            info.setWidthPercentage(100);
            cells(info, body, "产业链编号", c.chainNo(), "产业链名称", c.name());
            cells(info, body, "发起企业", c.initiator(), "确认状态", c.status().name());
            cells(info, body, "海关审批", c.customsStatus().name(), "异常原因", c.anomalyReason());
            cells(info, body, "产品商品编码", c.productHsCode(), "产品名称", c.productName());
            cells(info, body, "创建时间", time(c.createdAt()), "复制自", c.copiedFrom());
            pdf.add(info);
            Paragraph members = new Paragraph("产业链企业 / Enterprises in chain order", head);
            members.setSpacingBefore(10);
            members.setSpacingAfter(4);
            pdf.add(members);
            PdfPTable table = new PdfPTable(new float[]{5, 24, 22, 16, 12, 10, 11});
            table.setWidthPercentage(100);
            for (String h : List.of("次序", "统一社会信用代码", "企业名称", "加工环节", "确认", "信用等级", "确认时间")) {
                PdfPCell cell = new PdfPCell(new Phrase(h, head));
                cell.setGrayFill(0.9f);
                table.addCell(cell);
            }
            for (JointChain.Member m : c.members()) {
                for (String v : new String[]{String.valueOf(m.seq()), m.enterprise(), m.enterpriseName(), m.step(),
                        m.status().name() + (m.reason() == null ? "" : "（" + m.reason() + "）"), m.creditGradeZh(),
                        time(m.decidedAt())}) {
                    table.addCell(new PdfPCell(new Phrase(v == null ? "" : v, body)));
                }
            }
            pdf.add(table);
            if (!receipts.isEmpty()) {
                Paragraph r = new Paragraph("海关审批回执 / Customs approval receipts", head);
                r.setSpacingBefore(10);
                r.setSpacingAfter(4);
                pdf.add(r);
                PdfPTable rt = new PdfPTable(new float[]{24, 14, 40, 22});
                rt.setWidthPercentage(100);
                for (java.util.Map<String, Object> rec : receipts) {
                    for (Object v : new Object[]{rec.get("receiptId"), rec.get("kind"), rec.get("reason"),
                            rec.get("receivedAt") instanceof java.sql.Timestamp ts ? time(ts.toInstant()) : rec.get("receivedAt")}) {
                        rt.addCell(new PdfPCell(new Phrase(v == null ? "" : v.toString(), body)));
                    }
                }
                pdf.add(rt);
            }
            Paragraph foot = new Paragraph("打印时间 " + time(Instant.now()) + " · 海南国际贸易单一窗口 零关税专用账册", body);
            foot.setSpacingBefore(12);
            pdf.add(foot);
        } catch (DocumentException e) {
            throw new IllegalStateException("the chain could not be laid out as a PDF", e);
        } finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
        return out.toByteArray();
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
