package cn.hnsw.portsituation.facility;

import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 设施监测 over the real Kafka and PostgreSQL: heartbeats register a facility online, a fault raises one alert on the
 * shared alerts topic and a repair closes the incident with its time to repair, silence makes a facility offline until
 * its next heartbeat, redelivered events change nothing, and reports of unknown kinds are dropped.
 */
class FacilityMonitoringIT extends PortSituationIT {

    @Autowired
    OutboxPublisher outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    FacilityMonitor monitor;
    @Autowired
    JdbcTemplate jdbc;

    String report(String code, String kind, String signal, String reason, Integer timeout, Instant at) {
        // keyed by the facility, as publishers must: the reports of one facility stay in order
        String key = code;
        tx.executeWithoutResult(s -> outbox.publish(FacilityStatusReported.TOPIC, "Facility", key,
                FacilityStatusReported.TOPIC, new FacilityStatusReported(code, kind, "XIUYING_PORT",
                        "秀英港" + code, signal, reason, timeout, at, "test")));
        return key;
    }

    JsonNode facility(String code, String status) {
        return Api.await(Duration.ofSeconds(30), () -> {
            for (JsonNode f : api.get("/v1/facilities?portCode=XIUYING_PORT&size=200", maritime).json().get("content")) {
                if (f.get("code").asText().equals(code) && f.get("status").asText().equals(status)) {
                    return f;
                }
            }
            return null;
        });
    }

    JsonNode alert(String type, String code) {
        return Api.await(Duration.ofSeconds(30), () -> {
            for (JsonNode a : api.get("/v1/alerts?type=" + type + "&portCode=XIUYING_PORT&size=200", customs).json()
                    .get("content")) {
                if (a.get("attributes").path("facilityCode").asText().equals(code)) {
                    return a;
                }
            }
            return null;
        });
    }

    @Test
    void anOfficerAcknowledgingTheFaultAlertGivesTheFaultResponseTimeBesideTheTimeToRepair() {
        String camera = "XY-CAM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Instant t0 = Instant.now().minusSeconds(1200);
        report(camera, "CAMERA", "HEARTBEAT", null, 3600, t0);
        facility(camera, "ONLINE");
        Instant faultAt = t0.plusSeconds(60);
        report(camera, "CAMERA", "FAULT", "视频信号丢失", null, faultAt);
        facility(camera, "FAULT");
        String alertId = alert("facility-fault", camera).get("alertId").asText();

        // not yet responded: no response time; an enterprise may not respond and changes nothing
        JsonNode open = api.get("/v1/facilities/" + camera + "/incidents", customs).json().get(0);
        assertThat(open.hasNonNull("respondedAt")).isFalse();
        assertThat(open.hasNonNull("minutesToRespond")).isFalse();
        String enterprise = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
        assertThat(api.post("/v1/alerts/" + alertId + "/acknowledgement", enterprise, Map.of()).status())
                .isEqualTo(403);
        assertThat(api.get("/v1/facilities/" + camera + "/incidents", customs).json().get(0)
                .hasNonNull("respondedAt")).isFalse();

        // the customs officer acknowledges the alert: the first response, some 19 minutes after the fault
        Instant before = Instant.now();
        Api.await(Duration.ofSeconds(30), () -> api.post("/v1/alerts/" + alertId + "/acknowledgement", customs,
                Map.of()).status() == 200 ? true : null);
        Instant after = Instant.now();
        JsonNode responded = api.get("/v1/facilities/" + camera + "/incidents", customs).json().get(0);
        assertThat(responded.get("respondedBy").asText()).isEqualTo("lijun");
        assertThat(responded.hasNonNull("repairedAt")).isFalse();
        assertThat(responded.get("minutesToRespond").asDouble()).isBetween(
                Math.floor(Duration.between(faultAt, before).toSeconds() / 6.0) / 10,
                Math.ceil(Duration.between(faultAt, after).toSeconds() / 6.0) / 10);

        // repaired 45 minutes after the fault: both times side by side
        report(camera, "CAMERA", "RECOVERED", null, null, faultAt.plusSeconds(45 * 60));
        facility(camera, "ONLINE");
        JsonNode closed = api.get("/v1/facilities/" + camera + "/incidents", customs).json().get(0);
        assertThat(closed.get("minutesToRepair").asDouble()).isEqualTo(45.0);
        assertThat(closed.get("minutesToRespond").asDouble()).isEqualTo(responded.get("minutesToRespond").asDouble());

        JsonNode cameras = null;
        for (JsonNode row : api.get("/v1/facilities/summary?portCode=XIUYING_PORT", maritime).json()) {
            if (row.get("kind").asText().equals("CAMERA")) {
                cameras = row;
            }
        }
        assertThat(cameras).isNotNull();
        assertThat(cameras.get("responded").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(cameras.hasNonNull("meanMinutesToRespond")).isTrue();
    }

    @Test
    void camerasThatNameTheirAreaGiveTheOnlineRatePerGateInspectionAndStorageArea() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Instant t0 = Instant.now().minusSeconds(300);
        String gateArea1 = "XY-CAM-GA1-" + tag;
        String gateArea2 = "XY-CAM-GA2-" + tag;
        String inspection = "XY-CAM-IA-" + tag;
        String storage = "XY-CAM-SA-" + tag;
        for (String[] c : new String[][] {{gateArea1, "GATE_AREA"}, {gateArea2, "GATE_AREA"},
                {inspection, "INSPECTION_AREA"}, {storage, "STORAGE_AREA"}}) {
            tx.executeWithoutResult(s -> outbox.publish(FacilityStatusReported.TOPIC, "Facility", c[0],
                    FacilityStatusReported.TOPIC, new FacilityStatusReported(c[0], "CAMERA", "XIUYING_PORT",
                            "秀英港" + c[0], "HEARTBEAT", null, 3600, t0, "test", c[1])));
        }
        // a report naming an area no port has is dropped: the facility is not registered
        String bad = "XY-CAM-BAD-" + tag;
        tx.executeWithoutResult(s -> outbox.publish(FacilityStatusReported.TOPIC, "Facility", bad,
                FacilityStatusReported.TOPIC, new FacilityStatusReported(bad, "CAMERA", "XIUYING_PORT", "秀英港" + bad,
                        "HEARTBEAT", null, 3600, t0, "test", "ROOF")));
        facility(gateArea1, "ONLINE");
        facility(inspection, "ONLINE");
        facility(storage, "ONLINE");
        report(storage, "CAMERA", "FAULT", "存储满", null, t0.plusSeconds(30));
        facility(storage, "FAULT");
        report(gateArea2, "CAMERA", "FAULT", "镜头遮挡", null, t0.plusSeconds(30));
        facility(gateArea2, "FAULT");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM facility WHERE code = ?", Long.class, bad)).isZero();
        // the fault report named no area: the area said before is kept
        assertThat(jdbc.queryForObject("SELECT area FROM facility WHERE code = ?", String.class, gateArea2))
                .isEqualTo("GATE_AREA");

        for (String area : new String[] {"GATE_AREA", "INSPECTION_AREA", "STORAGE_AREA"}) {
            Map<String, Object> c = jdbc.queryForMap("SELECT count(*) AS total, count(*) FILTER (WHERE status = 'ONLINE')"
                    + " AS online FROM facility WHERE port_code = 'XIUYING_PORT' AND kind = 'CAMERA' AND area = ?", area);
            double expected = Math.round(10_000.0 * ((Number) c.get("online")).longValue()
                    / ((Number) c.get("total")).longValue()) / 100.0;
            JsonNode values = api.get("/v1/monitoring/kpi/indicators/FAC_CAMERA_ONLINE_RATE_" + area
                    + "/values?portCode=XIUYING_PORT", customs).json();
            assertThat(values.get("ports").get(0).get("value").asDouble()).as(area).isEqualTo(expected);
            assertThat(expected).as(area).isEqualTo(switch (area) { case "GATE_AREA" -> 50.0; case "STORAGE_AREA" -> 0.0; default -> 100.0; });
        }
        String enterprise = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
        assertThat(api.get("/v1/monitoring/kpi/indicators/FAC_CAMERA_ONLINE_RATE_GATE_AREA/values", enterprise)
                .status()).isEqualTo(403);
    }

    @Test
    void aFaultRaisesOneAlertAndItsRepairGivesTheTimeToRepair() {
        String gate = "XY-GATE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Instant t0 = Instant.now().minusSeconds(600);
        report(gate, "GATE", "HEARTBEAT", null, 3600, t0);
        assertThat(facility(gate, "ONLINE").get("kind").asText()).isEqualTo("GATE");

        report(gate, "GATE", "FAULT", "道闸电机过热", null, t0.plusSeconds(60));
        report(gate, "GATE", "FAULT", "道闸电机过热", null, t0.plusSeconds(90));
        JsonNode faulty = facility(gate, "FAULT");
        assertThat(faulty.get("faultReason").asText()).isEqualTo("道闸电机过热");
        JsonNode alert = alert("facility-fault", gate);
        assertThat(alert.get("level").asText()).isEqualTo("HIGH");
        assertThat(alert.get("titleZh").asText()).contains("道闸电机过热");

        // a heartbeat does not end a fault; the repair does, 25 minutes after it began
        report(gate, "GATE", "HEARTBEAT", null, null, t0.plusSeconds(120));
        report(gate, "GATE", "RECOVERED", null, null, t0.plusSeconds(60 + 25 * 60));
        facility(gate, "ONLINE");
        JsonNode incidents = api.get("/v1/facilities/" + gate + "/incidents", customs).json();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("kind").asText()).isEqualTo("FAULT");
        assertThat(incidents.get(0).get("minutesToRepair").asDouble()).isEqualTo(25.0);
        assertThat(api.get("/v1/alerts?type=facility-fault&portCode=XIUYING_PORT&size=200", customs).json()
                .get("content").findValuesAsText("facilityCode").stream().filter(gate::equals).count()).isEqualTo(1);

        JsonNode summary = api.get("/v1/facilities/summary?portCode=XIUYING_PORT", maritime).json();
        JsonNode gates = null;
        for (JsonNode row : summary) {
            if (row.get("kind").asText().equals("GATE")) {
                gates = row;
            }
        }
        assertThat(gates).isNotNull();
        assertThat(gates.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(gates.get("repaired").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(gates.get("meanMinutesToRepair").isNull()).isFalse();
        assertThat(gates.get("faults").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(gates.get("onlineRate").asDouble()).isBetween(0.0, 1.0);
        String enterprise = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
        assertThat(api.get("/v1/facilities/summary", enterprise).status()).isEqualTo(403);
    }

    @Test
    void aSilentFacilityGoesOfflineOnceAndComesBackWithItsNextHeartbeat() {
        String sensor = "XY-SENSOR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        report(sensor, "SENSOR", "HEARTBEAT", null, 10, Instant.now().minusSeconds(120));
        facility(sensor, "ONLINE");
        monitor.sweep();
        monitor.sweep();
        facility(sensor, "OFFLINE");
        assertThat(alert("facility-offline", sensor).get("level").asText()).isEqualTo("MEDIUM");

        report(sensor, "SENSOR", "HEARTBEAT", null, null, Instant.now());
        facility(sensor, "ONLINE");
        JsonNode incidents = api.get("/v1/facilities/" + sensor + "/incidents", customs).json();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("kind").asText()).isEqualTo("OFFLINE");
        assertThat(incidents.get(0).get("repairedAt").isNull()).isFalse();

        // a report of an unknown kind registers nothing
        String bogus = "XY-ROBOT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        report(bogus, "ROBOT", "HEARTBEAT", null, null, Instant.now());
        report(sensor, "SENSOR", "HEARTBEAT", null, null, Instant.now());
        Api.await(Duration.ofSeconds(30), () -> api.get("/v1/facilities?kind=SENSOR&portCode=XIUYING_PORT&size=200",
                customs).json().get("content").findValuesAsText("lastHeartbeatAt").isEmpty() ? null : true);
        assertThat(api.get("/v1/facilities?portCode=XIUYING_PORT&size=200", customs).json().get("content")
                .findValuesAsText("code")).doesNotContain(bogus);
    }
}
