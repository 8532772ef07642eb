package cn.hnsw.ledger.material;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import cn.hnsw.ledger.support.LedgerTestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 岛内自产料件登记 and 国产采购料件登记 (spec modules C and D) as registrations of their own on the document engine:
 * the whole shape (basic info, lines, Excel, proof attachments, print, copy, export, declare, receipt, return and
 * re-declare, approve, change after approval, void, list and detail, another enterprise kept out); the island
 * registration's recognition check (认定校验) refusing a declaration without proof or with a producer outside Hainan;
 * and the cost build-up of a confirmation code linking to both, so that the value-added computation names the
 * registrations it drew its domestic and island costs from, refuses a registration not (or no longer) approved, and
 * the enterprise's statistics count the batches, the cost and the qualifying sale price.
 */
class MaterialRegistrationIT extends LedgerIntegrationTestBase {

    /** An enterprise of this test only (division 460300: Sansha, Hainan). */
    static final String SANSHA = "91460300MA5W2R7Q4L";
    /** A producer registered outside Hainan (division 440300: Shenzhen). */
    static final String SHENZHEN = "91440300MA5FQ3L28X";

    @ParameterizedTest
    @ValueSource(strings = {"ISLAND_MATERIAL_REGISTRATION", "DOMESTIC_MATERIAL_REGISTRATION"})
    void everyRegistrationGoesThroughTheWholeShape(String code) throws Exception {
        String token = declarant(SANSHA);
        boolean island = code.startsWith("ISLAND");
        String item = (island ? "SS-IM-" : "SS-DM-") + UUID.randomUUID().toString().substring(0, 6);

        // 信息创建 / 修改 / 删除
        JsonNode doc = create(token, code, null, Map.of("producerUscc", SHENZHEN, "remark", "初稿"));
        long id = doc.path("id").asLong();
        assertThat(doc.path("status").asText()).isEqualTo("DRAFT");
        assertThat(doc.path("ledgerId").isNull() || doc.path("ledgerId").isMissingNode()).isTrue();
        long spare = create(token, code, null, Map.of()).path("id").asLong();
        assertThat(api.request("DELETE", token, "/documents/" + spare).status()).isEqualTo(204);
        assertThat(api.get(token, "/documents/" + spare).status()).isEqualTo(404);

        // 料件: typed in with its price, edited, copied, batch-deleted; a line without an item number is refused
        LedgerApi.Response noItem = api.post(token, "/documents/" + id + "/lines", List.of(Map.of("kind", "MATERIAL",
                "hsCode", "3902100090", "quantity", 1)));
        assertThat(noItem.status()).isEqualTo(400);
        assertThat(noItem.code()).isEqualTo("LINE_FIELD_REQUIRED");
        Map<String, Object> line = new HashMap<>(Map.of("kind", "MATERIAL", "itemNo", item, "hsCode", "3902100090",
                "nameZh", island ? "岛产聚丙烯" : "国产外壳", "quantity", 100, "unitPrice", 2));
        long lineId = addLines(token, id, List.of(line)).get(0).path("id").asLong();
        line.put("quantity", 120);
        JsonNode edited = ok(api.put(token, "/documents/" + id + "/lines/" + lineId, line));
        assertThat(edited.get(0).path("amount").decimalValue()).isEqualByComparingTo("240");
        JsonNode copied = ok(api.post(token, "/documents/" + id + "/lines/copies", Map.of("lineIds", List.of(lineId))));
        assertThat(copied).hasSize(2);
        assertThat(ok(api.post(token, "/documents/" + id + "/lines/deletion",
                Map.of("lineIds", List.of(copied.get(1).path("id").asLong()))))).hasSize(1);

        // 模版下载 and Excel 导入: one more material typed into the template
        byte[] template = api.download(token, "/document-types/" + code + "/line-template");
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = wb.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue("MATERIAL");
            row.createCell(1).setCellValue(item + "-2");
            row.createCell(2).setCellValue("3902100090");
            row.createCell(3).setCellValue("聚丙烯粒料");
            row.createCell(6).setCellValue(10);
            row.createCell(7).setCellValue(3);
            wb.write(out);
            file = out.toByteArray();
        }
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lines.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode imported = ok(api.postBytes(token, "/documents/" + id + "/lines/import", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary));
        assertThat(imported).hasSize(2);
        assertThat(imported.findValuesAsText("itemNo")).contains(item + "-2");

        if (island) {
            // 认定校验: no proof yet and a producer outside Hainan; the declaration is refused and changes nothing
            JsonNode recognition = ok(api.get(token, "/documents/" + id + "/recognition"));
            assertThat(recognition.path("conforming").asBoolean()).isFalse();
            assertThat(failed(recognition)).containsExactlyInAnyOrder("PROOF_ATTACHMENT", "PRODUCER_IN_HAINAN");
            LedgerApi.Response refused = api.post(token, "/documents/" + id + "/declaration", Map.of());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("ISLAND_MATERIAL_NOT_RECOGNISED");
            assertThat(ok(api.get(token, "/documents/" + id)).path("status").asText()).isEqualTo("DRAFT");
            JsonNode current = ok(api.get(token, "/documents/" + id));
            ok(api.put(token, "/documents/" + id, Map.of("version", current.path("version").asInt(), "title", "岛内自产料件登记",
                    "header", Map.of("producerUscc", SANSHA, "remark", "本企业生产"))));
        } else {
            assertThat(api.get(token, "/documents/" + id + "/recognition").code()).isEqualTo("DOCUMENT_TYPE_UNKNOWN");
        }

        // 证明附件上传: stored, read back, deleted, uploaded again
        byte[] pdf = ("%PDF-1.4 " + code + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long attachmentId = ok(attach(token, id, "生产证明.pdf", pdf)).path("id").asLong();
        assertThat(api.download(token, "/documents/" + id + "/attachments/" + attachmentId)).isEqualTo(pdf);
        assertThat(api.request("DELETE", token, "/documents/" + id + "/attachments/" + attachmentId).status()).isBetween(200, 204);
        ok(attach(token, id, "生产证明.pdf", pdf));
        if (island) {
            JsonNode recognition = ok(api.get(token, "/documents/" + id + "/recognition"));
            assertThat(recognition.path("conforming").asBoolean()).as(recognition.toString()).isTrue();
            assertThat(failed(recognition)).isEmpty();
        }

        // 详情查看, 打印, 复制
        JsonNode preview = ok(api.get(token, "/documents/" + id));
        assertThat(preview.path("lines")).hasSize(2);
        assertThat(preview.path("attachments")).hasSize(1);
        try (PDDocument printed = Loader.loadPDF(api.download(token, "/documents/" + id + "/print"))) {
            assertThat(new PDFTextStripper().getText(printed)).contains(island ? "岛内自产料件登记" : "国产采购料件登记").contains(item);
        }
        assertThat(ok(api.post(token, "/documents/" + id + "/copies", Map.of())).path("lines")).hasSize(2);

        // 申报, 回执, 退回 with its reason, edit and declare again, 审核通过
        String no = ok(api.post(token, "/documents/" + id + "/declaration", Map.of())).path("documentNo").asText();
        assertThat(CUSTOMS.declaration(no).path("documentType").asText()).isEqualTo(code);
        assertThat(CUSTOMS.declaration(no).path("lines")).hasSize(2);
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "RECEIVED", null, LedgerApi.newReceiptId()));
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "RETURNED", "到厂价凭证不清晰", LedgerApi.newReceiptId()));
        JsonNode returned = ok(api.get(token, "/documents/" + id));
        assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("returnReason").asText()).isEqualTo("到厂价凭证不清晰");
        line.put("unitPrice", 2.5);
        assertThat(ok(api.put(token, "/documents/" + id + "/lines/" + lineId, line)).get(0).path("amount").decimalValue())
                .isEqualByComparingTo("300");
        JsonNode approved = approve(token, id);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "RETURNED", "RECEIVED", "APPROVED");

        // 列表查询 and 导出; another enterprise neither reads nor finds it
        assertThat(ok(api.get(token, "/documents?type=" + code)).path("content").findValuesAsText("documentNo")).contains(no);
        assertThat(api.download(token, "/documents/export?type=" + code)).isNotEmpty();
        String foreign = declarant(YANGPU_TRADING);
        assertThat(api.get(foreign, "/documents/" + id).status()).isIn(403, 404);
        assertThat(api.get(foreign, "/documents/" + id + "/recognition").status()).isIn(403, 404);
        assertThat(ok(api.get(foreign, "/documents?type=" + code)).path("content").findValuesAsText("documentNo")).doesNotContain(no);

        // 变更: after approval, edited and approved again
        assertThat(ok(api.post(token, "/documents/" + id + "/change", Map.of())).path("status").asText()).isEqualTo("CHANGE_DRAFT");
        line.put("quantity", 150);
        ok(api.put(token, "/documents/" + id + "/lines/" + lineId, line));
        JsonNode changed = approve(token, id);
        assertThat(changed.path("status").asText()).isEqualTo("APPROVED");
        assertThat(changed.path("changeRound").asInt()).isEqualTo(1);
        assertThat(CUSTOMS.declaration(no).path("changeRound").asInt()).isEqualTo(1);

        // 作废
        assertThat(ok(api.post(token, "/documents/" + id + "/void", Map.of())).path("status").asText()).isEqualTo("VOIDED");
        LedgerApi.Response again = api.post(token, "/documents/" + id + "/change", Map.of());
        assertThat(again.status()).isEqualTo(409);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONFIRMATION_CODE_FILING", "CUMULATIVE_CODE_FILING"})
    void aValueAddedCodeTracesItsDomesticAndIslandCostsToTheirRegistrations(String codeType) throws Exception {
        String token = declarant(SANSHA);
        JsonNode statsBefore = ok(api.get(token, "/material-registrations/statistics"));
        long ledgerId = processingLedger(token);
        long product = finishedProduct(token, "SS-P-" + UUID.randomUUID().toString().substring(0, 6));

        long domesticLine = registeredDomesticMaterial(token, "SS-DM-" + UUID.randomUUID().toString().substring(0, 6), 10);
        long islandDoc = create(token, "ISLAND_MATERIAL_REGISTRATION", null, Map.of("producerUscc", SANSHA)).path("id").asLong();
        addLines(token, islandDoc, List.of(Map.of("kind", "MATERIAL", "itemNo", "SS-IM-1", "hsCode", "3902100090",
                "nameZh", "岛产聚丙烯", "quantity", 5, "unitPrice", 40)));
        ok(attach(token, islandDoc, "生产证明.pdf", "%PDF-1.4 proof".getBytes(StandardCharsets.UTF_8)));
        JsonNode island = approve(token, islandDoc);
        long islandLine = island.path("lines").get(0).path("id").asLong();
        String islandNo = island.path("documentNo").asText();

        long id = create(token, codeType, ledgerId, Map.of("salePrice", 1000)).path("id").asLong();
        // the cost lines must link to a registration, of their own kind, of the own enterprise
        LedgerApi.Response unlinked = api.post(token, "/documents/" + id + "/lines", List.of(Map.of("kind", "DOMESTIC_MATERIAL_COST",
                "hsCode", "3902100090", "quantity", 1, "amount", 500)));
        assertThat(unlinked.status()).isEqualTo(400);
        assertThat(unlinked.code()).isEqualTo("LINE_LINK_REQUIRED");
        LedgerApi.Response wrongKind = api.post(token, "/documents/" + id + "/lines", List.of(Map.of("kind", "ISLAND_MATERIAL_COST",
                "linkRef", domesticLine, "quantity", 1)));
        assertThat(wrongKind.code()).isEqualTo("LINE_LINK_INVALID");
        String other = declarant(YANGPU_TRADING);
        long foreignLine = registeredDomesticMaterial(other, "YP-DM-" + UUID.randomUUID().toString().substring(0, 6), 10);
        LedgerApi.Response foreign = api.post(token, "/documents/" + id + "/lines", List.of(Map.of("kind", "DOMESTIC_MATERIAL_COST",
                "linkRef", foreignLine, "quantity", 1)));
        assertThat(foreign.code()).isEqualTo("LINE_LINK_INVALID");
        assertThat(ok(api.get(token, "/documents/" + id)).path("lines")).isEmpty();

        JsonNode lines = addLines(token, id, List.of(
                Map.of("kind", "FINISHED_PRODUCT", "linkRef", product, "quantity", 1),
                Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", domesticLine, "quantity", 10),
                Map.of("kind", "ISLAND_MATERIAL_COST", "linkRef", islandLine, "quantity", 5)));
        assertThat(lines).hasSize(3);
        JsonNode domesticCost = ofKind(lines, "DOMESTIC_MATERIAL_COST");
        JsonNode islandCost = ofKind(lines, "ISLAND_MATERIAL_COST");
        String domesticNo = domesticCost.path("extra").path("sourceDocumentNo").asText();
        assertThat(domesticNo).startsWith("HNZTDMR");
        assertThat(domesticCost.path("amount").decimalValue()).isEqualByComparingTo("500");
        assertThat(islandCost.path("amount").decimalValue()).isEqualByComparingTo("200");
        assertThat(islandCost.path("extra").path("sourceDocumentNo").asText()).isEqualTo(islandNo);

        // 岛内自产成本: edited, copied, batch-deleted, deleted and brought back by Excel import by the registration's line id
        // (2 of the 5 registered, so that the copy's 2 more still fit: a registration is drawn on, never beyond)
        Map<String, Object> islandInput = new HashMap<>(Map.of("kind", "ISLAND_MATERIAL_COST", "linkRef", islandLine, "quantity", 2));
        long islandCostId = islandCost.path("id").asLong();
        assertThat(ofKind(ok(api.put(token, "/documents/" + id + "/lines/" + islandCostId, islandInput)), "ISLAND_MATERIAL_COST")
                .path("amount").decimalValue()).isEqualByComparingTo("80");
        JsonNode withCopy = ok(api.post(token, "/documents/" + id + "/lines/copies", Map.of("lineIds", List.of(islandCostId))));
        assertThat(withCopy).hasSize(4);
        List<Long> islandIds = new java.util.ArrayList<>();
        withCopy.forEach(l -> {
            if (l.path("kind").asText().equals("ISLAND_MATERIAL_COST")) {
                islandIds.add(l.path("id").asLong());
            }
        });
        assertThat(ok(api.post(token, "/documents/" + id + "/lines/deletion", Map.of("lineIds", islandIds)))).hasSize(2);
        byte[] template = api.download(token, "/document-types/" + codeType + "/line-template");
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = wb.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue("ISLAND_MATERIAL_COST");
            row.createCell(6).setCellValue(5);
            row.createCell(12).setCellValue(String.valueOf(islandLine));
            wb.write(out);
            file = out.toByteArray();
        }
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"costs.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode reimported = ok(api.postBytes(token, "/documents/" + id + "/lines/import", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary));
        assertThat(ofKind(reimported, "ISLAND_MATERIAL_COST").path("amount").decimalValue()).isEqualByComparingTo("200");
        assertThat(ofKind(reimported, "ISLAND_MATERIAL_COST").path("extra").path("sourceDocumentNo").asText()).isEqualTo(islandNo);
        // 详情查看 and 打印 of the code with its cost lines
        assertThat(ok(api.get(token, "/documents/" + id)).path("lines").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("FINISHED_PRODUCT", "DOMESTIC_MATERIAL_COST", "ISLAND_MATERIAL_COST");
        try (PDDocument printed = Loader.loadPDF(api.download(token, "/documents/" + id + "/print"))) {
            assertThat(new PDFTextStripper().getText(printed)).contains("SS-IM-1");
        }

        // the computation names the registrations: (1000 − 500) ÷ 500 = 100 %, island material is value added
        JsonNode va = ok(api.get(token, "/documents/" + id + "/value-added"));
        assertThat(va.path("domesticTotal").decimalValue()).isEqualByComparingTo("500");
        assertThat(va.path("islandTotal").decimalValue()).isEqualByComparingTo("200");
        assertThat(va.path("ratePct").decimalValue()).isEqualByComparingTo("100");
        assertThat(va.path("steps").findValuesAsText("expression")).anyMatch(e -> e.contains("← " + domesticNo))
                .anyMatch(e -> e.contains("← " + islandNo));

        // a registration under change is not approved: the code is not declared until it is again
        long domesticDoc = idOf(token, domesticNo);
        ok(api.post(token, "/documents/" + domesticDoc + "/change", Map.of()));
        LedgerApi.Response early = api.post(token, "/documents/" + id + "/declaration", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("COST_SOURCE_NOT_APPROVED");
        assertThat(ok(api.get(token, "/documents/" + id)).path("status").asText()).isEqualTo("DRAFT");
        approve(token, domesticDoc);
        assertThat(approve(token, id).path("status").asText()).isEqualTo("APPROVED");

        // statistics of the enterprise's registrations: one more batch each, its cost, the qualifying sale price
        JsonNode stats = ok(api.get(token, "/material-registrations/statistics"));
        assertThat(delta(stats, statsBefore, "domestic", "valueAddedBatches")).isEqualByComparingTo("1");
        assertThat(delta(stats, statsBefore, "domestic", "valueAddedCost")).isEqualByComparingTo("500");
        assertThat(delta(stats, statsBefore, "domestic", "registrations")).isEqualByComparingTo("1");
        assertThat(delta(stats, statsBefore, "domestic", "quantity")).isEqualByComparingTo("10");
        assertThat(delta(stats, statsBefore, "island", "valueAddedBatches")).isEqualByComparingTo("1");
        assertThat(delta(stats, statsBefore, "island", "valueAddedCost")).isEqualByComparingTo("200");
        assertThat(delta(stats, statsBefore, "island", "qualifyingSalePrice")).isEqualByComparingTo("1000");
        assertThat(delta(stats, statsBefore, "island", "quantity")).isEqualByComparingTo("5");
        // officers do not read an enterprise's own statistics here
        assertThat(api.get(officer("gov-province"), "/material-registrations/statistics").status()).isEqualTo(403);
        // the other enterprise's figures did not move with these
        JsonNode others = ok(api.get(other, "/material-registrations/statistics"));
        assertThat(others.path("island").path("valueAddedBatches").asInt()).isZero();
    }

    /**
     * 登记数量核扣: the value-added codes that link a registration's line draw on its registered quantity together and
     * never beyond it (409 REGISTERED_QUANTITY_EXCEEDED, nothing written), whether the lines are typed, copied or
     * imported; a voided code gives its quantity back; two drafts drawing the last quantity at once: one wins.
     */
    @org.junit.jupiter.api.Test
    void aRegistrationsQuantityIsDrawnByTheCodesThatLinkItAndNeverBeyond() throws Exception {
        String token = declarant(SANSHA);
        long ledgerId = processingLedger(token);
        long domesticLine = registeredDomesticMaterial(token, "SS-DQ-" + UUID.randomUUID().toString().substring(0, 6), 10);
        long registration = idOfLine(token, domesticLine);

        long first = create(token, "CONFIRMATION_CODE_FILING", ledgerId, Map.of("salePrice", 1000)).path("id").asLong();
        addLines(token, first, List.of(Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", domesticLine, "quantity", 6)));
        long second = create(token, "CUMULATIVE_CODE_FILING", ledgerId, Map.of("salePrice", 800)).path("id").asLong();
        LedgerApi.Response beyond = api.post(token, "/documents/" + second + "/lines",
                List.of(Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", domesticLine, "quantity", 5)));
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.code()).isEqualTo("REGISTERED_QUANTITY_EXCEEDED");
        assertThat(beyond.body().toString()).contains("剩余 4");
        assertThat(ok(api.get(token, "/documents/" + second)).path("lines")).isEmpty();
        addLines(token, second, List.of(Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", domesticLine, "quantity", 4)));

        // 核扣情况 of the registration: 10 registered, 6 + 4 drawn, nothing left
        JsonNode draws = ok(api.get(token, "/documents/" + registration + "/draws")).get(0);
        assertThat(draws.path("quantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(draws.path("remaining").decimalValue()).isEqualByComparingTo("0");
        assertThat(draws.path("draws").findValuesAsText("documentId"))
                .containsExactly(String.valueOf(first), String.valueOf(second));
        assertThat(api.get(declarant(YANGPU_TRADING), "/documents/" + registration + "/draws").status()).isIn(403, 404);

        // a copy of a code, a copied line and an imported line would each draw beyond: refused, nothing written
        LedgerApi.Response copied = api.post(token, "/documents/" + second + "/copies", Map.of());
        assertThat(copied.code()).isEqualTo("REGISTERED_QUANTITY_EXCEEDED");
        long secondLine = ok(api.get(token, "/documents/" + second)).path("lines").get(0).path("id").asLong();
        assertThat(api.post(token, "/documents/" + second + "/lines/copies", Map.of("lineIds", List.of(secondLine))).code())
                .isEqualTo("REGISTERED_QUANTITY_EXCEEDED");
        long third = create(token, "CONFIRMATION_CODE_FILING", ledgerId, Map.of("salePrice", 500)).path("id").asLong();
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.download(token,
                "/document-types/CONFIRMATION_CODE_FILING/line-template")));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = wb.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue("DOMESTIC_MATERIAL_COST");
            row.createCell(6).setCellValue(1);
            row.createCell(12).setCellValue(String.valueOf(domesticLine));
            wb.write(out);
            file = out.toByteArray();
        }
        LedgerApi.Response imported = api.postBytes(token, "/documents/" + third + "/lines/import", multipart(file),
                "multipart/form-data; boundary=" + BOUNDARY);
        assertThat(imported.status()).isEqualTo(422);
        assertThat(imported.body().toString()).contains("REGISTERED_QUANTITY_EXCEEDED");
        assertThat(ok(api.get(token, "/documents/" + third)).path("lines")).isEmpty();

        // the first code voided gives its 6 back; two drafts then draw the 6 at once: exactly one gets them
        assertThat(ok(api.post(token, "/documents/" + first + "/void", Map.of())).path("status").asText()).isEqualTo("VOIDED");
        assertThat(ok(api.get(token, "/documents/" + registration + "/draws")).get(0).path("remaining").decimalValue())
                .isEqualByComparingTo("6");
        long fourth = create(token, "CONFIRMATION_CODE_FILING", ledgerId, Map.of("salePrice", 500)).path("id").asLong();
        List<Long> drafts = List.of(third, fourth);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<LedgerApi.Response>> answers = new java.util.ArrayList<>();
            for (long draft : drafts) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post(token, "/documents/" + draft + "/lines",
                            List.of(Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", domesticLine, "quantity", 6)));
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var a : answers) {
                statuses.add(a.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ok(api.get(token, "/documents/" + registration + "/draws")).get(0).path("remaining").decimalValue())
                .isEqualByComparingTo("0");
    }

    private static final String BOUNDARY = "----hnsw-draws";

    private static byte[] multipart(byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"costs.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private long idOfLine(String token, long lineId) {
        for (JsonNode d : ok(api.get(token, "/documents?type=DOMESTIC_MATERIAL_REGISTRATION&size=200")).path("content")) {
            long id = d.path("id").asLong();
            for (JsonNode l : ok(api.get(token, "/documents/" + id)).path("lines")) {
                if (l.path("id").asLong() == lineId) {
                    return id;
                }
            }
        }
        throw new AssertionError("line " + lineId);
    }

    private static JsonNode ofKind(JsonNode lines, String kind) {
        for (JsonNode l : lines) {
            if (l.path("kind").asText().equals(kind)) {
                return l;
            }
        }
        throw new AssertionError("no " + kind + " line in " + lines);
    }

    private long idOf(String token, String documentNo) {
        for (JsonNode d : ok(api.get(token, "/documents?type=DOMESTIC_MATERIAL_REGISTRATION")).path("content")) {
            if (d.path("documentNo").asText().equals(documentNo)) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError(documentNo);
    }

    private static BigDecimal delta(JsonNode after, JsonNode before, String group, String field) {
        return after.path(group).path(field).decimalValue().subtract(before.path(group).path(field).decimalValue());
    }

    private static List<String> failed(JsonNode recognition) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode c : recognition.path("checks")) {
            if (!c.path("passed").asBoolean()) {
                out.add(c.path("code").asText());
            }
        }
        return out;
    }

    private long processingLedger(String token) {
        long material = fileMaterial(token, "SS-M-" + UUID.randomUUID().toString().substring(0, 6), "3902100090", "聚丙烯");
        long setup = create(token, "PROCESSING_LEDGER_SETUP", null, Map.of("port", "洋浦港")).path("id").asLong();
        addLines(token, setup, List.of(Map.of("kind", "MATERIAL", "linkRef", material, "quantity", 1)));
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, approve(token, setup).path("documentNo").asText(),
                "FORMAL_DATA", null, LedgerApi.newReceiptId()));
        for (JsonNode l : ok(api.get(token, "/ledgers"))) {
            if (l.path("setupDocumentId").asLong() == setup) {
                return l.path("id").asLong();
            }
        }
        throw new AssertionError("processing ledger not created");
    }

    private long finishedProduct(String token, String itemNo) {
        long filing = create(token, "FINISHED_PRODUCT_FILING", null, Map.of()).path("id").asLong();
        addLines(token, filing, List.of(Map.of("kind", "FINISHED_PRODUCT", "itemNo", itemNo, "hsCode", "8471300000",
                "nameZh", "工控主板", "quantity", 1)));
        approve(token, filing);
        for (JsonNode c : ok(api.get(token, "/commodities"))) {
            if (c.path("itemNo").asText().equals(itemNo)) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError("finished product " + itemNo + " not in the library");
    }
}
