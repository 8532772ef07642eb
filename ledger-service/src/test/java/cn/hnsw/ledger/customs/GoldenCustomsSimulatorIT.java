package cn.hnsw.ledger.customs;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.warning.LedgerWarnings;
import cn.hnsw.ledger.warning.WarningNotifications;
import cn.hnsw.simulators.port.MailGatewaySimulator;
import cn.hnsw.simulators.window.HaiyibanCaseBook;
import org.springframework.beans.factory.annotation.Autowired;
import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the 金关二期 simulator of the simulators module, running in this JVM: declarations go out sealed with the
 * service token, the simulator's logic check decides, and its sealed receipts come back to the inbox on their own.
 */
@ServiceIntegrationTest
class GoldenCustomsSimulatorIT {

    static final SimulatorKeys KEYS = SimulatorKeys.of("customs-golden-customs-2", "sms-platform", "mail-gateway");
    static final SimulatorsHarness SIMULATORS = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry r) {
        KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));
        r.add("hnsw.partners.endpoint", SIMULATORS::partnerEndpoint);
        r.add("hnsw.ledger.receipt-url", () -> "http://127.0.0.1:${local.server.port}/api/ledger/v1/customs/receipts");
        r.add("hnsw.ledger.notifications.scheduled-dispatch", () -> "false");
    }

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    LedgerWarnings warnings;
    @Autowired
    WarningNotifications notifications;
    LedgerApi api;
    String token;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(port);
        token = TestTokens.issuer().user("declarant-hk", "enterprise-declarant").enterprise("91460100MA5RCL3Y4P").mint();
    }

    @Test
    void theSimulatorApprovesAFilingAndActivatesALedgerWithFormalPostingData() {
        long filing = filing("MATERIAL_FILING", "MATERIAL", "HK-LI-001", "8507600090");
        JsonNode approved = await(filing, d -> d.path("status").asText().equals("APPROVED"));
        assertThat(approved.path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "APPROVED");

        long commodity = api.get(token, "/commodities").body().get(0).path("id").asLong();
        JsonNode setup = api.post(token, "/documents", Map.of("type", "LOGISTICS_LEDGER_SETUP", "title", "物流账册")).body();
        api.post(token, "/documents/" + setup.path("id").asLong() + "/lines",
                List.of(Map.of("kind", "GOODS", "linkRef", commodity, "quantity", 1)));
        assertThat(api.post(token, "/documents/" + setup.path("id").asLong() + "/declaration", Map.of()).status()).isEqualTo(200);
        JsonNode done = await(setup.path("id").asLong(), d -> d.path("receipts").size() == 3);
        assertThat(done.path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "APPROVED", "FORMAL_DATA");
        JsonNode ledgers = api.get(token, "/ledgers").body();
        assertThat(ledgers.findValuesAsText("status")).containsExactly("ACTIVE");
    }

    @Test
    void theSimulatorReturnsGoodsExcludedFromZeroTariffWithAReason() {
        long filing = filing("MATERIAL_FILING", "MATERIAL", "HK-MU-009", "9306900000");
        JsonNode returned = await(filing, d -> d.path("status").asText().equals("RETURNED"));
        assertThat(returned.path("returnReason").asText()).contains("第 93 章").contains("chapter 93");
    }

    @Test
    void theHomePageShowsTheEnterprisesOwnCreditAsCustomsKeepsIt() {
        // 首页-我的信用: fetched sealed from the simulator, each enterprise its own
        JsonNode home = api.get(token, "/home").body();
        JsonNode credit = home.path("credit").path("profile");
        assertThat(credit.path("enterprise").asText()).isEqualTo("91460100MA5RCL3Y4P");
        assertThat(credit.path("creditGrade").asText()).isEqualTo("GENERAL");
        assertThat(credit.path("creditGradeZh").asText()).isEqualTo("一般信用企业");
        assertThat(credit.path("clearanceRating").path("level").asText()).isIn("A", "B", "C");
        assertThat(credit.path("comprehensiveEvaluation").path("score").isNumber()).isTrue();
        assertThat(credit.path("creditReport").path("seriousDishonesty").asBoolean()).isFalse();
        assertThat(credit.path("source").asText()).contains("模拟器");
        assertThat(home.path("credit").path("stale").asBoolean()).isFalse();

        String yangpu = TestTokens.issuer().user("declarant-yp", "enterprise-declarant").enterprise("91460000MA5T8XQ21K").mint();
        JsonNode own = api.post(yangpu, "/credit/refresh", Map.of()).body().path("profile");
        assertThat(own.path("enterprise").asText()).isEqualTo("91460000MA5T8XQ21K");
        assertThat(own.path("creditGrade").asText()).isEqualTo("AEO_ADVANCED");
        assertThat(own.path("messageId").asText()).isNotBlank();
        // read again: the kept profile, the same customs message
        assertThat(api.get(yangpu, "/credit").body().path("profile").path("messageId").asText())
                .isEqualTo(own.path("messageId").asText());
        // an officer has no enterprise credit page of its own
        String officer = TestTokens.issuer().user("officer", "customs-officer").organization("/hainan/customs").mint();
        assertThat(api.get(officer, "/credit").status()).isEqualTo(403);
    }

    /**
     * 零关税交通工具及游艇账册信息 and 零关税自用生产设备账册信息 (FP 1890–1897): the enterprise's own ledgers read sealed
     * from the simulator, list and detail with their items; another enterprise's ledger number is not found, an officer
     * has no such page, an unknown kind is a 400.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"VEHICLE_YACHT", "SELF_USE_EQUIPMENT"})
    void theEnterpriseReadsItsOwnVehicleYachtAndEquipmentLedgersFromCustoms(String kind) {
        JsonNode list = api.get(token, "/equipment-ledgers?kind=" + kind).body();
        assertThat(list.path("kindZh").asText()).startsWith("零关税");
        assertThat(list.path("source").asText()).contains("模拟器");
        assertThat(list.path("messageId").asText()).isNotBlank();
        JsonNode ledgers = list.path("ledgers");
        assertThat(ledgers.size()).isPositive();
        assertThat(ledgers.findValuesAsText("enterprise")).containsOnly("91460100MA5RCL3Y4P");
        assertThat(ledgers.get(0).has("items")).isFalse();
        String ledgerNo = ledgers.get(0).path("ledgerNo").asText();
        assertThat(ledgerNo).startsWith(kind.equals("VEHICLE_YACHT") ? "HNJT" : "HNSB");

        JsonNode detail = api.get(token, "/equipment-ledgers/" + kind + "/" + ledgerNo).body();
        assertThat(detail.path("ledgerNo").asText()).isEqualTo(ledgerNo);
        assertThat(detail.path("items").size()).isEqualTo(ledgers.get(0).path("itemCount").asInt()).isPositive();
        JsonNode item = detail.path("items").get(0);
        assertThat(item.path("hsCode").asText()).hasSize(10);
        assertThat(item.path("declaredValueCny").decimalValue()).isPositive();
        assertThat(item.path("supervisionEndsOn").asText()).isNotBlank();
        // the same answer when asked again (customs' records, not made up per call)
        assertThat(api.get(token, "/equipment-ledgers/" + kind + "/" + ledgerNo).body().path("items"))
                .isEqualTo(detail.path("items"));

        String yangpu = TestTokens.issuer().user("declarant-yp", "enterprise-declarant").enterprise("91460000MA5T8XQ21K").mint();
        LedgerApi.Response others = api.get(yangpu, "/equipment-ledgers/" + kind + "/" + ledgerNo);
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.code()).isEqualTo("EQUIPMENT_LEDGER_NOT_FOUND");
        assertThat(api.get(yangpu, "/equipment-ledgers?kind=" + kind).body().path("ledgers").findValuesAsText("ledgerNo"))
                .doesNotContain(ledgerNo);
        String officer = TestTokens.issuer().user("officer", "customs-officer").organization("/hainan/customs").mint();
        assertThat(api.get(officer, "/equipment-ledgers?kind=" + kind).status()).isEqualTo(403);
        assertThat(api.get(token, "/equipment-ledgers?kind=BICYCLE").status()).isEqualTo(400);
    }

    @Test
    void customsReturnsAChainWithADishonestMemberWithTheReasonAndApprovesItCorrected() {
        String dishonest = "91469027MA5TX9QJ4B";
        String partner = TestTokens.issuer().user("declarant-dq", "enterprise-declarant").enterprise(dishonest).mint();
        JsonNode chain = api.post(token, "/joint-chains", Map.of("name", "模拟器审批链", "members", List.of(
                Map.of("enterprise", "91460100MA5RCL3Y4P", "step", "注塑"),
                Map.of("enterprise", dishonest, "step", "组装")))).body();
        long id = chain.path("id").asLong();
        // 第三方企业社会信用信息获取: every member's grade, from customs
        JsonNode withCredit = api.post(token, "/joint-chains/" + id + "/member-credit", Map.of()).body();
        assertThat(withCredit.path("members").findValuesAsText("creditGrade")).containsExactly("GENERAL", "DISHONEST");
        assertThat(withCredit.path("members").get(1).path("creditGradeZh").asText()).isEqualTo("失信企业");

        assertThat(api.post(partner, "/joint-chains/" + id + "/decision", Map.of("confirm", true)).status()).isEqualTo(200);
        assertThat(api.post(token, "/joint-chains/" + id + "/customs-approval", Map.of()).status()).isEqualTo(200);
        JsonNode anomaly = awaitChain(id, c -> c.path("customsStatus").asText().equals("ANOMALY"));
        assertThat(anomaly.path("anomalyReason").asText()).contains(dishonest).contains("失信企业").contains("dishonest");

        String yangpu = "91460000MA5T8XQ21K";
        String yangpuToken = TestTokens.issuer().user("declarant-yp", "enterprise-declarant").enterprise(yangpu).mint();
        assertThat(api.put(token, "/joint-chains/" + id, Map.of("name", "模拟器审批链（更正）", "members", List.of(
                Map.of("enterprise", "91460100MA5RCL3Y4P", "step", "注塑"),
                Map.of("enterprise", yangpu, "step", "组装")))).status()).isEqualTo(200);
        assertThat(api.post(yangpuToken, "/joint-chains/" + id + "/decision", Map.of("confirm", true)).status()).isEqualTo(200);
        assertThat(api.post(token, "/joint-chains/" + id + "/customs-approval", Map.of()).status()).isEqualTo(200);
        JsonNode approved = awaitChain(id, c -> c.path("customsStatus").asText().equals("APPROVED"));
        assertThat(approved.path("approvalRound").asInt()).isEqualTo(1);
        assertThat(api.get(token, "/joint-chains/" + id + "/receipts").body().findValuesAsText("kind"))
                .containsExactly("RECEIVED", "RETURNED", "RECEIVED", "APPROVED");
    }

    /**
     * 通知方式配置 (FP 2907–2910): the enterprise chooses per warning kind in-app, SMS and e-mail; a low-stock warning
     * raised on its ledger is written in-app at once, and the dispatcher hands the SMS sealed to the provincial SMS
     * platform simulator and the mails sealed to the mail gateway simulator, once each; a bounced mailbox ends FAILED
     * with the gateway's code. Bad numbers and addresses change nothing; officers and other enterprises are kept out.
     */
    @Test
    void aLowStockWarningReachesTheEnterpriseInAppBySmsAndByEmailAsItsSettingsSay() {
        String haikou = token;
        // Yangpu's own ledger: the other tests of this class count Haikou's ledgers
        token = TestTokens.issuer().user("declarant-yp", "enterprise-declarant").enterprise("91460000MA5T8XQ21K").mint();
        JsonNode defaults = api.get(token, "/warning-notification-settings").body();
        assertThat(defaults.findValuesAsText("kind")).containsExactly("LOW_STOCK", "RECEIPT_OVERDUE", "BOOKING_OVERDUE");
        // refusals: SMS without a number, a number that is not a mobile number, an officer, an unknown kind
        LedgerApi.Response noNumber = api.put(token, "/warning-notification-settings/LOW_STOCK",
                Map.of("inApp", true, "sms", true, "email", false, "smsRecipients", List.of()));
        assertThat(noNumber.status()).isEqualTo(400);
        assertThat(noNumber.code()).isEqualTo("NOTIFICATION_SETTING_INVALID");
        assertThat(api.put(token, "/warning-notification-settings/LOW_STOCK", Map.of("inApp", true, "sms", true,
                "email", false, "smsRecipients", List.of("0898-6666"))).status()).isEqualTo(400);
        assertThat(api.put(token, "/warning-notification-settings/LOW_STOCK", Map.of("inApp", true, "sms", false,
                "email", true, "emailRecipients", List.of("not-an-address"))).status()).isEqualTo(400);
        assertThat(api.put(token, "/warning-notification-settings/NO_SUCH_KIND", Map.of("inApp", true)).status()).isEqualTo(400);
        String officer = TestTokens.issuer().user("officer", "customs-officer").organization("/hainan/customs").mint();
        assertThat(api.put(officer, "/warning-notification-settings/LOW_STOCK", Map.of("inApp", true)).status()).isEqualTo(403);
        assertThat(api.get(token, "/warning-notification-settings").body().get(0).path("configured").asBoolean()).isFalse();

        String mobile = "13876" + String.format("%06d", System.nanoTime() % 1_000_000);
        String mailbox = "ledger-" + System.nanoTime() % 1_000_000 + "@haikou-logistics.example";
        JsonNode saved = api.put(token, "/warning-notification-settings/LOW_STOCK", Map.of("inApp", true, "sms", true,
                "email", true, "smsRecipients", List.of(mobile), "emailRecipients", List.of(mailbox, "ops@bounce.example"))).body();
        assertThat(saved.path("configured").asBoolean()).isTrue();
        assertThat(saved.path("emailRecipients")).hasSize(2);

        // a ledger through the simulator with 3 units in stock, and a low-stock rule at 5
        String item = "HK-NT-" + System.nanoTime() % 100_000;
        long filing = filing("MATERIAL_FILING", "MATERIAL", item, "8507600090");
        await(filing, d -> d.path("status").asText().equals("APPROVED"));
        long commodity = -1;
        for (JsonNode c : api.get(token, "/commodities").body()) {
            if (c.path("itemNo").asText().equals(item)) {
                commodity = c.path("id").asLong();
            }
        }
        long setup = api.post(token, "/documents", Map.of("type", "LOGISTICS_LEDGER_SETUP", "title", "物流账册")).body().path("id").asLong();
        api.post(token, "/documents/" + setup + "/lines", List.of(Map.of("kind", "GOODS", "linkRef", commodity, "quantity", 1)));
        assertThat(api.post(token, "/documents/" + setup + "/declaration", Map.of()).status()).isEqualTo(200);
        await(setup, d -> d.path("receipts").size() == 3);
        long ledgerId = -1;
        String ledgerNo = null;
        for (JsonNode l : api.get(token, "/ledgers").body()) {
            if (l.path("setupDocumentId").asLong() == setup) {
                ledgerId = l.path("id").asLong();
                ledgerNo = l.path("ledgerNo").asText();
            }
        }
        long entry = api.post(token, "/documents", Map.of("type", "LOGISTICS_ENTRY_GENERAL", "ledgerId", ledgerId,
                "title", "入账")).body().path("id").asLong();
        api.post(token, "/documents/" + entry + "/lines", List.of(Map.of("kind", "GOODS", "linkRef", commodity, "quantity", 3)));
        assertThat(api.post(token, "/documents/" + entry + "/declaration", Map.of()).status()).isEqualTo(200);
        await(entry, d -> d.path("status").asText().equals("APPROVED"));
        assertThat(api.put(token, "/ledgers/" + ledgerId + "/warning-rules", Map.of("kind", "LOW_STOCK", "itemNo", item,
                "threshold", 5, "tolerancePct", 0, "notifyEnterprise", true)).status()).isEqualTo(200);
        warnings.evaluate();
        JsonNode open = api.get(token, "/warnings?ledgerId=" + ledgerId).body();
        assertThat(open).hasSize(1);
        long warningId = open.get(0).path("id").asLong();

        JsonNode written = notices(warningId);
        assertThat(written.findValuesAsText("channel")).containsExactlyInAnyOrder("IN_APP", "SMS", "EMAIL", "EMAIL");
        assertThat(byChannel(written, "IN_APP").path("status").asText()).isEqualTo("DELIVERED");
        assertThat(byChannel(written, "SMS").path("status").asText()).isEqualTo("PENDING");

        HaiyibanCaseBook smsPlatform = SIMULATORS.context().getBean(HaiyibanCaseBook.class);
        MailGatewaySimulator mailGateway = SIMULATORS.context().getBean(MailGatewaySimulator.class);
        notifications.dispatch();
        JsonNode sent = notices(warningId);
        assertThat(byChannel(sent, "SMS").path("status").asText()).isEqualTo("DELIVERED");
        for (JsonNode n : sent) {
            if (n.path("channel").asText().equals("EMAIL")) {
                boolean bounced = n.path("recipient").asText().endsWith("@bounce.example");
                assertThat(n.path("status").asText()).isEqualTo(bounced ? "FAILED" : "DELIVERED");
                if (bounced) {
                    assertThat(n.path("detail").asText()).isEqualTo("MAILBOX_UNAVAILABLE");
                }
            }
        }
        List<HaiyibanCaseBook.Notice> sms = smsPlatform.notices().stream().filter(n -> n.recipient().equals(mobile)).toList();
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0).channel()).isEqualTo("SMS");
        assertThat(sms.get(0).content()).startsWith("【海南国际贸易单一窗口】").contains(item).contains(ledgerNo);
        List<MailGatewaySimulator.Mail> mails = mailGateway.received().stream().filter(m -> m.recipient().equals(mailbox)).toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).contains("账册库存预警").contains(ledgerNo);
        assertThat(mails.get(0).body()).contains(item).contains("warning level");
        // sent once: a second run finds nothing due
        assertThat(notifications.dispatch()).isZero();
        assertThat(smsPlatform.notices().stream().filter(n -> n.recipient().equals(mobile))).hasSize(1);

        // 站内通知: unread until read; another enterprise neither sees nor reads it
        JsonNode unread = only(api.get(token, "/warning-notifications?unread=true").body(), warningId);
        assertThat(unread).hasSize(1);
        long inApp = unread.get(0).path("id").asLong();
        assertThat(unread.get(0).path("messageZh").asText()).contains(item);
        assertThat(api.post(haikou, "/warning-notifications/" + inApp + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(api.get(haikou, "/warning-notifications").body().findValuesAsText("id")).doesNotContain(String.valueOf(inApp));
        assertThat(api.post(token, "/warning-notifications/" + inApp + "/read", Map.of()).status()).isEqualTo(204);
        assertThat(only(api.get(token, "/warning-notifications?unread=true").body(), warningId)).isEmpty();

        // 删除: back to in-app only
        assertThat(api.request("DELETE", token, "/warning-notification-settings/LOW_STOCK").status()).isEqualTo(204);
        JsonNode reset = api.get(token, "/warning-notification-settings").body().get(0);
        assertThat(reset.path("configured").asBoolean()).isFalse();
        assertThat(reset.path("sms").asBoolean()).isFalse();
        assertThat(reset.path("inApp").asBoolean()).isTrue();
    }

    /**
     * 简化申报数据对接 and 回执对接 (FP 1970–1971, 2039–2040) from end to end: an operator lodges a simplified declaration
     * with the 金关二期 simulator, which pushes it sealed to the ledger inbox and, a little later, its receipt; the
     * enterprise finds it waiting to be booked (待入账), books it into an entry list that customs approves, and the stock
     * grows by the declared quantity. A declaration for an unknown ledger is refused by the platform and the simulator
     * says so; an enterprise user cannot lodge one with the simulator; an incomplete one is pushed nowhere.
     */
    @Test
    void theSimulatorPushesASimplifiedDeclarationAndItsReceiptWhichTheEnterpriseBooks() throws Exception {
        // an enterprise of this test only: the other tests count Haikou's and Yangpu's ledgers
        token = TestTokens.issuer().user("declarant-wc", "enterprise-declarant").enterprise("91469005MA5TW3N21C").mint();
        String item = "WC-SD-" + System.nanoTime() % 100_000;
        long filing = filing("MATERIAL_FILING", "MATERIAL", item, "8471300000");
        await(filing, d -> d.path("status").asText().equals("APPROVED"));
        long commodity = -1;
        for (JsonNode c : api.get(token, "/commodities").body()) {
            if (c.path("itemNo").asText().equals(item)) {
                commodity = c.path("id").asLong();
            }
        }
        long setup = api.post(token, "/documents", Map.of("type", "LOGISTICS_LEDGER_SETUP", "title", "文昌物流账册")).body().path("id").asLong();
        api.post(token, "/documents/" + setup + "/lines", List.of(Map.of("kind", "GOODS", "linkRef", commodity, "quantity", 1)));
        assertThat(api.post(token, "/documents/" + setup + "/declaration", Map.of()).status()).isEqualTo(200);
        await(setup, d -> d.path("receipts").size() == 3);
        long ledgerId = -1;
        String ledgerNo = null;
        for (JsonNode l : api.get(token, "/ledgers").body()) {
            if (l.path("setupDocumentId").asLong() == setup) {
                ledgerId = l.path("id").asLong();
                ledgerNo = l.path("ledgerNo").asText();
            }
        }
        assertThat(ledgerNo).isNotBlank();

        String operator = TestTokens.issuer().user("sim-operator", "platform-admin").mint();
        String inbox = "http://127.0.0.1:" + port + "/api/ledger/v1/customs/receipts";
        Map<String, Object> lodged = Map.of("ledgerNo", ledgerNo, "port", "文昌港", "replyTo", inbox, "lines",
                List.of(Map.of("itemNo", item, "hsCode", "8471300000", "nameZh", "笔记本电脑", "quantity", 12, "unit", "台",
                        "unitPrice", 4200, "currency", "CNY")));
        // refusals: an enterprise user, a declaration without lines; neither reaches the platform
        assertThat(simulator(token, lodged).status()).isEqualTo(403);
        LedgerApi.Response incomplete = simulator(operator, Map.of("ledgerNo", ledgerNo, "replyTo", inbox, "lines", List.of()));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.code()).isEqualTo("SIMPLIFIED_DECLARATION_INCOMPLETE");

        LedgerApi.Response pushed = simulator(operator, lodged);
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(201);
        String no = pushed.body().path("declarationNo").asText();
        assertThat(no).startsWith("JD");
        assertThat(pushed.body().path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(pushed.body().path("platformBody").asText()).contains("PENDING_BOOKING");
        assertThat(pushed.body().path("receiptStatus").asText()).isEqualTo("RELEASED");

        // 待入账: the enterprise sees it, with the receipt the simulator pushes after its delay
        JsonNode pending = api.get(token, "/simplified-declarations?pending=true&ledgerId=" + ledgerId).body();
        assertThat(pending.findValuesAsText("declarationNo")).containsExactly(no);
        long id = pending.get(0).path("id").asLong();
        JsonNode released = awaitPath("/simplified-declarations/" + id, d -> d.path("receiptStatus").asText().equals("RELEASED"));
        assertThat(released.path("receiptNote").asText()).contains("模拟器");
        assertThat(released.path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("12");
        assertThat(api.get(haikouToken(), "/simplified-declarations/" + id).status()).isEqualTo(404);

        // unknown ledger: the platform refuses it, the simulator reports the refusal, no receipt follows
        LedgerApi.Response unknown = simulator(operator, Map.of("ledgerNo", "HNZB-NO-SUCH", "replyTo", inbox, "lines",
                List.of(Map.of("itemNo", item, "quantity", 1))));
        assertThat(unknown.status()).isEqualTo(201);
        assertThat(unknown.body().path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(unknown.body().path("platformStatus").asInt()).isEqualTo(400);
        assertThat(unknown.body().path("platformBody").asText()).contains("RECEIPT_INVALID");
        assertThat(unknown.body().path("receiptStatus").asText()).isEqualTo("NONE");

        // 入账: the entry list linked to it goes to the simulator and is approved; the stock grows by 12
        LedgerApi.Response booked = api.post(token, "/simplified-declarations/" + id + "/booking", Map.of());
        assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
        long entry = booked.body().path("id").asLong();
        assertThat(booked.body().path("header").path("simplifiedDeclarationNo").asText()).isEqualTo(no);
        assertThat(api.post(token, "/documents/" + entry + "/declaration", Map.of()).status()).isEqualTo(200);
        await(entry, d -> d.path("status").asText().equals("APPROVED"));
        assertThat(api.get(token, "/simplified-declarations?pending=true&ledgerId=" + ledgerId).body()
                .findValuesAsText("declarationNo")).doesNotContain(no);
        JsonNode stock = null;
        for (JsonNode s : api.get(token, "/ledgers/" + ledgerId + "/stock").body()) {
            if (s.path("itemNo").asText().equals(item)) {
                stock = s;
            }
        }
        assertThat(stock).isNotNull();
        assertThat(stock.path("quantity").decimalValue()).isEqualByComparingTo("12");
    }

    private String haikouToken() {
        return TestTokens.issuer().user("declarant-hk", "enterprise-declarant").enterprise("91460100MA5RCL3Y4P").mint();
    }

    /** POSTs to the 金关二期 simulator's operator API (not the ledger service). */
    private LedgerApi.Response simulator(String bearer, Object body) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(SIMULATORS.baseUrl() + "/v1/customs-simulators/simplified-declarations"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new LedgerApi.Response(r.statusCode(), r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body()));
    }

    private JsonNode awaitPath(String path, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode d = api.get(token, path).body();
        while (!done.test(d) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            d = api.get(token, path).body();
        }
        assertThat(done.test(d)).as("%s reached the expected state: %s", path, d).isTrue();
        return d;
    }

    private JsonNode notices(long warningId) {
        return only(api.get(token, "/warning-notifications").body(), warningId);
    }

    private static JsonNode only(JsonNode notices, long warningId) {
        com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        notices.forEach(n -> {
            if (n.path("warningId").asLong() == warningId) {
                out.add(n);
            }
        });
        return out;
    }

    private static JsonNode byChannel(JsonNode notices, String channel) {
        for (JsonNode n : notices) {
            if (n.path("channel").asText().equals(channel)) {
                return n;
            }
        }
        throw new AssertionError("no " + channel + " notice in " + notices);
    }

    private JsonNode awaitChain(long id, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode c = api.get(token, "/joint-chains/" + id).body();
        while (!done.test(c) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            c = api.get(token, "/joint-chains/" + id).body();
        }
        assertThat(done.test(c)).as("chain %s reached the expected state: %s", id, c).isTrue();
        return c;
    }

    private long filing(String type, String kind, String itemNo, String hs) {
        long id = api.post(token, "/documents", Map.of("type", type, "title", itemNo)).body().path("id").asLong();
        assertThat(api.post(token, "/documents/" + id + "/lines",
                List.of(Map.of("kind", kind, "itemNo", itemNo, "hsCode", hs, "quantity", 1))).status()).isEqualTo(200);
        LedgerApi.Response declared = api.post(token, "/documents/" + id + "/declaration", Map.of());
        assertThat(declared.status()).as(declared.body().toString()).isEqualTo(200);
        return id;
    }

    private JsonNode await(long id, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode d = api.get(token, "/documents/" + id).body();
        while (!done.test(d) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            d = api.get(token, "/documents/" + id).body();
        }
        assertThat(done.test(d)).as("document %s reached the expected state: %s", id, d).isTrue();
        return d;
    }
}
