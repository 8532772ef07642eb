package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.tradewindow.support.Api;
import cn.hnsw.tradewindow.support.Api.Res;
import cn.hnsw.tradewindow.support.TestPartners;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 低慢小航空器报送 through HTTP with real tokens on the real database: subject registration, a cargo report's
 * declare → logic check → review → receipt → receipt applied cycle, re-send, a correction and a withdrawal with their
 * own cycles, the refusals (editing a declared report, another enterprise's report, follow-ups on unapproved reports).
 */
// Notices are sent by the pilot tests' context only: a dispatcher of this context would take their rows (shared
// database) and wait for partner replies that the shared Kafka may hand to the other context.
@ServiceIntegrationTest(properties = "tradewindow.notices.initial-delay=PT24H")
class LowAltitudeReportingIT {

    static final TestTokens TOKENS = TestTokens.issuer();
    static final String YEFENG = "91460106MA5T8K3R0A";
    static final String HAISI = "91460400MA5TA2QX8U";

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry r) {
        TestPartners.register(r);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String enterprise(String uscc) {
        return TOKENS.user("pilot-" + uscc.substring(14), "enterprise-declarant").enterprise(uscc).mint();
    }

    static String reviewer() {
        // the realm's own reviewer role of low-altitude reporting
        return TOKENS.user("transport-reviewer", LowAltitudeReportingService.REVIEWER_ROLE)
                .organization("/government/provincial/transport").mint();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static Map<String, Object> cargo(String certificate) {
        return Map.of("goods", List.of(Map.of("name", "热带水果（芒果）", "hsCode", "08045020", "quantity", 120, "unit", "千克")),
                "shipper", Map.of("name", "三亚南繁果业有限公司", "contact", "13807541234"),
                "documents", List.of(Map.of("type", "发票", "number", "INV-20261127-01")),
                "customsCertificateNo", certificate);
    }

    String subject(String token) {
        Res s = api.post(token, "/low-altitude/subjects", Map.of("kind", "ENTERPRISE", "name", "海南低空物流有限公司",
                "contactPhone", "13907561234", "aircraftRegs", "B-7QX1,B-7QX2", "operatorLicence", "民航通用航空经营许可证 琼2026-018",
                "submit", true));
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
        return s.body().path("id").asText();
    }

    String report(String token, String subjectId, Map<String, Object> content) {
        Res r = api.post(token, "/low-altitude/reports", Map.of("subjectId", subjectId, "activity", "CARGO",
                "airport", "三亚凤凰国际机场", "aircraftReg", "B-7QX1", "flightDate", today().toString(), "content", content));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("id").asText();
    }

    void ok(Res r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 204);
    }

    String approvedReport(String token, String subjectId) {
        String id = report(token, subjectId, cargo("HG4601202611270001"));
        Res declared = api.post(token, "/low-altitude/reports/" + id + "/declaration", Map.of());
        ok(declared);
        assertThat(declared.body().path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(declared.body().path("logicCheckPassed").asBoolean()).isTrue();
        ok(api.post(reviewer(), "/low-altitude/reports/" + id + "/review", Map.of("result", "APPROVED", "opinion", "核验无误")));
        ok(api.post(reviewer(), "/low-altitude/reports/" + id + "/receipt", Map.of()));
        Res applied = api.post(token, "/low-altitude/reports/" + id + "/receipt-application", Map.of());
        ok(applied);
        assertThat(applied.body().path("status").asText()).isEqualTo("COMPLETED");
        return id;
    }

    @Test
    void aCargoReportRunsItsCycleAndIsCorrectedAndWithdrawnByFormsOfTheirOwn() throws Exception {
        String ent = enterprise(YEFENG);
        String subjectId = subject(ent);
        String id = approvedReport(ent, subjectId);

        // A declared report is never edited in place.
        Res edit = api.put(ent, "/low-altitude/reports/" + id, Map.of("content", cargo("X")));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.code()).isEqualTo("REPORT_NOT_EDITABLE");
        // Another enterprise can neither read nor follow up on it.
        assertThat(api.get(enterprise(HAISI), "/low-altitude/reports/" + id).status()).isEqualTo(403);
        assertThat(api.post(enterprise(HAISI), "/low-altitude/reports/" + id + "/follow-ups",
                Map.of("form", "CORRECTION", "content", cargo("X"))).status()).isEqualTo(403);
        // An enterprise cannot review.
        assertThat(api.post(ent, "/low-altitude/reports/" + id + "/review",
                Map.of("result", "APPROVED", "opinion", "自己审")).status()).isEqualTo(403);

        // 下载/打印 one report (PDF) with its goods, shipper and documents; the list exports to Word and PDF too.
        Res printed = api.get(ent, "/low-altitude/reports/" + id + "/print");
        assertThat(printed.contentType()).startsWith("application/pdf");
        String reportNo = api.get(ent, "/low-altitude/reports/" + id).body().path("reportNo").asText();
        assertThat(pdfText(printed.raw()).replaceAll("\\s+", "")).contains("货运活动信息报送单", reportNo,
                "热带水果（芒果）", "08045020", "三亚南繁果业有限公司", "INV-20261127-01", "HG4601202611270001", "核验无误");
        assertThat(api.get(ent, "/low-altitude/reports/" + id + "/print?download=true").contentDisposition())
                .startsWith("attachment");
        assertThat(api.get(enterprise(HAISI), "/low-altitude/reports/" + id + "/print").status()).isEqualTo(403);
        Res listPdf = api.get(reviewer(), "/low-altitude/reports/export?activity=CARGO&format=pdf");
        assertThat(listPdf.contentType()).startsWith("application/pdf");
        assertThat(pdfText(listPdf.raw()).replaceAll("\\s+", "")).contains("低慢小航空器活动报送信息", reportNo);
        assertThat(api.get(reviewer(), "/low-altitude/reports/export?print=true").contentDisposition()).startsWith("inline");
        Res listWord = api.get(ent, "/low-altitude/reports/export?format=docx");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(listWord.raw()))) {
            List<String> numbers = new java.util.ArrayList<>();
            var table = doc.getTables().get(0);
            for (int row = 1; row < table.getNumberOfRows(); row++) {
                numbers.add(table.getRow(row).getCell(0).getText());
            }
            assertThat(numbers).contains(reportNo);
        }
        assertThat(pdfText(api.get(enterprise(HAISI), "/low-altitude/reports/export?format=pdf").raw())).doesNotContain(reportNo);

        // Correction: its own cycle; the receipt is re-sent once (补发) before it is applied.
        Res correction = api.post(ent, "/low-altitude/reports/" + id + "/follow-ups",
                Map.of("form", "CORRECTION", "content", cargo("HG4601202611270009")));
        assertThat(correction.status()).as(correction.toString()).isEqualTo(201);
        String cid = correction.body().path("id").asText();
        Res second = api.post(ent, "/low-altitude/reports/" + id + "/follow-ups",
                Map.of("form", "SUPPLEMENT", "content", Map.of("goods", List.of())));
        assertThat(second.code()).isEqualTo("FOLLOW_UP_PENDING");
        ok(api.post(ent, "/low-altitude/reports/" + cid + "/declaration", Map.of()));
        ok(api.post(reviewer(), "/low-altitude/reports/" + cid + "/review", Map.of("result", "APPROVED", "opinion", "同意更正")));
        ok(api.post(reviewer(), "/low-altitude/reports/" + cid + "/receipt", Map.of()));
        Res resent = api.post(reviewer(), "/low-altitude/reports/" + cid + "/receipt", Map.of());
        assertThat(resent.body().path("receiptSentCount").asInt()).isEqualTo(2);
        ok(api.post(ent, "/low-altitude/reports/" + cid + "/receipt-application", Map.of()));
        JsonNode corrected = api.get(ent, "/low-altitude/reports/" + id).body();
        assertThat(corrected.path("content").asText()).contains("HG4601202611270009");

        // Withdrawal: approved and applied, the original is no longer effective; a credit record is kept.
        Res withdrawal = api.post(ent, "/low-altitude/reports/" + id + "/follow-ups",
                Map.of("form", "WITHDRAWAL", "content", Map.of("reason", "航班取消")));
        String wid = withdrawal.body().path("id").asText();
        ok(api.post(ent, "/low-altitude/reports/" + wid + "/declaration", Map.of()));
        ok(api.post(reviewer(), "/low-altitude/reports/" + wid + "/review", Map.of("result", "APPROVED", "opinion", "同意撤回")));
        ok(api.post(reviewer(), "/low-altitude/reports/" + wid + "/receipt", Map.of()));
        ok(api.post(ent, "/low-altitude/reports/" + wid + "/receipt-application", Map.of()));
        assertThat(api.get(ent, "/low-altitude/reports/" + id).body().path("effective").asBoolean()).isFalse();
        assertThat(api.get(ent, "/low-altitude/subjects/" + subjectId + "/credit-records").body().findValuesAsText("kind"))
                .contains("REPORT_WITHDRAWN");
        Res afterWithdrawal = api.post(ent, "/low-altitude/reports/" + id + "/follow-ups",
                Map.of("form", "SUPPLEMENT", "content", Map.of()));
        assertThat(afterWithdrawal.code()).isEqualTo("FOLLOW_UP_NOT_ALLOWED");
    }

    @Test
    void theLogicCheckReturnsAReportWithoutTheCustomsCertificateOrWithAnUnregisteredAircraft() {
        String ent = enterprise(YEFENG);
        String subjectId = subject(ent);
        String id = report(ent, subjectId, Map.of("goods", List.of(Map.of("name", "芒果", "hsCode", "0804", "quantity", 1, "unit", "千克")),
                "shipper", Map.of("name", "个体果农")));
        ok(api.put(ent, "/low-altitude/reports/" + id, Map.of("aircraftReg", "B-9ZZ9", "airport", "博鳌机场",
                "flightDate", today().toString(), "content", Map.of("goods", List.of(Map.of("name", "芒果", "hsCode", "0804",
                        "quantity", 1, "unit", "千克")), "shipper", Map.of("name", "个体果农")))));
        Res declared = api.post(ent, "/low-altitude/reports/" + id + "/declaration", Map.of());
        ok(declared);
        JsonNode r = declared.body();
        assertThat(r.path("status").asText()).isEqualTo("RECEIPT_SENT");
        assertThat(r.path("reviewResult").asText()).isEqualTo("LOGIC_FAILED");
        assertThat(r.path("logicCheckErrors").asText()).contains("海关手续办结证明", "商品编码", "航空器未在报送主体登记");
        // Not reviewable: the cycle is over for this form.
        Res review = api.post(reviewer(), "/low-altitude/reports/" + id + "/review", Map.of("result", "APPROVED", "opinion", "x"));
        assertThat(review.code()).isEqualTo("ILLEGAL_REPORT_STATE");
        ok(api.post(ent, "/low-altitude/reports/" + id + "/receipt-application", Map.of()));
        assertThat(api.get(reviewer(), "/low-altitude/subjects/" + subjectId + "/credit-records").body()
                .findValuesAsText("kind")).contains("LOGIC_CHECK_FAILED");
        JsonNode stats = api.get(reviewer(), "/low-altitude/statistics").body();
        assertThat(stats.path("subjects").path("active").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.get(ent, "/low-altitude/statistics").status()).isEqualTo(403);
    }

    @Test
    void subjectsAreSavedSubmittedChangedAndRevoked() {
        String ent = enterprise(HAISI);
        Res draft = api.post(ent, "/low-altitude/subjects", Map.of("kind", "ENTERPRISE", "name", "洋浦通航",
                "contactPhone", "13907561235", "aircraftRegs", "B-7QY1", "submit", false));
        String id = draft.body().path("id").asText();
        assertThat(draft.body().path("status").asText()).isEqualTo("DRAFT");
        Res notActive = api.post(ent, "/low-altitude/reports", Map.of("subjectId", id, "activity", "PASSENGER",
                "airport", "美兰机场", "aircraftReg", "B-7QY1", "flightDate", today().toString(), "content", Map.of()));
        assertThat(notActive.code()).isEqualTo("SUBJECT_NOT_ACTIVE");
        assertThat(api.post(ent, "/low-altitude/subjects", Map.of("kind", "INDIVIDUAL", "name", "张三",
                "contactPhone", "13907561236", "aircraftRegs", "B-7QY2")).code()).isEqualTo("SUBJECT_KIND_NOT_ALLOWED");
        ok(api.post(ent, "/low-altitude/subjects/" + id + "/submission", Map.of()));
        Res changed = api.put(ent, "/low-altitude/subjects/" + id, Map.of("kind", "ENTERPRISE", "name", "洋浦通用航空有限公司",
                "contactPhone", "13907561235", "aircraftRegs", "B-7QY1,B-7QY3"));
        assertThat(changed.body().path("version").asInt()).isEqualTo(2);
        assertThat(api.delete(ent, "/low-altitude/subjects/" + id).code()).isEqualTo("SUBJECT_NOT_EDITABLE");
        assertThat(api.get(enterprise(YEFENG), "/low-altitude/subjects/" + id).status()).isEqualTo(403);
        ok(api.post(ent, "/low-altitude/subjects/" + id + "/revocation", Map.of()));
        Res invalid = api.post(ent, "/low-altitude/subjects", Map.of("kind", "ENTERPRISE", "name", "x",
                "contactPhone", "12", "aircraftRegs", "N12345"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").size()).isEqualTo(2);

        String traveler = TOKENS.user("zhang-san", "traveler").mint();
        Res individual = api.post(traveler, "/low-altitude/subjects", Map.of("kind", "INDIVIDUAL", "name", "张三",
                "certificateNo", "460100199001011234", "contactPhone", "13907561236", "aircraftRegs", "B-7QY9", "submit", true));
        assertThat(individual.status()).isEqualTo(201);
        assertThat(individual.body().path("certificateNo").asText()).isEqualTo("4601**********1234");

        // An individual with the reporter role registers a subject of their own and cannot read an enterprise's.
        String reporter = TOKENS.user("huang-fei", LowAltitudeReportingService.REPORTER_ROLE).mint();
        Res own = api.post(reporter, "/low-altitude/subjects", Map.of("kind", "INDIVIDUAL", "name", "黄飞",
                "certificateNo", "460100199202021234", "contactPhone", "13907561237", "aircraftRegs", "B-7QZ1", "submit", true));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(api.get(reporter, "/low-altitude/subjects/" + own.body().path("id").asText()).status()).isEqualTo(200);
        assertThat(api.get(reporter, "/low-altitude/subjects/" + id).status()).isEqualTo(403);
        assertThat(api.get(TOKENS.user("nobody", "customs-officer").mint(), "/low-altitude/subjects/" + id).status())
                .isEqualTo(403);
    }

    @Test
    void aDraftSubjectOfEitherKindIsModifiedAndDeletedAndAnIndividualIsSubmittedChangedAndRevoked() {
        // 企业: a draft is modified and deleted (gone); another enterprise may not delete it
        String ent = enterprise(YEFENG);
        String draft = api.post(ent, "/low-altitude/subjects", Map.of("kind", "ENTERPRISE", "name", "椰风通航（草稿）",
                "contactPhone", "13907561240", "aircraftRegs", "B-7QW1", "submit", false)).body().path("id").asText();
        assertThat(api.delete(enterprise(HAISI), "/low-altitude/subjects/" + draft).status()).isEqualTo(403);
        assertThat(api.delete(ent, "/low-altitude/subjects/" + draft).status()).isEqualTo(204);
        assertThat(api.get(ent, "/low-altitude/subjects/" + draft).status()).isEqualTo(404);

        // 个人: saved, 修改 while a draft, 删除; saved again, 提交, 变更 (a new version), 撤销
        String person = TOKENS.user("wu-tian", LowAltitudeReportingService.REPORTER_ROLE).mint();
        Map<String, Object> first = Map.of("kind", "INDIVIDUAL", "name", "吴天", "certificateNo", "460100199404041234",
                "contactPhone", "13907561241", "aircraftRegs", "B-7QW2", "submit", false);
        String saved = api.post(person, "/low-altitude/subjects", first).body().path("id").asText();
        Res modified = api.put(person, "/low-altitude/subjects/" + saved, Map.of("kind", "INDIVIDUAL", "name", "吴天",
                "certificateNo", "460100199404041234", "contactPhone", "13907561242", "aircraftRegs", "B-7QW2,B-7QW3"));
        assertThat(modified.status()).as(modified.toString()).isEqualTo(200);
        assertThat(modified.body().path("contactPhone").asText()).isEqualTo("13907561242");
        assertThat(modified.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(api.delete(person, "/low-altitude/subjects/" + saved).status()).isEqualTo(204);
        assertThat(api.get(person, "/low-altitude/subjects/" + saved).status()).isEqualTo(404);

        String id = api.post(person, "/low-altitude/subjects", first).body().path("id").asText();
        Res submitted = api.post(person, "/low-altitude/subjects/" + id + "/submission", Map.of());
        assertThat(submitted.body().path("status").asText()).as(submitted.toString()).isNotEqualTo("DRAFT");
        assertThat(api.delete(person, "/low-altitude/subjects/" + id).code()).isEqualTo("SUBJECT_NOT_EDITABLE");
        Res changed = api.put(person, "/low-altitude/subjects/" + id, Map.of("kind", "INDIVIDUAL", "name", "吴天",
                "certificateNo", "460100199404041234", "contactPhone", "13907561243", "aircraftRegs", "B-7QW2"));
        assertThat(changed.body().path("version").asInt()).isEqualTo(2);
        assertThat(changed.body().path("contactPhone").asText()).isEqualTo("13907561243");
        assertThat(api.put(TOKENS.user("stranger", LowAltitudeReportingService.REPORTER_ROLE).mint(),
                "/low-altitude/subjects/" + id, Map.of("kind", "INDIVIDUAL", "name", "冒名", "certificateNo",
                        "460100199404041234", "contactPhone", "13907561244", "aircraftRegs", "B-7QW2")).status())
                .isEqualTo(403);
        ok(api.post(person, "/low-altitude/subjects/" + id + "/revocation", Map.of()));
        assertThat(api.get(person, "/low-altitude/subjects/" + id).body().path("status").asText()).isEqualTo("REVOKED");
    }

    // --- warnings, credit, negative list, corrections, notices, exports ----------------------------------------

    static String pdfText(byte[] content) throws Exception {
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(content)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
    }

    static List<List<String>> xlsx(byte[] content) throws Exception {
        List<List<String>> rows = new java.util.ArrayList<>();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(content))) {
            for (var row : wb.getFirstSheet().read()) {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellText(c));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void warningModelsRaiseWarningsThatLowerTheCreditScoreUntilProcessedOrCorrected() throws Exception {
        String ent = enterprise(HAISI);
        ok(api.put(ent, "/low-altitude/my-subscriptions/WARNING_RAISED", Map.of()));
        Res s = api.post(ent, "/low-altitude/subjects", Map.of("kind", "ENTERPRISE", "name", "洋浦低空货运有限公司",
                "contactPhone", "13907561299", "aircraftRegs", "B-8CR1", "submit", true));
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
        String subjectId = s.body().path("id").asText();
        Map<String, Object> twoGoods = Map.of("goods", List.of(
                        Map.of("name", "热带水果（芒果）", "hsCode", "08045020", "quantity", 120, "unit", "千克"),
                        Map.of("name", "椰子", "hsCode", "08011910", "quantity", 80, "unit", "千克")),
                "shipper", Map.of("name", "洋浦果业有限公司"), "customsCertificateNo", "HG4604202611270009");
        for (int i = 0; i < 2; i++) {
            Res r = api.post(ent, "/low-altitude/reports", Map.of("subjectId", subjectId, "activity", "CARGO",
                    "airport", "儋州洋浦通用机场", "aircraftReg", "B-8CR1", "flightDate", today().toString(), "content", twoGoods));
            ok(api.post(ent, "/low-altitude/reports/" + r.body().path("id").asText() + "/declaration", Map.of()));
        }
        Res bad = api.post(ent, "/low-altitude/reports", Map.of("subjectId", subjectId, "activity", "CARGO",
                "airport", "儋州洋浦通用机场", "aircraftReg", "B-8CR1", "flightDate", today().toString(),
                "content", Map.of("goods", List.of(Map.of("name", "椰子", "hsCode", "08011910", "quantity", 1, "unit", "千克")),
                        "shipper", Map.of("name", "洋浦果业有限公司"))));
        ok(api.post(ent, "/low-altitude/reports/" + bad.body().path("id").asText() + "/declaration", Map.of()));

        Map<String, Object> defaults = Map.of("windowDays", 30, "maxFlightsPerAircraft", 20, "maxRefusedPerSubject", 3,
                "maxItemsPerFlight", 50, "enabled", true);
        assertThat(api.put(ent, "/low-altitude/warning-models/CARGO", defaults).status()).isEqualTo(403);
        assertThat(api.put(reviewer(), "/low-altitude/warning-models/CARGO", Map.of("windowDays", 0,
                "maxFlightsPerAircraft", 1, "maxRefusedPerSubject", 1, "maxItemsPerFlight", 1, "enabled", true)).status())
                .isEqualTo(400);
        try {
            JsonNode model = api.put(reviewer(), "/low-altitude/warning-models/CARGO", Map.of("windowDays", 30,
                    "maxFlightsPerAircraft", 2, "maxRefusedPerSubject", 1, "maxItemsPerFlight", 1, "enabled", true)).body();
            assertThat(model.path("updatedBy").asText()).isEqualTo("transport-reviewer");
            assertThat(api.post(reviewer(), "/low-altitude/warnings/scan", Map.of()).body().path("raised").asInt())
                    .isGreaterThanOrEqualTo(4);
            assertThat(api.post(reviewer(), "/low-altitude/warnings/scan", Map.of()).body().path("raised").asInt()).isZero();
        } finally {
            ok(api.put(reviewer(), "/low-altitude/warning-models/CARGO", defaults));
        }
        JsonNode mine = api.get(ent, "/low-altitude/warnings?subjectId=" + subjectId).body();
        assertThat(mine.findValuesAsText("rule")).containsExactlyInAnyOrder("FLIGHTS_PER_AIRCRAFT",
                "REFUSED_PER_SUBJECT", "ITEMS_PER_FLIGHT", "ITEMS_PER_FLIGHT");
        assertThat(api.get(enterprise(YEFENG), "/low-altitude/warnings?subjectId=" + subjectId).status()).isEqualTo(403);
        assertThat(api.get(ent, "/low-altitude/warnings").status()).isEqualTo(403);
        // Each new warning reached the subject on the PC end, from the WARNING_RAISED template.
        List<String> warned = new java.util.ArrayList<>();
        api.get(ent, "/low-altitude/my-notices").body().forEach(n -> {
            if (n.path("kind").asText().equals("LA_WARNING_RAISED") && mine.findValuesAsText("id").contains(n.path("businessId").asText())) {
                assertThat(n.path("channel").asText()).isEqualTo("PC");
                assertThat(n.path("content").asText()).startsWith("【低慢小报送预警】洋浦低空货运有限公司：");
                warned.add(n.path("businessId").asText());
            }
        });
        assertThat(warned).containsExactlyInAnyOrderElementsOf(mine.findValuesAsText("id"));
        assertThat(api.get(reviewer(), "/low-altitude/warning-models/CARGO/data").body().findValuesAsText("rule"))
                .contains("ITEMS_PER_FLIGHT");

        // Credit report: 100 − 10 (logic check failed) − 4 × 10 (unprocessed warnings) = 50, grade D: negative list.
        JsonNode report = api.post(ent, "/low-altitude/subjects/" + subjectId + "/credit-reports", Map.of()).body();
        assertThat(report.path("score").asInt()).isEqualTo(50);
        assertThat(report.path("grade").asText()).isEqualTo("D");
        // 信用报告下载/打印: the PDF of that report, for the subject's enterprise and reviewers only.
        String creditPrint = "/low-altitude/credit-reports/" + report.path("id").asText() + "/print";
        Res creditPdf = api.get(ent, creditPrint);
        assertThat(creditPdf.contentType()).startsWith("application/pdf");
        assertThat(creditPdf.contentDisposition()).startsWith("inline");
        assertThat(pdfText(creditPdf.raw()).replaceAll("\\s+", "")).contains("报送主体信用报告", "洋浦低空货运有限公司",
                "信用评分Score50", "信用等级GradeD", "逻辑检控未通过", "未处理预警");
        assertThat(api.get(reviewer(), creditPrint + "?download=true").contentDisposition()).startsWith("attachment");
        assertThat(api.get(enterprise(YEFENG), creditPrint).status()).isEqualTo(403);
        assertThat(api.get(reviewer(), "/low-altitude/credit-reports/" + java.util.UUID.randomUUID() + "/print").status())
                .isEqualTo(404);
        assertThat(api.get(reviewer(), "/low-altitude/negative-list").body().findValuesAsText("subject_id")).contains(subjectId);
        assertThat(api.get(ent, "/low-altitude/negative-list").status()).isEqualTo(403);
        assertThat(xlsx(api.get(reviewer(), "/low-altitude/negative-list/export").raw()))
                .anySatisfy(row -> assertThat(row).startsWith("洋浦低空货运有限公司", "ENTERPRISE"));

        // The reviewer processes the warnings; processed ones can be deleted in a batch, not processed twice.
        List<String> warningIds = mine.findValuesAsText("id");
        for (String w : warningIds) {
            ok(api.post(reviewer(), "/low-altitude/warnings/" + w + "/processing", Map.of("note", "已电话核实")));
        }
        assertThat(api.post(reviewer(), "/low-altitude/warnings/" + warningIds.get(0) + "/processing",
                Map.of("note", "again")).code()).isEqualTo("WARNING_PROCESSED");
        assertThat(xlsx(api.get(reviewer(), "/low-altitude/warnings/export?status=PROCESSED").raw()))
                .anySatisfy(row -> assertThat(row).contains("洋浦低空货运有限公司", "PROCESSED"));

        // 数据纠偏 of the logic-check record: too short a reason fails the declaration check; a copy is fixed.
        JsonNode records = api.get(ent, "/low-altitude/subjects/" + subjectId + "/credit-records").body();
        String recordId = records.get(0).path("id").asText();
        Res draft = api.post(ent, "/low-altitude/credit-corrections", Map.of("subjectId", subjectId, "recordId", recordId,
                "reason", "证明已补"));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String first = draft.body().path("id").asText();
        JsonNode rejected = api.post(ent, "/low-altitude/credit-corrections/" + first + "/declaration", Map.of()).body();
        assertThat(rejected.path("status").asText()).isEqualTo("LOGIC_REJECTED");
        assertThat(rejected.path("logicErrors").asText()).contains("不少于 10 个字");
        assertThat(api.delete(ent, "/low-altitude/credit-corrections/" + first).code()).isEqualTo("CORRECTION_STATE");
        String copy = api.post(ent, "/low-altitude/credit-corrections/" + first + "/copy", Map.of()).body().path("id").asText();
        assertThat(api.put(enterprise(YEFENG), "/low-altitude/credit-corrections/" + copy,
                Map.of("reason", "别人的纠偏申请不能改")).status()).isEqualTo(403);
        ok(api.put(ent, "/low-altitude/credit-corrections/" + copy, Map.of("reason",
                "海关手续办结证明已于当日取得，系录入遗漏，附证明编号 HG4604202611270010", "evidence", "HG4604202611270010")));
        assertThat(api.post(ent, "/low-altitude/credit-corrections/" + copy + "/declaration", Map.of()).body()
                .path("status").asText()).isEqualTo("DECLARED");
        assertThat(api.post(ent, "/low-altitude/credit-corrections/" + copy + "/review",
                Map.of("approve", true, "opinion", "自己审")).status()).isEqualTo(403);
        JsonNode approved = api.post(reviewer(), "/low-altitude/credit-corrections/" + copy + "/review",
                Map.of("approve", true, "opinion", "核实无误，予以纠偏")).body();
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(api.get(ent, "/low-altitude/subjects/" + subjectId + "/credit-records").body().get(0)
                .path("corrected_at").isNull()).isFalse();

        // Processed warnings and the corrected record no longer count: grade A, off the negative list.
        JsonNode after = api.post(reviewer(), "/low-altitude/subjects/" + subjectId + "/credit-reports", Map.of()).body();
        assertThat(after.path("score").asInt()).isEqualTo(100);
        assertThat(after.path("grade").asText()).isEqualTo("A");
        assertThat(api.get(reviewer(), "/low-altitude/negative-list").body().findValuesAsText("subject_id"))
                .doesNotContain(subjectId);
        assertThat(api.get(ent, "/low-altitude/credit-reports?subjectId=" + subjectId).body()).hasSize(2);
        assertThat(api.post(reviewer(), "/low-altitude/warnings/deletion", Map.of("ids", warningIds)).body()
                .path("deleted").asInt()).isEqualTo(4);
        assertThat(xlsx(api.get(ent, "/low-altitude/reports/export?activity=CARGO").raw()))
                .allSatisfy(row -> assertThat(row).isNotEmpty()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void thePassengerModelWarnsOfTooManyPersonsOnOneFlight() throws Exception {
        String reporter = TOKENS.user("lin-fei", LowAltitudeReportingService.REPORTER_ROLE).mint();
        Res s = api.post(reporter, "/low-altitude/subjects", Map.of("kind", "INDIVIDUAL", "name", "林飞",
                "certificateNo", "460100198803031234", "contactPhone", "13907561288", "aircraftRegs", "B-8PX1", "submit", true));
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
        String subjectId = s.body().path("id").asText();
        List<Map<String, Object>> persons = List.of(Map.of("name", "乘客甲", "idNumber", "460100199001011111"),
                Map.of("name", "乘客乙", "idNumber", "460100199001012222"),
                Map.of("name", "乘客丙", "idNumber", "460100199001013333"));
        Res r = api.post(reporter, "/low-altitude/reports", Map.of("subjectId", subjectId, "activity", "PASSENGER",
                "airport", "三亚凤凰国际机场", "aircraftReg", "B-8PX1", "flightDate", today().toString(),
                "content", Map.of("persons", persons, "articles", List.of())));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode declared = api.post(reporter, "/low-altitude/reports/" + r.body().path("id").asText() + "/declaration",
                Map.of()).body();
        assertThat(declared.path("logicCheckPassed").asBoolean()).as(declared.toString()).isTrue();
        Map<String, Object> defaults = Map.of("windowDays", 30, "maxFlightsPerAircraft", 20, "maxRefusedPerSubject", 3,
                "maxItemsPerFlight", 12, "enabled", true);
        try {
            ok(api.put(reviewer(), "/low-altitude/warning-models/PASSENGER", Map.of("windowDays", 30,
                    "maxFlightsPerAircraft", 20, "maxRefusedPerSubject", 3, "maxItemsPerFlight", 2, "enabled", true)));
            assertThat(api.get(reviewer(), "/low-altitude/warning-models").body().findValuesAsText("activity"))
                    .containsExactly("CARGO", "PASSENGER");
            ok(api.post(reviewer(), "/low-altitude/warnings/scan", Map.of()));
        } finally {
            ok(api.put(reviewer(), "/low-altitude/warning-models/PASSENGER", defaults));
        }
        JsonNode warnings = api.get(reviewer(), "/low-altitude/warnings?activity=PASSENGER&status=NEW").body();
        JsonNode mine = null;
        for (JsonNode w : warnings) {
            if (subjectId.equals(w.path("subjectId").asText())) {
                mine = w;
            }
        }
        assertThat(mine).as(warnings.toString()).isNotNull();
        assertThat(mine.path("rule").asText()).isEqualTo("ITEMS_PER_FLIGHT");
        assertThat(mine.path("observed").asInt()).isEqualTo(3);
        assertThat(mine.path("detail").asText()).contains("人员 3");
        assertThat(api.get(reporter, "/low-altitude/warnings?subjectId=" + subjectId).body().findValuesAsText("rule"))
                .containsExactly("ITEMS_PER_FLIGHT");
        assertThat(api.get(reviewer(), "/low-altitude/warning-models/PASSENGER/data").body().findValuesAsText("rule"))
                .contains("ITEMS_PER_FLIGHT");
        assertThat(api.get(reporter, "/low-altitude/warning-models/PASSENGER/data").status()).isEqualTo(403);

        // Prints of the passenger report, the passenger list (PDF, Word) and the individual's credit report.
        String reportId = r.body().path("id").asText();
        String reportNo = declared.path("reportNo").asText();
        assertThat(pdfText(api.get(reporter, "/low-altitude/reports/" + reportId + "/print").raw()).replaceAll("\\s+", ""))
                .contains("载客活动信息报送单", reportNo, "乘客甲", "460100199001013333");
        assertThat(pdfText(api.get(reviewer(), "/low-altitude/reports/export?activity=PASSENGER&format=pdf").raw())
                .replaceAll("\\s+", "")).contains(reportNo);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(
                api.get(reviewer(), "/low-altitude/reports/export?activity=PASSENGER&format=docx").raw()))) {
            assertThat(doc.getTables().get(0).getText()).contains(reportNo).doesNotContain("CARGO");
        }
        String credit = api.post(reporter, "/low-altitude/subjects/" + subjectId + "/credit-reports", Map.of()).body()
                .path("id").asText();
        Res creditPdf = api.get(reporter, "/low-altitude/credit-reports/" + credit + "/print?download=true");
        assertThat(creditPdf.contentDisposition()).startsWith("attachment");
        assertThat(pdfText(creditPdf.raw()).replaceAll("\\s+", "")).contains("报送主体信用报告", "林飞", "INDIVIDUAL",
                "未处理预警");
        String other = TOKENS.user("other-flyer", LowAltitudeReportingService.REPORTER_ROLE).mint();
        assertThat(api.get(other, "/low-altitude/credit-reports/" + credit + "/print").status()).isEqualTo(403);
        assertThat(api.get(other, "/low-altitude/reports/" + reportId + "/print").status()).isEqualTo(403);
    }

    @Test
    void policiesAndAnnouncementsArePublishedByReviewersAndReadByReporters() throws Exception {
        Map<String, Object> notice = Map.of("kind", "POLICY", "titleZh", "低空飞行活动报送管理办法（试行）",
                "titleEn", "Rules on reporting low-altitude flights (trial)", "bodyZh", "第一条 为规范……",
                "bodyEn", "Article 1. To regulate ...");
        assertThat(api.post(enterprise(YEFENG), "/low-altitude/notices", notice).status()).isEqualTo(403);
        Res published = api.post(reviewer(), "/low-altitude/notices", notice);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        String id = published.body().path("id").asText();
        assertThat(api.get(enterprise(YEFENG), "/low-altitude/notices?kind=POLICY").body().findValuesAsText("id")).contains(id);
        assertThat(api.get(TOKENS.user("huang-fei", LowAltitudeReportingService.REPORTER_ROLE).mint(),
                "/low-altitude/notices/" + id).body().path("titleZh").asText()).isEqualTo("低空飞行活动报送管理办法（试行）");
        assertThat(xlsx(api.get(enterprise(YEFENG), "/low-altitude/notices/export").raw()))
                .anySatisfy(row -> assertThat(row).startsWith("POLICY", "低空飞行活动报送管理办法（试行）"));
        ok(api.delete(reviewer(), "/low-altitude/notices/" + id));
        assertThat(api.get(enterprise(YEFENG), "/low-altitude/notices/" + id).code()).isEqualTo("NOTICE_NOT_FOUND");
    }

    @Test
    void theOperationLogListsLowAltitudeChangesFromTheAuditChainAndExportsThemToExcelWordAndPdf() throws Exception {
        String marker = "操作日志测试 " + java.util.UUID.randomUUID();
        Map<String, Object> notice = Map.of("kind", "ANNOUNCEMENT", "titleZh", marker, "titleEn", "Operation log test",
                "bodyZh", "正文", "bodyEn", "Body");
        Res published = api.post(reviewer(), "/low-altitude/notices", notice);
        assertThat(published.status()).isEqualTo(201);
        String noticeId = published.body().path("id").asText();
        assertThat(api.post(enterprise(YEFENG), "/low-altitude/notices", notice).status()).isEqualTo(403);

        // The interceptor writes the row once the response is decided: wait for it, within bounds.
        String query = "/low-altitude/operation-logs?actor=transport-reviewer&action=notices&result=SUCCESS&size=50";
        JsonNode page = null;
        for (int i = 0; i < 50; i++) {
            page = api.get(reviewer(), query).body();
            if (page.path("content").findValuesAsText("businessId").contains(noticeId)
                    || page.path("content").findValuesAsText("action").contains("POST /api/trade-window/v1/low-altitude/notices")) {
                break;
            }
            Thread.sleep(100);
        }
        JsonNode mine = null;
        for (JsonNode e : page.path("content")) {
            if (e.path("action").asText().equals("POST /api/trade-window/v1/low-altitude/notices")) {
                mine = e;
                break;
            }
        }
        assertThat(mine).as(page.toString()).isNotNull();
        assertThat(mine.path("actorName").asText()).isEqualTo("transport-reviewer");
        assertThat(mine.path("hash").asText()).hasSize(64);
        page.path("content").forEach(e -> assertThat(e.path("action").asText()).contains("/low-altitude/"));
        // Refused attempts are logged too, under their own result.
        List<String> failedBy = List.of();
        for (int i = 0; i < 50 && !failedBy.contains("pilot-" + YEFENG.substring(14)); i++) {
            Thread.sleep(i == 0 ? 0 : 100);
            failedBy = api.get(reviewer(), "/low-altitude/operation-logs?result=FAILURE&action=notices&size=50").body()
                    .path("content").findValuesAsText("actorName");
        }
        assertThat(failedBy).contains("pilot-" + YEFENG.substring(14));

        long seq = mine.path("seq").asLong();
        JsonNode detail = api.get(reviewer(), "/low-altitude/operation-logs/" + seq).body();
        assertThat(detail.path("action").asText()).isEqualTo("POST /api/trade-window/v1/low-altitude/notices");
        assertThat(detail.path("detail").asText()).isEqualTo("HTTP 201");
        // Operations of other systems are not this log's.
        Long otherSeq = jdbc.queryForObject("SELECT max(seq) FROM audit_operation_log WHERE action NOT LIKE '%/low-altitude/%'",
                Long.class);
        if (otherSeq != null) {
            assertThat(api.get(reviewer(), "/low-altitude/operation-logs/" + otherSeq).status()).isEqualTo(404);
        }

        assertThat(xlsx(api.get(reviewer(), "/low-altitude/operation-logs/export?format=xlsx&actor=transport-reviewer").raw()))
                .anySatisfy(row -> assertThat(row).contains(String.valueOf(seq), "transport-reviewer",
                        "POST /api/trade-window/v1/low-altitude/notices"));
        Res word = api.get(reviewer(), "/low-altitude/operation-logs/export?format=docx&actor=transport-reviewer");
        assertThat(word.contentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
        assertThat(word.contentDisposition()).startsWith("attachment");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(word.raw()))) {
            assertThat(doc.getParagraphs().get(0).getText()).contains("低慢小报送操作日志");
            var table = doc.getTables().get(0);
            assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("序号 Seq");
            List<String> seqs = new java.util.ArrayList<>();
            for (int r = 1; r < table.getNumberOfRows(); r++) {
                seqs.add(table.getRow(r).getCell(0).getText());
            }
            assertThat(seqs).contains(String.valueOf(seq));
        }
        // PDF export (an attachment) and print (the same PDF inline), the CJK text embedded and readable.
        Res pdf = api.get(reviewer(), "/low-altitude/operation-logs/export?format=pdf&actor=transport-reviewer");
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.contentDisposition()).startsWith("attachment");
        assertThat(pdfText(pdf.raw()).replaceAll("\\s+", "")).contains("低慢小报送操作日志", String.valueOf(seq), "transport-reviewer");
        Res print = api.get(reviewer(), "/low-altitude/operation-logs/export?print=true&actor=transport-reviewer");
        assertThat(print.contentDisposition()).startsWith("inline");
        assertThat(pdfText(print.raw()).replaceAll("\\s+", "")).contains("POST/api/trade-window/v1/low-altitude/notices");
        assertThat(api.get(reviewer(), "/low-altitude/operation-logs/export?format=csv").status()).isEqualTo(400);

        // Reporters and enterprises do not read the log.
        String reporter = TOKENS.user("huang-fei", LowAltitudeReportingService.REPORTER_ROLE).mint();
        assertThat(api.get(reporter, "/low-altitude/operation-logs").status()).isEqualTo(403);
        assertThat(api.get(enterprise(YEFENG), "/low-altitude/operation-logs/" + seq).status()).isEqualTo(403);
        assertThat(api.get(enterprise(YEFENG), "/low-altitude/operation-logs/export").status()).isEqualTo(403);
        ok(api.delete(reviewer(), "/low-altitude/notices/" + noticeId));
    }

    @Test
    void noticeTemplatesNameOnlyEnabledParametersAndSayHowTheyRemind() throws Exception {
        String code = "TPL_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Map<String, Object> template = new java.util.HashMap<>(Map.of("nameZh", "补充报送提醒", "nameEn", "Supplement reminder",
                "contentZh", "{subjectName} 请补充报送 {reportNo}（{flightWindow}）", "contentEn",
                "{subjectName}: supplement report {reportNo} ({flightWindow})", "channelPc", true,
                "channelMobile", true, "channelSms", false, "subscribable", true));
        String path = "/low-altitude/notice-templates/" + code;
        // A parameter nobody configured is refused; so is a template that reminds nowhere.
        Res unknown = api.put(reviewer(), path, template);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("TEMPLATE_PARAM_UNKNOWN");
        assertThat(unknown.body().path("messageZh").asText()).contains("flightWindow");
        assertThat(api.put(enterprise(YEFENG), "/low-altitude/notice-template-params/flightWindow",
                Map.of("descriptionZh", "飞行时段", "descriptionEn", "Flight window", "enabled", true)).status()).isEqualTo(403);
        ok(api.put(reviewer(), "/low-altitude/notice-template-params/flightWindow",
                Map.of("descriptionZh", "飞行时段", "descriptionEn", "Flight window", "enabled", true)));
        Map<String, Object> silent = new java.util.HashMap<>(template);
        silent.put("channelPc", false);
        silent.put("channelMobile", false);
        assertThat(api.put(reviewer(), path, silent).code()).isEqualTo("TEMPLATE_NO_CHANNEL");
        Res saved = api.put(reviewer(), path, template);
        ok(saved);
        assertThat(saved.body().path("enabled").asBoolean()).isTrue();
        assertThat(saved.body().path("subscribable").asBoolean()).isTrue();
        assertThat(saved.body().path("updatedBy").asText()).isEqualTo("transport-reviewer");
        assertThat(api.get(reviewer(), path).body().path("channelSms").asBoolean()).isFalse();

        // Query by keyword, enabled and channel; reporters and enterprises see no configuration.
        assertThat(api.get(reviewer(), "/low-altitude/notice-templates?keyword=补充报送&channel=MOBILE").body()
                .findValuesAsText("code")).contains(code);
        assertThat(api.get(reviewer(), "/low-altitude/notice-templates?channel=SMS").body().findValuesAsText("code"))
                .doesNotContain(code).contains("REPORT_RETURNED");
        assertThat(api.get(enterprise(YEFENG), "/low-altitude/notice-templates").status()).isEqualTo(403);
        assertThat(api.get(reviewer(), "/low-altitude/notice-templates?channel=FAX").status()).isEqualTo(400);

        // A parameter an enabled template names can be neither disabled nor deleted.
        Res disable = api.put(reviewer(), "/low-altitude/notice-template-params/flightWindow",
                Map.of("descriptionZh", "飞行时段", "descriptionEn", "Flight window", "enabled", false));
        assertThat(disable.code()).isEqualTo("TEMPLATE_PARAM_IN_USE");
        assertThat(api.delete(reviewer(), "/low-altitude/notice-template-params/flightWindow").code())
                .isEqualTo("TEMPLATE_PARAM_IN_USE");
        // Disabled, the template no longer holds it; enabling the template again needs the parameter back.
        assertThat(api.put(reviewer(), path + "/enabled", Map.of("enabled", false)).body().path("enabled").asBoolean()).isFalse();
        assertThat(api.get(reviewer(), "/low-altitude/notice-templates?enabled=false").body().findValuesAsText("code")).contains(code);
        ok(api.put(reviewer(), "/low-altitude/notice-template-params/flightWindow",
                Map.of("descriptionZh", "飞行时段", "descriptionEn", "Flight window", "enabled", false)));
        assertThat(api.put(reviewer(), path + "/enabled", Map.of("enabled", true)).code()).isEqualTo("TEMPLATE_PARAM_UNKNOWN");
        ok(api.put(reviewer(), "/low-altitude/notice-template-params/flightWindow",
                Map.of("descriptionZh", "飞行时段", "descriptionEn", "Flight window", "enabled", true)));
        ok(api.put(reviewer(), path + "/enabled", Map.of("enabled", true)));

        assertThat(xlsx(api.get(reviewer(), "/low-altitude/notice-templates/export?keyword=" + code).raw()))
                .anySatisfy(row -> assertThat(row).startsWith(code, "补充报送提醒", "Supplement reminder"));

        ok(api.delete(reviewer(), path));
        assertThat(api.get(reviewer(), path).code()).isEqualTo("TEMPLATE_NOT_FOUND");
        ok(api.delete(reviewer(), "/low-altitude/notice-template-params/flightWindow"));
        assertThat(api.get(reviewer(), "/low-altitude/notice-template-params").body().findValuesAsText("name"))
                .doesNotContain("flightWindow").contains("subjectName", "reportNo");
    }

    @Test
    void statisticsCountDeclaredReportsAndRegisteredSubjectsByPeriodActivityAndAirport() {
        JsonNode before = api.get(reviewer(), "/low-altitude/statistics/periods").body();
        String ent = enterprise(HAISI);
        String subjectId = subject(ent);
        String draft = report(ent, subjectId, cargo("HG4601202611270077"));
        JsonNode afterDraft = api.get(reviewer(), "/low-altitude/statistics/periods").body();
        // A draft counts nowhere; a registered subject counts in every period at once.
        assertThat(count(afterDraft.path("reports"), "CARGO", null, "total")).isEqualTo(count(before.path("reports"), "CARGO", null, "total"));
        for (String period : List.of("today", "month", "quarter", "year", "total")) {
            assertThat(afterDraft.path("subjects").path(period).asLong()).as(period)
                    .isEqualTo(before.path("subjects").path(period).asLong() + 1);
        }
        ok(api.post(ent, "/low-altitude/reports/" + draft + "/declaration", Map.of()));
        JsonNode after = api.get(reviewer(), "/low-altitude/statistics/periods").body();
        for (String period : List.of("today", "month", "quarter", "year", "total")) {
            assertThat(count(after.path("reports"), "CARGO", null, period)).as(period)
                    .isEqualTo(count(before.path("reports"), "CARGO", null, period) + 1);
            assertThat(count(after.path("reports"), "PASSENGER", null, period)).as(period)
                    .isEqualTo(count(before.path("reports"), "PASSENGER", null, period));
            assertThat(count(after.path("airports"), "CARGO", "三亚凤凰国际机场", period)).as(period)
                    .isEqualTo(count(before.path("airports"), "CARGO", "三亚凤凰国际机场", period) + 1);
        }
        String month = today().toString().substring(0, 7);
        String quarter = today().getYear() + "-Q" + ((today().getMonthValue() - 1) / 3 + 1);
        assertThat(after.path("reportsByQuarter").findValuesAsText("quarter")).contains(quarter);
        long enterprisesThisMonth = 0;
        for (JsonNode row : after.path("subjectsByMonth")) {
            if (month.equals(row.path("month").asText()) && "ENTERPRISE".equals(row.path("kind").asText())) {
                enterprisesThisMonth = row.path("subjects").asLong();
            }
        }
        assertThat(enterprisesThisMonth).isGreaterThanOrEqualTo(1);
        assertThat(after.path("activeSubjects").path("quarter").asLong()).isGreaterThanOrEqualTo(1)
                .isLessThanOrEqualTo(after.path("activeSubjects").path("year").asLong());
        assertThat(api.get(ent, "/low-altitude/statistics/periods").status()).isEqualTo(403);

        // 载客: a declared passenger report counts today, this month, quarter and year, in total and at its airport.
        String pilot = TOKENS.user("he-xiang", LowAltitudeReportingService.REPORTER_ROLE).mint();
        String person = api.post(pilot, "/low-altitude/subjects", Map.of("kind", "INDIVIDUAL", "name", "何翔",
                "certificateNo", "460100199505051234", "contactPhone", "13907561250", "aircraftRegs", "B-9PX9",
                "submit", true)).body().path("id").asText();
        String passenger = api.post(pilot, "/low-altitude/reports", Map.of("subjectId", person, "activity", "PASSENGER",
                "airport", "琼海博鳌机场", "aircraftReg", "B-9PX9", "flightDate", today().toString(), "content",
                Map.of("persons", List.of(Map.of("name", "乘客庚", "idNumber", "460100199001016666")), "articles", List.of())))
                .body().path("id").asText();
        JsonNode beforePassenger = api.get(reviewer(), "/low-altitude/statistics/periods").body();
        ok(api.post(pilot, "/low-altitude/reports/" + passenger + "/declaration", Map.of()));
        JsonNode afterPassenger = api.get(reviewer(), "/low-altitude/statistics/periods").body();
        for (String period : List.of("today", "month", "quarter", "year", "total")) {
            assertThat(count(afterPassenger.path("reports"), "PASSENGER", null, period)).as(period)
                    .isEqualTo(count(beforePassenger.path("reports"), "PASSENGER", null, period) + 1);
            assertThat(count(afterPassenger.path("airports"), "PASSENGER", "琼海博鳌机场", period)).as(period)
                    .isEqualTo(count(beforePassenger.path("airports"), "PASSENGER", "琼海博鳌机场", period) + 1);
            assertThat(count(afterPassenger.path("reports"), "CARGO", null, period)).as(period)
                    .isEqualTo(count(beforePassenger.path("reports"), "CARGO", null, period));
        }
    }

    static long count(JsonNode rows, String activity, String airport, String period) {
        for (JsonNode row : rows) {
            if (activity.equals(row.path("activity").asText())
                    && (airport == null || airport.equals(row.path("airport").asText()))) {
                return row.path(period).asLong();
            }
        }
        return 0;
    }

    static String reviewerNamed(String name, String org) {
        return TOKENS.user(name, LowAltitudeReportingService.REVIEWER_ROLE).organization(org).mint();
    }

    static byte[] sheet(List<String> headers, List<List<String>> rows) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        var ws = wb.newWorksheet("Sheet1");
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                ws.value(r + 1, c, rows.get(r).get(c));
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void permissionGroupsLimitAReviewerToTheMenusTheyGrantAndAreImportedAndExported() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String group = "LA_CREDIT_ONLY_" + suffix;
        String auditorName = "credit-auditor-" + suffix.toLowerCase();
        String auditor = reviewerNamed(auditorName, "/government/provincial/credit-" + suffix.toLowerCase());
        String base = "/low-altitude/permissions";

        // In no group, a reviewer keeps the access of the role.
        ok(api.get(auditor, "/low-altitude/reports"));
        assertThat(api.get(auditor, base + "/mine").body().path("limited").asBoolean()).isFalse();

        // Add a group, grant the credit folder (its children follow), put the auditor in it.
        Res created = api.put(reviewer(), base + "/groups/" + group, Map.of("nameZh", "信用专管", "nameEn", "Credit only",
                "description", "只看信用 / credit only"));
        ok(created);
        assertThat(created.body().path("updatedBy").asText()).isEqualTo("transport-reviewer");
        // An unknown menu is refused and nothing changes.
        Res unknownMenu = api.put(reviewer(), base + "/groups/" + group + "/menus", Map.of("menus", List.of("LA_CREDIT", "LA_NOPE")));
        assertThat(unknownMenu.status()).isEqualTo(404);
        assertThat(unknownMenu.code()).isEqualTo("MENU_NOT_FOUND");
        assertThat(api.get(reviewer(), base + "/groups/" + group).body().path("menus")).isEmpty();
        ok(api.put(reviewer(), base + "/groups/" + group + "/menus", Map.of("menus", List.of("LA_CREDIT"))));
        Res members = api.put(reviewer(), base + "/groups/" + group + "/members",
                Map.of("members", List.of(Map.of("type", "USER", "member", auditorName))));
        ok(members);
        assertThat(members.body().path("members").findValuesAsText("member")).containsExactly(auditorName);
        assertThat(api.put(reviewer(), base + "/groups/" + group + "/members",
                Map.of("members", List.of(Map.of("type", "ROLE", "member", "x")))).status()).isEqualTo(400);

        // Now the auditor reaches the credit menus only; the refusal is in the system log.
        JsonNode mine = api.get(auditor, base + "/mine").body();
        assertThat(mine.path("limited").asBoolean()).isTrue();
        List<String> menus = new java.util.ArrayList<>();
        mine.path("menus").forEach(m -> menus.add(m.asText()));
        assertThat(menus).contains("LA_CREDIT", "LA_NEGATIVE_LIST", "LA_CREDIT_CORRECTIONS").doesNotContain("LA_REPORTS");
        ok(api.get(auditor, "/low-altitude/negative-list"));
        Res denied = api.get(auditor, "/low-altitude/reports");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("PERMISSION_GROUP_DENIED");
        assertThat(api.get(auditor, base + "/groups").code()).isEqualTo("PERMISSION_GROUP_DENIED");
        JsonNode refusals = api.get(reviewer(), "/low-altitude/system-logs?category=SECURITY&level=WARN&size=100").body();
        assertThat(refusals.path("content").findValuesAsText("actorName")).contains(auditorName);
        // Other reviewers, outside the group, are not limited.
        ok(api.get(reviewer(), "/low-altitude/reports"));

        // Menu resources, a menu converted into a group, the interface list.
        assertThat(api.get(reviewer(), base + "/menus?keyword=日志").body().findValuesAsText("code"))
                .containsExactlyInAnyOrder("LA_OPERATION_LOG", "LA_SYSTEM_LOG");
        Res converted = api.post(reviewer(), base + "/menus/LA_WARNINGS/group", Map.of());
        ok(converted);
        assertThat(converted.body().path("code").asText()).isEqualTo("MENU_LA_WARNINGS");
        assertThat(converted.body().path("nameZh").asText()).isEqualTo("预警信息管理");
        assertThat(api.post(reviewer(), base + "/menus/LA_NOPE/group", Map.of()).status()).isEqualTo(404);
        JsonNode interfaces = api.get(reviewer(), base + "/interfaces?keyword=system-logs").body();
        assertThat(interfaces).anySatisfy(i -> {
            assertThat(i.path("method").asText()).isEqualTo("GET");
            assertThat(i.path("path").asText()).isEqualTo("/api/trade-window/v1/low-altitude/system-logs");
            assertThat(i.path("menu").asText()).isEqualTo("LA_SYSTEM_LOG");
        });

        // Export groups and relations.
        assertThat(xlsx(api.get(reviewer(), base + "/groups/export").raw()))
                .anySatisfy(row -> assertThat(row).containsSequence(group, "信用专管", "Credit only"));
        assertThat(xlsx(api.get(reviewer(), base + "/relations/export").raw()))
                .anySatisfy(row -> assertThat(row).containsExactly(group, "USER", auditorName));

        // Import a group and an organisation's relation: every user of the organisation is limited to statistics.
        String imported = "LA_STATS_" + suffix;
        String statsOrg = "/government/provincial/stats-" + suffix.toLowerCase();
        Res importedGroups = api.upload(reviewer(), base + "/groups/import", "x", "groups.xlsx", sheet(
                List.of("编码", "中文名称", "英文名称", "说明", "菜单"),
                List.of(List.of(imported, "统计专管", "Statistics only", "", "LA_STATISTICS"))));
        ok(importedGroups);
        assertThat(importedGroups.body().path("imported").asInt()).isEqualTo(1);
        // A relation to an unknown group spoils the whole file: nothing is added.
        Res badRelations = api.upload(reviewer(), base + "/relations/import", "x", "relations.xlsx", sheet(
                List.of("权限组", "类型", "用户或机构"),
                List.of(List.of(imported, "ORGANIZATION", statsOrg), List.of("LA_NO_SUCH_GROUP", "USER", "x"))));
        assertThat(badRelations.status()).isEqualTo(404);
        assertThat(api.get(reviewer(), base + "/groups/" + imported).body().path("members")).isEmpty();
        ok(api.upload(reviewer(), base + "/relations/import", "x", "relations.xlsx", sheet(
                List.of("权限组", "类型", "用户或机构"), List.of(List.of(imported, "ORGANIZATION", statsOrg)))));
        String statistician = reviewerNamed("statistician-" + suffix.toLowerCase(), statsOrg);
        ok(api.get(statistician, "/low-altitude/statistics"));
        assertThat(api.get(statistician, "/low-altitude/subjects").status()).isEqualTo(403);
        assertThat(api.upload(reviewer(), base + "/groups/import", "x", "groups.xlsx", "not a workbook".getBytes())
                .code()).isEqualTo("SPREADSHEET_UNREADABLE");
        assertThat(api.upload(reviewer(), base + "/groups/import", "x", "groups.xlsx", sheet(
                List.of("编码"), List.of(List.of("lower-case", "x", "y", "", ""))))
                .code()).isEqualTo("PERMISSION_IMPORT_INVALID");

        // The platform administrator is never limited, even in a group.
        String admin = TOKENS.user("platform-root-" + suffix.toLowerCase(), "platform-admin").mint();
        ok(api.put(reviewer(), base + "/groups/" + imported + "/members", Map.of("members",
                List.of(Map.of("type", "ORGANIZATION", "member", statsOrg),
                        Map.of("type", "USER", "member", "platform-root-" + suffix.toLowerCase())))));
        ok(api.get(admin, "/low-altitude/reports"));

        // Enterprises and reporters manage nothing here.
        assertThat(api.get(enterprise(YEFENG), base + "/groups").status()).isEqualTo(403);
        String reporter = TOKENS.user("huang-fei", LowAltitudeReportingService.REPORTER_ROLE).mint();
        assertThat(api.put(reporter, base + "/groups/LA_X", Map.of("nameZh", "x", "nameEn", "x")).status()).isEqualTo(403);
        assertThat(api.put(reviewer(), base + "/groups/bad-code", Map.of("nameZh", "x", "nameEn", "x")).status()).isEqualTo(400);

        // Deleting the group frees its members.
        assertThat(api.delete(reviewer(), base + "/groups/" + group).status()).isEqualTo(204);
        ok(api.get(auditor, "/low-altitude/reports"));
        assertThat(api.delete(reviewer(), base + "/groups/" + group).status()).isEqualTo(404);
        ok(api.delete(reviewer(), base + "/groups/" + imported));
        ok(api.delete(reviewer(), base + "/groups/MENU_LA_WARNINGS"));
    }

    @Test
    void theSystemLogKeepsWhatTheSystemDidAndIsQueriedPrintedAndExported() throws Exception {
        String ent = enterprise(YEFENG);
        String subjectId = subject(ent);
        // A declaration that fails the logic check (no customs certificate) is a system event.
        String id = report(ent, subjectId, Map.of("goods", List.of(Map.of("name", "芒果", "hsCode", "08045020",
                "quantity", 1, "unit", "千克")), "shipper", Map.of("name", "个体果农")));
        Res declared = api.post(ent, "/low-altitude/reports/" + id + "/declaration", Map.of());
        ok(declared);
        String reportNo = declared.body().path("reportNo").asText();
        ok(api.post(reviewer(), "/low-altitude/warnings/scan", Map.of()));

        JsonNode page = api.get(reviewer(), "/low-altitude/system-logs?category=LOGIC_CHECK&keyword=" + reportNo).body();
        assertThat(page.path("content")).hasSize(1);
        JsonNode entry = page.path("content").get(0);
        assertThat(entry.path("level").asText()).isEqualTo("WARN");
        assertThat(entry.path("event").asText()).isEqualTo("LOGIC_CHECK_FAILED");
        assertThat(entry.path("businessId").asText()).isEqualTo(reportNo);
        assertThat(entry.path("detail").asText()).contains("海关手续办结证明");
        JsonNode scans = api.get(reviewer(), "/low-altitude/system-logs?category=WARNING_SCAN&level=INFO").body();
        assertThat(scans.path("totalElements").asLong()).isPositive();
        assertThat(api.get(reviewer(), "/low-altitude/system-logs?level=INFO&category=LOGIC_CHECK&keyword=" + reportNo)
                .body().path("content")).isEmpty();
        long seq = entry.path("seq").asLong();
        assertThat(api.get(reviewer(), "/low-altitude/system-logs/" + seq).body().path("event").asText())
                .isEqualTo("LOGIC_CHECK_FAILED");
        assertThat(api.get(reviewer(), "/low-altitude/system-logs/999999999").status()).isEqualTo(404);
        assertThat(api.get(reviewer(), "/low-altitude/system-logs?level=DEBUG").status()).isEqualTo(400);

        String q = "&category=LOGIC_CHECK&keyword=" + reportNo;
        assertThat(xlsx(api.get(reviewer(), "/low-altitude/system-logs/export?format=xlsx" + q).raw()))
                .anySatisfy(row -> assertThat(row).contains(String.valueOf(seq), "WARN", "LOGIC_CHECK_FAILED", reportNo));
        Res word = api.get(reviewer(), "/low-altitude/system-logs/export?format=docx" + q);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(word.raw()))) {
            assertThat(doc.getParagraphs().get(0).getText()).contains("低慢小报送系统日志");
            assertThat(doc.getTables().get(0).getRow(1).getCell(0).getText()).isEqualTo(String.valueOf(seq));
        }
        Res pdf = api.get(reviewer(), "/low-altitude/system-logs/export?format=pdf" + q);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.contentDisposition()).startsWith("attachment");
        assertThat(pdfText(pdf.raw()).replaceAll("\\s+", "")).contains("低慢小报送系统日志", reportNo, "LOGIC_CHECK_FAILED");
        Res print = api.get(reviewer(), "/low-altitude/system-logs/export?print=true" + q);
        assertThat(print.contentDisposition()).startsWith("inline");
        assertThat(pdfText(print.raw()).replaceAll("\\s+", "")).contains(reportNo);

        // Enterprises and reporters do not read it.
        assertThat(api.get(ent, "/low-altitude/system-logs").status()).isEqualTo(403);
        String reporter = TOKENS.user("huang-fei", LowAltitudeReportingService.REPORTER_ROLE).mint();
        assertThat(api.get(reporter, "/low-altitude/system-logs/" + seq).status()).isEqualTo(403);
        assertThat(api.get(reporter, "/low-altitude/system-logs/export?format=pdf").status()).isEqualTo(403);
    }

    @Test
    void reviewResultsAndReturnsReachTheSubjectThroughItsNoticeTemplates() {
        String ent = enterprise(YEFENG);
        ok(api.put(ent, "/low-altitude/my-subscriptions/REPORT_RESULT", Map.of()));
        String subjectId = subject(ent);
        String returned = report(ent, subjectId, cargo("HG4601202611270031"));
        ok(api.post(ent, "/low-altitude/reports/" + returned + "/declaration", Map.of()));
        String reportNo = api.get(ent, "/low-altitude/reports/" + returned).body().path("reportNo").asText();
        ok(api.post(reviewer(), "/low-altitude/reports/" + returned + "/review",
                Map.of("result", "RETURNED", "opinion", "货物重量与随附单证不符")));

        // PC and mobile ends: the result and the return (with a deadline on the working-day calendar).
        List<JsonNode> mine = new java.util.ArrayList<>();
        api.get(ent, "/low-altitude/my-notices").body().forEach(n -> {
            if (n.path("businessId").asText().equals(returned)) {
                mine.add(n);
            }
        });
        assertThat(mine).extracting(n -> n.path("kind").asText() + ":" + n.path("channel").asText())
                .containsExactlyInAnyOrder("LA_REPORT_RETURNED:PC", "LA_REPORT_RETURNED:MOBILE",
                        "LA_REPORT_RESULT:PC", "LA_REPORT_RESULT:MOBILE");
        JsonNode returnNotice = mine.stream().filter(n -> n.path("kind").asText().equals("LA_REPORT_RETURNED"))
                .findFirst().orElseThrow();
        assertThat(returnNotice.path("content").asText()).contains("海南低空物流有限公司", reportNo, "货物重量与随附单证不符")
                .containsPattern("前更正后重新申报").containsPattern("\\d{4}-\\d{2}-\\d{2}");
        // SMS (only the return's template says SMS) to the subject's contact phone, through the SMS platform.
        assertThat(jdbc.queryForList("SELECT kind || ':' || recipient FROM notification_record WHERE business_id = ? "
                + "AND channel = 'SMS'", String.class, returned)).containsExactly("LA_REPORT_RETURNED:13907561234");
        // Another enterprise and a reviewer see none of them.
        assertThat(api.get(enterprise(HAISI), "/low-altitude/my-notices").body().findValuesAsText("businessId"))
                .doesNotContain(returned);
        assertThat(api.get(reviewer(), "/low-altitude/my-notices").status()).isEqualTo(403);

        // A disabled template sends nothing.
        String template = "/low-altitude/notice-templates/REPORT_RESULT/enabled";
        ok(api.put(reviewer(), template, Map.of("enabled", false)));
        try {
            String approved = approvedReport(ent, subjectId);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_record WHERE business_id = ?", Long.class,
                    approved)).isZero();
        } finally {
            ok(api.put(reviewer(), template, Map.of("enabled", true)));
        }
    }

    @Test
    void theGovernmentEndListsQueriesAndReviewsPassengerReportsThroughTheirCycle() {
        String reporter = TOKENS.user("chen-hang", LowAltitudeReportingService.REPORTER_ROLE).mint();
        Res s = api.post(reporter, "/low-altitude/subjects", Map.of("kind", "INDIVIDUAL", "name", "陈航",
                "certificateNo", "460100199202024321", "contactPhone", "13907561299", "aircraftRegs", "B-9PX7", "submit", true));
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
        String subjectId = s.body().path("id").asText();
        Map<String, Object> content = Map.of("persons", List.of(Map.of("name", "乘客丁", "idNumber", "460100199001014444")),
                "articles", List.of(Map.of("name", "随身行李", "quantity", 1)));
        String good = api.post(reporter, "/low-altitude/reports", Map.of("subjectId", subjectId, "activity", "PASSENGER",
                "airport", "琼海博鳌机场", "aircraftReg", "B-9PX7", "flightDate", today().toString(), "content", content))
                .body().path("id").asText();
        String unregistered = api.post(reporter, "/low-altitude/reports", Map.of("subjectId", subjectId,
                "activity", "PASSENGER", "airport", "琼海博鳌机场", "aircraftReg", "B-0000", "flightDate", today().toString(),
                "content", content)).body().path("id").asText();
        // 入库 and the reporter's comprehensive query: its own passenger reports, no one else's.
        assertThat(api.get(reporter, "/low-altitude/reports?activity=PASSENGER").body().findValuesAsText("id"))
                .containsExactlyInAnyOrder(good, unregistered);
        String stranger = TOKENS.user("zhou-yun", LowAltitudeReportingService.REPORTER_ROLE).mint();
        assertThat(api.get(stranger, "/low-altitude/reports?activity=PASSENGER").body().findValuesAsText("id"))
                .doesNotContain(good, unregistered);
        ok(api.post(reporter, "/low-altitude/reports/" + good + "/declaration", Map.of()));
        ok(api.post(reporter, "/low-altitude/reports/" + unregistered + "/declaration", Map.of()));

        // Government end: the received list by activity and status, the detail with its logic check.
        assertThat(api.get(reviewer(), "/low-altitude/reports?activity=PASSENGER&status=PENDING_REVIEW").body()
                .findValuesAsText("id")).contains(good).doesNotContain(unregistered);
        assertThat(api.get(reviewer(), "/low-altitude/reports?activity=CARGO").body().findValuesAsText("id"))
                .doesNotContain(good, unregistered);
        JsonNode failed = api.get(reviewer(), "/low-altitude/reports/" + unregistered).body();
        assertThat(failed.path("logicCheckPassed").asBoolean()).isFalse();
        assertThat(failed.path("logicCheckErrors").asText()).contains("航空器未在报送主体登记");
        assertThat(api.get(reviewer(), "/low-altitude/reports?activity=PASSENGER&status=RECEIPT_SENT").body()
                .findValuesAsText("id")).contains(unregistered);

        // Review result generated, fed back to the reporter, re-sent once, applied.
        ok(api.post(reviewer(), "/low-altitude/reports/" + good + "/review", Map.of("result", "APPROVED", "opinion", "载客信息完整")));
        assertThat(api.post(stranger, "/low-altitude/reports/" + good + "/receipt-application", Map.of()).status()).isEqualTo(403);
        ok(api.post(reviewer(), "/low-altitude/reports/" + good + "/receipt", Map.of()));
        assertThat(api.post(reviewer(), "/low-altitude/reports/" + good + "/receipt", Map.of()).body()
                .path("receiptSentCount").asInt()).isEqualTo(2);
        JsonNode result = api.get(reviewer(), "/low-altitude/reports?activity=PASSENGER&status=RECEIPT_SENT").body();
        JsonNode mine = null;
        for (JsonNode r : result) {
            if (r.path("id").asText().equals(good)) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("reviewResult").asText()).isEqualTo("APPROVED");
        assertThat(mine.path("reviewOpinion").asText()).isEqualTo("载客信息完整");
        assertThat(api.get(reporter, "/low-altitude/reports/" + good).body().path("reviewResult").asText()).isEqualTo("APPROVED");
        Res applied = api.post(reporter, "/low-altitude/reports/" + good + "/receipt-application", Map.of());
        ok(applied);
        assertThat(applied.body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(api.get(stranger, "/low-altitude/reports/" + good).status()).isEqualTo(403);
    }

    List<String> noticeKinds(String businessId) {
        return jdbc.queryForList("SELECT kind || ':' || channel FROM notification_record WHERE business_id = ?",
                String.class, businessId);
    }

    /** Runs a draft follow-up form through modify, delete, create again, declare, review, receipt and its application. */
    String followUpCycle(String reporter, String originalId, String form, Map<String, Object> first,
                         Map<String, Object> changed, String changedMarker) {
        String base = "/low-altitude/reports/" + originalId + "/follow-ups";
        Res draft = api.post(reporter, base, Map.of("form", form, "content", first));
        assertThat(draft.status()).as(form + " " + draft).isEqualTo(201);
        String draftId = draft.body().path("id").asText();
        // 修改 while a draft, 删除 (gone), then 新增 again
        ok(api.put(reporter, "/low-altitude/reports/" + draftId, Map.of("content", changed)));
        assertThat(api.get(reporter, "/low-altitude/reports/" + draftId).body().path("content").toString())
                .as(form).contains(changedMarker);
        assertThat(api.delete(reporter, "/low-altitude/reports/" + draftId).status()).as(form).isEqualTo(204);
        assertThat(api.get(reporter, "/low-altitude/reports/" + draftId).status()).as(form).isEqualTo(404);
        Res again = api.post(reporter, base, Map.of("form", form, "content", changed));
        assertThat(again.status()).as(form + " " + again).isEqualTo(201);
        String id = again.body().path("id").asText();
        // 申报 → 审核 → 回执 → 回执结果更新; once declared it is no longer edited or deleted
        Res declared = api.post(reporter, "/low-altitude/reports/" + id + "/declaration", Map.of());
        assertThat(declared.body().path("status").asText()).as(form + " " + declared).isEqualTo("PENDING_REVIEW");
        assertThat(api.put(reporter, "/low-altitude/reports/" + id, Map.of("content", first)).code())
                .isEqualTo("REPORT_NOT_EDITABLE");
        assertThat(api.delete(reporter, "/low-altitude/reports/" + id).code()).isEqualTo("REPORT_NOT_EDITABLE");
        ok(api.post(reviewer(), "/low-altitude/reports/" + id + "/review", Map.of("result", "APPROVED", "opinion", "同意" + form)));
        ok(api.post(reviewer(), "/low-altitude/reports/" + id + "/receipt", Map.of()));
        Res applied = api.post(reporter, "/low-altitude/reports/" + id + "/receipt-application", Map.of());
        assertThat(applied.body().path("status").asText()).as(form).isEqualTo("COMPLETED");
        return id;
    }

    @Test
    void aCargoReportsGoodsShipperDocumentsAndCertificateAreEditedAndItsFollowUpFormsRunTheirOwnCycle() {
        String ent = enterprise(YEFENG);
        String subjectId = subject(ent);
        String id = report(ent, subjectId, Map.of(
                "goods", List.of(Map.of("name", "热带水果（芒果）", "hsCode", "08045020", "quantity", 120, "unit", "千克"),
                        Map.of("name", "椰子", "hsCode", "08011990", "quantity", 50, "unit", "千克")),
                "shipper", Map.of("name", "三亚南繁果业有限公司", "contact", "13807541234"),
                "documents", List.of(Map.of("type", "发票", "number", "INV-20261127-01"),
                        Map.of("type", "装箱单", "number", "PL-20261127-01")),
                "customsCertificateNo", "HG4601202611270001"));
        // 货物/托运人/随附单证/海关手续办结证明 删除 on the draft: a good, the shipper's contact, a document and the
        // certificate number go; the certificate is then missing, so the logic check would return it.
        ok(api.put(ent, "/low-altitude/reports/" + id, Map.of("content", Map.of(
                "goods", List.of(Map.of("name", "热带水果（芒果）", "hsCode", "08045020", "quantity", 120, "unit", "千克")),
                "shipper", Map.of("name", "三亚南繁果业有限公司"),
                "documents", List.of(Map.of("type", "发票", "number", "INV-20261127-01"))))));
        String text = api.get(ent, "/low-altitude/reports/" + id).body().path("content").toString();
        assertThat(text).contains("热带水果（芒果）", "INV-20261127-01").doesNotContain("椰子", "PL-20261127-01",
                "13807541234", "HG4601202611270001");
        ok(api.put(ent, "/low-altitude/reports/" + id, Map.of("content", cargo("HG4601202611270001"))));
        ok(api.post(ent, "/low-altitude/reports/" + id + "/declaration", Map.of()));
        ok(api.post(reviewer(), "/low-altitude/reports/" + id + "/review", Map.of("result", "APPROVED", "opinion", "核验无误")));
        ok(api.post(reviewer(), "/low-altitude/reports/" + id + "/receipt", Map.of()));
        ok(api.post(ent, "/low-altitude/reports/" + id + "/receipt-application", Map.of()));

        followUpCycle(ent, id, "SUPPLEMENT", Map.of("documents", List.of(Map.of("type", "原产地证", "number", "CO-01"))),
                Map.of("documents", List.of(Map.of("type", "原产地证", "number", "CO-2026-0099"))), "CO-2026-0099");
        assertThat(api.get(ent, "/low-altitude/reports/" + id).body().path("content").toString()).contains("CO-2026-0099");
        followUpCycle(ent, id, "CORRECTION", cargo("HG4601202611270002"), cargo("HG4601202611270003"),
                "HG4601202611270003");
        assertThat(api.get(ent, "/low-altitude/reports/" + id).body().path("content").toString())
                .contains("HG4601202611270003");
        followUpCycle(ent, id, "WITHDRAWAL", Map.of("reason", "客户取消"), Map.of("reason", "客户取消订单"), "客户取消订单");
        assertThat(api.get(ent, "/low-altitude/reports/" + id).body().path("effective").asBoolean()).isFalse();
    }

    @Test
    void aPassengerReportsPersonsAndArticlesAreEditedAndItsFollowUpFormsRunTheirOwnCycle() {
        String reporter = TOKENS.user("lin-fei", LowAltitudeReportingService.REPORTER_ROLE).mint();
        Res s = api.post(reporter, "/low-altitude/subjects", Map.of("kind", "INDIVIDUAL", "name", "林飞",
                "certificateNo", "460100199303035555", "contactPhone", "13907561288", "aircraftRegs", "B-9PX8", "submit", true));
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
        String subjectId = s.body().path("id").asText();
        Map<String, Object> first = Map.of(
                "persons", List.of(Map.of("name", "乘客甲", "idNumber", "460100199001011111"),
                        Map.of("name", "乘客乙", "idNumber", "460100199001012222")),
                "articles", List.of(Map.of("name", "随身行李", "quantity", 1)));
        Res created = api.post(reporter, "/low-altitude/reports", Map.of("subjectId", subjectId, "activity", "PASSENGER",
                "airport", "三亚凤凰国际机场", "aircraftReg", "B-9PX8", "flightDate", today().toString(), "content", first));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asText();

        // 人员/物品基本信息 新增、修改、删除 on the draft: 乙 removed, 丙 added, 甲's name corrected; an article changed, one added.
        Map<String, Object> edited = Map.of(
                "persons", List.of(Map.of("name", "乘客甲（更正）", "idNumber", "460100199001011111"),
                        Map.of("name", "乘客丙", "idNumber", "460100199001013333")),
                "articles", List.of(Map.of("name", "随身行李", "quantity", 2), Map.of("name", "航拍相机", "quantity", 1)));
        ok(api.put(reporter, "/low-altitude/reports/" + id, Map.of("content", edited)));
        JsonNode content = api.get(reporter, "/low-altitude/reports/" + id).body().path("content");
        String text = content.isTextual() ? content.asText() : content.toString();
        assertThat(text).contains("乘客甲（更正）", "乘客丙", "航拍相机").doesNotContain("乘客乙");
        assertThat(api.put(TOKENS.user("zhou-yun", LowAltitudeReportingService.REPORTER_ROLE).mint(),
                "/low-altitude/reports/" + id, Map.of("content", first)).status()).isEqualTo(403);

        ok(api.post(reporter, "/low-altitude/reports/" + id + "/declaration", Map.of()));
        ok(api.post(reviewer(), "/low-altitude/reports/" + id + "/review", Map.of("result", "APPROVED", "opinion", "核验无误")));
        ok(api.post(reviewer(), "/low-altitude/reports/" + id + "/receipt", Map.of()));
        ok(api.post(reporter, "/low-altitude/reports/" + id + "/receipt-application", Map.of()));

        // 补充报送: applied, it is kept with the original.
        followUpCycle(reporter, id, "SUPPLEMENT", Map.of("articles", List.of(Map.of("name", "备用电池", "quantity", 2))),
                Map.of("articles", List.of(Map.of("name", "备用电池（两块）", "quantity", 2))), "备用电池（两块）");
        assertThat(api.get(reporter, "/low-altitude/reports/" + id).body().path("content").toString()).contains("备用电池（两块）");
        // 更正: applied, it replaces the original's content.
        followUpCycle(reporter, id, "CORRECTION", Map.of("persons", List.of(Map.of("name", "乘客丁", "idNumber",
                        "460100199001014444")), "articles", List.of()),
                Map.of("persons", List.of(Map.of("name", "乘客戊", "idNumber", "460100199001015555")), "articles", List.of()),
                "乘客戊");
        assertThat(api.get(reporter, "/low-altitude/reports/" + id).body().path("content").toString())
                .contains("乘客戊").doesNotContain("乘客丙");
        // 撤回: applied, the original is no longer effective and the subject's credit keeps it.
        followUpCycle(reporter, id, "WITHDRAWAL", Map.of("reason", "天气原因取消"), Map.of("reason", "天气原因取消航班"),
                "天气原因取消航班");
        assertThat(api.get(reporter, "/low-altitude/reports/" + id).body().path("effective").asBoolean()).isFalse();
        assertThat(api.get(reporter, "/low-altitude/subjects/" + subjectId + "/credit-records").body()
                .findValuesAsText("kind")).contains("REPORT_WITHDRAWN");
        // the reviewer lists the follow-up forms of each kind
        assertThat(api.get(reviewer(), "/low-altitude/reports?activity=PASSENGER&form=SUPPLEMENT").body()
                .findValuesAsText("originalId")).contains(id);
    }

    @Test
    void onlySubscribersReceiveSubscribableTemplatesAndEveryoneTheOthers() {
        String ent = enterprise(YEFENG);
        String subjectId = subject(ent);
        JsonNode list = api.delete(ent, "/low-altitude/my-subscriptions/REPORT_RESULT").body();
        // The list holds the subscribable, enabled templates only, each with this owner's subscription.
        assertThat(list.findValuesAsText("code")).contains("REPORT_RESULT", "WARNING_RAISED")
                .doesNotContain("REPORT_RETURNED");
        list.forEach(t -> {
            if (t.path("code").asText().equals("REPORT_RESULT")) {
                assertThat(t.path("subscribed").asBoolean()).isFalse();
            }
        });
        // Refusals: a template that is not subscribable, one that does not exist, a reviewer (no reporter).
        Res notSubscribable = api.put(ent, "/low-altitude/my-subscriptions/REPORT_RETURNED", Map.of());
        assertThat(notSubscribable.status()).isEqualTo(409);
        assertThat(notSubscribable.code()).isEqualTo("TEMPLATE_NOT_SUBSCRIBABLE");
        assertThat(api.put(ent, "/low-altitude/my-subscriptions/NO_SUCH_TEMPLATE", Map.of()).status()).isEqualTo(404);
        assertThat(api.get(reviewer(), "/low-altitude/my-subscriptions").status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM la_template_subscription WHERE owner_key = ? "
                + "AND template_code = 'REPORT_RETURNED'", Long.class, YEFENG)).isZero();

        // Not subscribed: an approved report sends no result notice.
        String quiet = approvedReport(ent, subjectId);
        assertThat(noticeKinds(quiet)).isEmpty();

        // Subscribed: the result reaches the PC and mobile ends (the template's channels).
        JsonNode after = api.put(ent, "/low-altitude/my-subscriptions/REPORT_RESULT", Map.of()).body();
        assertThat(after).anySatisfy(t -> {
            assertThat(t.path("code").asText()).isEqualTo("REPORT_RESULT");
            assertThat(t.path("subscribed").asBoolean()).isTrue();
        });
        ok(api.put(ent, "/low-altitude/my-subscriptions/REPORT_RESULT", Map.of()));
        String heard = approvedReport(ent, subjectId);
        assertThat(noticeKinds(heard)).containsExactlyInAnyOrder("LA_REPORT_RESULT:PC", "LA_REPORT_RESULT:MOBILE");
        // The subscription is the owner's: another enterprise has not subscribed.
        assertThat(api.get(enterprise(HAISI), "/low-altitude/my-subscriptions").body()).anySatisfy(t -> {
            assertThat(t.path("code").asText()).isEqualTo("REPORT_RESULT");
            assertThat(t.path("subscribed").asBoolean()).isFalse();
        });

        // Unsubscribed again: a return (template not subscribable) still arrives, its result notice does not.
        ok(api.delete(ent, "/low-altitude/my-subscriptions/REPORT_RESULT"));
        String returned = report(ent, subjectId, cargo("HG4601202611270077"));
        ok(api.post(ent, "/low-altitude/reports/" + returned + "/declaration", Map.of()));
        ok(api.post(reviewer(), "/low-altitude/reports/" + returned + "/review",
                Map.of("result", "RETURNED", "opinion", "托运人信息不全")));
        assertThat(noticeKinds(returned)).containsExactlyInAnyOrder("LA_REPORT_RETURNED:PC",
                "LA_REPORT_RETURNED:MOBILE", "LA_REPORT_RETURNED:SMS");
        ok(api.put(ent, "/low-altitude/my-subscriptions/REPORT_RESULT", Map.of()));
    }

    @Test
    void aDeclaredCreditCorrectionIsChangedOnlyThroughAChangeRequestTheReviewerDecides() {
        String ent = enterprise(YEFENG);
        String subjectId = subject(ent);
        // A report without the customs certificate fails the logic check: a credit record to correct.
        Res bad = api.post(ent, "/low-altitude/reports", Map.of("subjectId", subjectId, "activity", "CARGO",
                "airport", "三亚凤凰国际机场", "aircraftReg", "B-7QX1", "flightDate", today().toString(),
                "content", Map.of("goods", List.of(Map.of("name", "椰子", "hsCode", "08011910", "quantity", 5, "unit", "千克")),
                        "shipper", Map.of("name", "三亚南繁果业有限公司"))));
        ok(api.post(ent, "/low-altitude/reports/" + bad.body().path("id").asText() + "/declaration", Map.of()));
        String recordId = api.get(ent, "/low-altitude/subjects/" + subjectId + "/credit-records").body().get(0)
                .path("id").asText();
        String declaredReason = "海关手续办结证明系录入遗漏，现补交证明编号";
        String id = api.post(ent, "/low-altitude/credit-corrections", Map.of("subjectId", subjectId, "recordId", recordId,
                "reason", declaredReason, "evidence", "HG4601202611270050")).body().path("id").asText();
        String base = "/low-altitude/credit-corrections/" + id;
        String changes = base + "/change-requests";
        Map<String, Object> change = Map.of("reason", "海关手续办结证明编号录错，正确编号为 HG4601202611270051",
                "evidence", "HG4601202611270051", "why", "证明编号录入错误");

        // Only a declared correction takes a change request.
        assertThat(api.post(ent, changes, change).code()).isEqualTo("CORRECTION_STATE");
        assertThat(api.post(ent, base + "/declaration", Map.of()).body().path("status").asText()).isEqualTo("DECLARED");
        // Refusals: another enterprise, a too-short reason, a missing why; none changes anything.
        assertThat(api.post(enterprise(HAISI), changes, change).status()).isEqualTo(403);
        Res shortReason = api.post(ent, changes, Map.of("reason", "编号错", "why", "录错"));
        assertThat(shortReason.status()).isEqualTo(422);
        assertThat(shortReason.code()).isEqualTo("CORRECTION_REASON_SHORT");
        assertThat(api.post(ent, changes, Map.of("reason", "海关手续办结证明编号录错，正确编号见附件")).status()).isEqualTo(400);
        assertThat(api.get(ent, changes).body()).isEmpty();

        Res requested = api.post(ent, changes, change);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.body().path("status").asText()).isEqualTo("REQUESTED");
        assertThat(requested.body().path("oldReason").asText()).isEqualTo(declaredReason);
        // While the change waits, the correction is neither decided, revoked, nor changed again.
        assertThat(api.post(reviewer(), base + "/review", Map.of("approve", true, "opinion", "先审")).code())
                .isEqualTo("CORRECTION_STATE");
        assertThat(api.post(ent, base + "/revocation", Map.of()).code()).isEqualTo("CORRECTION_STATE");
        assertThat(api.post(ent, changes, change).code()).isEqualTo("CORRECTION_STATE");
        assertThat(api.post(ent, changes + "/decision", Map.of("accept", true, "opinion", "自己批")).status())
                .isEqualTo(403);

        // Refused: the correction stays as declared.
        JsonNode refused = api.post(reviewer(), changes + "/decision", Map.of("accept", false, "opinion", "编号无法核实")).body();
        assertThat(refused.path("status").asText()).isEqualTo("DECLARED");
        assertThat(refused.path("reason").asText()).isEqualTo(declaredReason);
        assertThat(refused.path("evidence").asText()).isEqualTo("HG4601202611270050");
        assertThat(api.post(reviewer(), changes + "/decision", Map.of("accept", true, "opinion", "again")).code())
                .isEqualTo("CORRECTION_STATE");

        // 撤销申请 (FP 384): the declared correction is revoked; a copy of it is declared in its place.
        assertThat(api.post(enterprise(HAISI), base + "/revocation", Map.of()).status()).isEqualTo(403);
        assertThat(api.post(ent, base + "/revocation", Map.of()).body().path("status").asText()).isEqualTo("REVOKED");
        assertThat(api.post(ent, changes, change).code()).isEqualTo("CORRECTION_STATE");
        assertThat(api.get(ent, changes).body().findValuesAsText("status")).containsExactly("REFUSED");
        String copyId = api.post(ent, base + "/copy", Map.of()).body().path("id").asText();
        base = "/low-altitude/credit-corrections/" + copyId;
        changes = base + "/change-requests";
        assertThat(api.post(ent, base + "/declaration", Map.of()).body().path("status").asText()).isEqualTo("DECLARED");

        // Asked again and accepted: the correction takes the new reason and evidence, declared again.
        ok(api.post(ent, changes, change));
        JsonNode accepted = api.post(reviewer(), changes + "/decision", Map.of("accept", true, "opinion", "已核实新编号")).body();
        assertThat(accepted.path("status").asText()).isEqualTo("DECLARED");
        assertThat(accepted.path("reason").asText()).isEqualTo(change.get("reason"));
        assertThat(accepted.path("evidence").asText()).isEqualTo("HG4601202611270051");
        JsonNode history = api.get(ent, changes).body();
        assertThat(history.findValuesAsText("status")).containsExactly("ACCEPTED");
        assertThat(history.get(0).path("oldReason").asText()).isEqualTo(declaredReason);
        assertThat(history.findValuesAsText("decidedBy")).containsOnly("transport-reviewer");
        assertThat(api.get(enterprise(HAISI), changes).status()).isEqualTo(403);
        assertThat(api.get(reviewer(), changes).body()).hasSize(1);

        // The changed correction is then decided as any declared one.
        assertThat(api.post(reviewer(), base + "/review", Map.of("approve", true, "opinion", "核实无误")).body()
                .path("status").asText()).isEqualTo("APPROVED");
    }

    static String session(String uscc, String sid) {
        return TOKENS.user("pilot-" + uscc.substring(14), "enterprise-declarant").enterprise(uscc).sessionId(sid).mint();
    }

    void idleFor(String sid, int minutes) {
        jdbc.update("UPDATE la_login_session SET last_seen = now() - make_interval(mins => ?) WHERE session_id = ?",
                minutes, sid);
    }

    @Test
    void aReporterLoginSessionIdleLongerThanTheTimeoutIsRefusedUntilANewLogin() {
        // The timeout is data: reviewers set it within 5..1440 minutes; reporters cannot.
        assertThat(api.get(reviewer(), "/low-altitude/login-settings").body().path("idleTimeoutMinutes").asInt())
                .isEqualTo(30);
        assertThat(api.put(enterprise(YEFENG), "/low-altitude/login-settings", Map.of("idleTimeoutMinutes", 600))
                .status()).isEqualTo(403);
        assertThat(api.put(reviewer(), "/low-altitude/login-settings", Map.of("idleTimeoutMinutes", 3)).status())
                .isEqualTo(400);

        String a = "sid-" + java.util.UUID.randomUUID();
        ok(api.get(session(YEFENG, a), "/low-altitude/subjects"));
        ok(api.get(session(YEFENG, a), "/low-altitude/subjects"));
        // 29 minutes without a request: still on (and the request counts as activity).
        idleFor(a, 29);
        ok(api.get(session(YEFENG, a), "/low-altitude/subjects"));
        JsonNode mine = api.get(session(YEFENG, a), "/low-altitude/login-sessions").body();
        assertThat(mine).anySatisfy(s -> {
            assertThat(s.path("sessionId").asText()).isEqualTo(a);
            // three requests and this listing
            assertThat(s.path("requests").asInt()).isEqualTo(4);
            assertThat(s.hasNonNull("endedAt")).isFalse();
        });

        // 31 minutes: the session is over; a renewed token of the same session too; nothing is changed.
        idleFor(a, 31);
        Long subjects = jdbc.queryForObject("SELECT count(*) FROM reporting_subject", Long.class);
        Res refused = api.post(session(YEFENG, a), "/low-altitude/subjects", Map.of("kind", "ENTERPRISE",
                "name", "超时后不能登记", "contactPhone", "13907560000", "aircraftRegs", "B-7QX9", "submit", true));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("SESSION_IDLE_TIMEOUT");
        assertThat(refused.toString()).contains("登录超时");
        assertThat(api.get(session(YEFENG, a), "/low-altitude/subjects").code()).isEqualTo("SESSION_IDLE_TIMEOUT");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reporting_subject", Long.class)).isEqualTo(subjects);
        assertThat(jdbc.queryForObject("SELECT end_reason FROM la_login_session WHERE session_id = ?", String.class, a))
                .isEqualTo("IDLE_TIMEOUT");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM la_system_log WHERE event = 'SESSION_IDLE_TIMEOUT' "
                + "AND actor_name = 'pilot-' || ?", Long.class, YEFENG.substring(14))).isPositive();

        // A new login is a new session; a shorter timeout set by a reviewer applies at once.
        String b = "sid-" + java.util.UUID.randomUUID();
        ok(api.get(session(YEFENG, b), "/low-altitude/subjects"));
        ok(api.put(reviewer(), "/low-altitude/login-settings", Map.of("idleTimeoutMinutes", 10)));
        try {
            idleFor(b, 11);
            assertThat(api.get(session(YEFENG, b), "/low-altitude/subjects").code()).isEqualTo("SESSION_IDLE_TIMEOUT");
        } finally {
            assertThat(api.put(reviewer(), "/low-altitude/login-settings", Map.of("idleTimeoutMinutes", 30)).body()
                    .path("updatedBy").asText()).isEqualTo("transport-reviewer");
        }

        // Logging out ends the session at once.
        String c = "sid-" + java.util.UUID.randomUUID();
        assertThat(api.post(session(YEFENG, c), "/low-altitude/login-sessions/current/logout", Map.of()).body()
                .path("endReason").asText()).isEqualTo("LOGOUT");
        assertThat(api.get(session(YEFENG, c), "/low-altitude/subjects").code()).isEqualTo("SESSION_ENDED");

        // Each reporter lists its own sessions only; reviewers list all (and are not timed here).
        assertThat(api.get(enterprise(HAISI), "/low-altitude/login-sessions").body().findValuesAsText("sessionId"))
                .doesNotContain(a, b, c);
        assertThat(api.get(reviewer(), "/low-altitude/login-sessions").body().findValuesAsText("sessionId"))
                .contains(a, b, c);
    }

    static String rememberedSession(String uscc, String sid) {
        return TOKENS.user("pilot-" + uscc.substring(14), "enterprise-declarant").enterprise(uscc).sessionId(sid)
                .claim(LowAltitudeLoginSessions.REMEMBER_ME_CLAIM, true).mint();
    }

    @Test
    void aRememberedLoginSessionIsNotTimedOutForIdlenessButLogoutStillEndsIt() {
        // Tokens as the realm's remember-me mapper writes them (KeycloakRealmIT proves the claim on real logins).
        String remembered = "sid-" + java.util.UUID.randomUUID();
        String normal = "sid-" + java.util.UUID.randomUUID();
        ok(api.get(rememberedSession(YEFENG, remembered), "/low-altitude/subjects"));
        ok(api.get(session(YEFENG, normal), "/low-altitude/subjects"));

        // Ten hours without a request: the remembered session goes on, the normal one is over.
        idleFor(remembered, 600);
        idleFor(normal, 600);
        ok(api.get(rememberedSession(YEFENG, remembered), "/low-altitude/subjects"));
        assertThat(api.get(session(YEFENG, normal), "/low-altitude/subjects").code()).isEqualTo("SESSION_IDLE_TIMEOUT");

        JsonNode mine = api.get(rememberedSession(YEFENG, remembered), "/low-altitude/login-sessions").body();
        assertThat(mine).anySatisfy(s -> {
            assertThat(s.path("sessionId").asText()).isEqualTo(remembered);
            assertThat(s.path("rememberMe").asBoolean()).isTrue();
            assertThat(s.hasNonNull("endedAt")).isFalse();
        });
        assertThat(mine).anySatisfy(s -> {
            assertThat(s.path("sessionId").asText()).isEqualTo(normal);
            assertThat(s.path("rememberMe").asBoolean()).isFalse();
            assertThat(s.path("endReason").asText()).isEqualTo("IDLE_TIMEOUT");
        });

        // A claim of false is no remember me.
        String saidNo = "sid-" + java.util.UUID.randomUUID();
        String no = TOKENS.user("pilot-" + YEFENG.substring(14), "enterprise-declarant").enterprise(YEFENG)
                .sessionId(saidNo).claim(LowAltitudeLoginSessions.REMEMBER_ME_CLAIM, false).mint();
        ok(api.get(no, "/low-altitude/subjects"));
        idleFor(saidNo, 31);
        assertThat(api.get(no, "/low-altitude/subjects").code()).isEqualTo("SESSION_IDLE_TIMEOUT");

        // Logging out ends a remembered session at once.
        assertThat(api.post(rememberedSession(YEFENG, remembered), "/low-altitude/login-sessions/current/logout",
                Map.of()).body().path("endReason").asText()).isEqualTo("LOGOUT");
        assertThat(api.get(rememberedSession(YEFENG, remembered), "/low-altitude/subjects").code())
                .isEqualTo("SESSION_ENDED");
    }
}
