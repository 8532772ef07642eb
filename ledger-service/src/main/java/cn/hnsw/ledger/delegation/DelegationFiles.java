package cn.hnsw.ledger.delegation;

import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.BusinessScope;
import cn.hnsw.ledger.document.LedgerType;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.print.PrintFont;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.hnsw.ledger.print.DocumentPdf.cells;
import static cn.hnsw.ledger.print.DocumentPdf.time;

/**
 * The files of 委托备案: template (模版下载), import with every wrong row reported and nothing imported from a failed file
 * (导入), the Excel export of a list (列表导出 / 被委托记录导出) and the print of one delegation (打印).
 */
@Component
public class DelegationFiles {

    static final String[] HEADERS = {"被委托企业统一社会信用代码 Delegate USCC", "被委托企业名称 Delegate name",
            "账册类型 Ledger type", "业务范围（逗号分隔） Scopes", "有效期至 Valid until (yyyy-MM-dd)"};

    private final PrintFont font;

    public DelegationFiles(PrintFont font) {
        this.font = font;
    }

    public byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("委托备案 Delegations");
            header(sheet, HEADERS);
            Sheet help = wb.createSheet("说明 Help");
            int r = 0;
            for (LedgerType t : LedgerType.values()) {
                help.createRow(r++).createCell(0).setCellValue(t.name() + " — " + t.nameZh() + " / " + t.nameEn() + ": "
                        + java.util.Arrays.stream(BusinessScope.values()).filter(s -> s.appliesTo(t)).map(Enum::name)
                        .collect(Collectors.joining(",")));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the rows; any wrong row refuses the whole file with every wrong row named. */
    public List<DelegationService.NewDelegation> read(byte[] file, String principalName) {
        List<DelegationService.NewDelegation> out = new ArrayList<>();
        List<FieldViolation> errors = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            for (int i = 1; i <= Math.min(sheet.getLastRowNum(), 1000); i++) {
                Row row = sheet.getRow(i);
                String uscc = text(row, 0, f);
                String name = text(row, 1, f);
                String type = text(row, 2, f);
                String scopes = text(row, 3, f);
                String until = text(row, 4, f);
                if (uscc == null && name == null && type == null && scopes == null && until == null) {
                    continue;
                }
                String where = "row[" + (i + 1) + "]";
                try {
                    if (uscc == null || !uscc.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
                        throw new IllegalArgumentException("统一社会信用代码无效 / USCC invalid: " + uscc);
                    }
                    LedgerType ledgerType = LedgerType.valueOf(type == null ? "" : type.strip().toUpperCase());
                    Set<BusinessScope> set = new LinkedHashSet<>();
                    for (String s : (scopes == null ? "" : scopes).split("[,，;；\\s]+")) {
                        if (!s.isBlank()) {
                            set.add(BusinessScope.valueOf(s.strip().toUpperCase()));
                        }
                    }
                    if (set.isEmpty()) {
                        throw new IllegalArgumentException("业务范围为空 / no scope");
                    }
                    LocalDate validUntil = until == null ? null : LocalDate.parse(until.strip());
                    out.add(new DelegationService.NewDelegation(principalName, uscc, name, ledgerType, set, validUntil));
                } catch (RuntimeException e) {
                    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    errors.add(new FieldViolation(where, "DELEGATION_ROW_INVALID", "第 " + (i + 1) + " 行：" + why,
                            "row " + (i + 1) + ": " + why));
                }
            }
        } catch (IOException e) {
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, e.getClass().getSimpleName());
        } catch (org.apache.poi.UnsupportedFileFormatException e) {
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, e.getClass().getSimpleName());
        }
        if (!errors.isEmpty()) {
            throw new HnswException(LedgerErrorCode.EXCEL_ROWS_INVALID, errors, null, errors.size());
        }
        if (out.isEmpty()) {
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, "no delegation in the file");
        }
        return out;
    }

    public byte[] export(List<Delegation> list) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("委托备案 Delegations");
            header(sheet, new String[]{"编号 Id", "委托企业 Principal", "被委托企业 Delegate", "被委托企业名称 Delegate name",
                    "账册类型 Ledger type", "业务范围 Scopes", "状态 Status", "有效期至 Valid until", "创建时间 Created"});
            int r = 1;
            for (Delegation d : list) {
                Row row = sheet.createRow(r++);
                String[] v = {String.valueOf(d.id()), d.principal(), d.delegate(), d.delegateName(), d.ledgerType().name(),
                        d.scopes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), d.status().name(),
                        d.validUntil() == null ? "" : d.validUntil().toString(), time(d.createdAt())};
                for (int i = 0; i < v.length; i++) {
                    row.createCell(i).setCellValue(v[i] == null ? "" : v[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] print(Delegation d) {
        Font title = new Font(font.font(), 16);
        Font body = new Font(font.font(), 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.open();
            Paragraph t = new Paragraph("委托备案", title);
            t.setAlignment(Element.ALIGN_CENTER);
            pdf.add(t);
            Paragraph sub = new Paragraph("Delegation", body);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(10);
            pdf.add(sub);
            PdfPTable info = new PdfPTable(4);
            info.setWidthPercentage(100);
            cells(info, body, "编号", String.valueOf(d.id()), "状态", d.status().name());
            cells(info, body, "委托企业", d.principal(), "委托企业名称", d.principalName());
            cells(info, body, "被委托企业", d.delegate(), "被委托企业名称", d.delegateName());
            cells(info, body, "账册类型", d.ledgerType().nameZh(), "有效期至", d.validUntil() == null ? "" : d.validUntil().toString());
            cells(info, body, "业务范围", d.scopes().stream().map(BusinessScope::nameZh).sorted().collect(Collectors.joining("、")),
                    "审核意见", d.reviewComment());
            cells(info, body, "创建时间", time(d.createdAt()), "审核时间", time(d.reviewedAt()));
            pdf.add(info);
            Paragraph foot = new Paragraph("打印时间 " + time(Instant.now()) + " · 海南国际贸易单一窗口 专用账册", body);
            foot.setSpacingBefore(12);
            pdf.add(foot);
        } catch (DocumentException e) {
            throw new IllegalStateException("the delegation could not be laid out as a PDF", e);
        } finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
        return out.toByteArray();
    }

    private static void header(Sheet sheet, String[] headers) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            header.createCell(i).setCellValue(headers[i]);
            sheet.setColumnWidth(i, 24 * 256);
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
