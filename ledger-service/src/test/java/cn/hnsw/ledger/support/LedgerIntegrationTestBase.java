package cn.hnsw.ledger.support;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the ledger service on the real PostgreSQL, Kafka and S3 with real platform keys, 金关二期 played at the wire by
 * {@link CustomsEndpoint}. Gives the flows the tests share: file, set up a ledger, approve a document.
 */
@ServiceIntegrationTest
public abstract class LedgerIntegrationTestBase {

    /** Valid unified social credit codes of three Hainan enterprises. */
    public static final String YANGPU_TRADING = "91460000MA5T8XQ21K";
    public static final String HAIKOU_LOGISTICS = "91460100MA5RCL3Y4P";
    public static final String SANYA_AGENT = "91460200MA5TGX8K6E";

    protected static final CustomsEndpoint CUSTOMS = new CustomsEndpoint();
    protected static final MessageSealer CUSTOMS_SEALER = LedgerTestKeys.partnerSealer(LedgerTestKeys.CUSTOMS);

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("hnsw.crypto.key-store", () -> LedgerTestKeys.dir().resolve("platform.p12").toString());
        registry.add("hnsw.crypto.key-store-password", () -> LedgerTestKeys.PASSWORD);
        registry.add("hnsw.crypto.trust-store", () -> LedgerTestKeys.dir().resolve("trust.p12").toString());
        registry.add("hnsw.crypto.trust-store-password", () -> LedgerTestKeys.PASSWORD);
        registry.add("hnsw.crypto.platform-key-id", () -> LedgerTestKeys.PLATFORM);
        registry.add("hnsw.partners.endpoint", CUSTOMS::url);
        // tests dispatch warning notices themselves: the contexts of one JVM share one database
        registry.add("hnsw.ledger.notifications.scheduled-dispatch", () -> "false");
    }

    @LocalServerPort
    protected int port;

    protected LedgerApi api;

    @BeforeEach
    void api() {
        api = new LedgerApi(port);
        CUSTOMS.down(false);
    }

    protected static String declarant(String uscc) {
        return TestTokens.issuer().user("declarant-" + uscc.substring(14), "enterprise-declarant").enterprise(uscc).mint();
    }

    protected static String officer(String role) {
        return TestTokens.issuer().user(role + "-user", role).organization("/hainan/" + role).mint();
    }

    protected JsonNode ok(LedgerApi.Response r) {
        assertThat(r.status()).as(r.body().toString()).isBetween(200, 201);
        return r.body();
    }

    protected JsonNode create(String token, String type, Long ledgerId, Map<String, Object> header) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("type", type);
        body.put("ledgerId", ledgerId);
        body.put("title", type);
        body.put("enterpriseName", "海南洋浦测试贸易有限公司");
        body.put("header", header == null ? Map.of() : header);
        return ok(api.post(token, "/documents", body));
    }

    protected JsonNode addLines(String token, long documentId, List<Map<String, Object>> lines) {
        return ok(api.post(token, "/documents/" + documentId + "/lines", lines));
    }

    /** Declares and has customs take it in and approve it. */
    protected JsonNode approve(String token, long documentId) {
        JsonNode declared = ok(api.post(token, "/documents/" + documentId + "/declaration", Map.of()));
        String no = declared.path("documentNo").asText();
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "RECEIVED", null, LedgerApi.newReceiptId()));
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "APPROVED", null, LedgerApi.newReceiptId()));
        return ok(api.get(token, "/documents/" + documentId));
    }

    /** Files a material and returns its commodity-library id. */
    protected long fileMaterial(String token, String itemNo, String hsCode, String name) {
        JsonNode filing = create(token, "MATERIAL_FILING", null, Map.of());
        long id = filing.path("id").asLong();
        addLines(token, id, List.of(Map.of("kind", "MATERIAL", "itemNo", itemNo, "hsCode", hsCode, "nameZh", name,
                "quantity", 1)));
        approve(token, id);
        JsonNode commodities = ok(api.get(token, "/commodities"));
        for (JsonNode c : commodities) {
            if (c.path("itemNo").asText().equals(itemNo)) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError("commodity " + itemNo + " not in library");
    }

    /** Sets up an active logistics ledger with the given commodities. */
    protected long activeLogisticsLedger(String token, long... commodityIds) {
        JsonNode setup = create(token, "LOGISTICS_LEDGER_SETUP", null, Map.of("port", "洋浦港"));
        long id = setup.path("id").asLong();
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (long c : commodityIds) {
            lines.add(Map.of("kind", "GOODS", "linkRef", c, "quantity", 1));
        }
        addLines(token, id, lines);
        JsonNode approved = approve(token, id);
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, approved.path("documentNo").asText(), "FORMAL_DATA",
                null, LedgerApi.newReceiptId()));
        for (JsonNode l : ok(api.get(token, "/ledgers"))) {
            if (l.path("setupDocumentId").asLong() == id) {
                assertThat(l.path("status").asText()).isEqualTo("ACTIVE");
                return l.path("id").asLong();
            }
        }
        throw new AssertionError("ledger not created");
    }

    protected JsonNode stock(String token, long ledgerId, String itemNo) {
        for (JsonNode s : ok(api.get(token, "/ledgers/" + ledgerId + "/stock"))) {
            if (s.path("itemNo").asText().equals(itemNo)) {
                return s;
            }
        }
        return null;
    }

    protected BigDecimal quantity(String token, long ledgerId, String itemNo) {
        JsonNode s = stock(token, ledgerId, itemNo);
        return s == null ? BigDecimal.ZERO : new BigDecimal(s.path("quantity").asText());
    }

    /**
     * Registers and has customs approve one domestically purchased material (国产采购料件登记), price 50 a unit, and
     * returns the id of its line: what the domestic-material cost of a value-added code links to.
     */
    protected long registeredDomesticMaterial(String token, String itemNo, int quantity) {
        long id = create(token, "DOMESTIC_MATERIAL_REGISTRATION", null, Map.of("supplier", "广东国产外壳厂")).path("id").asLong();
        addLines(token, id, List.of(Map.of("kind", "MATERIAL", "itemNo", itemNo, "hsCode", "3902100090", "nameZh", "国产外壳",
                "quantity", quantity, "unitPrice", 50)));
        return approve(token, id).path("lines").get(0).path("id").asLong();
    }

    /** Uploads one attached document (随附单证 / 证明附件) of a document as the given user. */
    protected LedgerApi.Response attach(String token, long documentId, String fileName, byte[] content) {
        String boundary = "----hnsw" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return api.postBytes(token, "/documents/" + documentId + "/attachments", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
    }
}
