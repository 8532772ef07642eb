package cn.hnsw.passenger.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hnsw.passenger.support.PartnerDouble;
import cn.hnsw.passenger.support.PassengerITBase;
import cn.hnsw.passenger.support.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** FP 34–73: tax due → tax entry → tripartite agreement → payment and its notifications → certificate with QR. */
class OnlineTaxAndCertificateIT extends TaxFlowSupport {

    private byte[] alipayNotification(String notifyId, String orderNo, String amount, String keyHolder,
                                      boolean forged) throws Exception {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("notify_id", notifyId);
        n.put("out_trade_no", orderNo);
        n.put("trade_no", "2026" + notifyId);
        n.put("total_amount", amount);
        n.put("trade_status", "TRADE_SUCCESS");
        var sealer = forged ? TestKeys.forgerSealer(keyHolder) : TestKeys.partnerSealer(keyHolder);
        return sealer.seal(JSON.writeValueAsBytes(n), keyHolder, TestKeys.PLATFORM).toJson();
    }

    @Test
    void travelerPaysOnceWhateverNotificationsArriveAndGetsAVerifiableCertificate() throws Exception {
        String token = traveler("zhang.wei");
        String[] ids = taxDue(token);
        String declarationId = ids[0];
        String conversation = ids[1];
        String taxId = ids[2];
        assertThat(PARTNERS.received(TestKeys.CUSTOMS, "TAX_ENTRY")).isNotEmpty();
        enterAndSign(token, taxId, "ALIPAY");
        assertThat(PARTNERS.received(TestKeys.CUSTOMS, "AGREEMENT_RECEIPT").stream()
                .anyMatch(r -> r.body().path("channel").asText().equals("ALIPAY"))).isTrue();
        assertThat(PARTNERS.received(ALIPAY, "TRIPARTITE_AGREEMENT_RECEIPT")).isNotEmpty();

        HttpResponse<String> disabled = call("POST", "/v1/taxes/" + taxId + "/payment-orders", token,
                Map.of("channel", "RESERVED_1"));
        assertThat(disabled.statusCode()).isEqualTo(400);
        assertThat(json(disabled).path("code").asText()).isEqualTo("CHANNEL_DISABLED");
        JsonNode orderA = json(call("POST", "/v1/taxes/" + taxId + "/payment-orders", token, Map.of("channel", "ALIPAY")));
        JsonNode orderB = json(call("POST", "/v1/taxes/" + taxId + "/payment-orders", token, Map.of("channel", "ALIPAY")));
        String a = orderA.path("orderNo").asText();
        String b = orderB.path("orderNo").asText();
        JsonNode placed = PARTNERS.received(ALIPAY, "PAYMENT_ORDER").stream().map(PartnerDouble.Received::body)
                .filter(o -> o.path("out_trade_no").asText().equals(a)).findFirst().orElseThrow();
        assertThat(placed.path("total_amount").asText()).isEqualTo("2959.00");

        int notifications = count("payment_notification");
        HttpResponse<String> forged = notify("ALIPAY", alipayNotification("N-FORGED", a, "2959.00", ALIPAY, true));
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongSigner = notify("ALIPAY", alipayNotification("N-TENPAY", a, "2959.00",
                "wallet-tenpay", false));
        assertThat(wrongSigner.statusCode()).isEqualTo(401);
        assertThat(json(wrongSigner).path("code").asText()).isEqualTo("UNKNOWN_SIGNER");
        HttpResponse<String> unknown = notify("ALIPAY", alipayNotification("N-UNKNOWN", "PO-NO-SUCH", "2959.00",
                ALIPAY, false));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("code").asText()).isEqualTo("ORDER_NOT_FOUND");
        HttpResponse<String> personal = call("POST", "/v1/payment-notifications/ALIPAY", token,
                alipayNotification("N-PERSON", a, "2959.00", ALIPAY, false));
        assertThat(personal.statusCode()).isEqualTo(403);
        assertThat(count("payment_notification")).isEqualTo(notifications);
        assertThat(json(call("GET", "/v1/taxes/" + taxId, token, null)).path("status").asText())
                .isEqualTo("AGREEMENT_SIGNED");

        byte[] first = alipayNotification("N-1", a, "2959.00", ALIPAY, false);
        HttpResponse<String> credited = notify("ALIPAY", first);
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
        assertThat(json(credited).path("outcome").asText()).isEqualTo("CREDITED");
        assertThat(notify("ALIPAY", first).statusCode()).isEqualTo(409);
        assertThat(json(notify("ALIPAY", alipayNotification("N-1", a, "2959.00", ALIPAY, false)))
                .path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(json(notify("ALIPAY", alipayNotification("N-2", a, "2959.00", ALIPAY, false)))
                .path("outcome").asText()).isEqualTo("ALREADY_PAID");
        assertThat(json(notify("ALIPAY", alipayNotification("N-3", b, "2959.00", ALIPAY, false)))
                .path("outcome").asText()).isEqualTo("DOUBLE_PAYMENT");

        JsonNode tax = json(call("GET", "/v1/taxes/" + taxId, token, null));
        assertThat(tax.path("status").asText()).isEqualTo("PAID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment_order WHERE tax_payment_id = ?::uuid AND status = 'PAID'",
                Integer.class, taxId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tax_paid_certificate WHERE tax_payment_id = ?::uuid",
                Integer.class, taxId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE event_type = 'hnsw.passenger.tax-paid' "
                + "AND aggregate_id = ?", Integer.class, taxId)).isEqualTo(1);
        assertThat(detail(token, declarationId).path("status").asText()).isEqualTo("TAX_PAID");
        await().atMost(Duration.ofSeconds(10)).until(() -> PARTNERS.received(TestKeys.CUSTOMS, "TAX_PAID").stream()
                .anyMatch(r -> r.body().path("taxNo").asText().equals(tax.path("taxNo").asText())));

        pushReceipt(sealedReceipt(conversation, 1, "SUBMIT", "RELEASED", Map.of()));
        assertThat(detail(token, declarationId).path("status").asText()).isEqualTo("RELEASED");

        JsonNode certificate = json(call("GET", "/v1/taxes/" + taxId + "/certificate", token, null));
        String certificateId = certificate.path("id").asText();
        String certificateNo = certificate.path("certificateNo").asText();
        HttpResponse<byte[]> pdf = getBytes("/v1/certificates/" + certificateId + "/pdf", token);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("完税证明").contains(certificateNo).contains("2959.00").contains("王小明")
                    .contains("海口美兰国际机场");
            List<PDFont> fonts = new ArrayList<>();
            PDPage page = doc.getPage(0);
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(pdf.body().length).isLessThan(1_000_000);
        }
        assertThat(getBytes("/v1/certificates/" + certificateId + "/pdf", traveler("intruder")).statusCode())
                .isEqualTo(404);
        HttpResponse<byte[]> inline = getBytes("/v1/certificates/" + certificateId + "/pdf?inline=true", token);
        assertThat(inline.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");

        HttpResponse<byte[]> qr = getBytes("/v1/certificates/" + certificateId + "/qr", token);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String url = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(url).isEqualTo(certificate.path("verificationUrl").asText());
        String code = url.substring(url.lastIndexOf('/') + 1);
        HttpResponse<String> verified = call("GET", "/v1/public/certificates/" + code, null, null);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(json(verified).path("certificateNo").asText()).isEqualTo(certificateNo);
        assertThat(json(verified).path("status").asText()).isEqualTo("VALID");
        assertThat(verified.body()).doesNotContain("王小明").doesNotContain("460100199001011234")
                .doesNotContain("HU7181").doesNotContain("traveler-zhang.wei");
        assertThat(call("GET", "/v1/public/certificates/" + "0".repeat(32), null, null).statusCode()).isEqualTo(404);

        JsonNode confirmed = json(call("POST", "/v1/certificates/" + certificateId + "/confirmation", token, null));
        assertThat(confirmed.path("confirmedAt").isMissingNode()).isFalse();
        JsonNode timeline = json(call("GET", "/v1/declarations/" + declarationId + "/timeline", token, null));
        assertThat(timeline.path("steps").findValuesAsText("kind")).containsSubsequence("RECEIPT_TAX_DUE",
                "TAX_ENTERED", "AGREEMENT_SIGNED", "TAX_PAID", "RECEIPT_RELEASED", "CERTIFICATE_CONFIRMED");

        JsonNode mine = json(call("GET", "/v1/taxes?status=PAID&minTotal=2000&maxTotal=3000", token, null));
        assertThat(mine.path("content").findValuesAsText("id")).contains(taxId);
        assertThat(json(call("GET", "/v1/taxes?status=PAID", traveler("someone.else"), null))
                .path("content").findValuesAsText("id")).doesNotContain(taxId);
        assertThat(json(call("GET", "/v1/certificates", token, null)).findValuesAsText("certificateNo"))
                .contains(certificateNo);
        assertThat(json(call("GET", "/v1/declarations?status=RELEASED", token, null)).path("content")
                .findValuesAsText("id")).contains(declarationId);

        // 日志处理: each step, each refusal and each read of personal data is in a log an operator can query
        String ops = officer("ops.auditor", "sw-operator");
        JsonNode taxLog = json(call("GET", "/v1/admin/operation-log?size=100&businessId=" + taxId, ops, null));
        assertThat(taxLog.path("content").findValuesAsText("action")).contains(
                "POST /api/passenger/v1/taxes/{id}/entry", "POST /api/passenger/v1/taxes/{id}/agreement",
                "POST /api/passenger/v1/taxes/{id}/payment-orders");
        assertThat(rows(taxLog, "POST /api/passenger/v1/taxes/{id}/entry")).as("FP 40: refused and accepted entry")
                .contains("FAILURE:HTTP 400", "SUCCESS:HTTP 200");
        assertThat(rows(taxLog, "POST /api/passenger/v1/taxes/{id}/agreement")).as("FP 47: unsigned and signed")
                .contains("FAILURE:HTTP 400", "SUCCESS:HTTP 200");
        assertThat(jdbc.queryForList("SELECT error_code FROM partner_message WHERE message_type = 'PAYMENT_NOTIFICATION' "
                + "AND business_id = ?", String.class, a)).as("FP 59: every applied notification and its outcome")
                .contains("CREDITED", "DUPLICATE", "ALREADY_PAID");
        assertThat(jdbc.queryForList("SELECT error_code FROM partner_message WHERE message_type = 'PAYMENT_NOTIFICATION' "
                + "AND outcome = 'REFUSED'", String.class)).as("FP 59: refused notifications too")
                .contains("UNKNOWN_SIGNER", "REPLAYED");
        JsonNode certificateLog = json(call("GET", "/v1/admin/operation-log?size=100&businessId=" + certificateId, ops, null));
        assertThat(certificateLog.path("content").findValuesAsText("action")).contains("CERTIFICATE_DOWNLOAD",
                "CERTIFICATE_PREVIEW", "CERTIFICATE_QR_DISPLAY", "CERTIFICATE_DETAIL");
        assertThat(certificateLog.path("content").findValuesAsText("actorName")).containsOnly("zhang.wei");
        JsonNode verifications = json(call("GET", "/v1/admin/operation-log?size=100&action=CERTIFICATE_QR_VERIFY", ops, null));
        assertThat(rows(verifications, "CERTIFICATE_QR_VERIFY")).as("FP 69: public checks, failed ones too")
                .contains("SUCCESS:public check", "FAILURE:VERIFICATION_FAILED");
        JsonNode queries = json(call("GET", "/v1/admin/operation-log?size=100&actor=zhang.wei&action=QUERY", ops, null));
        assertThat(queries.path("content").findValuesAsText("action")).as("FP 73, 78")
                .contains("CERTIFICATE_QUERY", "CLEARANCE_QUERY");
        assertThat(json(call("GET", "/v1/admin/operation-log?size=100&businessId=" + declarationId, ops, null))
                .path("content").findValuesAsText("action")).contains("CLEARANCE_TIMELINE");
        assertThat(call("GET", "/v1/admin/operation-log?businessId=" + taxId, token, null).statusCode()).isEqualTo(403);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"BOC, bank-boc-hainan", "CCB, bank-ccb-hainan", "ABC, bank-abc-hainan"})
    void eachBankChannelTakesItsOrderAndCreditsOnlyItsOwnSignedNotification(String channel, String bank) throws Exception {
        String token = traveler("bank." + channel.toLowerCase());
        String taxId = taxDue(token)[2];
        enterAndSign(token, taxId, channel);
        assertThat(PARTNERS.received(bank, "TRIPARTITE_AGREEMENT_RECEIPT")).isNotEmpty();
        String orderNo = json(call("POST", "/v1/taxes/" + taxId + "/payment-orders", token, Map.of("channel", channel)))
                .path("orderNo").asText();
        assertThat(PARTNERS.received(bank, "PAYMENT_ORDER").stream()
                .anyMatch(o -> o.body().path("orderNo").asText().equals(orderNo))).isTrue();
        Map<String, Object> n = Map.of("notificationId", channel + "-1", "orderNo", orderNo, "bankSerialNo", channel + "0001",
                "amount", "2959.00", "result", "SUCCESS");
        String other = "bank-icbc-hainan".equals(bank) ? "bank-boc-hainan" : "bank-icbc-hainan";
        HttpResponse<String> wrongBank = notify(channel, TestKeys.partnerSealer(other)
                .seal(JSON.writeValueAsBytes(n), other, TestKeys.PLATFORM).toJson());
        assertThat(wrongBank.statusCode()).as("another bank's key").isEqualTo(401);
        assertThat(json(call("GET", "/v1/taxes/" + taxId, token, null)).path("status").asText()).isEqualTo("AGREEMENT_SIGNED");
        HttpResponse<String> credited = notify(channel, TestKeys.partnerSealer(bank)
                .seal(JSON.writeValueAsBytes(n), bank, TestKeys.PLATFORM).toJson());
        assertThat(json(credited).path("outcome").asText()).as(credited.body()).isEqualTo("CREDITED");
        JsonNode paid = json(call("GET", "/v1/taxes/" + taxId, token, null));
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("paidChannel").asText()).isEqualTo(channel);
    }

    @Test
    void officersEditTheAgreementTextAndATravelerMustReadTheNewVersionBeforeSigning() {
        String finance = officer("huang.li", "customs-finance");
        String token = traveler("zhou.min");
        JsonNode original = json(call("GET", "/v1/agreement-text", token, null));
        Map<String, Object> restore = Map.of("titleZh", original.path("titleZh").asText(), "titleEn",
                original.path("titleEn").asText(), "bodyZh", original.path("bodyZh").asText(), "bodyEn",
                original.path("bodyEn").asText());
        String taxId = taxDue(token)[2];
        assertThat(json(call("POST", "/v1/taxes/" + taxId + "/entry", token, Map.of("confirmedTotal", "2959.00")))
                .path("status").asText()).isEqualTo("ENTERED");
        int seen = json(call("GET", "/v1/taxes/" + taxId + "/agreement?channel=ALIPAY", token, null)).path("textVersion").asInt();
        Map<String, Object> text = Map.of("titleZh", "海关税款缴纳三方协议（2026 版）", "titleEn", "Tripartite tax payment agreement (2026)",
                "bodyZh", "缴款人同意通过{channel}缴纳税单 {taxNo} 所列税款 {amount} 元。", "bodyEn",
                "The payer agrees to pay CNY {amount} of tax bill {taxNo} through {channel}.");
        assertThat(call("PUT", "/v1/agreement-text", token, text).statusCode()).isEqualTo(403);
        assertThat(json(call("PUT", "/v1/agreement-text", finance, Map.of("titleZh", "", "titleEn", "x", "bodyZh", "y",
                "bodyEn", "z"))).path("code").asText()).isEqualTo("SETTINGS_INVALID");
        try {
            HttpResponse<String> saved = call("PUT", "/v1/agreement-text", finance, text);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            HttpResponse<String> outdated = call("POST", "/v1/taxes/" + taxId + "/agreement", token,
                    Map.of("channel", "ALIPAY", "textVersion", seen, "consent", true));
            assertThat(json(outdated).path("code").asText()).isEqualTo("AGREEMENT_TEXT_OUTDATED");
            JsonNode preview = json(call("GET", "/v1/taxes/" + taxId + "/agreement?channel=ALIPAY", token, null));
            assertThat(preview.path("textVersion").asInt()).isGreaterThan(seen);
            assertThat(preview.path("titleZh").asText()).isEqualTo("海关税款缴纳三方协议（2026 版）");
            assertThat(preview.path("bodyZh").asText()).contains(preview.path("taxNo").asText()).contains("2959.00");
            HttpResponse<String> signed = call("POST", "/v1/taxes/" + taxId + "/agreement", token,
                    Map.of("channel", "ALIPAY", "textVersion", preview.path("textVersion").asInt(), "consent", true));
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        } finally {
            call("PUT", "/v1/agreement-text", finance, restore);
        }
    }

    /** "RESULT:detail" of each row of {@code log} with {@code action}. */
    private static List<String> rows(JsonNode log, String action) {
        List<String> out = new ArrayList<>();
        log.path("content").forEach(r -> {
            if (r.path("action").asText().equals(action)) {
                out.add(r.path("result").asText() + ":" + r.path("detail").asText());
            }
        });
        return out;
    }

    @Test
    void officersSetTheTaxEntryRulesAndTheNextEntryFollowsThem() {
        String finance = officer("huang.li", "customs-finance");
        String token = traveler("wu.haitao");
        String taxId = taxDue(token)[2];
        Map<String, Object> defaults = Map.of("maxOnlineTotal", "100000.00", "entryValidDays", 15);
        assertThat(call("PUT", "/v1/settings/tax-entry", token, Map.of("maxOnlineTotal", "1.00", "entryValidDays", 1))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> bad = call("PUT", "/v1/settings/tax-entry", finance, Map.of("maxOnlineTotal", "-1",
                "entryValidDays", 0));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("maxOnlineTotal",
                "entryValidDays");
        try {
            HttpResponse<String> low = call("PUT", "/v1/settings/tax-entry", finance, Map.of("maxOnlineTotal", "2000.00",
                    "entryValidDays", 15));
            assertThat(low.statusCode()).as(low.body()).isEqualTo(200);
            assertThat(json(call("GET", "/v1/settings/tax-entry", token, null)).path("maxOnlineTotal").decimalValue())
                    .isEqualByComparingTo("2000.00");
            HttpResponse<String> above = call("POST", "/v1/taxes/" + taxId + "/entry", token, Map.of("confirmedTotal", "2959.00"));
            assertThat(json(above).path("code").asText()).isEqualTo("TAX_ENTRY_ABOVE_ONLINE_LIMIT");
            assertThat(json(above).path("messageZh").asText()).contains("口岸柜台");
            assertThat(json(call("GET", "/v1/taxes/" + taxId, token, null)).path("status").asText()).isEqualTo("DUE");

            assertThat(call("PUT", "/v1/settings/tax-entry", finance, defaults).statusCode()).isEqualTo(200);
            jdbc.update("UPDATE tax_payment SET assessed_at = assessed_at - interval '20 days' WHERE id = ?::uuid", taxId);
            HttpResponse<String> late = call("POST", "/v1/taxes/" + taxId + "/entry", token, Map.of("confirmedTotal", "2959.00"));
            assertThat(json(late).path("code").asText()).isEqualTo("TAX_ENTRY_EXPIRED");
            assertThat(json(call("GET", "/v1/taxes/" + taxId, token, null)).path("status").asText()).isEqualTo("DUE");

            assertThat(call("PUT", "/v1/settings/tax-entry", finance, Map.of("maxOnlineTotal", "100000.00",
                    "entryValidDays", 30)).statusCode()).isEqualTo(200);
            HttpResponse<String> entered = call("POST", "/v1/taxes/" + taxId + "/entry", token, Map.of("confirmedTotal", "2959.00"));
            assertThat(json(entered).path("status").asText()).as(entered.body()).isEqualTo("ENTERED");
        } finally {
            call("PUT", "/v1/settings/tax-entry", finance, defaults);
        }
        JsonNode log = json(call("GET", "/v1/admin/operation-log?size=50&actor=huang.li&action="
                + java.net.URLEncoder.encode("/settings/tax-entry", java.nio.charset.StandardCharsets.UTF_8),
                officer("ops.auditor", "sw-operator"), null));
        assertThat(log.path("content").findValuesAsText("result")).contains("SUCCESS", "FAILURE");
    }

    @Test
    void bankAndTenpayChannelsSpeakTheirOwnDialects() throws Exception {
        String token = traveler("liu.yang");
        String taxId = taxDue(token)[2];
        enterAndSign(token, taxId, "ICBC");
        JsonNode tenpayOrder = json(call("POST", "/v1/taxes/" + taxId + "/payment-orders", token,
                Map.of("channel", "TENPAY")));
        JsonNode tenpayPlaced = PARTNERS.received("wallet-tenpay", "PAYMENT_ORDER").stream()
                .map(PartnerDouble.Received::body)
                .filter(o -> o.path("out_trade_no").asText().equals(tenpayOrder.path("orderNo").asText()))
                .findFirst().orElseThrow();
        assertThat(tenpayPlaced.path("amount").path("total").asLong()).isEqualTo(295900L);
        Map<String, Object> tenpayFailed = Map.of("id", "T-0", "out_trade_no", tenpayOrder.path("orderNo").asText(),
                "transaction_id", "4200", "amount", Map.of("total", 295900), "trade_state", "PAYERROR");
        HttpResponse<String> failedPayment = notify("TENPAY", TestKeys.partnerSealer("wallet-tenpay")
                .seal(JSON.writeValueAsBytes(tenpayFailed), "wallet-tenpay", TestKeys.PLATFORM).toJson());
        assertThat(json(failedPayment).path("outcome").asText()).as(failedPayment.body()).isEqualTo("FAILED_PAYMENT");

        JsonNode order = json(call("POST", "/v1/taxes/" + taxId + "/payment-orders", token, Map.of("channel", "ICBC")));
        String orderNo = order.path("orderNo").asText();
        assertThat(PARTNERS.received("bank-icbc-hainan", "PAYMENT_ORDER").stream()
                .anyMatch(o -> o.body().path("orderNo").asText().equals(orderNo)
                        && o.body().path("amount").asText().equals("2959.00"))).isTrue();
        Map<String, Object> wrongAmount = Map.of("notificationId", "B-0", "orderNo", orderNo, "bankSerialNo", "ICBC0",
                "amount", "29.59", "result", "SUCCESS");
        HttpResponse<String> mismatch = notify("ICBC", TestKeys.partnerSealer("bank-icbc-hainan")
                .seal(JSON.writeValueAsBytes(wrongAmount), "bank-icbc-hainan", TestKeys.PLATFORM).toJson());
        assertThat(json(mismatch).path("outcome").asText()).isEqualTo("AMOUNT_MISMATCH");
        Map<String, Object> n = Map.of("notificationId", "B-1", "orderNo", orderNo, "bankSerialNo", "ICBC1",
                "amount", "2959.00", "result", "SUCCESS");
        HttpResponse<String> credited = notify("ICBC", TestKeys.partnerSealer("bank-icbc-hainan")
                .seal(JSON.writeValueAsBytes(n), "bank-icbc-hainan", TestKeys.PLATFORM).toJson());
        assertThat(json(credited).path("outcome").asText()).as(credited.body()).isEqualTo("CREDITED");
        assertThat(json(call("GET", "/v1/taxes/" + taxId, token, null)).path("paidChannel").asText()).isEqualTo("ICBC");
    }
}
