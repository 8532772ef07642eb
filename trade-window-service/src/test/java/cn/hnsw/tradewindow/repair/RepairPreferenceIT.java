package cn.hnsw.tradewindow.repair;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.tradewindow.support.Api;
import cn.hnsw.tradewindow.support.Api.Res;
import cn.hnsw.tradewindow.support.TestPartners;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import cn.hnsw.common.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 维修复运享惠 through HTTP with real tokens, database, S3 and the 海易办 simulator: a shipping application with its
 * eight-document set, the business check, joint review by 海南海事局 and customs within 3 working days, a change
 * application, supervision records and the business analysis; and the refusals.
 */
// Notices are sent by the pilot tests' context only: a dispatcher of this context would take their rows (shared
// database) and wait for partner replies that the shared Kafka may hand to the other context.
@ServiceIntegrationTest(properties = "tradewindow.notices.initial-delay=PT24H")
class RepairPreferenceIT {

    static final TestTokens TOKENS = TestTokens.issuer();
    static final String YEFENG = "91460106MA5T8K3R0A";
    static final String HAISI = "91460400MA5TA2QX8U";
    static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry r) {
        TestPartners.register(r);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectStorage storage;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String enterprise(String uscc) {
        return TOKENS.user("shipping-" + uscc.substring(14), "enterprise-declarant").enterprise(uscc).mint();
    }

    static String msa() {
        return TOKENS.user("msa-reviewer", "maritime-officer").organization("/maritime/hainan-msa").mint();
    }

    static String customs() {
        return TOKENS.user("yangpu-customs", "customs-officer").organization("/customs/haikou-customs/yangpu-customs").mint();
    }

    static String transport() {
        return TOKENS.user("transport", "gov-provincial-dept").organization("/government/provincial/transport").mint();
    }

    static String pdfText(byte[] content) {
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(content)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void ok(Res r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 204);
    }

    String shippingWithDocuments(String token, String imo) {
        return applicationWithDocuments(token, "SHIPPING", "danzhou", imo);
    }

    String applicationWithDocuments(String token, String kind, String region, String imo) {
        Res created = api.post(token, "/repair-preferences", "SHIPPING".equals(kind)
                ? Map.of("kind", kind, "regionCode", region, "conveyance", "椰风 8 号", "imoNumber", imo)
                : Map.of("kind", kind, "regionCode", region, "conveyance", "B-6513"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asText();
        for (RepairDocumentType t : RepairDocumentType.required(kind)) {
            ok(api.upload(token, "/repair-preferences/" + id + "/documents", t.name(), t.name().toLowerCase() + ".pdf", PDF));
        }
        return id;
    }

    @Test
    void theBusinessAnalysisCountsARegionsApplicationsPendingStepsPassRateChangesAndSupervision() {
        // A city/county of its own, so the figures are exact whatever other tests left in the shared database.
        String region = "analysis-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String ship = enterprise(HAISI);
        String approved = applicationWithDocuments(ship, "SHIPPING", region, "9074729");
        ok(api.post(ship, "/repair-preferences/" + approved + "/submission", Map.of()));
        ok(api.post(msa(), "/repair-preferences/" + approved + "/reviews", Map.of("approve", true, "opinion", "证书齐全")));
        ok(api.post(customs(), "/repair-preferences/" + approved + "/reviews", Map.of("approve", true, "opinion", "同意享惠")));
        ok(api.post(customs(), "/repair-preferences/" + approved + "/supervision-records",
                Map.of("kind", "CUSTOMS_ASSISTANCE", "content", "请提供维修件使用记录")));
        String halfway = applicationWithDocuments(ship, "SHIPPING", region, "9074729");
        ok(api.post(ship, "/repair-preferences/" + halfway + "/submission", Map.of()));
        ok(api.post(msa(), "/repair-preferences/" + halfway + "/reviews", Map.of("approve", true, "opinion", "主管单位同意")));
        String refused = applicationWithDocuments(ship, "SHIPPING", region, "9074729");
        ok(api.post(ship, "/repair-preferences/" + refused + "/submission", Map.of()));
        ok(api.post(customs(), "/repair-preferences/" + refused + "/reviews", Map.of("approve", false, "opinion", "不符合条件")));
        applicationWithDocuments(ship, "SHIPPING", region, "9074729"); // a draft counts nowhere
        String change = api.post(ship, "/repair-preferences/" + approved + "/changes", Map.of("changeSummary", "船舶更名"))
                .body().path("id").asText();
        for (RepairDocumentType t : RepairDocumentType.required("SHIPPING")) {
            ok(api.upload(ship, "/repair-preferences/" + change + "/documents", t.name(), t.name().toLowerCase() + ".pdf", PDF));
        }
        ok(api.post(ship, "/repair-preferences/" + change + "/submission", Map.of()));
        String airline = applicationWithDocuments(enterprise(YEFENG), "AVIATION", region, null);
        ok(api.post(enterprise(YEFENG), "/repair-preferences/" + airline + "/submission", Map.of()));

        JsonNode shipping = null;
        JsonNode aviation = null;
        for (JsonNode row : api.get(transport(), "/repair-preferences/analysis").body()) {
            if (region.equals(row.path("region_code").asText())) {
                if ("SHIPPING".equals(row.path("kind").asText())) {
                    shipping = row;
                } else {
                    aviation = row;
                }
            }
        }
        assertThat(shipping).isNotNull();
        assertThat(aviation).isNotNull();
        // applications (not drafts, not changes), pending, pending at each unit, approved and decided (the pass
        // rate's parts), changes and pending changes, average approval time per unit, supervised enterprises
        assertThat(shipping.path("applications").asInt()).isEqualTo(3);
        assertThat(shipping.path("pending").asInt()).isEqualTo(1);
        assertThat(shipping.path("pending_competent").asInt()).isEqualTo(1);
        assertThat(shipping.path("pending_related").asInt()).isEqualTo(2);
        assertThat(shipping.path("approved").asInt()).isEqualTo(1);
        assertThat(shipping.path("decided").asInt()).isEqualTo(2);
        assertThat(shipping.path("changes").asInt()).isEqualTo(1);
        assertThat(shipping.path("pending_changes").asInt()).isEqualTo(1);
        assertThat(shipping.path("avg_competent_seconds").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(shipping.hasNonNull("avg_competent_seconds")).isTrue();
        assertThat(shipping.hasNonNull("avg_related_seconds")).isTrue();
        assertThat(shipping.path("supervised_enterprises").asInt()).isEqualTo(1);
        assertThat(aviation.path("applications").asInt()).isEqualTo(1);
        assertThat(aviation.path("pending").asInt()).isEqualTo(1);
        assertThat(aviation.path("pending_competent").asInt()).isEqualTo(1);
        assertThat(aviation.path("pending_related").asInt()).isEqualTo(1);
        assertThat(aviation.path("approved").asInt()).isZero();
        assertThat(aviation.path("decided").asInt()).isZero();
        assertThat(aviation.path("changes").asInt()).isZero();
        assertThat(aviation.path("supervised_enterprises").asInt()).isZero();
        assertThat(aviation.hasNonNull("avg_competent_seconds")).isFalse();
        // officers only
        assertThat(api.get(ship, "/repair-preferences/analysis").status()).isEqualTo(403);
    }

    @Test
    void aShippingEnterpriseIsApprovedJointlyWithinThreeWorkingDaysThenChangesAndIsSupervised() {
        String ent = enterprise(HAISI);
        String id = shippingWithDocuments(ent, "9074729");
        // A wrong copy of the licence, the waterway permit and the ownership certificate is revoked (kept on record).
        for (String type : List.of("BUSINESS_LICENCE", "WATERWAY_PERMIT", "SHIP_OWNERSHIP")) {
            String wrong = api.upload(ent, "/repair-preferences/" + id + "/documents", type, "wrong-" + type + ".pdf", PDF)
                    .body().path("id").asText();
            assertThat(api.post(enterprise(YEFENG), "/repair-preferences/" + id + "/documents/" + wrong + "/revocation",
                    Map.of()).status()).isIn(403, 404);
            assertThat(api.post(ent, "/repair-preferences/" + id + "/documents/" + wrong + "/revocation", Map.of()).status())
                    .isEqualTo(204);
            JsonNode kept = null;
            for (JsonNode d : api.get(ent, "/repair-preferences/" + id).body().path("documents")) {
                if (d.path("id").asText().equals(wrong)) {
                    kept = d;
                }
            }
            assertThat(kept).isNotNull();
            assertThat(kept.path("revokedAt").asText()).isNotBlank();
        }
        Res wrongKind = api.upload(ent, "/repair-preferences/" + id + "/documents", "AIR_OPERATOR_CERTIFICATE", "aoc.pdf", PDF);
        assertThat(wrongKind.code()).isEqualTo("DOCUMENT_TYPE_NOT_FOR_KIND");

        Res submitted = api.post(ent, "/repair-preferences/" + id + "/submission", Map.of());
        ok(submitted);
        assertThat(submitted.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(submitted.body().path("caseNumber").asText()).startsWith("HYB-SIM-");
        Instant due = Instant.parse(submitted.body().path("dueAt").asText());
        Instant sub = Instant.parse(submitted.body().path("submittedAt").asText());
        assertThat(due).isAfter(sub.plusSeconds(3 * 86_400 - 86_400)).isBefore(sub.plusSeconds(8 * 86_400));
        JsonNode view = api.get(ent, "/repair-preferences/" + id).body();
        assertThat(view.path("workingDaysLeft").asInt()).isBetween(2, 3);
        assertThat(view.path("overdue").asBoolean()).isFalse();

        // Transport is not the competent department of a shipping application; an enterprise reviews nothing.
        assertThat(api.post(transport(), "/repair-preferences/" + id + "/reviews", Map.of("approve", true, "opinion", "x"))
                .code()).isEqualTo("NOT_A_REVIEWER");
        assertThat(api.post(ent, "/repair-preferences/" + id + "/reviews", Map.of("approve", true, "opinion", "x"))
                .code()).isEqualTo("NOT_A_REVIEWER");
        Res first = api.post(msa(), "/repair-preferences/" + id + "/reviews", Map.of("approve", true, "opinion", "船舶证书齐全有效"));
        assertThat(first.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(api.post(msa(), "/repair-preferences/" + id + "/reviews", Map.of("approve", true, "opinion", "再审"))
                .code()).isEqualTo("ALREADY_REVIEWED");
        Res second = api.post(customs(), "/repair-preferences/" + id + "/reviews", Map.of("approve", true, "opinion", "同意享惠"));
        assertThat(second.body().path("status").asText()).isEqualTo("APPROVED");

        // Supervision: customs asks for assistance, the enterprise reports self-use; the enterprise cannot record tax.
        ok(api.post(customs(), "/repair-preferences/" + id + "/supervision-records",
                Map.of("kind", "CUSTOMS_ASSISTANCE", "content", "请提供 2026 年 10 月维修件入岛使用记录")));
        ok(api.post(ent, "/repair-preferences/" + id + "/supervision-records",
                Map.of("kind", "SHIP_SELF_USE", "content", "维修后主机配件已装船自用，未转让")));
        assertThat(api.post(ent, "/repair-preferences/" + id + "/supervision-records",
                Map.of("kind", "TAX_INFO", "content", "x")).code()).isEqualTo("SUPERVISION_NOT_ALLOWED");
        assertThat(api.post(ent, "/repair-preferences/" + id + "/supervision-records",
                Map.of("kind", "AIRCRAFT_SELF_USE", "content", "x")).code()).isEqualTo("SUPERVISION_NOT_ALLOWED");
        assertThat(api.get(enterprise(YEFENG), "/repair-preferences/" + id).status()).isEqualTo(403);

        ok(api.post(customs(), "/repair-preferences/" + id + "/supervision-records",
                Map.of("kind", "TAX_INFO", "content", "2026 年第三季度维修件补税 12,800.00 元已缴清")));
        ok(api.post(msa(), "/repair-preferences/" + id + "/supervision-records",
                Map.of("kind", "ENTERPRISE_CHANGE", "content", "法定代表人变更为王海")));

        // 预览打印: the qualification record with both review opinions and the supervision records.
        Res record = api.get(ent, "/repair-preferences/" + id + "/record");
        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        assertThat(record.contentType()).startsWith("application/pdf");
        assertThat(record.contentDisposition()).startsWith("inline");
        String printed = pdfText(record.raw()).replaceAll("\\s+", "");
        assertThat(printed).contains("享惠资格审核记录", submitted.body().path("caseNumber").asText(), "船舶证书齐全有效",
                "同意享惠", "海关协助需求", "请提供2026年10月维修件入岛使用记录", "维修后主机配件已装船自用，未转让",
                "享惠企业纳税", "2026年第三季度维修件补税12,800.00元已缴清", "享惠企业变更", "法定代表人变更为王海");
        assertThat(api.get(customs(), "/repair-preferences/" + id + "/record?download=true").contentDisposition())
                .startsWith("attachment");
        assertThat(api.get(enterprise(YEFENG), "/repair-preferences/" + id + "/record").status()).isEqualTo(403);

        // 下载导出: both units' review opinions, and the supervision records (all, or of one kind).
        List<List<String>> reviews = xlsx(api.get(ent, "/repair-preferences/" + id + "/reviews/export").raw());
        assertThat(reviews).hasSize(3);
        assertThat(reviews.get(1)).startsWith("行业主管单位 Competent department");
        assertThat(reviews.stream().flatMap(List::stream)).contains("船舶证书齐全有效", "同意享惠");
        assertThat(api.get(enterprise(YEFENG), "/repair-preferences/" + id + "/reviews/export").status()).isEqualTo(403);
        List<List<String>> supervision = xlsx(api.get(customs(), "/repair-preferences/" + id + "/supervision-records/export").raw());
        assertThat(supervision.stream().skip(1).map(row -> row.get(0))).containsExactlyInAnyOrder(
                "CUSTOMS_ASSISTANCE", "SHIP_SELF_USE", "TAX_INFO", "ENTERPRISE_CHANGE");
        assertThat(xlsx(api.get(ent, "/repair-preferences/" + id + "/supervision-records/export?kind=TAX_INFO").raw()))
                .hasSize(2).anySatisfy(row -> assertThat(row).startsWith("TAX_INFO", "2026 年第三季度维修件补税 12,800.00 元已缴清"));
        assertThat(api.get(enterprise(YEFENG), "/repair-preferences/" + id + "/supervision-records/export").status())
                .isEqualTo(403);

        // 撤销: a supervision record is revoked by whoever recorded it (kept, with when), by no one else.
        Map<String, String> recordIds = new java.util.HashMap<>();
        api.get(ent, "/repair-preferences/" + id + "/supervision-records").body()
                .forEach(r -> recordIds.put(r.path("kind").asText(), r.path("id").asText()));
        String changeRecord = "/repair-preferences/" + id + "/supervision-records/" + recordIds.get("ENTERPRISE_CHANGE");
        assertThat(api.post(customs(), changeRecord + "/revocation", Map.of()).code()).isEqualTo("SUPERVISION_NOT_ALLOWED");
        assertThat(api.post(msa(), changeRecord + "/revocation", Map.of()).status()).isEqualTo(204);
        String taxRecord = "/repair-preferences/" + id + "/supervision-records/" + recordIds.get("TAX_INFO");
        assertThat(api.post(ent, taxRecord + "/revocation", Map.of()).code()).isEqualTo("SUPERVISION_NOT_ALLOWED");
        assertThat(api.post(customs(), taxRecord + "/revocation", Map.of()).status()).isEqualTo(204);
        JsonNode after = api.get(ent, "/repair-preferences/" + id + "/supervision-records").body();
        after.forEach(r -> assertThat(r.hasNonNull("revokedAt")).as(r.path("kind").asText())
                .isEqualTo(List.of("ENTERPRISE_CHANGE", "TAX_INFO").contains(r.path("kind").asText())));
        // the customs' assistance request by customs, the ship's self-use by the enterprise that reported it
        String assistance = "/repair-preferences/" + id + "/supervision-records/" + recordIds.get("CUSTOMS_ASSISTANCE");
        assertThat(api.post(ent, assistance + "/revocation", Map.of()).code()).isEqualTo("SUPERVISION_NOT_ALLOWED");
        assertThat(api.post(customs(), assistance + "/revocation", Map.of()).status()).isEqualTo(204);
        String shipSelfUse = "/repair-preferences/" + id + "/supervision-records/" + recordIds.get("SHIP_SELF_USE");
        assertThat(api.post(msa(), shipSelfUse + "/revocation", Map.of()).code()).isEqualTo("SUPERVISION_NOT_ALLOWED");
        assertThat(api.post(ent, shipSelfUse + "/revocation", Map.of()).status()).isEqualTo(204);
        assertThat(api.get(customs(), "/repair-preferences/" + id + "/supervision-records").body())
                .allSatisfy(r -> assertThat(r.hasNonNull("revokedAt")).as(r.path("kind").asText()).isTrue());
        assertThat(xlsx(api.get(customs(), "/repair-preferences/" + id + "/supervision-records/export?kind=TAX_INFO")
                .raw()).get(1)).hasSize(6);

        // Change application: its own documents and review; approved, it supersedes the original.
        Res change = api.post(ent, "/repair-preferences/" + id + "/changes", Map.of("changeSummary", "船舶更名为椰风 9 号",
                "conveyance", "椰风 9 号"));
        assertThat(change.status()).isEqualTo(201);
        String changeId = change.body().path("id").asText();
        changeDocumentsAreDownloadedAndDeletedWhileADraft(ent, enterprise(YEFENG), changeId, "SHIPPING");
        Res incomplete = api.post(ent, "/repair-preferences/" + changeId + "/submission", Map.of());
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.code()).isEqualTo("BUSINESS_CHECK_FAILED");
        for (RepairDocumentType t : RepairDocumentType.required("SHIPPING")) {
            ok(api.upload(ent, "/repair-preferences/" + changeId + "/documents", t.name(), "changed-" + t.name().toLowerCase() + ".pdf", PDF));
        }
        ok(api.post(ent, "/repair-preferences/" + changeId + "/submission", Map.of()));
        ok(api.post(customs(), "/repair-preferences/" + changeId + "/reviews", Map.of("approve", true, "opinion", "同意变更")));
        ok(api.post(msa(), "/repair-preferences/" + changeId + "/reviews", Map.of("approve", true, "opinion", "同意变更")));
        assertThat(api.get(ent, "/repair-preferences/" + id).body().path("application").path("supersededBy").asText())
                .isEqualTo(changeId);
        assertThat(api.post(ent, "/repair-preferences/" + id + "/changes", Map.of("changeSummary", "再次变更")).code())
                .isEqualTo("CHANGE_NOT_ALLOWED");

        JsonNode analysis = api.get(msa(), "/repair-preferences/analysis").body();
        JsonNode danzhou = null;
        for (JsonNode row : analysis) {
            if ("SHIPPING".equals(row.path("kind").asText()) && "danzhou".equals(row.path("region_code").asText())) {
                danzhou = row;
            }
        }
        assertThat(danzhou).isNotNull();
        assertThat(danzhou.path("approved").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(danzhou.path("changes").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.get(ent, "/repair-preferences/analysis").status()).isEqualTo(403);
    }

    @Test
    void theBusinessCheckRefusesAWrongImoNumberAndARefusalByOneUnitRejects() {
        String ent = enterprise(YEFENG);
        String bad = shippingWithDocuments(ent, "9074728");
        Res refused = api.post(ent, "/repair-preferences/" + bad + "/submission", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("messageZh").asText()).contains("IMO");
        assertThat(api.get(ent, "/repair-preferences/" + bad).body().path("application").path("status").asText())
                .isEqualTo("DRAFT");

        String id = shippingWithDocuments(ent, "9176187");
        ok(api.post(ent, "/repair-preferences/" + id + "/submission", Map.of()));
        Res rejected = api.post(customs(), "/repair-preferences/" + id + "/reviews",
                Map.of("approve", false, "opinion", "维修合同与入境货物不符"));
        assertThat(rejected.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(api.post(msa(), "/repair-preferences/" + id + "/reviews", Map.of("approve", true, "opinion", "x"))
                .code()).isEqualTo("NOT_PENDING");
        assertThat(api.upload(ent, "/repair-preferences/" + id + "/documents", "OTHER", "late.pdf", PDF).code())
                .isEqualTo("NOT_EDITABLE");
    }

    @Test
    void theGuideReviewerAttachmentsAndPreview() {
        String ent = enterprise(HAISI);
        JsonNode guides = api.get(ent, "/repair-preferences/guides").body();
        assertThat(guides.findValuesAsText("kind")).containsExactly("AVIATION", "SHIPPING");
        // 申请服务指引 of an airline: its text and its own document set
        JsonNode aviation = guides.get(0);
        assertThat(aviation.path("titleZh").asText()).isNotBlank();
        assertThat(aviation.path("bodyZh").asText()).isNotBlank();
        assertThat(aviation.path("documents").findValuesAsText("type")).contains("AIR_OPERATOR_CERTIFICATE",
                "OPERATIONS_SPECIFICATION").doesNotContain("SHIP_OWNERSHIP");
        JsonNode shipping = guides.get(1);
        assertThat(shipping.path("bodyZh").asText()).contains("3 个工作日");
        assertThat(shipping.path("documents").findValuesAsText("type")).contains("SHIP_OWNERSHIP", "POLLUTION_CERTIFICATE")
                .doesNotContain("AIR_OPERATOR_CERTIFICATE");
        Map<String, Object> guide = Map.of("titleZh", shipping.path("titleZh").asText(), "titleEn",
                shipping.path("titleEn").asText(), "bodyZh", shipping.path("bodyZh").asText() + "\n四、咨询电话：0898-12345678",
                "bodyEn", shipping.path("bodyEn").asText());
        assertThat(api.put(ent, "/repair-preferences/guides/SHIPPING", guide).status()).isEqualTo(403);
        assertThat(api.put(transport(), "/repair-preferences/guides/SHIPPING", guide).status()).isEqualTo(403);
        JsonNode saved = api.put(msa(), "/repair-preferences/guides/SHIPPING", guide).body();
        assertThat(saved.path("bodyZh").asText()).endsWith("咨询电话：0898-12345678");
        assertThat(saved.path("updatedBy").asText()).isEqualTo("msa-reviewer");

        String id = shippingWithDocuments(ent, "9176187");
        String documentId = api.get(ent, "/repair-preferences/" + id).body().path("documents").get(0).path("id").asText();
        // Not yet submitted: no reviewer attachments.
        assertThat(api.upload(msa(), "/repair-preferences/" + id + "/review-attachments", "x", "check.pdf", PDF).code())
                .isEqualTo("NOT_PENDING");
        ok(api.post(ent, "/repair-preferences/" + id + "/submission", Map.of()));
        Res attached = api.upload(msa(), "/repair-preferences/" + id + "/review-attachments", "x", "核查记录.pdf", PDF);
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        assertThat(attached.body().path("reviewerSide").asText()).isEqualTo("COMPETENT");
        assertThat(api.upload(customs(), "/repair-preferences/" + id + "/review-attachments", "x", "查验.pdf", PDF)
                .body().path("reviewerSide").asText()).isEqualTo("RELATED");
        assertThat(api.upload(ent, "/repair-preferences/" + id + "/review-attachments", "x", "self.pdf", PDF).code())
                .isEqualTo("NOT_A_REVIEWER");
        assertThat(api.upload(msa(), "/repair-preferences/" + id + "/review-attachments", "x", "run.exe",
                "MZ\u0090\u0000binary".getBytes(StandardCharsets.ISO_8859_1)).status()).isEqualTo(415);
        assertThat(api.get(ent, "/repair-preferences/" + id + "/review-attachments").body().findValuesAsText("fileName"))
                .containsExactly("核查记录.pdf", "查验.pdf");
        // 撤销: only the reviewer who added it, once; it stays on record.
        String customsAttachment = api.get(ent, "/repair-preferences/" + id + "/review-attachments").body().get(1)
                .path("id").asText();
        String revokePath = "/repair-preferences/" + id + "/review-attachments/" + customsAttachment + "/revocation";
        assertThat(api.post(msa(), revokePath, Map.of()).code()).isEqualTo("NOT_A_REVIEWER");
        assertThat(api.post(customs(), revokePath, Map.of()).body().path("revokedAt").asText()).isNotBlank();
        assertThat(api.post(customs(), revokePath, Map.of()).code()).isEqualTo("ATTACHMENT_REVOKED");

        // 预览: the enterprise and the reviewers see the documents inline; another enterprise does not.
        Res preview = api.get(ent, "/repair-preferences/" + id + "/documents/" + documentId + "/content");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.contentType()).startsWith("application/pdf");
        assertThat(preview.raw()).startsWith(PDF);
        assertThat(api.get(msa(), "/repair-preferences/" + id + "/review-attachments/"
                + attached.body().path("id").asText() + "/content").raw()).isEqualTo(PDF);
        assertThat(api.get(enterprise(YEFENG), "/repair-preferences/" + id + "/documents/" + documentId + "/content")
                .status()).isEqualTo(403);
    }

    @Test
    void documentsAreDownloadedByTheirEnterpriseAndDeletedOnlyBeforeSubmission() {
        String ent = enterprise(HAISI);
        String id = shippingWithDocuments(ent, "9321483");
        Res extra = api.upload(ent, "/repair-preferences/" + id + "/documents", "SHIP_OWNERSHIP", "多传的证书.pdf", PDF);
        ok(extra);
        String extraId = extra.body().path("id").asText();
        String objectKey = jdbc.queryForObject("SELECT object_key FROM repair_document WHERE id = ?::uuid", String.class,
                extraId);
        assertThat(storage.exists(RepairPreferenceService.BUCKET, objectKey)).isTrue();

        // 下载: the file itself, as an attachment, for the enterprise and a reviewer; another enterprise finds nothing.
        String file = "/repair-preferences/" + id + "/documents/" + extraId + "/file";
        Res download = api.get(ent, file);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw()).isEqualTo(PDF);
        assertThat(download.contentDisposition()).startsWith("attachment");
        assertThat(api.get(msa(), file).raw()).isEqualTo(PDF);
        Res foreign = api.get(enterprise(YEFENG), file);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().path("messageEn").asText()).isNotBlank();

        // 删除: another enterprise cannot delete it (not found, nothing changes); its own enterprise can, once.
        assertThat(api.delete(enterprise(YEFENG), "/repair-preferences/" + id + "/documents/" + extraId).status())
                .isEqualTo(404);
        assertThat(storage.exists(RepairPreferenceService.BUCKET, objectKey)).isTrue();
        assertThat(api.delete(msa(), "/repair-preferences/" + id + "/documents/" + extraId).status()).isEqualTo(404);
        assertThat(api.delete(ent, "/repair-preferences/" + id + "/documents/" + extraId).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM repair_document WHERE id = ?::uuid", Long.class, extraId))
                .isZero();
        assertThat(storage.exists(RepairPreferenceService.BUCKET, objectKey)).isFalse();
        assertThat(api.get(ent, file).status()).isEqualTo(404);
        assertThat(api.delete(ent, "/repair-preferences/" + id + "/documents/" + extraId).status()).isEqualTo(404);

        // After submission the documents are the record: deletion is refused and the file stays.
        ok(api.post(ent, "/repair-preferences/" + id + "/submission", Map.of()));
        String kept = api.get(ent, "/repair-preferences/" + id).body().path("documents").get(0).path("id").asText();
        Res refused = api.delete(ent, "/repair-preferences/" + id + "/documents/" + kept);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("NOT_EDITABLE");
        assertThat(api.get(ent, "/repair-preferences/" + id + "/documents/" + kept + "/file").raw()).isEqualTo(PDF);
    }

    @Test
    void anAirlineIsApprovedByTransportAndCustomsAndRecordsTheSelfUseOfRepairedGoods() {
        String ent = enterprise(YEFENG);
        Res created = api.post(ent, "/repair-preferences", Map.of("kind", "AVIATION", "regionCode", "haikou",
                "conveyance", "B-6513"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asText();
        // The maritime documents are not an airline's.
        assertThat(api.upload(ent, "/repair-preferences/" + id + "/documents", "SHIP_OWNERSHIP", "ship.pdf", PDF)
                .code()).isEqualTo("DOCUMENT_TYPE_NOT_FOR_KIND");
        // Each of the airline's documents: uploaded, revoked (kept on record), uploaded again, the revoked one
        // deleted; then shown on the application, previewed inline and downloaded, each the bytes uploaded.
        String base = "/repair-preferences/" + id + "/documents";
        for (RepairDocumentType t : RepairDocumentType.required("AVIATION")) {
            String first = api.upload(ent, base, t.name(), "first-" + t.name().toLowerCase() + ".pdf", PDF).body()
                    .path("id").asText();
            assertThat(api.post(ent, base + "/" + first + "/revocation", Map.of()).status()).isEqualTo(204);
            String second = api.upload(ent, base, t.name(), t.name().toLowerCase() + ".pdf", PDF).body().path("id").asText();
            assertThat(api.delete(enterprise(HAISI), base + "/" + first).status()).isEqualTo(404);
            assertThat(api.delete(ent, base + "/" + first).status()).isEqualTo(204);
            Res preview = api.get(ent, base + "/" + second + "/content");
            assertThat(preview.contentDisposition()).startsWith("inline");
            assertThat(preview.raw()).isEqualTo(PDF);
            Res download = api.get(ent, base + "/" + second + "/file");
            assertThat(download.contentDisposition()).startsWith("attachment");
            assertThat(download.raw()).isEqualTo(PDF);
        }
        JsonNode documents = api.get(ent, "/repair-preferences/" + id).body().path("documents");
        assertThat(documents.findValuesAsText("type")).containsExactlyInAnyOrderElementsOf(
                RepairDocumentType.required("AVIATION").stream().map(Enum::name).toList());
        documents.forEach(d -> assertThat(d.path("fileName").asText()).doesNotStartWith("first-"));
        Res submitted = api.post(ent, "/repair-preferences/" + id + "/submission", Map.of());
        ok(submitted);
        // The maritime administration is not the competent department of an airline; transport is.
        assertThat(api.post(msa(), "/repair-preferences/" + id + "/reviews", Map.of("approve", true, "opinion", "x"))
                .code()).isEqualTo("NOT_A_REVIEWER");
        ok(api.post(transport(), "/repair-preferences/" + id + "/reviews", Map.of("approve", true, "opinion", "运行合格证与运行规范有效")));
        Res approved = api.post(customs(), "/repair-preferences/" + id + "/reviews", Map.of("approve", true, "opinion", "同意享惠"));
        assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");

        ok(api.post(ent, "/repair-preferences/" + id + "/supervision-records",
                Map.of("kind", "AIRCRAFT_SELF_USE", "content", "修理后的发动机部件已装机自用于 B-6513")));
        assertThat(api.post(ent, "/repair-preferences/" + id + "/supervision-records",
                Map.of("kind", "SHIP_SELF_USE", "content", "x")).code()).isEqualTo("SUPERVISION_NOT_ALLOWED");
        assertThat(api.get(transport(), "/repair-preferences/" + id + "/supervision-records").body()
                .findValuesAsText("kind")).containsExactly("AIRCRAFT_SELF_USE");

        String printed = pdfText(api.get(transport(), "/repair-preferences/" + id + "/record").raw()).replaceAll("\\s+", "");
        assertThat(printed).contains("航空Aviation", "B-6513", "运行合格证与运行规范有效", "同意享惠", "航空器货物运营自用",
                "修理后的发动机部件已装机自用于B-6513");
        assertThat(api.get(enterprise(HAISI), "/repair-preferences/" + id + "/record").status()).isEqualTo(403);

        // 撤销 and 下载导出 of the airline's self-use record, by the enterprise that recorded it.
        String selfUse = api.get(ent, "/repair-preferences/" + id + "/supervision-records").body().get(0).path("id").asText();
        assertThat(api.post(transport(), "/repair-preferences/" + id + "/supervision-records/" + selfUse + "/revocation",
                Map.of()).code()).isEqualTo("SUPERVISION_NOT_ALLOWED");
        assertThat(api.post(ent, "/repair-preferences/" + id + "/supervision-records/" + selfUse + "/revocation",
                Map.of()).status()).isEqualTo(204);
        List<List<String>> selfUseExport = xlsx(api.get(transport(), "/repair-preferences/" + id
                + "/supervision-records/export?kind=AIRCRAFT_SELF_USE").raw());
        assertThat(selfUseExport).hasSize(2);
        assertThat(selfUseExport.get(1)).startsWith("AIRCRAFT_SELF_USE", "修理后的发动机部件已装机自用于 B-6513").hasSize(6);

        // 享惠变更 of the airline: its documents, each downloaded and deleted while the change is a draft.
        Res change = api.post(ent, "/repair-preferences/" + id + "/changes", Map.of("changeSummary", "新增维修机型 A320neo"));
        assertThat(change.status()).as(change.toString()).isEqualTo(201);
        changeDocumentsAreDownloadedAndDeletedWhileADraft(ent, enterprise(HAISI), change.body().path("id").asText(),
                "AVIATION");
    }

    /**
     * 删除/下载导出变更的材料: every document type of the kind (other supplementary attachments included where they
     * apply), uploaded to a change application, downloaded as the bytes uploaded, deleted by its enterprise only.
     */
    void changeDocumentsAreDownloadedAndDeletedWhileADraft(String ent, String other, String changeId, String kind) {
        String base = "/repair-preferences/" + changeId + "/documents";
        for (RepairDocumentType t : RepairDocumentType.values()) {
            if (!t.appliesTo(kind)) {
                continue;
            }
            byte[] content = (new String(PDF, java.nio.charset.StandardCharsets.ISO_8859_1) + "% " + t.name() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Res up = api.upload(ent, base, t.name(), "change-" + t.name().toLowerCase() + ".pdf", content);
            assertThat(up.status()).as(t.name() + " " + up).isEqualTo(201);
            String doc = base + "/" + up.body().path("id").asText();
            Res download = api.get(ent, doc + "/file");
            assertThat(download.contentDisposition()).as(t.name()).startsWith("attachment")
                    .contains("change-" + t.name().toLowerCase());
            assertThat(download.raw()).as(t.name()).isEqualTo(content);
            assertThat(api.get(other, doc + "/file").status()).as(t.name()).isIn(403, 404);
            assertThat(api.delete(other, doc).status()).as(t.name()).isEqualTo(404);
            assertThat(api.delete(ent, doc).status()).as(t.name()).isEqualTo(204);
            assertThat(api.get(ent, doc + "/file").status()).as(t.name()).isEqualTo(404);

            // 上传, 展示, 预览打印 and 撤销 (kept on record with when) of the change's document of this type
            Res kept = api.upload(ent, base, t.name(), "changed-" + t.name().toLowerCase() + ".pdf", content);
            assertThat(kept.status()).as(t.name()).isEqualTo(201);
            String keptId = kept.body().path("id").asText();
            JsonNode shown = null;
            for (JsonNode d : api.get(ent, "/repair-preferences/" + changeId).body().path("documents")) {
                if (d.path("id").asText().equals(keptId)) {
                    shown = d;
                }
            }
            assertThat(shown).as(t.name()).isNotNull();
            assertThat(shown.path("type").asText()).isEqualTo(t.name());
            Res preview = api.get(ent, base + "/" + keptId + "/content");
            assertThat(preview.contentDisposition()).as(t.name()).startsWith("inline");
            assertThat(preview.raw()).isEqualTo(content);
            assertThat(api.post(other, base + "/" + keptId + "/revocation", Map.of()).status()).as(t.name()).isIn(403, 404);
            assertThat(api.post(ent, base + "/" + keptId + "/revocation", Map.of()).status()).as(t.name()).isEqualTo(204);
            JsonNode revoked = null;
            for (JsonNode d : api.get(ent, "/repair-preferences/" + changeId).body().path("documents")) {
                if (d.path("id").asText().equals(keptId)) {
                    revoked = d;
                }
            }
            assertThat(revoked).as(t.name()).isNotNull();
            assertThat(revoked.hasNonNull("revokedAt")).as(t.name()).isTrue();
            ok(api.delete(ent, base + "/" + keptId));
        }
        assertThat(api.get(ent, "/repair-preferences/" + changeId).body().path("documents")).isEmpty();
    }

    static List<List<String>> xlsx(byte[] content) {
        List<List<String>> rows = new java.util.ArrayList<>();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(content))) {
            for (var row : wb.getFirstSheet().read()) {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(row.getCellText(c));
                }
                rows.add(cells);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }
}
