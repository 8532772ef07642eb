package cn.hnsw.customs.declaration;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * 报关单打印 (FP 94–100, 160–166): the declaration as a printable HTML page in the layout of the paper form — header
 * grid, then the goods items table. The screen opens it and calls the browser's print.
 */
public final class DeclarationPrint {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private DeclarationPrint() {
    }

    public static String html(DeclarationDocument d) {
        return html(d, PrintTemplate.standard(d.declarationType()));
    }

    /** The declaration printed by a template: its title (or the paper form's), its item columns, its footer. */
    public static String html(DeclarationDocument d, PrintTemplate template) {
        DeclarationHeader h = d.header();
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(e(d.declarationType().nameZh())).append("报关单 ").append(e(d.preEntryNo()))
                .append("</title><style>body{font-family:'SimSun','Songti SC',serif;font-size:12px}"
                        + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:3px 5px;vertical-align:top}"
                        + "th{background:#f2f2f2;font-weight:normal}h1{text-align:center;font-size:18px}"
                        + ".label{color:#555;font-size:10px;display:block}</style></head><body>");
        if (template.title() != null) {
            sb.append("<h1>").append(e(template.title())).append("</h1>");
        } else {
            sb.append("<h1>中华人民共和国海关").append(d.importExport() == DeclarationType.ImportExport.IMPORT ? "进口" : "出口")
                    .append("货物报关单（").append(e(d.declarationType().nameZh())).append("）</h1>");
        }
        sb.append("<p>预录入编号：").append(e(d.preEntryNo())).append("　海关编号：").append(e(d.customsNo()))
                .append("　状态：").append(e(d.status().nameZh())).append("</p><table>");
        row(sb, "境内收发货人", n(h.domesticTraderName()) + " " + n(h.domesticTraderUscc()), "进境关别", h.entryExitCustoms(),
                "申报日期", d.submittedAt() == null ? "" : TIME.format(d.submittedAt()), "备案号", h.ledgerNo());
        row(sb, "境外收发货人", h.overseasTraderName(), "运输方式", h.transportMode(), "运输工具名称及航次号",
                n(h.vesselName()) + " / " + n(h.voyageNo()), "提运单号", h.billOfLadingNo());
        row(sb, "申报单位", n(h.declarantName()) + " " + n(h.declarantUscc()), "监管方式", h.supervisionMode(),
                "征免性质", h.levyNature(), "合同协议号", h.contractNo());
        row(sb, "贸易国（地区）", h.tradingCountry(), "启运国（地区）", h.departureCountry(), "经停港", h.portCode(),
                "成交方式", h.transactionMode());
        row(sb, "包装种类", h.packageType(), "件数", h.packages() == null ? "" : h.packages().toString(), "毛重（千克）",
                h.grossWeight() == null ? "" : h.grossWeight().toPlainString(), "净重（千克）",
                h.netWeight() == null ? "" : h.netWeight().toPlainString());
        sb.append("<tr><td colspan=\"8\"><span class=\"label\">标记唛码及备注</span>").append(e(h.remark()))
                .append("　货物属性：").append(e(h.goodsAttributes())).append("</td></tr></table><br><table><tr>");
        for (PrintTemplate.Column c : template.itemColumns()) {
            sb.append("<th>").append(c.titleZh()).append("</th>");
        }
        sb.append("</tr>");
        for (DeclarationItem i : d.items()) {
            sb.append("<tr>");
            for (PrintTemplate.Column c : template.itemColumns()) {
                sb.append("<td>").append(cell(i, c)).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</table>");
        if (template.footer() != null) {
            sb.append("<p class=\"footer\">").append(e(template.footer())).append("</p>");
        }
        sb.append("</body></html>");
        return sb.toString();
    }

    private static String cell(DeclarationItem i, PrintTemplate.Column c) {
        return switch (c) {
            case SEQ -> String.valueOf(i.seq());
            case HS_CODE -> e(i.hsCode());
            case NAME_SPEC -> e(i.name()) + "<br>" + e(i.specification());
            case QUANTITY_UNIT -> (i.quantity() == null ? "" : i.quantity().toPlainString()) + ' ' + e(i.unit());
            case PRICE -> (i.unitPrice() == null ? "" : i.unitPrice().toPlainString()) + " / "
                    + (i.totalPrice() == null ? "" : i.totalPrice().toPlainString()) + ' ' + e(i.currency());
            case ORIGIN -> e(i.originCountry());
            case DESTINATION -> e(i.destinationCountry());
            case LEVY -> e(i.levyMode());
        };
    }

    private static void row(StringBuilder sb, String... labelsAndValues) {
        sb.append("<tr>");
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            sb.append("<td colspan=\"2\"><span class=\"label\">").append(e(labelsAndValues[i])).append("</span>")
                    .append(e(labelsAndValues[i + 1])).append("</td>");
        }
        sb.append("</tr>");
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    static String e(String s) {
        if (s == null || s.equals("null")) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
