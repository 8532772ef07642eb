package cn.hnsw.portsituation.ais;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AIS through the real path: NMEA over TCP and UDP into the receiver, decoding, tracking, history in PostgreSQL,
 * warnings raised through the outbox onto the shared alerts topic (real Kafka) and back into the alert lifecycle.
 */
class AisTrackingIT extends PortSituationIT {

    @Autowired
    AisReceiver receiver;
    @Autowired
    JdbcTemplate jdbc;

    static int mmsi() {
        return 412_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    void sendTcp(List<String> lines) throws Exception {
        try (Socket s = new Socket("127.0.0.1", receiver.tcpPort())) {
            OutputStream out = s.getOutputStream();
            for (String line : lines) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            Thread.sleep(100);
        }
    }

    String createArea(String code, String kind, List<double[]> polygon, Float limit) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "nameZh", "新海港禁航区" + code,
                "nameEn", "Xinhai no-go area " + code, "kind", kind, "portCode", "XINHAI_PORT", "polygon", polygon,
                "level", "HIGH", "active", true));
        if (limit != null) {
            body.put("speedLimitKnots", limit);
        }
        Api.Reply r = api.post("/v1/ais/watch-areas", maritime, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asText();
        // a drawn area is a draft until confirmed; customs may not confirm it
        assertThat(jdbc.queryForObject("SELECT status FROM zone WHERE id = ?::uuid", String.class, id)).isEqualTo("DRAFT");
        assertThat(api.post("/v1/ais/watch-areas/" + id + "/confirmation", customs, Map.of()).status()).isEqualTo(403);
        Api.Reply confirmed = api.post("/v1/ais/watch-areas/" + id + "/confirmation", maritime, Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT status FROM zone WHERE id = ?::uuid", String.class, id))
                .isEqualTo("CONFIRMED");
        return id;
    }

    static List<double[]> square(double lat, double lon, double half) {
        return List.of(new double[] {lon - half, lat - half}, new double[] {lon + half, lat - half},
                new double[] {lon + half, lat + half}, new double[] {lon - half, lat + half});
    }

    JsonNode awaitAlert(String type, int mmsi, String token) {
        String[] last = new String[1];
        try {
            return awaitAlert(type, mmsi, token, last);
        } catch (AssertionError e) {
            throw new AssertionError("no " + type + " alert for " + mmsi + "; last list: " + last[0], e);
        }
    }

    JsonNode awaitAlert(String type, int mmsi, String token, String[] last) {
        return Api.await(Duration.ofSeconds(30), () -> {
            Api.Reply r = api.get("/v1/alerts?type=" + type + "&size=200", token);
            last[0] = r.body().length() > 3000 ? r.body().substring(0, 3000) : r.body();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            for (JsonNode a : r.json().get("content")) {
                if (a.get("attributes").path("mmsi").asText().equals(String.valueOf(mmsi))) {
                    return a;
                }
            }
            return null;
        });
    }

    @Test
    void aShipStoppedAtAXinhaiBerthIsShownWithItsBerthAndArrivalAndAMovingOneIsNot() throws Exception {
        int moored = mmsi();
        int passing = mmsi();
        String zone = "BERTHS-" + moored;
        String zoneId = createArea(zone, "ANCHORAGE", square(20.06, 110.16, 0.005), null);
        String berth = "XH-BERTH-" + moored;
        jdbc.update("""
                INSERT INTO zone_point (id, code, name_zh, name_en, zone_code, kind, latitude, longitude, status,
                    updated_by, updated_at) VALUES (?, ?, '新海港3号泊位', 'Xinhai berth 3', ?, 'BERTH', 20.0600, 110.1600,
                    'CONFIRMED', 'test', now())
                """, java.util.UUID.randomUUID(), berth, zone);
        try {
            List<String> first = new ArrayList<>(Nmea.shipAndVoyage(moored, "QIONG ZHOU 6", "BQZ6", 9734577, 60,
                    "XINHAI", 2));
            first.addAll(Nmea.position(moored, 20.07, 110.17, 3.0, 200, 0));
            sendTcp(first);
            Thread.sleep(1_200);
            sendTcp(Nmea.position(moored, 20.0601, 110.1601, 0.1, 0, 5));
            sendTcp(Nmea.position(passing, 20.05, 110.15, 12.0, 90, 0));
            JsonNode ship = Api.await(Duration.ofSeconds(30), () -> {
                for (JsonNode port : api.get("/v1/monitoring/berths?portCode=XINHAI_PORT", maritime).json()) {
                    for (JsonNode s2 : port.get("ships")) {
                        if (s2.get("mmsi").asInt() == moored && s2.hasNonNull("arrivedAt")
                                && Instant.parse(s2.get("arrivedAt").asText())
                                .isBefore(Instant.parse(s2.get("positionAt").asText()))) {
                            return s2;
                        }
                    }
                }
                return null;
            });
            assertThat(ship.get("shipName").asText()).isEqualTo("QIONG ZHOU 6");
            assertThat(ship.get("imo").asInt()).isEqualTo(9734577);
            assertThat(ship.get("berthCode").asText()).isEqualTo(berth);
            assertThat(ship.get("berthNameZh").asText()).isEqualTo("新海港3号泊位");
            JsonNode xinhai = api.get("/v1/monitoring/berths?portCode=XINHAI_PORT", maritime).json().get(0);
            assertThat(xinhai.get("code").asText()).isEqualTo("XINHAI_PORT");
            assertThat(xinhai.get("berthed").asInt()).isEqualTo(xinhai.get("ships").size());
            assertThat(xinhai.get("ships").findValuesAsText("mmsi")).doesNotContain(String.valueOf(passing));
            JsonNode all = api.get("/v1/monitoring/berths", customs).json();
            assertThat(all.findValuesAsText("kind")).containsOnly("SEAPORT");
            String enterprise = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
            assertThat(api.get("/v1/monitoring/berths", enterprise).status()).isEqualTo(403);
        } finally {
            jdbc.update("DELETE FROM zone_point WHERE code = ?", berth);
            api.delete("/v1/ais/watch-areas/" + zoneId, maritime);
        }
    }

    @Test
    void shipEnteringARestrictedAreaRaisesAnAlertThatAnOfficerAcknowledgesHandlesAndCloses() throws Exception {
        int mmsi = mmsi();
        String code = "NOGO-" + mmsi;
        createArea(code, "RESTRICTED", square(20.10, 110.10, 0.01), null);
        List<String> lines = new ArrayList<>(Nmea.shipAndVoyage(mmsi, "QIONG HAI 8", "BQHE", 9734561, 60, "HAIAN", 1));
        lines.addAll(Nmea.position(mmsi, 20.06, 110.10, 11.5, 0, 0));
        lines.addAll(Nmea.position(mmsi, 20.10, 110.10, 11.5, 0, 0));
        sendTcp(lines);

        JsonNode alert = awaitAlert("restricted-area-entry", mmsi, customs);
        assertThat(alert.get("titleZh").asText()).contains("QIONG HAI 8").contains(code);
        assertThat(alert.get("sourceService").asText()).isEqualTo("port-situation-service");
        assertThat(alert.get("attributes").get("areaCode").asText()).isEqualTo(code);
        String id = alert.get("alertId").asText();
        assertThat(Api.await(Duration.ofSeconds(10), () -> {
            String s = api.get("/v1/alerts/" + id, customs).json().get("status").asText();
            return s.equals("NOTIFIED") ? s : null;
        })).isEqualTo("NOTIFIED");

        // Latest position and static data per MMSI; history for playback.
        JsonNode vessel = Api.await(Duration.ofSeconds(10), () -> {
            Api.Reply r = api.get("/v1/ais/vessels/" + mmsi, customs);
            return r.status() == 200 && r.json().get("latitude").asDouble() > 20.09 ? r.json() : null;
        });
        assertThat(vessel.get("shipName").asText()).isEqualTo("QIONG HAI 8");
        assertThat(vessel.get("shipType").asText()).isEqualTo("PASSENGER");
        JsonNode track = Api.await(Duration.ofSeconds(10), () -> {
            JsonNode t = api.get("/v1/ais/vessels/" + mmsi + "/track?from=" + Instant.now().minusSeconds(600) + "&to="
                    + Instant.now().plusSeconds(5), customs).json();
            return t.get("points").size() == 2 ? t : null;
        });
        assertThat(track.get("points").get(1).get("latitude").asDouble()).isCloseTo(20.10,
                org.assertj.core.data.Offset.offset(0.0001));

        // Closing before handling is refused; the lifecycle goes acknowledged → handled → closed.
        Api.Reply early = api.post("/v1/alerts/" + id + "/closure", customs, Map.of("remark", "误报"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asText()).isEqualTo("ALERT_STATE_CONFLICT");
        assertThat(api.post("/v1/alerts/" + id + "/acknowledgement", customs, Map.of()).json().get("status").asText())
                .isEqualTo("ACKNOWLEDGED");
        Api.Reply noRecord = api.post("/v1/alerts/" + id + "/handling", customs, Map.of("action", "", "record", ""));
        assertThat(noRecord.status()).isEqualTo(400);
        JsonNode handled = api.post("/v1/alerts/" + id + "/handling", customs,
                Map.of("action", "派员核查", "record", "海事巡逻艇 海巡0901 到场，责令驶离禁航区")).json();
        assertThat(handled.get("status").asText()).isEqualTo("HANDLED");
        assertThat(handled.get("handledBy").asText()).isEqualTo("lijun");
        JsonNode closed = api.post("/v1/alerts/" + id + "/closure", customs, Map.of("remark", "已驶离")).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("handlingRecord").asText()).contains("海巡0901");
    }

    @Autowired
    AisPipeline pipeline;
    @Autowired
    AisHistoryRepository history;

    @Test
    void historyKeepsMissingSpeedCourseHeadingAndStatusAsMissing() throws Exception {
        // "not available" fields (null) beside given ones in one track segment: each point reads back as it came in
        int mmsi = mmsi();
        Instant t0 = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        pipeline.accept(new AisPosition(mmsi, t0, 19.5, 109.5, null, null, null, null, "it-feeder"));
        pipeline.accept(new AisPosition(mmsi, t0.plusSeconds(2), 19.6, 109.6, 7.5f, 123.4f, 300, 5, "it-feeder"));
        pipeline.accept(new AisPosition(mmsi, t0.plusSeconds(4), 19.7, 109.7, 0.0f, null, 0, null, "other-feeder"));
        assertThat(pipeline.writer().drain(Duration.ofSeconds(10))).isTrue();

        List<Map<String, Object>> points = history.track(mmsi, t0.minusSeconds(1), t0.plusSeconds(10), 10);
        assertThat(points).hasSize(3);
        assertThat(points.get(0).get("sogKnots")).isNull();
        assertThat(points.get(0).get("cogDegrees")).isNull();
        assertThat(points.get(0).get("heading")).isNull();
        assertThat(points.get(0).get("navStatus")).isNull();
        assertThat(((Number) points.get(0).get("latitude")).doubleValue()).isEqualTo(19.5);
        assertThat(((java.sql.Timestamp) points.get(0).get("at")).toInstant()).isEqualTo(t0);
        assertThat(((Number) points.get(1).get("sogKnots")).floatValue()).isEqualTo(7.5f);
        assertThat(((Number) points.get(1).get("cogDegrees")).floatValue()).isEqualTo(123.4f);
        assertThat(((Number) points.get(1).get("heading")).intValue()).isEqualTo(300);
        assertThat(points.get(1).get("navStatus")).isEqualTo("5");
        assertThat(((Number) points.get(2).get("sogKnots")).floatValue()).isEqualTo(0.0f);
        assertThat(points.get(2).get("cogDegrees")).isNull();
        assertThat(((Number) points.get(2).get("heading")).intValue()).isZero();
        assertThat(points.get(2).get("navStatus")).isNull();
        // each point keeps its feeder (the packed points index the segment's feeder names)
        List<String> feeders = new ArrayList<>();
        jdbc.query("SELECT first_at, packed, feeders FROM ais_track_segment WHERE mmsi = ? ORDER BY first_at",
                (java.sql.ResultSet rs) -> {
                    for (TrackSegmentCodec.Point p : TrackSegmentCodec.decode(rs.getBytes(2),
                            TrackSegmentCodec.pgMicros(rs.getTimestamp(1)), (String[]) rs.getArray(3).getArray())) {
                        feeders.add(p.feeder());
                    }
                }, mmsi);
        assertThat(String.join(",", feeders)).isEqualTo("it-feeder,it-feeder,other-feeder");
    }

    @Test
    void historyKeepsEveryReportInOrderAcrossTrackSegments() throws Exception {
        int mmsi = mmsi();
        int reports = 1_200; // more than one segment holds, and tens of KiB: lines straddle the receiver's reads
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            lines.addAll(Nmea.position(mmsi, 19.0 + i * 0.0001, 109.5, 6.0 + (i % 10), 45, i % 2 == 0 ? 0 : 15));
        }
        Instant from = Instant.now().minusSeconds(5);
        try (Socket s = new Socket("127.0.0.1", receiver.tcpPort())) {
            s.getOutputStream().write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        }

        JsonNode track = Api.await(Duration.ofSeconds(20), () -> {
            JsonNode t = api.get("/v1/ais/vessels/" + mmsi + "/track?from=" + from + "&to="
                    + Instant.now().plusSeconds(5), customs).json();
            return t.get("points").size() == reports ? t : null;
        });
        JsonNode points = track.get("points");
        for (int i = 0; i < reports; i++) {
            assertThat(points.get(i).get("latitude").asDouble()).as("point %d in the order sent", i)
                    .isCloseTo(19.0 + i * 0.0001, org.assertj.core.data.Offset.offset(0.00001));
            assertThat(points.get(i).get("sogKnots").asDouble()).isEqualTo(6.0 + (i % 10));
            assertThat(points.get(i).get("navStatus").asText()).isEqualTo(i % 2 == 0 ? "0" : "15");
        }
        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT count(*) AS segments, sum(points) AS points FROM ais_track_segment WHERE mmsi = ?", mmsi);
        assertThat(((Number) stored.get("points")).intValue()).isEqualTo(reports);
        assertThat(((Number) stored.get("segments")).intValue()).isGreaterThanOrEqualTo(3);

        // A window inside the track returns only its points; the vessel's position at a moment is its last fix then.
        Instant third = Instant.parse(points.get(400).get("at").asText());
        Instant twoThirds = Instant.parse(points.get(800).get("at").asText());
        JsonNode middle = api.get("/v1/ais/vessels/" + mmsi + "/track?from=" + third + "&to=" + twoThirds, customs)
                .json().get("points");
        assertThat(middle.size()).isBetween(1, reports - 1);
        for (JsonNode p : middle) {
            assertThat(Instant.parse(p.get("at").asText())).isAfterOrEqualTo(third).isBefore(twoThirds);
        }
        JsonNode positions = api.get("/v1/ais/positions?at=" + Instant.now().plusSeconds(1), customs).json();
        JsonNode here = null;
        for (JsonNode p : positions) {
            if (p.get("mmsi").asInt() == mmsi) {
                here = p;
            }
        }
        assertThat(here).isNotNull();
        assertThat(here.get("latitude").asDouble()).isCloseTo(19.0 + (reports - 1) * 0.0001,
                org.assertj.core.data.Offset.offset(0.00001));
    }

    @Test
    void malformedSentencesAreCountedAndDroppedWithoutStoppingTheStream() throws Exception {
        int mmsi = mmsi();
        String good = Nmea.position(mmsi, 19.73, 109.18, 8.0, 90, 0).getFirst();
        String badChecksum = good.substring(0, good.length() - 2) + (good.endsWith("00") ? "01" : "00");
        List<String> multi = Nmea.shipAndVoyage(mmsi, "YANG PU 1", "BQYP", 9734562, 70, "YANGPU", 7);
        long before = droppedOf("BAD_CHECKSUM") + droppedOf("GARBAGE") + droppedOf("TRUNCATED_MULTIPART");
        sendTcp(List.of(badChecksum, "\u0001\u0002 binary garbage", "!AIVDM,1,1,,A,zzzz", multi.get(0), good,
                "x".repeat(2000)));

        JsonNode vessel = Api.await(Duration.ofSeconds(10), () -> {
            Api.Reply r = api.get("/v1/ais/vessels/" + mmsi, customs);
            return r.status() == 200 ? r.json() : null;
        });
        assertThat(vessel.get("sogKnots").asDouble()).isEqualTo(8.0);
        assertThat(vessel.has("shipName")).isFalse();
        long after = droppedOf("BAD_CHECKSUM") + droppedOf("GARBAGE") + droppedOf("TRUNCATED_MULTIPART");
        assertThat(after - before).isEqualTo(5);
    }

    @Autowired
    AisScheduler scheduler;

    @Test
    void theDataReceiveLogKeepsWhatTheFeedersSentAndDroppedAndIsExported() throws Exception {
        // the periodic entry may take part of what is sent (its period starts up to a minute earlier)
        java.time.Instant from = java.time.Instant.now().minusSeconds(120);
        int mmsi = mmsi();
        String good = Nmea.position(mmsi, 19.74, 109.17, 6.0, 80, 0).getFirst();
        String badChecksum = good.substring(0, good.length() - 2) + (good.endsWith("00") ? "01" : "00");
        sendTcp(List.of(good, badChecksum, "garbage line", good));
        Api.await(Duration.ofSeconds(10), () -> api.get("/v1/ais/vessels/" + mmsi, customs).status() == 200 ? true : null);
        scheduler.logReceive();
        JsonNode page = api.get("/v1/ais/receive-logs?from=" + from, maritime).json();
        long received = 0;
        long dropped = 0;
        for (JsonNode row : page.get("content")) {
            assertThat(row.get("channel").asText()).isEqualTo("AIS");
            received += row.get("received").asLong();
            dropped += row.get("dropped").asLong();
        }
        assertThat(received).isGreaterThanOrEqualTo(4);
        assertThat(dropped).isGreaterThanOrEqualTo(2);
        Api.Reply xlsx = api.get("/v1/ais/receive-logs/export?from=" + from, maritime);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(new String(xlsx.bytes(), 0, 2)).isEqualTo("PK");
        assertThat(api.get("/v1/ais/receive-logs?from=yesterday", maritime).status()).isEqualTo(400);
        assertThat(api.get("/v1/ais/receive-logs",
                tokens.user("qiye", "enterprise-admin").enterprise("91460000MA5T000001").mint()).status()).isEqualTo(403);
    }

    long droppedOf(String reason) {
        JsonNode stats = api.get("/v1/ais/statistics", customs).json();
        long total = 0;
        for (JsonNode f : stats.get("feeders")) {
            total += f.get("dropReasons").get(reason).asLong();
        }
        return total;
    }

    @Test
    void udpDatagramsAreReceivedToo() throws Exception {
        int mmsi = mmsi();
        String lines = String.join("\r\n", Nmea.position(mmsi, 20.03, 110.28, 0.1, 0, 5)) + "\r\n";
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] data = lines.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), receiver.udpPort()));
        }
        JsonNode vessel = Api.await(Duration.ofSeconds(10), () -> {
            Api.Reply r = api.get("/v1/ais/vessels/" + mmsi, customs);
            return r.status() == 200 ? r.json() : null;
        });
        assertThat(vessel.get("navStatus").asInt()).isEqualTo(5);
    }

    @Test
    void aGapInTheFeedersLineNumbersIsAskedForAgain() throws Exception {
        int mmsi = mmsi();
        String line = Nmea.position(mmsi, 20.02, 110.20, 5, 10, 0).getFirst();
        try (Socket s = new Socket("127.0.0.1", receiver.tcpPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            for (long n : new long[] {100, 101, 105}) {
                out.write((Nmea.numbered(line, n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String request = in.readLine();
            assertThat(request).startsWith("$PHNSW,RESEND,102,104*");
        }
    }

    @Test
    void aMovingShipThatFallsSilentRaisesAisOff() throws Exception {
        int mmsi = mmsi();
        sendTcp(Nmea.position(mmsi, 20.20, 110.30, 12.0, 45, 0));
        JsonNode alert = awaitAlert("ais-off", mmsi, maritime);
        assertThat(alert.get("level").asText()).isEqualTo("HIGH");
        JsonNode vessel = api.get("/v1/ais/vessels/" + mmsi, maritime).json();
        assertThat(vessel.get("aisOff").asBoolean()).isTrue();
    }

    @Test
    void speedingInAChannelAndLoiteringOutsideAnAnchorageRaiseAlerts() throws Exception {
        int fast = mmsi();
        createArea("CH-" + fast, "CHANNEL", square(20.30, 110.40, 0.02), 12.0f);
        sendTcp(Nmea.position(fast, 20.30, 110.40, 18.5, 180, 0));
        JsonNode speeding = awaitAlert("channel-speeding", fast, maritime);
        assertThat(speeding.get("attributes").get("limitKnots").asText()).isEqualTo("12.0");

        int slow = mmsi();
        // Fixes every ~0.15 s for 4 s on one connection. The 3-s window must hold fixes spanning 90 % of it: with a
        // gap g between fixes the span inside the window is g × floor(3 / g), which falls under 2.7 s for g around
        // 0.75–0.9 s or 1.0–1.35 s (what one connection per fix plus a sleep gave on a loaded machine); with g ≤ 0.3 s
        // it is at least 2.7 s whatever the jitter.
        try (Socket s = new Socket("127.0.0.1", receiver.tcpPort())) {
            OutputStream out = s.getOutputStream();
            for (int i = 0; i < 27; i++) {
                for (String line : Nmea.position(slow, 20.40 + i * 0.00002, 110.50, 0.5, 0, 0)) {
                    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                Thread.sleep(150);
            }
        }
        JsonNode loitering = awaitAlert("loitering", slow, maritime);
        assertThat(loitering.get("titleEn").asText()).contains("loitering");
    }

    @Test
    void invalidWatchAreasAreRefusedAndOnlyOfficersMayChangeThem() {
        long before = jdbc.queryForObject("SELECT count(*) FROM zone", Long.class);
        List<double[]> bowTie = List.of(new double[] {110.0, 20.0}, new double[] {110.1, 20.1},
                new double[] {110.1, 20.0}, new double[] {110.0, 20.1});
        Api.Reply selfIntersecting = api.post("/v1/ais/watch-areas", maritime, Map.of("code", "BAD-1", "nameZh", "坏",
                "nameEn", "bad", "kind", "RESTRICTED", "polygon", bowTie, "level", "HIGH", "active", true));
        assertThat(selfIntersecting.status()).isEqualTo(400);
        assertThat(selfIntersecting.json().get("code").asText()).isEqualTo("WATCH_AREA_POLYGON_INVALID");
        Api.Reply channelWithoutLimit = api.post("/v1/ais/watch-areas", maritime, Map.of("code", "BAD-2", "nameZh",
                "坏", "nameEn", "bad", "kind", "CHANNEL", "polygon", square(20, 110, 0.01), "level", "LOW", "active", true));
        assertThat(channelWithoutLimit.json().get("code").asText()).isEqualTo("WATCH_AREA_SPEED_LIMIT_REQUIRED");
        String enterprise = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
        assertThat(api.get("/v1/ais/vessels", enterprise).status()).isEqualTo(403);
        Api.Reply byCustoms = api.post("/v1/ais/watch-areas", customs, Map.of("code", "C-1", "nameZh", "海关",
                "nameEn", "customs", "kind", "RESTRICTED", "polygon", square(20, 110, 0.01), "level", "LOW", "active", true));
        assertThat(byCustoms.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM zone", Long.class)).isEqualTo(before);
    }
}
