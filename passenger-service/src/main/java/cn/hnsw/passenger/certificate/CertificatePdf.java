package cn.hnsw.passenger.certificate;

import cn.hnsw.passenger.declaration.BaggageDeclaration;
import cn.hnsw.passenger.declaration.DeclarationService;
import cn.hnsw.passenger.tax.TaxLine;
import cn.hnsw.passenger.tax.TaxPayment;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Lays out the tax-paid certificate as a PDF: Chinese first, English second, with the verification QR code. */
@Component
public class CertificatePdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(DeclarationService.CHINA);

    private final CertificateFont font;

    public CertificatePdf(CertificateFont font) {
        this.font = font;
    }

    public byte[] render(TaxPaidCertificate c, TaxPayment tax, BaggageDeclaration d, String verificationUrl) {
        Font title = new Font(font.font(), 18);
        Font body = new Font(font.font(), 10.5f);
        Font small = new Font(font.font(), 8.5f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            doc.addTitle("完税证明 Tax-paid certificate " + c.certificateNo());
            doc.addCreator("海南国际贸易单一窗口 Hainan Single Window");
            doc.open();
            Paragraph heading = new Paragraph("中华人民共和国海关 旅客行李物品完税证明", title);
            heading.setAlignment(Element.ALIGN_CENTER);
            doc.add(heading);
            Paragraph sub = new Paragraph("Tax-paid certificate for a traveler's baggage articles", body);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(14);
            doc.add(sub);

            PdfPTable facts = new PdfPTable(new float[] {1.3f, 2f});
            facts.setWidthPercentage(100);
            row(facts, body, "证明编号 Certificate no.", c.certificateNo());
            row(facts, body, "税款编号 Tax no.", tax.taxNo());
            row(facts, body, "申报单号 Declaration no.", d.declarationNo());
            row(facts, body, "旅客姓名 Traveler", nullToDash(d.content().travelerName()));
            row(facts, body, "离岛口岸 Port", d.content().port().nameZh() + " " + d.content().port().nameEn());
            row(facts, body, "离岛日期 Departure", d.content().departureDate().toString());
            row(facts, body, "票号 Ticket no.", nullToDash(d.content().ticketNo()));
            row(facts, body, "缴税渠道 Paid through", nullToDash(tax.paidChannel()));
            row(facts, body, "缴税时间 Paid at", tax.paidAt() == null ? "-" : TIME.format(tax.paidAt()));
            row(facts, body, "开具时间 Issued at", TIME.format(c.issuedAt()));
            doc.add(facts);

            Paragraph linesTitle = new Paragraph("税款明细 Tax details", body);
            linesTitle.setSpacingBefore(12);
            linesTitle.setSpacingAfter(6);
            doc.add(linesTitle);
            PdfPTable lines = new PdfPTable(new float[] {0.5f, 2.4f, 1.3f, 0.8f, 1.2f});
            lines.setWidthPercentage(100);
            for (String h : new String[] {"序号 No.", "物品 Article", "完税价格 Dutiable value", "税率 Rate", "税额 Tax"}) {
                lines.addCell(cell(h, small));
            }
            for (TaxLine l : tax.lines()) {
                lines.addCell(cell(String.valueOf(l.index() + 1), body));
                lines.addCell(cell(l.name(), body));
                lines.addCell(cell(l.dutiableValue().toPlainString(), body));
                lines.addCell(cell(l.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%", body));
                lines.addCell(cell(l.tax().toPlainString(), body));
            }
            PdfPCell total = cell("合计（人民币元） Total (CNY)", body);
            total.setColspan(4);
            lines.addCell(total);
            lines.addCell(cell(tax.total().toPlainString(), body));
            doc.add(lines);

            Image qr = Image.getInstance(QrCodes.png(verificationUrl, 300));
            qr.scaleAbsolute(120, 120);
            qr.setAlignment(Element.ALIGN_CENTER);
            qr.setSpacingBefore(16);
            doc.add(qr);
            Paragraph verify = new Paragraph("扫描二维码或访问以下地址核验本证明 Scan the code or open the address to verify:\n"
                    + verificationUrl, small);
            verify.setAlignment(Element.ALIGN_CENTER);
            doc.add(verify);
            Paragraph note = new Paragraph("本证明由海南国际贸易单一窗口依据海关税款缴纳结果自动生成。"
                    + " Generated by the Hainan Single Window from the customs payment record.", small);
            note.setSpacingBefore(10);
            doc.add(note);
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("certificate " + c.certificateNo() + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static void row(PdfPTable t, Font f, String label, String value) {
        t.addCell(cell(label, f));
        t.addCell(cell(value, f));
    }

    private static PdfPCell cell(String text, Font f) {
        PdfPCell cell = new PdfPCell(new Phrase(text, f));
        cell.setPadding(4);
        return cell;
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
