package cn.hnsw.portsituation.alert;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiving side of the shared alerts topic: alerts other services publish through their outbox arrive once,
 * are pushed live to the officers who may see them, filtered, exported to Excel and handled.
 */
class AlertsIT extends PortSituationIT {

    @Autowired
    OutboxPublisher outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    /** Publishes as another service would: through its outbox onto {@link Alert#TOPIC}. */
    void publish(Alert alert) {
        tx.executeWithoutResult(s -> outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alert.alertId(), Alert.EVENT_TYPE,
                alert));
    }

    static Alert videoAlert(String id, String organization, Alert.Level level) {
        return new Alert(id, "video-analytics-service", "watchlist-hit", level, "MEILAN_AIRPORT", organization,
                List.of(), "布控人员 张某 出现在美兰机场 T2 出发大厅", "Watch-listed person seen in Meilan T2 departures",
                Instant.now().minusSeconds(5), 19.9349, 110.4590, Map.of("cameraId", "MLA-T2-031", "score", "0.93"));
    }

    JsonNode awaitAlert(String id, String token) {
        return Api.await(Duration.ofSeconds(30), () -> {
            Api.Reply r = api.get("/v1/alerts/" + id, token);
            return r.status() == 200 ? r.json() : null;
        });
    }

    @Test
    void anAlertSentTwiceIsStoredOnceAndNotified() {
        String id = "video-" + UUID.randomUUID();
        publish(videoAlert(id, null, Alert.Level.HIGH));
        publish(videoAlert(id, null, Alert.Level.HIGH));
        JsonNode alert = awaitAlert(id, customs);
        assertThat(alert.get("sourceService").asText()).isEqualTo("video-analytics-service");
        Api.await(Duration.ofSeconds(10), () -> jdbc.queryForObject(
                "SELECT count(*) FROM handled_event WHERE consumer = 'port-situation.alert-raised'"
                        + " AND event_id IN (SELECT event_id FROM event_outbox WHERE aggregate_id = ?)", Long.class, id) == 2 ? 1 : null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert WHERE alert_id = ?", Long.class, id)).isEqualTo(1);
    }

    @Test
    void officersSeeOnlyAlertsOfTheirOrganisationAndCannotHandleOthers() {
        String maritimeOnly = "maritime-" + UUID.randomUUID();
        publish(new Alert(maritimeOnly, "maritime-service", "ship-behaviour", Alert.Level.MEDIUM, "YANGPU_PORT",
                "/海南海事局", List.of(), "船舶异常停靠", "Ship stopped abnormally", Instant.now(), null, null, Map.of()));
        awaitAlert(maritimeOnly, maritime);
        assertThat(api.get("/v1/alerts/" + maritimeOnly, customs).status()).isEqualTo(403);
        assertThat(api.post("/v1/alerts/" + maritimeOnly + "/acknowledgement", customs, Map.of()).status()).isEqualTo(403);
        JsonNode customsList = api.get("/v1/alerts?size=200&sourceService=maritime-service", customs).json();
        assertThat(customsList.findValuesAsText("alertId")).doesNotContain(maritimeOnly);
        assertThat(api.get("/v1/alerts/" + maritimeOnly, operator).status()).isEqualTo(200);
        String traveler = tokens.user("wangfang", "traveler").mint();
        assertThat(api.get("/v1/alerts", traveler).status()).isEqualTo(403);
    }

    @Test
    void alertsAreFilteredCountedAndExportedToExcel() throws Exception {
        String id = "video-" + UUID.randomUUID();
        publish(videoAlert(id, null, Alert.Level.CRITICAL));
        awaitAlert(id, customs);
        JsonNode critical = api.get("/v1/alerts?level=CRITICAL&type=watchlist-hit&portCode=MEILAN_AIRPORT&size=200",
                customs).json();
        assertThat(critical.findValuesAsText("alertId")).contains(id);
        assertThat(critical.get("content").findValuesAsText("level")).containsOnly("CRITICAL");
        JsonNode future = api.get("/v1/alerts?from=" + Instant.now().plusSeconds(3600), customs).json();
        assertThat(future.get("totalElements").asLong()).isZero();
        Api.Reply badRange = api.get("/v1/alerts?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", customs);
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.json().get("code").asText()).isEqualTo("ALERT_FILTER_INVALID");

        JsonNode stats = api.get("/v1/alerts/statistics?portCode=MEILAN_AIRPORT", customs).json();
        assertThat(stats.get("byType").findValuesAsText("key")).contains("watchlist-hit");
        assertThat(stats.get("byDay").size()).isGreaterThan(0);
        assertThat(stats.get("total").asLong()).isGreaterThan(0);

        Api.Reply export = api.get("/v1/alerts/export?level=CRITICAL", customs);
        assertThat(export.status()).isEqualTo(200);
        try (InputStream in = new ByteArrayInputStream(export.bytes()); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            try (Stream<Row> rows = wb.getFirstSheet().openStream()) {
                List<Row> all = rows.toList();
                assertThat(all.getFirst().getCellText(0)).contains("预警编号");
                assertThat(all.stream().map(r -> r.getCellText(0))).contains(id);
                assertThat(all.stream().skip(1).map(r -> r.getCellText(3))).containsOnly("CRITICAL");
            }
        }
    }

    @Test
    void aNewAlertIsPushedLiveToTheBrowserStream() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url("/v1/live")))
                .header("Authorization", "Bearer " + customs).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        String id = "video-" + UUID.randomUUID();
        CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                String event = null;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && "alert".equals(event) && line.contains(id)) {
                        return line;
                    }
                }
                return null;
            } catch (Exception e) {
                return null;
            }
        });
        Thread.sleep(300);
        publish(videoAlert(id, null, Alert.Level.HIGH));
        String data = seen.get(30, TimeUnit.SECONDS);
        assertThat(data).contains("\"titleZh\":\"布控人员");
        response.body().close();
        String anonymous = String.valueOf(http.send(HttpRequest.newBuilder(URI.create(api.url("/v1/live"))).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertThat(anonymous).isEqualTo("401");
    }
}
