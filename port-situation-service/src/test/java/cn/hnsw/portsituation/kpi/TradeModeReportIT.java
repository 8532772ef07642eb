package cn.hnsw.portsituation.kpi;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.portsituation.basedata.PortAdminITAccess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 企业贸易方式报告信息打印 (S1 FP 286) through the real API and PostgreSQL: trade facts of one enterprise recorded at a
 * port, the report printed as a PDF (read back with PDFBox) with the trade modes, import and export values and shares,
 * the CJK font embedded; refused without an enterprise, to enterprises, and for another port to a port-limited officer.
 */
class TradeModeReportIT extends PortSituationIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    void fact(String enterprise, String direction, String mode, long value, Instant at) {
        Api.Reply r = api.post("/v1/monitoring/kpi/facts", operator, Map.of("portCode", "MACUN_PORT",
                "subject", "CARGO_DECLARATION", "dims", Map.of("trade", "FOREIGN", "direction", direction,
                        "enterprise", enterprise, "tradeMode", mode, "goodsType", "机电产品"),
                "measures", Map.of("valueCny", value, "declarations", 1), "occurredAt", at.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static List<PDFont> fonts(byte[] pdf) throws Exception {
        List<PDFont> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    out.add(page.getResources().getFont(name));
                }
            }
        }
        return out;
    }

    @Test
    void theEnterpriseTradeModeReportIsPrintedWithItsModesValuesSharesAndTheChineseFontEmbedded() throws Exception {
        String enterprise = "9146000" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999) + "X";
        LocalDate day = LocalDate.of(2019, 5, 14);
        Instant at = day.atTime(10, 0).atZone(SHANGHAI).toInstant();
        fact(enterprise, "IMPORT", "一般贸易", 1000, at);
        fact(enterprise, "EXPORT", "一般贸易", 500, at.plusSeconds(60));
        fact(enterprise, "IMPORT", "保税仓库进出境货物", 200, at.plusSeconds(120));
        fact("OTHER-" + enterprise, "IMPORT", "一般贸易", 9000, at);
        String range = "from=" + day.atStartOfDay(SHANGHAI).toInstant() + "&to="
                + day.plusDays(1).atStartOfDay(SHANGHAI).toInstant();

        Api.Reply pdf = api.get("/v1/monitoring/kpi/reports/enterprise-trade-mode.pdf?d.enterprise=" + enterprise
                + "&portCode=MACUN_PORT&" + range, customs);
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
        String text = text(pdf.bytes());
        assertThat(text).contains("企业贸易方式报告", enterprise, "MACUN_PORT", "一般贸易", "保税仓库进出境货物",
                "1,700.00", "1,500.00", "1,000.00", "500.00", "200.00", "88.24", "11.76");
        // the other enterprise's trade is not in it
        assertThat(text).doesNotContain("9,000.00").doesNotContain("10,700.00");
        List<PDFont> fonts = fonts(pdf.bytes());
        assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
        assertThat(fonts).anySatisfy(f -> assertThat(f.getName()).contains("NotoSansSC"));

        // an enterprise with no trade in the period: printed, saying so
        assertThat(text(api.get("/v1/monitoring/kpi/reports/enterprise-trade-mode.pdf?d.enterprise=NOBODY-"
                + enterprise + "&" + range, customs).bytes())).contains("本期间无该企业的贸易数据");

        // refused: no enterprise, a bad period, an enterprise login, another port for a port-limited officer
        Api.Reply missing = api.get("/v1/monitoring/kpi/reports/enterprise-trade-mode.pdf?" + range, customs);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asText()).isEqualTo("KPI_QUERY_INVALID");
        assertThat(missing.json().get("messageZh").asText()).isNotBlank();
        assertThat(api.get("/v1/monitoring/kpi/reports/enterprise-trade-mode.pdf?d.enterprise=" + enterprise
                + "&from=2019-05-15T00:00:00Z&to=2019-05-14T00:00:00Z", customs).status()).isEqualTo(400);
        String enterpriseLogin = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
        assertThat(api.get("/v1/monitoring/kpi/reports/enterprise-trade-mode.pdf?d.enterprise=" + enterprise,
                enterpriseLogin).status()).isEqualTo(403);
        String username = "xhprint" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officer = tokens.user(username, "customs-officer").organization("/海口海关").mint();
        String userId = PortAdminITAccess.registerXinhai(api, operator, username);
        try {
            Api.Reply refused = api.get("/v1/monitoring/kpi/reports/enterprise-trade-mode.pdf?d.enterprise=" + enterprise
                    + "&portCode=MACUN_PORT&" + range, officer);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("PORT_SCOPE");
            // their own port: printed, and Macun's trade is not in it
            String own = text(api.get("/v1/monitoring/kpi/reports/enterprise-trade-mode.pdf?d.enterprise=" + enterprise
                    + "&" + range, officer).bytes());
            assertThat(own).contains("XINHAI_PORT", "本期间无该企业的贸易数据").doesNotContain("1,700.00");
        } finally {
            api.delete("/v1/base-data/port-users/" + userId, operator);
        }
    }
}
