package cn.hnsw.video.alertmode;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.common.events.Alert;
import cn.hnsw.testsupport.embedded.SharedInfrastructure;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.alert.AlertService;
import cn.hnsw.video.alert.WatchlistHitRepository.WatchlistHit;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 风险预警模式的应用 on the real path: an alert raised at a level takes the enabled mode of that level (its channels
 * recorded on the alert and carried in the published alert: screen and sound flags, SMS as a requested channel); an
 * alert left unhandled past the mode's escalation minutes is escalated once (record and event on Kafka through the
 * outbox), a handled one never, and two checks running at once escalate an alert only once.
 */
@ServiceIntegrationTest
class AlertModeDeliveryIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AlertService alerts;
    @Autowired
    AlertEscalation escalation;
    @Autowired
    TransactionTemplate tx;

    final TestTokens tokens = TestTokens.issuer();
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    private String raise(UUID taskId, String officer) {
        String alertId = "VA-" + UUID.randomUUID();
        WatchlistHit hit = new WatchlistHit(UUID.randomUUID(), alertId, taskId, null, null, null, 0.05, Instant.now(),
                "snapshots/" + alertId + ".jpg", List.of(officer), "RAISED", null, null, null, null, "琼A12345");
        Alert alert = new Alert(alertId, "video-analytics-service", "risk-vehicle-hit", Alert.Level.CRITICAL, null,
                null, List.of(officer), "风险车辆预警 " + tag, "Risk vehicle alert " + tag, Instant.now(), null, null,
                Map.of("taskId", taskId.toString()));
        tx.executeWithoutResult(s -> alerts.raise(hit, alert));
        return alertId;
    }

    private void setRaisedBack(String alertId, int minutes) {
        jdbc.update("UPDATE watchlist_hit SET raised_at = now() - make_interval(mins => ?) WHERE alert_id = ?",
                minutes, alertId);
    }

    private int escalations(String alertId) {
        return jdbc.queryForObject("SELECT count(*) FROM risk_alert_escalation WHERE alert_id = ?", Integer.class,
                alertId);
    }

    @Test
    void anAlertTakesItsLevelsModeAndIsEscalatedOnceWhenLeftUnhandled() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = tokens.user("zhao." + tag, "platform-admin").mint();
        String bound = "zhang." + tag;
        String officer = tokens.user(bound, "customs-officer").organization("/haikou-customs-" + tag).mint();
        String otherOfficer = tokens.user("wang." + tag, "customs-officer").organization("/haikou-customs-" + tag)
                .mint();

        Reply mode = api.post("/risk-alert-modes", admin, Map.of("code", "CRIT-" + tag, "nameZh", "特急预警 " + tag,
                "nameEn", "Critical " + tag, "alertLevel", "CRITICAL", "channels", List.of("SCREEN", "SOUND", "SMS"),
                "escalateMinutes", 1));
        assertThat(mode.status()).as(mode.body().toString()).isEqualTo(201);
        Reply task = api.post("/watchlist-tasks", officer, Map.of("name", "风险车辆布控" + tag, "kind", "RISK_VEHICLE",
                "officers", List.of(bound), "instruction", "拦截检查车辆",
                "targets", List.of(Map.of("plateNumber", "琼A·12345", "label", "涉私车辆" + tag))));
        assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
        UUID taskId = UUID.fromString(task.text("id"));

        try (KafkaConsumer<String, String> consumer = consumer(AlertEscalation.TOPIC)) {
            String unhandled = raise(taskId, bound);
            String handled = raise(taskId, bound);

            // the mode's channels on the alert: the bound officer (and an administrator) read them, others do not
            Reply delivery = api.get("/alerts/" + unhandled + "/delivery", officer);
            assertThat(delivery.status()).as(delivery.body().toString()).isEqualTo(200);
            assertThat(delivery.text("alertMode")).isEqualTo("CRIT-" + tag);
            assertThat(delivery.body().get("screen").asBoolean()).isTrue();
            assertThat(delivery.body().get("sound").asBoolean()).isTrue();
            assertThat(delivery.body().get("requestedChannels").toString()).isEqualTo("[\"SMS\"]");
            assertThat(delivery.body().get("escalateMinutes").asInt()).isEqualTo(1);
            assertThat(delivery.body().hasNonNull("escalatedAt")).isFalse();
            assertThat(api.get("/alerts/" + unhandled + "/delivery", admin).status()).isEqualTo(200);
            Reply denied = api.get("/alerts/" + unhandled + "/delivery", otherOfficer);
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.text("code")).isEqualTo("NOT_BOUND_OFFICER");
            JsonNode published = ApiClient.JSON.readTree(jdbc.queryForObject(
                    "SELECT envelope::text FROM event_outbox WHERE aggregate_id = ? AND topic = ?", String.class,
                    unhandled, Alert.TOPIC));
            JsonNode attributes = (published.has("data") ? published.get("data") : published).get("attributes");
            assertThat(attributes.get("sound").asText()).isEqualTo("true");
            assertThat(attributes.get("screen").asText()).isEqualTo("true");
            assertThat(attributes.get("requestedChannels").asText()).isEqualTo("SMS");

            // before its time nothing is escalated
            escalation.escalateDue();
            assertThat(escalations(unhandled)).isZero();

            // one is handled, both were raised two minutes ago: only the unhandled one is escalated, and only once
            Reply handling = api.post("/alerts/" + handled + "/handling", officer,
                    Map.of("result", "INTERCEPTED", "note", "已拦截"));
            assertThat(handling.status()).as(handling.body().toString()).isEqualTo(200);
            setRaisedBack(unhandled, 2);
            setRaisedBack(handled, 2);
            escalation.escalateDue();
            escalation.escalateDue();
            assertThat(escalations(unhandled)).isEqualTo(1);
            assertThat(escalations(handled)).isZero();
            assertThat(api.get("/alerts/" + unhandled + "/delivery", officer).body().hasNonNull("escalatedAt")).isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id = ? AND topic = ?",
                    Integer.class, unhandled, AlertEscalation.TOPIC)).isEqualTo(1);

            // the escalation reaches Kafka with its alert, level and minutes
            JsonNode event = await(consumer, unhandled);
            assertThat(event.get("level").asText()).isEqualTo("CRITICAL");
            assertThat(event.get("escalateMinutes").asInt()).isEqualTo(1);
            assertThat(event.get("recipients").get(0).asText()).isEqualTo(bound);

            // two instances checking at once: the alert is escalated by one of them only
            String raced = raise(taskId, bound);
            setRaisedBack(raced, 3);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> runs = List.of(escalation::escalateDue, escalation::escalateDue);
                List<Future<Integer>> results = new ArrayList<>(pool.invokeAll(runs));
                for (Future<Integer> f : results) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(escalations(raced)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id = ? AND topic = ?",
                    Integer.class, raced, AlertEscalation.TOPIC)).isEqualTo(1);
        } finally {
            // the mode is this test's own: later alerts of the level are not escalated by it
            jdbc.update("UPDATE risk_alert_mode SET enabled = false WHERE code = ?", "CRIT-" + tag);
        }
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "video-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static JsonNode await(KafkaConsumer<String, String> consumer, String alertId) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                JsonNode event = ApiClient.JSON.readTree(r.value());
                if (alertId.equals(event.path("data").path("alertId").asText())) {
                    assertThat(r.key()).isEqualTo(alertId);
                    return event.get("data");
                }
            }
        }
        throw new AssertionError("escalation of " + alertId + " not published on " + AlertEscalation.TOPIC);
    }
}
