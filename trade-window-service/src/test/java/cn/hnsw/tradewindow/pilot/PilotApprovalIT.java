package cn.hnsw.tradewindow.pilot;

import cn.hnsw.simulators.window.HaiyibanCaseBook;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.tradewindow.support.Api;
import cn.hnsw.tradewindow.support.Api.Res;
import cn.hnsw.tradewindow.support.TestPartners;
import cn.hnsw.tradewindow.calendar.HolidayCalendarRepository;
import cn.hnsw.tradewindow.calendar.StepDeadlineCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The value-added pilot approval end to end, through HTTP with real tokens, on the real database, Kafka and S3, with
 * the 海易办, SMS and data-sharing simulators answering sealed messages: the four-level chain with configured and
 * run-time extra approvers and the provincial countersign, returns, withdrawals, termination to the blacklist, the
 * process centre, and every refusal the issue lists.
 */
// The test runs the warning scan and sends the notices itself (dispatchAll): a scheduled run of either would race it
// (a row the scheduled dispatcher has locked is skipped, and still reads PENDING right after dispatchAll).
@ServiceIntegrationTest(properties = {"tradewindow.warnings.initial-delay=PT24H", "tradewindow.notices.initial-delay=PT24H"})
class PilotApprovalIT {

    static final String YEFENG = "91460106MA5T8K3R0A";
    static final String HAISI = "91460400MA5TA2QX8U";
    static final String DISHONEST = "91469027MA5TX9QJ4B";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final AtomicInteger REGIONS = new AtomicInteger();
    static final TestTokens TOKENS = TestTokens.issuer();

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry r) {
        TestPartners.register(r);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PilotDeadlineWarnings warnings;
    @Autowired
    NoticeDispatcher dispatcher;
    @Autowired
    RepositoryService repository;
    @Autowired
    HolidayCalendarRepository calendar;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    // --- tokens -----------------------------------------------------------------------------------------------

    static String enterprise(String uscc) {
        return TOKENS.user("declarant-" + uscc.substring(12), "enterprise-declarant").enterprise(uscc).mint();
    }

    static String countyUnit(String user, String org) {
        return TOKENS.user(user, "gov-county-unit").organization(org).mint();
    }

    static String countyGov(String user, String org) {
        return TOKENS.user(user, "gov-county").organization(org).mint();
    }

    static String provDept(String user, String org) {
        return TOKENS.user(user, "gov-provincial-dept").organization(org).mint();
    }

    static String province() {
        return TOKENS.user("province", "gov-province").organization("/government/province").mint();
    }

    static String operator() {
        return TOKENS.user("sw-operator", "sw-operator").organization("/single-window/operations").mint();
    }

    static final String COMMERCE = "/government/provincial/commerce";
    static final String FINANCE = "/government/provincial/finance";

    /** A region of its own for a test, so routing changes never reach another test's applications. */
    record Region(String code, String gov, String lead) {
        String unit(String name) {
            return gov + "/" + name;
        }
    }

    Region newRegion() {
        String code = "test-region-" + REGIONS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        String gov = "/government/county/" + code;
        Region r = new Region(code, gov, gov + "/commerce-bureau");
        Res saved = api.put(operator(), "/pilot-routing/regions/" + code, Map.of("nameZh", "测试市县", "nameEn",
                "Test county", "countyGovOrg", gov, "leadUnitOrg", r.lead(), "enabled", true));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return r;
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    String createWithDocuments(String token, String region) {
        Res created = api.post(token, "/pilot-applications", Map.of("regionCode", region,
                "productSummary", "椰子汁饮料加工增值产品（HS 2202.99）"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asText();
        for (String type : List.of("APPLICATION", "PROFILE", "VALUE_ADDED_CALCULATION", "TOTAL_REVENUE",
                "COMMITMENT_LETTER", "EVIDENCE")) {
            Res up = api.upload(token, "/pilot-applications/" + id + "/documents", type, type.toLowerCase() + ".pdf", PDF);
            assertThat(up.status()).as(up.toString()).isEqualTo(201);
        }
        return id;
    }

    String submitted(String token, String region) {
        String id = createWithDocuments(token, region);
        Res submitted = api.post(token, "/pilot-applications/" + id + "/submission", Map.of());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return id;
    }

    Res decide(String token, String id, String decision, String opinion) {
        return api.post(token, "/pilot-applications/" + id + "/opinions", Map.of("decision", decision, "opinion", opinion));
    }

    void ok(Res res) {
        assertThat(res.status()).as(res.toString()).isBetween(200, 204);
    }

    String step(String id) {
        return api.get(operator(), "/pilot-applications/" + id).body().path("currentStep").asText();
    }

    String status(String id) {
        return api.get(operator(), "/pilot-applications/" + id).body().path("status").asText();
    }

    /** Runs an application in a region with the default routing up to approval. */
    String approvedApplication(String enterpriseToken, Region r) {
        String id = submitted(enterpriseToken, r.code());
        ok(decide(countyUnit("cu-" + r.code(), r.lead()), id, "APPROVE", "材料齐全，同意上报"));
        ok(decide(countyGov("cg-" + r.code(), r.gov()), id, "APPROVE", "同意报送省商务厅"));
        ok(decide(provDept("prov-dept", COMMERCE), id, "APPROVE", "复核通过"));
        ok(decide(province(), id, "APPROVE", "同意列入试点"));
        assertThat(status(id)).isEqualTo("APPROVED");
        return id;
    }

    HaiyibanCaseBook caseBook() {
        return TestPartners.simulators().context().getBean(HaiyibanCaseBook.class);
    }

    List<String> pushedStatuses(String caseNumber, String awaited) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        List<String> statuses = List.of();
        while (Instant.now().isBefore(until)) {
            statuses = caseBook().byNumber(caseNumber).map(e -> {
                synchronized (e.statuses()) {
                    return e.statuses().stream().map(HaiyibanCaseBook.StatusPush::status).toList();
                }
            }).orElse(List.of());
            if (statuses.contains(awaited)) {
                return statuses;
            }
            Thread.sleep(250);
        }
        return statuses;
    }

    // --- the chain --------------------------------------------------------------------------------------------

    @Test
    void fourLevelChainWithExtraApproversCountersignCaseNumberAndAnchoredOpinions() throws Exception {
        Region r = newRegion();
        String extraCityUnit = r.unit("development-bureau");
        ok(api.post(operator(), "/pilot-routing/units", Map.of("kind", "CITY_EXTRA", "regionCode", r.code(),
                "unitOrg", extraCityUnit, "nameZh", "测试发改局", "nameEn", "Test development bureau")));
        Res countersign = api.post(operator(), "/pilot-routing/units", Map.of("kind", "PROVINCIAL_COUNTERSIGN",
                "unitOrg", FINANCE, "nameZh", "海南省财政厅", "nameEn", "Department of Finance"));
        ok(countersign);
        String id;
        try {
            String ent = enterprise(YEFENG);
            Res prompt = api.get(ent, "/pilot-qualification");
            assertThat(prompt.body().path("qualified").asBoolean()).as(prompt.toString()).isTrue();

            id = submitted(ent, r.code());
            JsonNode app = api.get(ent, "/pilot-applications/" + id).body();
            String caseNumber = app.path("caseNumber").asText();
            assertThat(caseNumber).startsWith("HYB-SIM-");
            assertThat(app.path("status").asText()).isEqualTo("IN_REVIEW");
            assertThat(app.path("enterpriseName").asText()).isEqualTo("海南椰风国际贸易有限公司");
            assertThat(caseBook().byNumber(caseNumber)).hasValueSatisfying(
                    c -> assertThat(c.businessId()).isEqualTo(id));
            assertThat(step(id)).isEqualTo("cityUnitReview");

            // Out of turn: the county government cannot act while the units review.
            Res early = decide(countyGov("cg", r.gov()), id, "APPROVE", "抢先审批");
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.code()).isEqualTo("NOT_YOUR_TURN");
            assertThat(early.body().path("messageEn").asText()).isNotBlank();
            // Out of region: a county unit of another region.
            Res foreign = decide(countyUnit("danzhou-unit", "/government/county/danzhou/commerce-bureau"), id,
                    "APPROVE", "越权审批");
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(foreign.code()).isEqualTo("OUT_OF_REGION");

            // City level: the lead unit and the configured extra unit both, plus one added at run time (加签).
            String extraToken = countyUnit("extra", extraCityUnit);
            Res pending = api.get(extraToken, "/process-centre/pending");
            assertThat(pending.body()).hasSize(1);
            String taskId = pending.body().get(0).path("taskId").asText();
            assertThat(pending.body().get(0).path("dueAt").asText()).isNotBlank();
            // The step is one task offered to both units: nobody can claim it for one person.
            Res claim = api.post(extraToken, "/process-centre/tasks/" + taskId + "/claim", Map.of());
            assertThat(claim.status()).isEqualTo(409);
            assertThat(claim.code()).isEqualTo("SHARED_TASK_NOT_CLAIMABLE");
            ok(decide(countyUnit("lead", r.lead()), id, "APPROVE", "牵头单位审核通过"));
            assertThat(step(id)).isEqualTo("cityUnitReview");
            // The lead unit has approved: the task leaves its to-do list and it cannot approve twice.
            assertThat(api.get(countyUnit("lead", r.lead()), "/process-centre/pending").body()
                    .findValuesAsText("applicationId")).doesNotContain(id);
            assertThat(decide(countyUnit("lead2", r.lead()), id, "APPROVE", "再次同意").code())
                    .isEqualTo("OUT_OF_REGION");
            assertThat(api.get(extraToken, "/process-centre/pending").body().get(0).path("taskId").asText())
                    .isEqualTo(taskId);
            ok(api.post(extraToken, "/process-centre/tasks/" + taskId + "/extra-approvers",
                    Map.of("unitOrg", r.unit("industry-bureau"), "reason", "涉及工业产品，请工信局会审")));
            Res duplicate = api.post(extraToken, "/process-centre/tasks/" + taskId + "/extra-approvers",
                    Map.of("unitOrg", r.unit("industry-bureau")));
            assertThat(duplicate.code()).isEqualTo("EXTRA_APPROVER_DUPLICATE");
            ok(api.post(extraToken, "/process-centre/tasks/" + taskId + "/decision",
                    Map.of("decision", "APPROVE", "opinion", "加签单位同意")));
            assertThat(step(id)).isEqualTo("cityUnitReview");
            // The added unit is no unit of the region, yet reads the case it is asked to approve; a stranger does not.
            assertThat(api.get(countyUnit("industry", r.unit("industry-bureau")), "/pilot-applications/" + id).status())
                    .isEqualTo(200);
            assertThat(api.get(countyUnit("stranger", r.unit("tourism-bureau")), "/pilot-applications/" + id).code())
                    .isEqualTo("OUT_OF_REGION");
            ok(decide(countyUnit("industry", r.unit("industry-bureau")), id, "APPROVE", "工信局同意"));
            assertThat(step(id)).isEqualTo("countyGovForward");

            ok(decide(countyGov("cg", r.gov()), id, "APPROVE", "同意报送"));
            assertThat(step(id)).isEqualTo("provincialDeptReview");
            // Provincial countersign (会签): commerce and finance both.
            ok(decide(provDept("prov-dept", COMMERCE), id, "APPROVE", "商务厅复核通过"));
            assertThat(step(id)).isEqualTo("provincialDeptReview");
            Res provinceEarly = decide(province(), id, "APPROVE", "提前批复");
            assertThat(provinceEarly.code()).isEqualTo("NOT_YOUR_TURN");
            ok(decide(provDept("finance", FINANCE), id, "APPROVE", "财政厅会签同意"));
            assertThat(step(id)).isEqualTo("provinceApproval");
            ok(decide(province(), id, "APPROVE", "同意列入加工增值试点"));
        } finally {
            api.delete(operator(), "/pilot-routing/units/" + countersign.body().path("id").asLong());
        }

        JsonNode done = api.get(enterprise(YEFENG), "/pilot-applications/" + id).body();
        assertThat(done.path("status").asText()).isEqualTo("APPROVED");
        JsonNode opinions = api.get(enterprise(YEFENG), "/pilot-applications/" + id + "/opinions").body();
        List<String> acts = new ArrayList<>();
        opinions.forEach(o -> acts.add(o.path("step").asText() + ":" + o.path("decision").asText() + ":"
                + o.path("actorName").asText()));
        assertThat(acts).containsExactly("submission:SUBMIT:declarant-" + YEFENG.substring(12),
                "cityUnitReview:APPROVE:lead", "cityUnitReview:ADD_APPROVER:extra", "cityUnitReview:APPROVE:extra",
                "cityUnitReview:APPROVE:industry", "countyGovForward:APPROVE:cg",
                "provincialDeptReview:APPROVE:prov-dept", "provincialDeptReview:APPROVE:finance",
                "provinceApproval:APPROVE:province");
        assertThat(api.get(operator(), "/pilot-list").body().findValuesAsText("id")).contains(id);

        // Every opinion's hash is anchored in the audit chain; an edited opinion no longer matches.
        JsonNode checks = api.get(operator(), "/pilot-applications/" + id + "/opinions/verification").body();
        assertThat(checks).hasSize(9);
        checks.forEach(c -> assertThat(c.path("intact").asBoolean()).isTrue());
        jdbc.update("UPDATE approval_opinion SET opinion = '同意（事后修改）' WHERE application_id = ?::uuid "
                + "AND step = 'provinceApproval'", id);
        JsonNode after = api.get(operator(), "/pilot-applications/" + id + "/opinions/verification").body();
        List<Boolean> intact = new ArrayList<>();
        after.forEach(c -> intact.add(c.path("intact").asBoolean()));
        assertThat(intact).containsExactly(true, true, true, true, true, true, true, true, false);

        // 办件状态同步: the simulator received every status through the outbox and Kafka.
        assertThat(pushedStatuses(done.path("caseNumber").asText(), "APPROVED")).contains("IN_REVIEW", "APPROVED");
        // Another enterprise cannot read it.
        Res other = api.get(enterprise(HAISI), "/pilot-applications/" + id);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("ENTERPRISE_SCOPE_VIOLATION");
        assertThat(api.get(enterprise(HAISI), "/pilot-applications/" + id + "/opinions").status()).isEqualTo(403);
    }

    @Test
    void returnForCorrectionKeepsTheCaseNumberAndEveryOpinion() {
        Region r = newRegion();
        String ent = enterprise(YEFENG);
        String id = submitted(ent, r.code());
        String caseNumber = api.get(ent, "/pilot-applications/" + id).body().path("caseNumber").asText();
        // Outside a correction cycle the documents cannot change.
        Res locked = api.upload(ent, "/pilot-applications/" + id + "/documents", "EVIDENCE", "more.pdf", PDF);
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.code()).isEqualTo("APPLICATION_NOT_EDITABLE");

        ok(decide(countyUnit("lead", r.lead()), id, "APPROVE", "同意"));
        ok(decide(countyGov("cg", r.gov()), id, "RETURN", "收入总额情况缺少审计报告，请补正"));
        assertThat(status(id)).isEqualTo("RETURNED");
        assertThat(step(id)).isEqualTo("enterpriseCorrection");
        JsonNode docs = api.get(ent, "/pilot-applications/" + id + "/documents").body();
        String revenue = null;
        for (JsonNode d : docs) {
            if (d.path("type").asText().equals("TOTAL_REVENUE")) {
                revenue = d.path("id").asText();
            }
        }
        ok(api.post(ent, "/pilot-applications/" + id + "/documents/" + revenue + "/revocation", Map.of()));
        Res missing = api.post(ent, "/pilot-applications/" + id + "/submission", Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.code()).isEqualTo("DOCUMENTS_MISSING");
        assertThat(missing.body().path("messageZh").asText()).contains("收入总额情况");
        // A submitted application's documents are revoked, never deleted.
        assertThat(api.delete(ent, "/pilot-applications/" + id + "/documents/" + revenue).code())
                .isEqualTo("APPLICATION_NOT_EDITABLE");
        ok(api.upload(ent, "/pilot-applications/" + id + "/documents", "TOTAL_REVENUE", "revenue-audited.pdf", PDF));
        ok(api.post(ent, "/pilot-applications/" + id + "/submission", Map.of()));

        JsonNode again = api.get(ent, "/pilot-applications/" + id).body();
        assertThat(again.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(again.path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(step(id)).isEqualTo("cityUnitReview");
        List<String> decisions = api.get(ent, "/pilot-applications/" + id + "/opinions").body().findValuesAsText("decision");
        assertThat(decisions).containsExactly("SUBMIT", "APPROVE", "RETURN", "RESUBMIT");
        JsonNode revoked = api.get(ent, "/pilot-applications/" + id + "/documents").body();
        assertThat(revoked.findValuesAsText("fileName")).contains("total_revenue.pdf", "revenue-audited.pdf");
    }

    @Test
    void aWithdrawnApplicationCannotBeApproved() {
        Region r = newRegion();
        String ent = enterprise(YEFENG);
        String id = submitted(ent, r.code());
        Res withdrawn = api.post(ent, "/pilot-applications/" + id + "/withdrawal", Map.of("reason", "产品方案调整"));
        ok(withdrawn);
        assertThat(withdrawn.body().path("status").asText()).isEqualTo("WITHDRAWN");
        Res approve = decide(countyUnit("lead", r.lead()), id, "APPROVE", "同意");
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.code()).isEqualTo("ILLEGAL_STATUS_CHANGE");
        assertThat(api.get(countyUnit("lead", r.lead()), "/process-centre/pending").body()).isEmpty();
    }

    @Test
    void uploadsAreCheckedByTypeSizeAndOwner() {
        String ent = enterprise(YEFENG);
        Res created = api.post(ent, "/pilot-applications", Map.of("regionCode", "haikou-longhua",
                "productSummary", "鲜榨果汁加工"));
        String id = created.body().path("id").asText();
        String path = "/pilot-applications/" + id + "/documents";

        Res exe = api.upload(ent, path, "APPLICATION", "申报文件.pdf", new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0});
        assertThat(exe.status()).isEqualTo(415);
        assertThat(exe.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        Res script = api.upload(ent, path, "APPLICATION", "run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        assertThat(script.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Res oversized = api.upload(ent, path, "APPLICATION", "big.pdf", big);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.code()).isEqualTo("FILE_TOO_LARGE");
        Res unknownType = api.upload(ent, path, "PASSPORT", "a.pdf", PDF);
        assertThat(unknownType.code()).isEqualTo("DOCUMENT_TYPE_UNKNOWN");
        Res foreign = api.upload(enterprise(HAISI), path, "APPLICATION", "a.pdf", PDF);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(api.get(ent, path).body()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pilot_document WHERE application_id = ?::uuid",
                Long.class, id)).isZero();

        Res stored = api.upload(ent, path, "APPLICATION", "申报文件.pdf", PDF);
        ok(stored);
        String docId = stored.body().path("id").asText();
        Res preview = api.get(ent, path + "/" + docId + "/content");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.raw()).isEqualTo(PDF);
        assertThat(preview.contentType()).startsWith("application/pdf");
        assertThat(api.get(enterprise(HAISI), path + "/" + docId + "/content").status()).isEqualTo(403);
        Res download = api.get(ent, path + "/" + docId + "/content?download=true");
        assertThat(download.contentDisposition()).startsWith("attachment");
        assertThat(download.raw()).isEqualTo(PDF);
        ok(api.delete(ent, path + "/" + docId));
        assertThat(api.get(ent, path).body()).isEmpty();
        Res incomplete = api.post(ent, "/pilot-applications/" + id + "/submission", Map.of());
        assertThat(incomplete.code()).isEqualTo("DOCUMENTS_MISSING");
    }

    @Test
    void everyApplicationDocumentIsDownloadedByTheEnterpriseAndTheApproversButNoOtherEnterprise() {
        Region r = newRegion();
        String ent = enterprise(YEFENG);
        String id = submitted(ent, r.code());
        String path = "/pilot-applications/" + id + "/documents";
        JsonNode documents = api.get(ent, path).body();
        assertThat(documents.findValuesAsText("type")).containsExactlyInAnyOrder("APPLICATION", "PROFILE",
                "VALUE_ADDED_CALCULATION", "TOTAL_REVENUE", "COMMITMENT_LETTER", "EVIDENCE");
        for (JsonNode d : documents) {
            String content = path + "/" + d.path("id").asText() + "/content?download=true";
            for (String reader : List.of(ent, countyUnit("lead", r.lead()))) {
                Res download = api.get(reader, content);
                assertThat(download.status()).as(d.path("type").asText()).isEqualTo(200);
                assertThat(download.contentDisposition()).startsWith("attachment")
                        .contains(d.path("type").asText().toLowerCase());
                assertThat(download.raw()).isEqualTo(PDF);
            }
            assertThat(api.get(enterprise(HAISI), content).status()).isEqualTo(403);
        }
    }

    @Test
    void theQualificationPromptShowsWhyAnEnterpriseMayNotApply() throws Exception {
        String token = TOKENS.user("dishonest", "enterprise-declarant").enterprise(DISHONEST).mint();
        Res prompt = api.get(token, "/pilot-qualification");
        assertThat(prompt.body().path("qualified").asBoolean()).isFalse();
        assertThat(prompt.body().path("reasonsZh").toString()).contains("国家严重失信主体法人名单");
        Res shared = api.get(token, "/shared-data/serious-dishonesty");
        assertThat(shared.body().path("records")).hasSize(1);
        Res registration = api.get(enterprise(YEFENG), "/shared-data/business-registration");
        assertThat(registration.body().path("records").get(0).path("enterpriseName").asText())
                .isEqualTo("海南椰风国际贸易有限公司");
        assertThat(registration.body().path("source").asText()).contains("模拟器");

        // 预览打印 of the shared data sets: licence, AEO status, the dishonesty list and the penalties, as PDFs.
        String yefeng = enterprise(YEFENG);
        assertThat(pdfText(api.get(yefeng, "/shared-data/business-licence/print").raw()).replaceAll("\\s+", ""))
                .contains("营业执照", YEFENG, "货物进出口；技术进出口；食品加工；日用品销售", "2049-06-17");
        assertThat(pdfText(api.get(yefeng, "/shared-data/aeo-status/print").raw()).replaceAll("\\s+", ""))
                .contains("海关高级认证企业信息", "AEOCN4601000123");
        assertThat(pdfText(api.get(token, "/shared-data/serious-dishonesty/print").raw()).replaceAll("\\s+", ""))
                .contains("国家严重失信主体法人名单", "海南省市场监督管理局");
        assertThat(pdfText(api.get(token, "/shared-data/hainan-penalties-legal-person/print").raw()).replaceAll("\\s+", ""))
                .contains("海南省法人行政处罚", "琼市监罚〔2025〕118号");
        Res social = api.get(token, "/shared-data/hainan-penalties-social/print");
        assertThat(social.contentType()).startsWith("application/pdf");
        assertThat(pdfText(social.raw()).replaceAll("\\s+", "")).contains("海南省行政处罚（社会法人）", "无记录");
        // An enterprise prints only its own: the enterprise parameter is ignored for it.
        assertThat(pdfText(api.get(yefeng, "/shared-data/serious-dishonesty/print?enterprise=" + DISHONEST).raw()))
                .doesNotContain("海南省市场监督管理局").contains(YEFENG);
        assertThat(api.get(yefeng, "/shared-data/passports/print").status()).isEqualTo(404);

        // 下载导出: each of the seven data sets as a PDF attachment, the enterprise's own.
        Map<String, String> titles = Map.of("business-registration", "工商基本信息", "customs-registration", "海关注册信息",
                "business-licence", "营业执照", "aeo-status", "海关高级认证企业信息",
                "serious-dishonesty", "国家严重失信主体法人名单", "hainan-penalties-legal-person", "海南省法人行政处罚",
                "hainan-penalties-social", "海南省行政处罚（社会法人）");
        titles.forEach((kind, title) -> {
            Res download = api.get(yefeng, "/shared-data/" + kind + "/print?download=true");
            assertThat(download.status()).as(kind).isEqualTo(200);
            assertThat(download.contentType()).startsWith("application/pdf");
            assertThat(download.contentDisposition()).as(kind).startsWith("attachment")
                    .contains("shared-data-" + kind.replace('-', '_'));
            try {
                assertThat(pdfText(download.raw()).replaceAll("\\s+", "")).as(kind).contains(title, YEFENG);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    // --- termination -------------------------------------------------------------------------------------------

    @Test
    void aTerminationStartedByLocalCustomsEndsOnTheBlacklist() throws Exception {
        Region r = newRegion();
        String ent = enterprise(HAISI);
        String id = approvedApplication(ent, r);

        Res wrong = api.post(province(), "/pilot-applications/" + id + "/terminations",
                Map.of("discoveryRecord", "x", "blacklistReason", "y"));
        assertThat(wrong.code()).isEqualTo("TERMINATION_INITIATOR");
        Res foreignUnit = api.post(countyUnit("danzhou-unit", "/government/county/danzhou/commerce-bureau"),
                "/pilot-applications/" + id + "/terminations", Map.of("discoveryRecord", "x", "blacklistReason", "y"));
        assertThat(foreignUnit.code()).isEqualTo("OUT_OF_REGION");

        String customs = TOKENS.user("customs-officer", "customs-officer")
                .organization("/customs/haikou-customs/yangpu-customs").mint();
        Res started = api.post(customs, "/pilot-applications/" + id + "/terminations", Map.of(
                "discoveryRecord", "2026年11月稽查发现该企业加工增值产品实际增值率不足30%",
                "blacklistReason", "加工增值率不达标且虚报测算材料"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.body().path("initiatorKind").asText()).isEqualTo("LOCAL_CUSTOMS");
        Res again = api.post(customs, "/pilot-applications/" + id + "/terminations",
                Map.of("discoveryRecord", "x", "blacklistReason", "y"));
        assertThat(again.code()).isEqualTo("TERMINATION_PENDING");

        assertThat(decide(province(), id, "APPROVE", "越级").code()).isEqualTo("NOT_YOUR_TURN");
        ok(decide(countyGov("cg", r.gov()), id, "APPROVE", "同意提报终止"));
        ok(decide(provDept("prov-dept", COMMERCE), id, "APPROVE", "复核同意终止"));
        ok(decide(province(), id, "APPROVE", "批复终止其试点资格"));

        assertThat(status(id)).isEqualTo("TERMINATED");
        JsonNode terminations = api.get(operator(), "/pilot-applications/" + id + "/terminations").body();
        assertThat(terminations.get(0).path("status").asText()).isEqualTo("TERMINATED");
        // 预览打印: the approval record, with the four-level opinions and the termination with its records.
        Res record = api.get(ent, "/pilot-applications/" + id + "/record");
        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        assertThat(record.contentType()).startsWith("application/pdf");
        assertThat(record.contentDisposition()).startsWith("inline");
        String printed = pdfText(record.raw()).replaceAll("\\s+", "");
        assertThat(printed).contains("加工增值试点企业（产品）审批记录", "海南洋浦海丝供应链有限公司", HAISI,
                "材料齐全，同意上报", "同意报送省商务厅", "复核通过", "同意列入试点", "同意提报终止", "复核同意终止",
                "批复终止其试点资格", "2026年11月稽查发现该企业加工增值产品实际增值率不足30%", "加工增值率不达标且虚报测算材料",
                "TERMINATED");
        assertThat(api.get(province(), "/pilot-applications/" + id + "/record?download=true").contentDisposition())
                .startsWith("attachment");
        Res foreignRecord = api.get(enterprise(YEFENG), "/pilot-applications/" + id + "/record");
        assertThat(foreignRecord.status()).isEqualTo(403);
        assertThat(foreignRecord.code()).isEqualTo("ENTERPRISE_SCOPE_VIOLATION");
        JsonNode blacklist = api.get(province(), "/pilot-blacklist").body();
        JsonNode entry = null;
        for (JsonNode b : blacklist) {
            if (b.path("enterpriseUscc").asText().equals(HAISI)) {
                entry = b;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("reason").asText()).isEqualTo("加工增值率不达标且虚报测算材料");
        // 预览打印 of the blacklist (officials only).
        assertThat(pdfText(api.get(province(), "/pilot-blacklist/print").raw()).replaceAll("\\s+", ""))
                .contains("加工增值试点黑名单", "海南洋浦海丝供应链有限公司", HAISI, "加工增值率不达标且虚报测算材料");
        assertThat(api.get(ent, "/pilot-blacklist/print").status()).isEqualTo(403);
        try {
            Res blocked = api.post(ent, "/pilot-applications", Map.of("regionCode", r.code(), "productSummary", "再次申请"));
            assertThat(blocked.status()).isEqualTo(409);
            assertThat(blocked.code()).isEqualTo("ENTERPRISE_BLACKLISTED");
            assertThat(api.get(ent, "/pilot-qualification").body().path("qualified").asBoolean()).isFalse();
            List<String> decisions = api.get(operator(), "/pilot-applications/" + id + "/opinions").body()
                    .findValuesAsText("decision");
            assertThat(decisions).endsWith("INITIATE", "APPROVE", "APPROVE", "APPROVE");

            // 黑名单编辑: a new reason with why it changed; the history keeps both and each change is anchored.
            String path = "/pilot-blacklist/" + entry.path("id").asText();
            Map<String, Object> edit = Map.of("reason", "加工增值率不达标（复核认定 28.6%）且虚报测算材料",
                    "changeReason", "省商务厅复核后更正增值率数据");
            assertThat(api.put(countyUnit("lead", r.lead()), path, edit).status()).isEqualTo(403);
            Res noWhy = api.put(province(), path, Map.of("reason", "新原因", "changeReason", " "));
            assertThat(noWhy.status()).isEqualTo(400);
            ok(api.put(province(), path, edit));
            assertThat(api.put(province(), path, edit).code()).isEqualTo("BLACKLIST_REASON_UNCHANGED");
            JsonNode history = api.get(province(), path + "/history").body();
            assertThat(history.findValuesAsText("action")).containsExactly("ADD", "EDIT");
            JsonNode edited = history.get(1).path("change");
            assertThat(edited.path("reasonBefore").asText()).isEqualTo("加工增值率不达标且虚报测算材料");
            assertThat(edited.path("reasonAfter").asText()).isEqualTo(edit.get("reason"));
            assertThat(edited.path("changeReason").asText()).isEqualTo("省商务厅复核后更正增值率数据");
            assertThat(edited.path("actorName").asText()).isEqualTo("province");
            assertThat(history.findValuesAsText("intact")).containsOnly("true");
            assertThat(api.get(ent, path + "/history").status()).isEqualTo(403);
            jdbc.update("UPDATE blacklist_change SET change_reason = '（事后修改）' WHERE id = ?::uuid",
                    edited.path("id").asText());
            assertThat(api.get(province(), path + "/history").body().findValuesAsText("intact"))
                    .containsExactly("true", "false");

            // 下载导出: the blacklist and one entry's reasons, each change with whether it is intact; officials only.
            assertThat(xlsx(api.get(countyUnit("lead", r.lead()), "/pilot-blacklist/export").raw()))
                    .anySatisfy(row -> assertThat(row).startsWith("海南洋浦海丝供应链有限公司", HAISI,
                            "加工增值率不达标（复核认定 28.6%）且虚报测算材料"));
            List<List<String>> reasons = xlsx(api.get(province(), path + "/history/export").raw());
            assertThat(reasons.get(0)).startsWith("操作 Action");
            assertThat(reasons.stream().skip(1).map(row -> row.get(0) + ":" + row.get(row.size() - 1)))
                    .containsExactly("ADD:是 Yes", "EDIT:否 No");
            assertThat(api.get(ent, "/pilot-blacklist/export").status()).isEqualTo(403);
            // 下载导出 of the termination's records: the customs' discovery record and every level's opinion.
            assertThat(xlsx(api.get(province(), "/pilot-applications/" + id + "/opinions/export?step=customsDiscovery")
                    .raw())).anySatisfy(row -> assertThat(row).startsWith("TERMINATION", "customsDiscovery")
                    .contains("INITIATE", "2026年11月稽查发现该企业加工增值产品实际增值率不足30%"));
            assertThat(xlsx(api.get(province(), "/pilot-applications/" + id + "/opinions/export").raw()).stream()
                    .filter(row -> row.get(0).equals("TERMINATION")).map(row -> row.get(1)))
                    .contains("terminationCountyGov", "terminationProvincialDept", "terminationProvince");
            assertThat(api.get(ent, path + "/history/export").status()).isEqualTo(403);
        } finally {
            ok(api.delete(operator(), "/pilot-blacklist/" + entry.path("id").asText() + "?reason=测试结束移出"));
        }
        String path = "/pilot-blacklist/" + entry.path("id").asText();
        assertThat(api.get(province(), path + "/history").body().findValuesAsText("action"))
                .containsExactly("ADD", "EDIT", "REMOVE");
        assertThat(api.put(province(), path, Map.of("reason", "再改", "changeReason", "移出后编辑")).code())
                .isEqualTo("BLACKLIST_ENTRY_REMOVED");
    }

    @Test
    void anApproverAmendsItsOpinionUntilTheNextStepActsAndTheOriginalIsKept() {
        Region r = newRegion();
        String id = submitted(enterprise(YEFENG), r.code());
        String unit = countyUnit("amender", r.lead());
        ok(decide(unit, id, "APPROVE", "材料齐全，同意上报"));
        JsonNode given = null;
        for (JsonNode o : api.get(unit, "/pilot-applications/" + id + "/opinions").body()) {
            if (o.path("step").asText().equals("cityUnitReview")) {
                given = o;
            }
        }
        assertThat(given).isNotNull();
        String amend = "/pilot-applications/" + id + "/opinions/" + given.path("id").asText() + "/amendments";

        // only its author; not blank; an enterprise never
        Res other = api.post(countyUnit("colleague", r.lead()), amend, Map.of("opinion", "同事代改"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("OPINION_NOT_AUTHOR");
        assertThat(api.post(enterprise(YEFENG), amend, Map.of("opinion", "企业改")).status()).isEqualTo(403);
        assertThat(api.post(unit, amend, Map.of("opinion", " ")).status()).isEqualTo(400);
        assertThat(api.post(unit, "/pilot-applications/" + id + "/opinions/" + UUID.randomUUID() + "/amendments",
                Map.of("opinion", "x")).code()).isEqualTo("OPINION_NOT_FOUND");

        Res amended = api.post(unit, amend, Map.of("opinion", "材料齐全，同意上报；增值率测算表已核对原件"));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(201);
        assertThat(amended.body().path("decision").asText()).isEqualTo("AMEND");
        JsonNode opinions = api.get(unit, "/pilot-applications/" + id + "/opinions").body();
        List<String> texts = new ArrayList<>();
        opinions.forEach(o -> {
            if (o.path("step").asText().equals("cityUnitReview")) {
                texts.add(o.path("decision").asText() + ":" + o.path("opinion").asText());
            }
        });
        assertThat(texts).containsExactly("APPROVE:材料齐全，同意上报", "AMEND:材料齐全，同意上报；增值率测算表已核对原件");
        assertThat(api.get(unit, "/pilot-applications/" + id + "/opinions/verification").body()
                .findValuesAsText("intact")).containsOnly("true");
        assertThat(status(id)).isEqualTo("IN_REVIEW");

        // once the county government has acted, the city/county unit's opinion stands as it is
        ok(decide(countyGov("cg", r.gov()), id, "APPROVE", "同意报送省商务厅"));
        Res late = api.post(unit, amend, Map.of("opinion", "再改"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("OPINION_NOT_AMENDABLE");
    }

    @Test
    void theUnitThatStartedATerminationMayWithdrawItsDiscoveryRecordUntilALevelDecides() throws Exception {
        Region r = newRegion();
        String id = approvedApplication(enterprise(YEFENG), r);
        String unit = countyUnit("lead", r.lead());
        String gov = countyGov("cg", r.gov());
        Res started = api.post(unit, "/pilot-applications/" + id + "/terminations", Map.of(
                "discoveryRecord", "日常巡查发现该企业停产三个月", "blacklistReason", "停产未报告"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String path = "/pilot-applications/" + id + "/terminations/" + started.body().path("id").asText() + "/withdrawal";

        // only the unit that started it; a reason is required; nothing changes on a refusal
        Res notMine = api.post(gov, path, Map.of("reason", "政府撤销"));
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.code()).isEqualTo("TERMINATION_NOT_INITIATOR");
        assertThat(api.post(enterprise(YEFENG), path, Map.of("reason", "企业撤销")).status()).isEqualTo(403);
        assertThat(api.post(unit, path, Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(api.get(gov, "/process-centre/pending").body().findValuesAsText("applicationId")).contains(id);

        JsonNode withdrawn = api.post(unit, path, Map.of("reason", "复核发现系季节性停产，撤销发现记录")).body();
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("decidedAt").asText()).isNotBlank();
        // the county government's to-do is gone; the withdrawal is kept as an opinion, anchored like the others
        assertThat(api.get(gov, "/process-centre/pending").body().findValuesAsText("applicationId")).doesNotContain(id);
        JsonNode opinions = api.get(unit, "/pilot-applications/" + id + "/opinions").body();
        assertThat(opinions.findValuesAsText("decision")).endsWith("INITIATE", "WITHDRAW");
        assertThat(opinions.get(opinions.size() - 1).path("opinion").asText()).isEqualTo("复核发现系季节性停产，撤销发现记录");
        assertThat(api.get(unit, "/pilot-applications/" + id + "/opinions/verification").body()
                .findValuesAsText("intact")).containsOnly("true");
        assertThat(api.post(unit, path, Map.of("reason", "再次撤销")).code()).isEqualTo("TERMINATION_NOT_WITHDRAWABLE");
        // 预览打印: the approval record shows the county unit's discovery record, its withdrawal and the case's state
        assertThat(pdfText(api.get(unit, "/pilot-applications/" + id + "/record").raw()).replaceAll("\\s+", ""))
                .contains("日常巡查发现该企业停产三个月", "复核发现系季节性停产，撤销发现记录", "WITHDRAWN");
        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(api.get(province(), "/pilot-blacklist").body().findValuesAsText("enterpriseUscc")).doesNotContain(YEFENG);

        // A new termination may start; once the county government has given its opinion it can no longer be withdrawn.
        Res second = api.post(unit, "/pilot-applications/" + id + "/terminations", Map.of(
                "discoveryRecord", "再次巡查发现仍未复产", "blacklistReason", "停产未报告"));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        ok(decide(gov, id, "APPROVE", "同意提报终止"));
        Res late = api.post(unit, "/pilot-applications/" + id + "/terminations/" + second.body().path("id").asText()
                + "/withdrawal", Map.of("reason", "撤销"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("TERMINATION_NOT_WITHDRAWABLE");
        assertThat(api.get(unit, "/pilot-applications/" + id + "/terminations").body().findValuesAsText("status"))
                .containsExactlyInAnyOrder("WITHDRAWN", "IN_REVIEW");
    }

    static String pdfText(byte[] content) throws java.io.IOException {
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(content)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
    }

    // --- process centre ----------------------------------------------------------------------------------------

    @Test
    void processCentreClaimDoneCopyAndDiagram() {
        Region r = newRegion();
        String id = submitted(enterprise(YEFENG), r.code());
        String alice = countyUnit("alice", r.lead());
        String bob = countyUnit("bob", r.lead());
        JsonNode pending = api.get(alice, "/process-centre/pending").body();
        assertThat(pending).hasSize(1);
        JsonNode task = pending.get(0);
        assertThat(task.path("applicationId").asText()).isEqualTo(id);
        assertThat(task.path("stepZh").asText()).isEqualTo("市县单位审核");
        assertThat(task.path("warning").asText()).isIn("NORMAL", "DUE_SOON");
        String taskId = task.path("taskId").asText();
        // Nobody else sees it in their to-do list.
        assertThat(api.get(countyGov("cg", r.gov()), "/process-centre/pending").body()).isEmpty();
        assertThat(api.get(countyUnit("danzhou-unit", "/government/county/danzhou/commerce-bureau"),
                "/process-centre/pending").body().findValuesAsText("applicationId")).doesNotContain(id);

        ok(api.post(alice, "/process-centre/tasks/" + taskId + "/claim", Map.of()));
        Res bobDecides = api.post(bob, "/process-centre/tasks/" + taskId + "/decision",
                Map.of("decision", "APPROVE", "opinion", "同意"));
        assertThat(bobDecides.status()).isEqualTo(409);
        assertThat(bobDecides.code()).isEqualTo("TASK_CLAIMED_BY_OTHER");
        assertThat(api.get(bob, "/process-centre/pending").body()).isEmpty();
        Res cgOnTask = api.post(countyGov("cg", r.gov()), "/process-centre/tasks/" + taskId + "/decision",
                Map.of("decision", "APPROVE", "opinion", "同意"));
        assertThat(cgOnTask.code()).isEqualTo("NOT_YOUR_TURN");

        ok(api.post(alice, "/pilot-applications/" + id + "/copies", Map.of("toOrg", r.unit("audit-bureau"),
                "note", "请审计局知悉")));
        String auditor = countyUnit("auditor", r.unit("audit-bureau"));
        assertThat(api.get(auditor, "/process-centre/copies").body().findValuesAsText("applicationId")).contains(id);
        assertThat(api.get(auditor, "/pilot-applications/" + id).status()).isEqualTo(200);

        Res png = api.get(alice, "/process-centre/applications/" + id + "/diagram");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).startsWith("image/png");
        assertThat(png.raw()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        ok(api.post(alice, "/process-centre/tasks/" + taskId + "/decision",
                Map.of("decision", "APPROVE", "opinion", "同意上报")));
        JsonNode done = api.get(alice, "/process-centre/done").body();
        assertThat(done.findValuesAsText("taskId")).contains(taskId);
        JsonNode trail = api.get(alice, "/process-centre/applications/" + id + "/trail").body();
        assertThat(trail.findValuesAsText("step")).containsExactly("cityUnitReview", "countyGovForward");
        assertThat(api.get(enterprise(HAISI), "/process-centre/applications/" + id + "/diagram").status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_record WHERE business_id = ? AND kind LIKE 'TASK_%'",
                Long.class, id)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void deadlineWarningsAreRaisedOnceOnWorkingDays() {
        String config = "/approval-warning-configs/cityUnitReview";
        try {
            // Warn 30 working days ahead: a fresh task with a 5-working-day limit is due soon at once.
            ok(api.put(province(), config, Map.of("limitWorkingDays", 5, "warnBeforeDays", 30, "enabled", true)));
            Res refused = api.put(province(), config, Map.of("limitWorkingDays", 0, "warnBeforeDays", 1, "enabled", true));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(api.put(countyUnit("lead", "/government/county/x/y"), config,
                    Map.of("limitWorkingDays", 5, "warnBeforeDays", 1, "enabled", true)).status()).isEqualTo(403);
            Region r = newRegion();
            String id = submitted(enterprise(YEFENG), r.code());
            JsonNode atRisk = api.get(countyUnit("lead", r.lead()), "/process-centre/warnings").body();
            JsonNode mine = null;
            for (JsonNode t : atRisk) {
                if (id.equals(t.path("applicationId").asText())) {
                    mine = t;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.path("warning").asText()).isEqualTo("DUE_SOON");
            assertThat(mine.path("workingDaysLeft").asInt()).isBetween(4, 5);
            String taskId = mine.path("taskId").asText();

            assertThat(warnings.scan()).isGreaterThanOrEqualTo(1);
            assertThat(warnings.scan()).isZero();
            dispatcher.dispatchAll();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_record WHERE business_id = ? "
                    + "AND kind = 'WARN_DUE_SOON' AND recipient = ?", Long.class, taskId, r.lead())).isEqualTo(1);
            JsonNode sent = api.get(operator(), "/pilot-notifications?businessId=" + taskId).body();
            assertThat(sent.findValuesAsText("kind")).containsExactly("WARN_DUE_SOON");
            assertThat(sent.findValuesAsText("status")).containsExactly("SENT");
            assertThat(api.get(enterprise(YEFENG), "/pilot-notifications").status()).isEqualTo(403);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE topic = 'hnsw.platform.alert-raised' "
                    + "AND envelope::text LIKE ?", Long.class, "%" + taskId + "%")).isEqualTo(1);
        } finally {
            api.put(province(), config, Map.of("limitWorkingDays", 5, "warnBeforeDays", 1, "enabled", true));
        }
    }

    @Test
    void everyApprovalTaskTakesItsDeadlineFromTheBpmnOnTheWorkingDayCalendar() {
        // The BPMN files declare the deadline of every user task: the step's limit on the working-day calendar.
        for (String key : List.of("pilotApproval", "pilotTermination")) {
            String definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult().getId();
            List<UserTask> userTasks = repository.getBpmnModel(definition).getMainProcess()
                    .findFlowElementsOfType(UserTask.class);
            assertThat(userTasks).as(key).isNotEmpty().allSatisfy(t -> {
                assertThat(t.getDueDate()).isEqualTo(StepDeadlineCalendar.STEP_PREFIX + t.getId());
                assertThat(t.getBusinessCalendarName()).isEqualTo(StepDeadlineCalendar.NAME);
            });
        }

        // The engine asks the calendar when it creates a task: a limit changed by the province (data) applies to the
        // next task created, counted in working days; the earlier task keeps its deadline.
        String config = "/approval-warning-configs/cityUnitReview";
        Region r = newRegion();
        String before = submitted(enterprise(YEFENG), r.code());
        try {
            ok(api.put(province(), config, Map.of("limitWorkingDays", 12, "warnBeforeDays", 1, "enabled", true)));
            String after = submitted(enterprise(YEFENG), r.code());
            JsonNode pending = api.get(countyUnit("lead", r.lead()), "/process-centre/pending").body();
            Map<String, JsonNode> byApplication = new java.util.HashMap<>();
            pending.forEach(t -> byApplication.put(t.path("applicationId").asText(), t));
            JsonNode first = byApplication.get(before);
            JsonNode second = byApplication.get(after);
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            Instant firstCreated = Instant.parse(first.path("createdAt").asText());
            Instant secondCreated = Instant.parse(second.path("createdAt").asText());
            assertThat(Instant.parse(first.path("dueAt").asText()))
                    .isEqualTo(calendar.calendar().deadline(firstCreated, 5));
            assertThat(Instant.parse(second.path("dueAt").asText()))
                    .isEqualTo(calendar.calendar().deadline(secondCreated, 12));
            assertThat(second.path("workingDaysLeft").asInt()).isBetween(11, 12);
            // announced once, with the engine's deadline
            assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_record WHERE business_id = ? "
                    + "AND kind = 'TASK_cityUnitReview'", Long.class, after)).isEqualTo(1);
        } finally {
            ok(api.put(province(), config, Map.of("limitWorkingDays", 5, "warnBeforeDays", 1, "enabled", true)));
        }
    }

    @Test
    void routingUnitsAreEditedRegionsDeletedAndConfigurationExportedByConfigurersOnly() throws Exception {
        // 修改市县其他单位加签 / 省级牵头单位会签 / 省级其他单位加签: one shape for the three kinds.
        Region r = newRegion();
        String countyUnitToken = countyUnit("lead", r.lead());
        long cityExtra = api.post(operator(), "/pilot-routing/units", Map.of("kind", "CITY_EXTRA", "regionCode", r.code(),
                "unitOrg", r.unit("water-bureau"), "nameZh", "测试水务局", "nameEn", "Test water bureau")).body()
                .path("id").asLong();
        long sameRegionOther = api.post(operator(), "/pilot-routing/units", Map.of("kind", "CITY_EXTRA",
                "regionCode", r.code(), "unitOrg", r.unit("port-bureau"), "nameZh", "测试港务局",
                "nameEn", "Test port bureau")).body().path("id").asLong();
        String provincialOrg = "/government/provincial/test-" + r.code();
        long provincialExtra = api.post(operator(), "/pilot-routing/units", Map.of("kind", "PROVINCIAL_EXTRA",
                "unitOrg", provincialOrg, "nameZh", "测试厅", "nameEn", "Test department")).body().path("id").asLong();
        try {
            Map<String, Object> edit = Map.of("unitOrg", r.unit("development-bureau"), "nameZh", "测试发改局",
                    "nameEn", "Test development bureau");
            assertThat(api.put(countyUnitToken, "/pilot-routing/units/" + cityExtra, edit).status()).isEqualTo(403);
            JsonNode edited = api.put(operator(), "/pilot-routing/units/" + cityExtra, edit).body();
            assertThat(edited.path("unitOrg").asText()).isEqualTo(r.unit("development-bureau"));
            assertThat(edited.path("kind").asText()).isEqualTo("CITY_EXTRA");
            assertThat(edited.path("regionCode").asText()).isEqualTo(r.code());
            // the routing resolved at run time now offers the new unit
            Res duplicate = api.put(operator(), "/pilot-routing/units/" + sameRegionOther, edit);
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.code()).isEqualTo("ROUTING_UNIT_DUPLICATE");
            assertThat(api.put(operator(), "/pilot-routing/units/" + sameRegionOther, Map.of("unitOrg", "/enterprises/x",
                    "nameZh", "x", "nameEn", "x")).status()).isEqualTo(400);
            assertThat(api.put(operator(), "/pilot-routing/units/999999999", edit).status()).isEqualTo(404);
            ok(api.put(province(), "/pilot-routing/units/" + provincialExtra, Map.of("unitOrg", provincialOrg,
                    "nameZh", "测试厅（改）", "nameEn", "Test department (renamed)")));

            String id = submitted(enterprise(YEFENG), r.code());
            JsonNode pending = api.get(countyUnit("dev", r.unit("development-bureau")), "/process-centre/pending").body();
            assertThat(pending.findValuesAsText("applicationId")).contains(id);

            // 下载导出市县单位审核意见: the opinions of one step, with who and the anchored hash; the enterprise its own.
            ok(decide(countyUnitToken, id, "APPROVE", "材料齐全，同意（牵头单位）"));
            ok(decide(countyUnit("dev", r.unit("development-bureau")), id, "APPROVE", "同意（发改局）"));
            List<List<String>> opinions = xlsx(api.get(countyUnitToken,
                    "/pilot-applications/" + id + "/opinions/export?step=cityUnitReview").raw());
            assertThat(opinions.get(0)).startsWith("类别 Case", "环节 Step");
            assertThat(opinions).hasSize(3);
            assertThat(opinions).anySatisfy(row -> assertThat(row).startsWith("APPLICATION", "cityUnitReview", r.lead())
                    .contains("APPROVE", "材料齐全，同意（牵头单位）"));
            List<String> hashes = new ArrayList<>();
            api.get(countyUnitToken, "/pilot-applications/" + id + "/opinions").body().forEach(o -> {
                if (o.path("step").asText().equals("cityUnitReview")) {
                    hashes.add(o.path("recordHash").asText());
                }
            });
            assertThat(opinions.stream().skip(1).map(row -> row.get(7))).containsExactlyInAnyOrderElementsOf(hashes);
            assertThat(xlsx(api.get(enterprise(YEFENG), "/pilot-applications/" + id
                    + "/opinions/export?step=countyGovForward").raw())).hasSize(1);
            assertThat(api.get(enterprise(HAISI), "/pilot-applications/" + id + "/opinions/export").status())
                    .isIn(403, 404);
            assertThat(api.get(countyUnitToken, "/pilot-applications/" + id + "/opinions/export?step=x';--").status())
                    .isEqualTo(400);

            // 下载导出: regions (with their county government and lead unit) and units, to officials only.
            List<List<String>> regions = xlsx(api.get(province(), "/pilot-routing/regions/export").raw());
            assertThat(regions.get(0)).startsWith("编码 Code");
            assertThat(regions).anySatisfy(row -> assertThat(row).containsSequence(r.code(), "测试市县", "Test county",
                    r.gov(), r.lead(), "是 Yes"));
            List<List<String>> units = xlsx(api.get(countyUnitToken, "/pilot-routing/units/export?kind=CITY_EXTRA").raw());
            assertThat(units).anySatisfy(row -> assertThat(row).containsSequence("CITY_EXTRA", r.code(),
                    r.unit("development-bureau"), "测试发改局"));
            assertThat(units.stream().skip(1)).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("CITY_EXTRA"));
            assertThat(xlsx(api.get(province(), "/pilot-routing/units/export").raw()))
                    .anySatisfy(row -> assertThat(row).startsWith("PROVINCIAL_EXTRA").contains(provincialOrg, "测试厅（改）"));
            assertThat(api.get(enterprise(YEFENG), "/pilot-routing/units/export").status()).isEqualTo(403);
            assertThat(api.get(enterprise(YEFENG), "/pilot-routing/regions/export").status()).isEqualTo(403);

            // 删除审批市县地区: a region an application names stays (disable it instead); an unused one goes with its units.
            Res inUse = api.delete(operator(), "/pilot-routing/regions/" + r.code());
            assertThat(inUse.status()).isEqualTo(409);
            assertThat(inUse.code()).isEqualTo("REGION_IN_USE");
            assertThat(inUse.toString()).contains("不能删除");
            Region unused = newRegion();
            long unusedUnit = api.post(operator(), "/pilot-routing/units", Map.of("kind", "CITY_EXTRA",
                    "regionCode", unused.code(), "unitOrg", unused.unit("tax-bureau"), "nameZh", "测试税务局",
                    "nameEn", "Test tax bureau")).body().path("id").asLong();
            assertThat(api.delete(countyUnitToken, "/pilot-routing/regions/" + unused.code()).status()).isEqualTo(403);
            assertThat(api.delete(operator(), "/pilot-routing/regions/" + unused.code()).status()).isEqualTo(204);
            assertThat(api.get(operator(), "/pilot-routing/regions").body().findValuesAsText("code"))
                    .contains(r.code()).doesNotContain(unused.code());
            assertThat(api.get(operator(), "/pilot-routing/units").body().findValuesAsText("id"))
                    .doesNotContain(String.valueOf(unusedUnit));
            assertThat(api.delete(operator(), "/pilot-routing/regions/" + unused.code()).status()).isEqualTo(404);

            // 展示: the lists officials read, each unit with its kind, region and names
            JsonNode listed = api.get(countyUnitToken, "/pilot-routing/units").body();
            assertThat(listed).anySatisfy(u -> {
                assertThat(u.path("kind").asText()).isEqualTo("CITY_EXTRA");
                assertThat(u.path("regionCode").asText()).isEqualTo(r.code());
                assertThat(u.path("unitOrg").asText()).isEqualTo(r.unit("development-bureau"));
            });
            assertThat(listed).anySatisfy(u -> {
                assertThat(u.path("kind").asText()).isEqualTo("PROVINCIAL_EXTRA");
                assertThat(u.path("nameZh").asText()).isEqualTo("测试厅（改）");
            });
            JsonNode region = byKey(api.get(countyUnitToken, "/pilot-routing/regions").body(), "code", r.code());
            assertThat(region.path("countyGovOrg").asText()).isEqualTo(r.gov());
            assertThat(region.path("leadUnitOrg").asText()).isEqualTo(r.lead());
            // 删除省级其他单位加签: configurers only
            assertThat(api.delete(countyUnitToken, "/pilot-routing/units/" + provincialExtra).status()).isEqualTo(403);
            assertThat(api.delete(operator(), "/pilot-routing/units/" + provincialExtra).status()).isEqualTo(204);
            assertThat(api.get(operator(), "/pilot-routing/units").body().findValuesAsText("unitOrg"))
                    .doesNotContain(provincialOrg);
        } finally {
            api.delete(operator(), "/pilot-routing/units/" + provincialExtra);
        }
    }

    @Test
    void aWarningConfigDeletedFallsBackToTheDefaultLimit() {
        String step = "terminationCountyGov";
        JsonNode seeded = byKey(api.get(countyUnit("lead", "/government/county/x/y"), "/approval-warning-configs").body(),
                "step", step);
        assertThat(seeded.path("limitWorkingDays").asInt()).isEqualTo(3);
        try {
            assertThat(api.delete(countyUnit("lead", "/government/county/x/y"), "/approval-warning-configs/" + step)
                    .status()).isEqualTo(403);
            assertThat(api.delete(province(), "/approval-warning-configs/" + step).status()).isEqualTo(204);
            assertThat(api.get(province(), "/approval-warning-configs").body().findValuesAsText("step")).doesNotContain(step);
            assertThat(api.delete(province(), "/approval-warning-configs/" + step).status()).isEqualTo(404);
            // a task of the step created now gets the default limit of 5 working days
            assertThat(calendar.warningConfig(step).limitWorkingDays()).isEqualTo(5);
        } finally {
            ok(api.put(province(), "/approval-warning-configs/" + step,
                    Map.of("limitWorkingDays", 3, "warnBeforeDays", 1, "enabled", true)));
        }
    }

    @Test
    void theHolidayCalendarIsDataThatMovesDeadlines() {
        // Friday 2027-01-01 is New Year's Day (seeded); mark Monday 4 January a holiday and Saturday 9 a working day.
        try {
            ok(api.put(province(), "/holidays/2027-01-04", Map.of("kind", "HOLIDAY", "nameZh", "元旦调休", "nameEn", "New Year (moved)")));
            ok(api.put(province(), "/holidays/2027-01-09", Map.of("kind", "WORKDAY", "nameZh", "元旦调休上班", "nameEn", "Worked Saturday")));
            assertThat(api.put(countyUnit("lead", "/government/county/x/y"), "/holidays/2027-01-05",
                    Map.of("kind", "HOLIDAY", "nameZh", "x", "nameEn", "x")).status()).isEqualTo(403);
            assertThat(api.get(countyGov("cg", "/government/county/x"), "/holidays").body().findValuesAsText("day"))
                    .contains("2027-01-01", "2027-01-04", "2027-01-09");
            // Thursday 31 Dec 2026 + 5 working days: Tue 5, Wed 6, Thu 7, Fri 8, Sat 9 (worked).
            JsonNode deadline = api.get(province(), "/holidays/deadline?from=2026-12-31T02:00:00Z&workingDays=5").body();
            assertThat(deadline.path("deadline").asText()).isEqualTo("2027-01-09T15:59:59Z");
        } finally {
            ok(api.delete(province(), "/holidays/2027-01-04"));
            ok(api.delete(province(), "/holidays/2027-01-09"));
        }
        JsonNode without = api.get(province(), "/holidays/deadline?from=2026-12-31T02:00:00Z&workingDays=5").body();
        assertThat(without.path("deadline").asText()).isEqualTo("2027-01-08T15:59:59Z");
        assertThat(api.delete(province(), "/holidays/2027-01-04").status()).isEqualTo(404);
    }

    // --- 消息配置管理, 部门账号管理, exports ---------------------------------------------------------------------

    Map<String, Object> templateBody(JsonNode t, String contentZh) {
        return Map.of("nameZh", t.path("nameZh").asText(), "nameEn", t.path("nameEn").asText(),
                "contentZh", contentZh, "contentEn", t.path("contentEn").asText());
    }

    Map<String, Object> configBody(JsonNode c, boolean toUnit, boolean sms, boolean enabled) {
        return Map.of("nameZh", c.path("nameZh").asText(), "nameEn", c.path("nameEn").asText(),
                "templateCode", c.path("templateCode").asText(), "toUnit", toUnit, "sms", sms, "enabled", enabled);
    }

    JsonNode byKey(JsonNode list, String key, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(key).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + key + "=" + value + " in " + list);
    }

    static List<List<String>> xlsx(byte[] content) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(content))) {
            for (var row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellText(c));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void templatesNotificationConfigAndDepartmentAccountsShapeTheNotices() throws Exception {
        JsonNode taskTemplate = byKey(api.get(operator(), "/message-templates").body(), "code", "TASK");
        JsonNode taskConfig = byKey(api.get(operator(), "/notification-configs").body(), "event", "TASK");
        JsonNode copyConfig = byKey(api.get(operator(), "/notification-configs").body(), "event", "COPY");
        assertThat(api.get(countyUnit("lead", "/government/county/x/y"), "/message-templates").status()).isEqualTo(403);
        Res unknown = api.put(operator(), "/message-templates/TASK", templateBody(taskTemplate, "【待办】{applicant}"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("TEMPLATE_PLACEHOLDER_UNKNOWN");
        Region r = newRegion();
        Res account = api.post(operator(), "/department-accounts", Map.of("username", "lead-" + r.code(),
                "displayName", "王科长", "orgPath", r.lead(), "role", "gov-county-unit", "mobile", "13800000001",
                "enabled", true));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        try {
            ok(api.put(operator(), "/message-templates/TASK",
                    templateBody(taskTemplate, "【待办·测试】{enterprise}（{caseNumber}）待{step}，截止 {due}")));
            ok(api.put(operator(), "/notification-configs/TASK", configBody(taskConfig, true, true, true)));
            ok(api.put(operator(), "/notification-configs/COPY", configBody(copyConfig, true, false, false)));
            Res inUse = api.delete(operator(), "/message-templates/TASK");
            assertThat(inUse.status()).isEqualTo(409);
            assertThat(inUse.code()).isEqualTo("TEMPLATE_IN_USE");

            String id = submitted(enterprise(YEFENG), r.code());
            String caseNumber = api.get(operator(), "/pilot-applications/" + id).body().path("caseNumber").asText();
            // Written in the submission's transaction, sent afterwards by the dispatcher.
            assertThat(jdbc.queryForList("SELECT status FROM notification_record WHERE business_id = ? AND kind = "
                    + "'TASK_cityUnitReview'", String.class, id)).isSubsetOf("PENDING", "SENT").hasSize(2);
            dispatcher.dispatchAll();
            JsonNode sent = api.get(operator(), "/pilot-notifications?businessId=" + id).body();
            List<String> taskNotices = new ArrayList<>();
            sent.forEach(n -> {
                if (n.path("kind").asText().equals("TASK_cityUnitReview")) {
                    taskNotices.add(n.path("channel").asText() + ":" + n.path("recipient").asText() + ":" + n.path("status").asText());
                    assertThat(n.path("content").asText()).startsWith("【待办·测试】海南椰风国际贸易有限公司（" + caseNumber
                            + "）待市县单位审核，截止 ");
                }
            });
            assertThat(taskNotices).containsExactlyInAnyOrder("PENDING_TASK:" + r.lead() + ":SENT", "SMS:13800000001:SENT");
            assertThat(caseBook().notices()).anySatisfy(n -> {
                assertThat(n.channel()).isEqualTo("SMS");
                assertThat(n.recipient()).isEqualTo("13800000001");
                assertThat(n.content()).contains("【待办·测试】", caseNumber);
            });
            assertThat(caseBook().notices()).anySatisfy(n -> {
                assertThat(n.channel()).isEqualTo("PENDING_TASK");
                assertThat(n.recipient()).isEqualTo(r.lead());
                assertThat(n.businessId()).isEqualTo(id);
            });
            // The stored channel is one of the four (V10 replaced V2's CHECK): anything else is refused by the database.
            assertThatThrownBy(() -> jdbc.update("INSERT INTO notification_record (id, channel, recipient, business_id, "
                    + "kind, content, status, created_at) VALUES (?, 'UNIFIED', ?, ?, 'TASK_x', 'x', 'PENDING', now())",
                    UUID.randomUUID(), r.lead(), id)).isInstanceOf(DataIntegrityViolationException.class);
            // Copies are switched off: a copy-to is kept, but no notice is written.
            ok(api.post(countyUnit("lead", r.lead()), "/pilot-applications/" + id + "/copies",
                    Map.of("toOrg", r.lead(), "note", "知悉")));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_record WHERE business_id = ? AND kind = 'COPY'",
                    Long.class, id)).isZero();

            // A notice the partner did not take can be resent; a sent one cannot.
            UUID failed = UUID.randomUUID();
            jdbc.update("INSERT INTO notification_record (id, channel, recipient, business_id, kind, content, status, "
                    + "created_at) VALUES (?, 'PENDING_TASK', ?, ?, 'TASK_cityUnitReview', '重发测试 / resend test', 'FAILED', now())",
                    failed, r.lead(), id);
            JsonNode resent = api.post(operator(), "/pilot-notifications/" + failed + "/resend", Map.of()).body();
            assertThat(resent.findValuesAsText("status")).containsExactly("SENT");
            Res again = api.post(operator(), "/pilot-notifications/" + failed + "/resend", Map.of());
            assertThat(again.code()).isEqualTo("NOTIFICATION_NOT_RESENDABLE");
            assertThat(api.post(countyUnit("lead", r.lead()), "/pilot-notifications/" + failed + "/resend", Map.of())
                    .status()).isEqualTo(403);

            // 下载导出通知消息: every notice with its channel, recipient, case and state; configurers only
            List<List<String>> notices = xlsx(api.get(operator(), "/pilot-notifications/export").raw());
            assertThat(notices.get(0)).startsWith("渠道 Channel", "接收方 Recipient");
            assertThat(notices).anySatisfy(row -> assertThat(row).startsWith("SMS", "13800000001", id)
                    .contains("TASK_cityUnitReview", "SENT"));
            assertThat(api.get(countyUnit("lead", r.lead()), "/pilot-notifications/export").status()).isEqualTo(403);
            List<List<String>> templates = xlsx(api.get(operator(), "/message-templates/export").raw());
            assertThat(templates.get(0).get(0)).isEqualTo("编码 Code");
            assertThat(templates).anySatisfy(row -> assertThat(row).contains("TASK",
                    "【待办·测试】{enterprise}（{caseNumber}）待{step}，截止 {due}"));
            List<List<String>> configs = xlsx(api.get(operator(), "/notification-configs/export").raw());
            assertThat(configs).anySatisfy(row -> assertThat(row).startsWith("COPY").contains("否 No"));
        } finally {
            ok(api.put(operator(), "/message-templates/TASK", templateBody(taskTemplate,
                    taskTemplate.path("contentZh").asText())));
            ok(api.put(operator(), "/notification-configs/TASK", configBody(taskConfig, true, false, true)));
            ok(api.put(operator(), "/notification-configs/COPY", configBody(copyConfig, true, false, true)));
            ok(api.delete(operator(), "/department-accounts/" + account.body().path("id").asText()));
        }
    }

    @Test
    void departmentAccountsAreKeptByConfigurersOnly() throws Exception {
        String org = "/government/county/accounts-test/commerce-bureau";
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", "zhang.accounts-test",
                "displayName", "张三", "orgPath", org, "role", "gov-county-unit", "mobile", "13900000002", "enabled", true));
        assertThat(api.post(countyUnit("lead", org), "/department-accounts", body).status()).isEqualTo(403);
        Res created = api.post(province(), "/department-accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asText();
        assertThat(api.post(province(), "/department-accounts", body).code()).isEqualTo("ACCOUNT_DUPLICATE");
        Map<String, Object> badMobile = new java.util.HashMap<>(body);
        badMobile.put("username", "li.accounts-test");
        badMobile.put("mobile", "12345");
        Res bad = api.post(province(), "/department-accounts", badMobile);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("messageZh").asText()).isNotBlank();
        assertThat(api.get(province(), "/department-accounts?orgPath=" + org).body()).hasSize(1);

        body.put("displayName", "张三（科长）");
        body.put("enabled", false);
        JsonNode updated = api.put(province(), "/department-accounts/" + id, body).body();
        assertThat(updated.path("displayName").asText()).isEqualTo("张三（科长）");
        assertThat(updated.path("enabled").asBoolean()).isFalse();
        assertThat(updated.path("updatedBy").asText()).isEqualTo("province");
        List<List<String>> rows = xlsx(api.get(province(), "/department-accounts/export").raw());
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("zhang.accounts-test", "张三（科长）", org));

        ok(api.delete(province(), "/department-accounts/" + id));
        Res gone = api.delete(province(), "/department-accounts/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("ACCOUNT_NOT_FOUND");
    }

    @Test
    void theApprovedOutsideZonePilotListIsListedAndExported() throws Exception {
        Region r = newRegion();
        String id = approvedApplication(enterprise(YEFENG), r);
        String caseNumber = api.get(operator(), "/pilot-applications/" + id).body().path("caseNumber").asText();
        assertThat(api.get(countyGov("cg", r.gov()), "/pilot-list").body().findValuesAsText("id")).contains(id);
        Res export = api.get(countyGov("cg", r.gov()), "/pilot-list/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<String>> rows = xlsx(export.raw());
        assertThat(rows.get(0)).startsWith("统一社会信用代码 USCC", "企业名称 Enterprise");
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(YEFENG, "海南椰风国际贸易有限公司", r.code())
                .contains(caseNumber));
        assertThat(api.get(enterprise(YEFENG), "/pilot-list/export").status()).isEqualTo(403);
    }
}
