package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.simulators.port.MailGatewaySimulator;
import cn.hnsw.simulators.port.WebhookSubscriberSimulator;
import cn.hnsw.simulators.window.HaiyibanCaseBook;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert subscriptions end to end: alerts arrive over the shared topic, deliveries are queued with each change and sent
 * by webhook (SM2-signed, verified by the simulated subscriber) or SMS (sealed to the provincial SMS platform
 * simulator), retried with back-off, logged attempt by attempt, refused when the subscriber refuses, and kept apart per
 * subscriber.
 */
class SubscriptionsIT extends PortSituationIT {

    @Autowired
    OutboxPublisher outbox;
    @Autowired
    TransactionTemplate tx;

    WebhookSubscriberSimulator subscribers() {
        return SIMULATORS.context().getBean(WebhookSubscriberSimulator.class);
    }

    static String inbox(String subscriber) {
        return SIMULATORS.baseUrl() + "/v1/webhook-subscribers/" + subscriber + "/inbox";
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void publish(Alert alert) {
        tx.executeWithoutResult(s -> outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alert.alertId(), Alert.EVENT_TYPE,
                alert));
    }

    static Alert alert(String type, Alert.Level level, String portCode, Map<String, String> attributes) {
        return new Alert(UUID.randomUUID().toString(), "port-situation-service", type, level, portCode, null, List.of(),
                "船舶 海巡01 驶入禁航区", "Vessel HAIXUN 01 entered a restricted area", Instant.now().minusSeconds(2),
                20.05, 110.15, attributes);
    }

    JsonNode subscribe(String token, Map<String, Object> body) {
        Api.Reply r = api.post("/v1/subscriptions", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    List<JsonNode> bodies(String subscriber) {
        return subscribers().received(subscriber).stream().map(r -> {
            try {
                return Api.JSON.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    JsonNode awaitDelivered(String subscriber, String alertId, String event) {
        return Api.await(Duration.ofSeconds(30), () -> bodies(subscriber).stream()
                .filter(b -> b.get("alert").get("alertId").asText().equals(alertId) && b.get("event").asText().equals(event))
                .findFirst().orElse(null));
    }

    JsonNode awaitDelivery(String subscriptionId, String alertId, String status) {
        return Api.await(Duration.ofSeconds(30), () -> {
            for (JsonNode d : api.get("/v1/subscriptions/" + subscriptionId + "/deliveries", operator).json()) {
                if (d.get("alertId").asText().equals(alertId) && d.get("status").asText().equals(status)) {
                    return d;
                }
            }
            return null;
        });
    }

    @Test
    void aPartnerWebhookGetsSignedAlertsAndStatusChangesRetriedUntilTaken() {
        String partner = unique("vts");
        subscribers().behave(partner, new WebhookSubscriberSimulator.Behaviour(2, false)); // busy twice, then takes it
        JsonNode subscription = subscribe(operator, Map.of("subscriberKind", "PARTNER", "subscriberId", partner,
                "name", "海事 VTS 中心", "channel", "WEBHOOK", "target", inbox(partner),
                "events", List.of("RAISED", "ACKNOWLEDGED"), "alertTypes", List.of("restricted-area-entry"),
                "minLevel", "MEDIUM", "portCodes", List.of("XINHAI_PORT")));
        String id = subscription.get("id").asText();
        assertThat(subscription.get("status").asText()).isEqualTo("ACTIVE");

        Alert low = alert("restricted-area-entry", Alert.Level.LOW, "XINHAI_PORT", Map.of());
        Alert otherPort = alert("restricted-area-entry", Alert.Level.HIGH, "YANGPU_PORT", Map.of());
        Alert high = alert("restricted-area-entry", Alert.Level.HIGH, "XINHAI_PORT", Map.of("mmsi", "412000001"));
        publish(low);
        publish(otherPort);
        publish(high);

        JsonNode raised = awaitDelivered(partner, high.alertId(), "RAISED");
        assertThat(raised.get("subscriptionId").asText()).isEqualTo(id);
        assertThat(raised.get("alert").get("titleZh").asText()).contains("禁航区");
        JsonNode delivery = awaitDelivery(id, high.alertId(), "DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        JsonNode log = delivery.get("attemptLog");
        assertThat(log.get(0).get("outcome").asText()).isEqualTo("RETRY");
        assertThat(log.get(0).get("statusCode").asInt()).isEqualTo(503);
        assertThat(log.get(1).get("outcome").asText()).isEqualTo("RETRY");
        assertThat(log.get(2).get("outcome").asText()).isEqualTo("DELIVERED");
        // back-off: the second retry waited about twice as long as the first
        long first = Duration.between(Instant.parse(log.get(0).get("at").asText()),
                Instant.parse(log.get(1).get("at").asText())).toMillis();
        long second = Duration.between(Instant.parse(log.get(1).get("at").asText()),
                Instant.parse(log.get(2).get("at").asText())).toMillis();
        assertThat(first).isGreaterThanOrEqualTo(250);
        assertThat(second).isGreaterThanOrEqualTo(550);

        // A status change is told too; the officer acknowledges on the alert screen
        Api.await(Duration.ofSeconds(30), () -> api.get("/v1/alerts/" + high.alertId(), operator).status() == 200
                ? Boolean.TRUE : null);
        assertThat(api.post("/v1/alerts/" + high.alertId() + "/acknowledgement", operator, Map.of()).status())
                .isEqualTo(200);
        JsonNode acknowledged = awaitDelivered(partner, high.alertId(), "ACKNOWLEDGED");
        assertThat(acknowledged.get("alert").get("status").asText()).isEqualTo("ACKNOWLEDGED");

        // Filters: the low alert and the other port's were never queued (they were published before the high one)
        for (JsonNode d : api.get("/v1/subscriptions/" + id + "/deliveries", operator).json()) {
            assertThat(d.get("alertId").asText()).isIn(high.alertId());
        }
        assertThat(bodies(partner)).hasSize(2); // a retried delivery is taken once
    }

    @Test
    void enterprisesHearOfTheirOwnAlertsOnlyAndSeeTheirOwnSubscriptionsOnly() {
        String usccA = "91460000MA5T" + (100000 + (int) (Math.random() * 800000));
        String usccB = "91460000MA5U" + (100000 + (int) (Math.random() * 800000));
        String tokenA = tokens.user("ent-a-" + usccA, "enterprise-admin").enterprise(usccA).mint();
        String tokenB = tokens.user("ent-b-" + usccB, "enterprise-declarant").enterprise(usccB).mint();
        String inboxA = unique("ent-a");
        String inboxB = unique("ent-b");
        JsonNode subA = subscribe(tokenA, Map.of("name", "A 公司预警", "channel", "WEBHOOK", "target", inbox(inboxA)));
        JsonNode subB = subscribe(tokenB, Map.of("name", "B 公司预警", "channel", "WEBHOOK", "target", inbox(inboxB)));
        assertThat(subA.get("subscriberKind").asText()).isEqualTo("ENTERPRISE");
        assertThat(subA.get("subscriberId").asText()).isEqualTo(usccA);

        Alert forA = alert("gate-held", Alert.Level.MEDIUM, "XIUYING_PORT", Map.of("enterpriseUscc", usccA));
        Alert forB = alert("gate-held", Alert.Level.MEDIUM, "XIUYING_PORT", Map.of("enterpriseUscc", usccB));
        Alert forNobody = alert("gate-held", Alert.Level.HIGH, "XIUYING_PORT", Map.of());
        publish(forA);
        publish(forNobody);
        publish(forB);
        awaitDelivered(inboxA, forA.alertId(), "RAISED");
        awaitDelivered(inboxB, forB.alertId(), "RAISED");
        assertThat(bodies(inboxA)).extracting(b -> b.get("alert").get("alertId").asText()).containsExactly(forA.alertId());
        assertThat(bodies(inboxB)).extracting(b -> b.get("alert").get("alertId").asText()).containsExactly(forB.alertId());

        // Each enterprise sees its own subscription and log; the other's reads as not found
        assertThat(api.get("/v1/subscriptions", tokenB).json()).extracting(n -> n.get("id").asText())
                .containsExactly(subB.get("id").asText());
        assertThat(api.get("/v1/subscriptions/" + subA.get("id").asText(), tokenB).status()).isEqualTo(404);
        assertThat(api.get("/v1/subscriptions/" + subA.get("id").asText() + "/deliveries", tokenB).status()).isEqualTo(404);
        assertThat(api.post("/v1/subscriptions/" + subA.get("id").asText() + "/cancellation", tokenB, Map.of()).status())
                .isEqualTo(404);
        // the inbox has the message once the webhook answered; the delivery row is marked right after that answer
        assertThat(Api.await(java.time.Duration.ofSeconds(10), () -> {
            String status = api.get("/v1/subscriptions/" + subA.get("id").asText() + "/deliveries", tokenA).json()
                    .get(0).get("status").asText();
            return "DELIVERED".equals(status) ? status : null;
        })).isEqualTo("DELIVERED");
        // An enterprise cannot subscribe for another; officers outside the platform's operators cannot subscribe at all
        Api.Reply forOther = api.post("/v1/subscriptions", tokenB, Map.of("subscriberKind", "ENTERPRISE",
                "subscriberId", usccA, "name", "冒名", "channel", "WEBHOOK", "target", inbox(inboxB)));
        assertThat(forOther.status()).isEqualTo(403);
        assertThat(forOther.json().get("code").asText()).isEqualTo("SUBSCRIBER_NOT_ALLOWED");
        assertThat(api.get("/v1/subscriptions", customs).status()).isEqualTo(403);
        String traveller = tokens.user("youke", "traveler").mint();
        assertThat(api.post("/v1/subscriptions", traveller, Map.of("name", "x", "channel", "SMS",
                "target", "13800138000")).status()).isEqualTo(403);

        // Cancelled: no further deliveries are queued; cancelling again is a conflict
        assertThat(api.post("/v1/subscriptions/" + subA.get("id").asText() + "/cancellation", tokenA, Map.of()).json()
                .get("status").asText()).isEqualTo("CANCELLED");
        assertThat(api.post("/v1/subscriptions/" + subA.get("id").asText() + "/cancellation", tokenA, Map.of()).status())
                .isEqualTo(409);
        Alert later = alert("gate-held", Alert.Level.MEDIUM, "XIUYING_PORT", Map.of("enterpriseUscc", usccA));
        Alert laterB = alert("gate-held", Alert.Level.MEDIUM, "XIUYING_PORT", Map.of("enterpriseUscc", usccB));
        publish(later);
        publish(laterB);
        awaitDelivered(inboxB, laterB.alertId(), "RAISED");
        assertThat(api.get("/v1/subscriptions/" + subA.get("id").asText() + "/deliveries", tokenA).json())
                .extracting(d -> d.get("alertId").asText()).doesNotContain(later.alertId());
    }

    @Test
    void smsGoesSealedThroughTheProvincialSmsPlatform() {
        String partner = unique("duty");
        JsonNode subscription = subscribe(operator, Map.of("subscriberKind", "PARTNER", "subscriberId", partner,
                "name", "港口值班手机", "channel", "SMS", "target", "13907560123", "minLevel", "HIGH"));
        Alert alert = alert("ais-off", Alert.Level.CRITICAL, "XINHAI_PORT", Map.of());
        publish(alert);
        awaitDelivery(subscription.get("id").asText(), alert.alertId(), "DELIVERED");
        HaiyibanCaseBook sms = SIMULATORS.context().getBean(HaiyibanCaseBook.class);
        assertThat(sms.notices()).anySatisfy(n -> {
            assertThat(n.channel()).isEqualTo("SMS");
            assertThat(n.recipient()).isEqualTo("13907560123");
            assertThat(n.content()).contains("禁航区");
        });
    }

    @Test
    void emailGoesSealedThroughTheMailGatewayAndABouncedMailboxIsRefusedForGood() {
        String partner = unique("mail");
        JsonNode subscription = subscribe(operator, Map.of("subscriberKind", "PARTNER", "subscriberId", partner,
                "name", "港口值班邮箱", "channel", "EMAIL", "target", "duty-" + partner + "@xinhai-port.cn",
                "minLevel", "HIGH"));
        JsonNode bouncing = subscribe(operator, Map.of("subscriberKind", "PARTNER", "subscriberId", partner,
                "name", "已停用邮箱", "channel", "EMAIL", "target", "gone@bounce.example", "minLevel", "HIGH"));
        Alert alert = alert("ais-off", Alert.Level.CRITICAL, "XINHAI_PORT", Map.of());
        publish(alert);
        awaitDelivery(subscription.get("id").asText(), alert.alertId(), "DELIVERED");
        MailGatewaySimulator gateway = SIMULATORS.context().getBean(MailGatewaySimulator.class);
        assertThat(gateway.received()).anySatisfy(m -> {
            assertThat(m.recipient()).isEqualTo("duty-" + partner + "@xinhai-port.cn");
            assertThat(m.subject()).contains("禁航区");
            assertThat(m.body()).contains(alert.alertId());
        });
        JsonNode refused = awaitDelivery(bouncing.get("id").asText(), alert.alertId(), "REFUSED");
        assertThat(refused.toString()).contains("MAILBOX_UNAVAILABLE");
        assertThat(gateway.received()).noneSatisfy(m -> assertThat(m.recipient()).isEqualTo("gone@bounce.example"));

        Api.Reply bad = api.post("/v1/subscriptions", operator, Map.of("subscriberKind", "PARTNER",
                "subscriberId", partner, "name", "坏邮箱", "channel", "EMAIL", "target", "duty at xinhai-port"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("messageZh").asText()).contains("电子邮箱");
    }

    @Test
    void badSubscriptionsAreRefusedAndChangeNothing() {
        int before = api.get("/v1/subscriptions", operator).json().size();
        List<Map<String, Object>> bad = List.of(
                Map.of("subscriberKind", "PARTNER", "subscriberId", "p1", "name", "ftp", "channel", "WEBHOOK",
                        "target", "ftp://example.com/x"),
                Map.of("subscriberKind", "PARTNER", "subscriberId", "p1", "name", "plain http", "channel", "WEBHOOK",
                        "target", "http://example.com/hook"),
                Map.of("subscriberKind", "PARTNER", "subscriberId", "p1", "name", "internal", "channel", "WEBHOOK",
                        "target", "https://10.20.30.40/hook"),
                Map.of("subscriberKind", "PARTNER", "subscriberId", "p1", "name", "sms", "channel", "SMS",
                        "target", "110"),
                Map.of("subscriberKind", "PARTNER", "subscriberId", "p1", "name", "fax", "channel", "FAX",
                        "target", "0898-1234567"),
                Map.of("subscriberKind", "PARTNER", "subscriberId", "p1", "name", "events", "channel", "SMS",
                        "target", "13800138000", "events", List.of("DELETED")),
                Map.of("subscriberKind", "SOMEONE", "subscriberId", "p1", "name", "kind", "channel", "SMS",
                        "target", "13800138000"),
                Map.of("subscriberKind", "PARTNER", "subscriberId", "p 1; drop", "name", "id", "channel", "SMS",
                        "target", "13800138000"));
        for (Map<String, Object> body : bad) {
            Api.Reply r = api.post("/v1/subscriptions", operator, body);
            assertThat(r.status()).as(body.toString()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isIn("SUBSCRIPTION_INVALID", "WEBHOOK_TARGET_REFUSED");
            assertThat(r.json().get("detail").asText()).isNotBlank();
        }
        assertThat(api.get("/v1/subscriptions", operator).json().size()).isEqualTo(before);
    }

    @Test
    void aSubscriberRefusalIsFinalAndAnEndlessOutageEndsFailed() throws Exception {
        String refusing = unique("gone");
        String down = unique("down");
        subscribers().behave(refusing, new WebhookSubscriberSimulator.Behaviour(0, true));
        subscribers().behave(down, new WebhookSubscriberSimulator.Behaviour(100, false));
        String refusingId = subscribe(operator, Map.of("subscriberKind", "PARTNER", "subscriberId", refusing,
                "name", "已停用的系统", "channel", "WEBHOOK", "target", inbox(refusing))).get("id").asText();
        String downId = subscribe(operator, Map.of("subscriberKind", "PARTNER", "subscriberId", down,
                "name", "宕机的系统", "channel", "WEBHOOK", "target", inbox(down))).get("id").asText();
        Alert alert = alert("loitering", Alert.Level.MEDIUM, null, new HashMap<>());
        publish(alert);

        JsonNode refused = awaitDelivery(refusingId, alert.alertId(), "REFUSED");
        assertThat(refused.get("attempts").asInt()).isEqualTo(1);
        assertThat(refused.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(410);
        JsonNode failed = awaitDelivery(downId, alert.alertId(), "FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3); // hnsw.subscriptions.max-attempts in the tests
        assertThat(failed.get("lastError").asText()).contains("BUSY");

        // The subscriber checks the platform's signature: a forged notice is refused
        int forgedBefore = subscribers().refusedSignatures();
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(inbox(refusing)))
                .header("Content-Type", "application/json").header("X-HNSW-Delivery-Id", UUID.randomUUID().toString())
                .header("X-HNSW-Timestamp", Instant.now().toString()).header("X-HNSW-Key-Id", "hnsw-platform")
                .header("X-HNSW-Signature", java.util.Base64.getEncoder().encodeToString(new byte[64]))
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"RAISED\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(subscribers().refusedSignatures()).isEqualTo(forgedBefore + 1);
    }
}
