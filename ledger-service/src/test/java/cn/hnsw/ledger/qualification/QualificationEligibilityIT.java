package cn.hnsw.ledger.qualification;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Qualifications and the whitelist: each change publishes the enterprise's whole zero-tariff eligibility on
 * {@code hnsw.ledger.zero-tariff-eligibility-changed} in exactly the shape customs reads
 * ({@code enterpriseUscc, qualified, whitelist[{hsCode, name}], occurredAt}); bad input changes and publishes
 * nothing; enterprises cannot maintain qualifications and see only their own.
 */
class QualificationEligibilityIT extends LedgerIntegrationTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENTERPRISE = "91460000MA5TQ1AL2B";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void everyChangePublishesTheWholeEligibilityAndRefusalsPublishNothing() throws Exception {
        String officer = officer("customs-officer");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(QualificationService.TOPIC));
            long assigned = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < assigned) {
                consumer.poll(Duration.ofMillis(200));
            }

            JsonNode granted = ok(api.post(officer, "/qualifications", Map.of("enterprise", ENTERPRISE,
                    "enterpriseName", "海南洋浦资质测试有限公司", "type", "ZERO_TARIFF_BENEFICIARY",
                    "certificateNo", "ZT-" + UUID.randomUUID().toString().substring(0, 8), "validFrom", "2025-01-01")));
            JsonNode first = next(consumer);
            assertThat(fieldNames(first)).containsExactlyInAnyOrder("enterpriseUscc", "qualified", "whitelist", "occurredAt");
            assertThat(first.path("enterpriseUscc").asText()).isEqualTo(ENTERPRISE);
            assertThat(first.path("qualified").isBoolean()).isTrue();
            assertThat(first.path("qualified").asBoolean()).isTrue();
            assertThat(first.path("whitelist").isArray()).isTrue();
            assertThat(first.path("whitelist")).isEmpty();

            ok(api.post(officer, "/eligibility/" + ENTERPRISE + "/whitelist", Map.of("hsCode", "8471300000")));
            JsonNode second = next(consumer);
            assertThat(second.path("whitelist")).hasSize(1);
            assertThat(fieldNames(second.path("whitelist").get(0))).containsExactlyInAnyOrder("hsCode", "name");
            assertThat(second.path("whitelist").get(0).path("hsCode").asText()).isEqualTo("8471300000");
            assertThat(second.path("whitelist").get(0).path("name").asText()).isEqualTo("便携式自动数据处理设备");

            // refusals: an HS code outside the tariff table, an enterprise user maintaining, a malformed credit code
            LedgerApi.Response unknown = api.post(officer, "/eligibility/" + ENTERPRISE + "/whitelist", Map.of("hsCode", "9999999999"));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.code()).isEqualTo("HS_CODE_UNKNOWN");
            assertThat(unknown.body().path("messageZh").asText()).contains("9999999999");
            assertThat(api.post(declarant(ENTERPRISE), "/eligibility/" + ENTERPRISE + "/whitelist",
                    Map.of("hsCode", "1511100000")).status()).isEqualTo(403);
            assertThat(api.post(officer, "/qualifications", Map.of("enterprise", "1234", "enterpriseName", "x",
                    "type", "ZERO_TARIFF_BENEFICIARY", "certificateNo", "ZT-BAD", "validFrom", "2025-01-01")).status()).isEqualTo(400);

            assertThat(ok(api.get(declarant(SANYA_AGENT), "/qualifications/beneficiaries")).findValuesAsText("enterprise"))
                    .as("the register of beneficiary enterprises lists it while in force").contains(ENTERPRISE);
            ok(api.post(officer, "/qualifications/" + granted.path("id").asLong() + "/revocation", Map.of("reason", "资质到期未续")));
            JsonNode third = next(consumer);
            assertThat(third.path("qualified").asBoolean()).isFalse();
            assertThat(third.path("whitelist")).hasSize(1);
            assertThat(consumer.poll(Duration.ofSeconds(3)).records(QualificationService.TOPIC))
                    .as("the refusals published nothing").noneMatch(r -> ENTERPRISE.equals(r.key()));
        }
        assertThat(ok(api.get(officer, "/eligibility/" + ENTERPRISE)).path("whitelist")).hasSize(1);
    }

    @Test
    void anEnterpriseSeesItsOwnQualificationsOnly() {
        String officer = officer("gov-province");
        String own = "91460100MA5TQ2BB3C";
        ok(api.post(officer, "/qualifications", Map.of("enterprise", own, "enterpriseName", "海口加工增值测试有限公司",
                "type", "PROCESSING_VALUE_ADDED", "certificateNo", "VA-" + UUID.randomUUID().toString().substring(0, 8),
                "validFrom", "2025-03-01", "validTo", "2027-02-28")));
        String token = declarant(own);
        JsonNode mine = ok(api.get(token, "/qualifications"));
        assertThat(mine).isNotEmpty().allSatisfy(q -> assertThat(q.path("enterprise").asText()).isEqualTo(own));
        long id = mine.get(0).path("id").asLong();
        assertThat(ok(api.get(token, "/qualifications/" + id)).path("type").asText()).isEqualTo("PROCESSING_VALUE_ADDED");
        assertThat(api.get(declarant(SANYA_AGENT), "/qualifications/" + id).status()).as("another enterprise's detail").isEqualTo(403);
        assertThat(api.get(token, "/qualifications?enterprise=" + ENTERPRISE).status()).isEqualTo(403);
        assertThat(api.get(token, "/eligibility/" + ENTERPRISE).status()).isEqualTo(403);
        assertThat(ok(api.get(token, "/eligibility/" + own)).path("qualified").asBoolean())
                .as("a value-added qualification is not the zero-tariff beneficiary one").isFalse();
        LedgerApi.Response backwards = api.post(officer, "/qualifications", Map.of("enterprise", own, "enterpriseName", "x",
                "type", "PROCESSING_VALUE_ADDED", "certificateNo", "VA-BACK", "validFrom", "2026-01-01", "validTo", "2025-01-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("QUALIFICATION_INVALID");
    }

    private JsonNode next(KafkaConsumer<String, String> consumer) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                if (ENTERPRISE.equals(r.key())) {
                    JsonNode event = MAPPER.readTree(r.value());
                    assertThat(event.path("type").asText()).isEqualTo(QualificationService.TOPIC);
                    return event.path("data");
                }
            }
        }
        throw new AssertionError("no eligibility event for " + ENTERPRISE);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "qualification-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    /**
     * 首页-企业备案资质公示 (FP 1474–1479): an officer grants a beneficiary qualification (创建), the register lists it
     * (查询), counts its views (浏览统计), prints it and exports it; enterprises read the register too.
     */
    @Test
    void theRegisterOfBeneficiariesIsPublishedCountedPrintedAndExported() throws Exception {
        String officer = officer("gov-province");
        String enterprise = declarant(YANGPU_TRADING);
        String certificate = "ZT-GS-" + System.nanoTime() % 1_000_000;
        ok(api.post(officer, "/qualifications", Map.of("enterprise", "91469001MA5TP6R20E", "enterpriseName", "五指山公示测试有限公司",
                "type", "ZERO_TARIFF_BENEFICIARY", "certificateNo", certificate, "validFrom", "2025-01-01")));
        long before = ok(api.get(officer, "/qualifications/beneficiaries/views")).path("today").asLong();
        assertThat(ok(api.get(enterprise, "/qualifications/beneficiaries")).findValuesAsText("certificateNo")).contains(certificate);
        assertThat(ok(api.get(officer, "/qualifications/beneficiaries")).findValuesAsText("enterprise")).contains("91469001MA5TP6R20E");
        JsonNode views = ok(api.get(officer, "/qualifications/beneficiaries/views"));
        assertThat(views.path("today").asLong()).isEqualTo(before + 2);
        assertThat(views.path("total").asLong()).isGreaterThanOrEqualTo(views.path("last30Days").asLong());
        assertThat(views.path("byDay")).isNotEmpty();
        try (org.apache.pdfbox.pdmodel.PDDocument printed = org.apache.pdfbox.Loader.loadPDF(
                api.download(enterprise, "/qualifications/beneficiaries/print"))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(printed)).contains("资质公示").contains(certificate);
        }
        StringBuilder cells = new StringBuilder();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(api.download(officer, "/qualifications/beneficiaries/export")))) {
            org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> cells.append(f.formatCellValue(c)).append('|')));
        }
        assertThat(cells.toString()).contains(certificate).contains("五指山公示测试有限公司");
    }
}
