package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A port's inspection-site statistics, annual design capacity and flow-line base images through the real API,
 * PostgreSQL and S3 store: kept by operators with validation and a before/after history, read by officers, refused to
 * officers of another port, the images checked by type and size, replaced (the old object removed) and served back.
 */
class PortSitesIT extends PortSituationIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectStorage storage;

    static byte[] image(int w, int h, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(ThreadLocalRandom.current().nextInt(0xFFFFFF)));
        g.drawLine(0, h / 2, w, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    static Map<String, Object> figures(Object... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("vehicleInspectionAreaM2", 12500.5, "vehicleDepartureAreaM2", 30000,
                "truckInspectionAreaM2", 8200, "truckDepartureAreaM2", 15000.25, "designVehiclesPerYear", 2_400_000,
                "designPassengersPerYear", 12_000_000, "designCargoTonnesPerYear", 5_000_000, "remark", "新海港一期"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    long changes(String port) {
        return jdbc.queryForObject("SELECT count(*) FROM port_site_info_change WHERE port_code = ?", Long.class, port);
    }

    static void invalid(Api.Reply r, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(code.endsWith("NOT_FOUND") ? 404 : 400);
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("messageZh").asText()).isNotBlank();
        assertThat(r.json().get("messageEn").asText()).isNotBlank();
    }

    @Test
    void siteStatisticsAndDesignCapacityAreKeptWithHistoryValidatedAndReadByOfficers() {
        Instant from = Instant.now().minusSeconds(5);
        long before = changes("MACUN_PORT");
        Api.Reply saved = api.put("/v1/base-data/port-sites/MACUN_PORT", operator, figures());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode s = saved.json();
        assertThat(s.get("vehicleInspectionAreaM2").decimalValue()).isEqualByComparingTo("12500.5");
        assertThat(s.get("truckDepartureAreaM2").decimalValue()).isEqualByComparingTo("15000.25");
        assertThat(s.get("designVehiclesPerYear").asLong()).isEqualTo(2_400_000);
        assertThat(s.get("updatedBy").asText()).isEqualTo("xingzhiyuan");
        int version = s.get("version").asInt();

        Api.Reply changed = api.put("/v1/base-data/port-sites/MACUN_PORT", operator,
                figures("truckInspectionAreaM2", 9000, "designCargoTonnesPerYear", null));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(version + 1);
        assertThat(changed.json().path("designCargoTonnesPerYear").isNumber()).isFalse();
        assertThat(changes("MACUN_PORT")).isEqualTo(before + 2);
        JsonNode history = api.get("/v1/base-data/port-sites/MACUN_PORT/changes", maritime).json();
        assertThat(history.get(0).get("version").asInt()).isEqualTo(version + 1);
        assertThat(history.get(0).get("before").get("truckInspectionAreaM2").decimalValue()).isEqualByComparingTo("8200");
        assertThat(history.get(0).get("after").get("truckInspectionAreaM2").decimalValue()).isEqualByComparingTo("9000");
        assertThat(history.get(0).get("before").get("designCargoTonnesPerYear").asLong()).isEqualTo(5_000_000);
        assertThat(history.get(0).get("after").path("designCargoTonnesPerYear").isNumber()).isFalse();
        assertThat(history.get(0).get("changedBy").asText()).isEqualTo("xingzhiyuan");

        // officers read: one port, and every port in the ports' order
        JsonNode read = api.get("/v1/base-data/port-sites/MACUN_PORT", customs).json();
        assertThat(read.get("truckInspectionAreaM2").decimalValue()).isEqualByComparingTo("9000");
        assertThat(read.get("portNameZh").asText()).isEqualTo("马村港");
        JsonNode all = api.get("/v1/base-data/port-sites", maritime).json();
        assertThat(all.findValuesAsText("portCode")).contains("MACUN_PORT", "XINHAI_PORT", "MEILAN_AIRPORT");

        // bad input: refused with zh/en, nothing changed
        invalid(api.put("/v1/base-data/port-sites/MACUN_PORT", operator, figures("vehicleInspectionAreaM2", -1)),
                "PORT_SITE_INVALID");
        invalid(api.put("/v1/base-data/port-sites/MACUN_PORT", operator, figures("truckDepartureAreaM2", 1.234)),
                "PORT_SITE_INVALID");
        invalid(api.put("/v1/base-data/port-sites/MACUN_PORT", operator, figures("designPassengersPerYear", -5)),
                "PORT_SITE_INVALID");
        invalid(api.put("/v1/base-data/port-sites/NOWHERE_PORT", operator, figures()), "PORT_NOT_FOUND");
        assertThat(changes("MACUN_PORT")).isEqualTo(before + 2);
        assertThat(api.get("/v1/base-data/port-sites/MACUN_PORT", customs).json().get("version").asInt())
                .isEqualTo(version + 1);
        // officers do not maintain base data
        assertThat(api.put("/v1/base-data/port-sites/MACUN_PORT", customs, figures()).status()).isEqualTo(403);
        assertThat(api.put("/v1/base-data/port-sites/MACUN_PORT", maritime, figures()).status()).isEqualTo(403);
        assertThat(changes("MACUN_PORT")).isEqualTo(before + 2);

        // the changes and the refusals are in the operation log
        for (String[] expected : List.of(new String[] {"MACUN_PORT", "SUCCESS"}, new String[] {"NOWHERE_PORT", "FAILURE"})) {
            JsonNode op = Api.await(Duration.ofSeconds(15), () -> {
                for (JsonNode e : api.get("/v1/base-data/operation-logs?actor=xingzhiyuan&size=200&from=" + from, operator)
                        .json().get("content")) {
                    if (e.get("action").asText().contains("/base-data/port-sites/")
                            && expected[0].equals(e.path("businessId").asText())
                            && expected[1].equals(e.path("result").asText())) {
                        return e;
                    }
                }
                return null;
            });
            assertThat(op.get("action").asText()).startsWith("PUT");
        }
    }

    @Test
    void flowImagesAreUploadedCheckedReplacedServedAndScopedByPort() throws Exception {
        byte[] png = image(640, 360, "png");
        Api.Reply up = api.postRaw("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/TRUCK", operator, "image/png", png);
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("width").asInt()).isEqualTo(640);
        assertThat(up.json().get("height").asInt()).isEqualTo(360);
        assertThat(up.json().get("contentType").asText()).isEqualTo("image/png");
        String firstKey = jdbc.queryForObject(
                "SELECT object_key FROM port_flow_image WHERE port_code = 'QINGLAN_PORT' AND flow = 'TRUCK'", String.class);
        assertThat(storage.exists(PortSiteService.BUCKET, firstKey)).isTrue();

        Api.Reply served = api.get("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/TRUCK", customs);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(png);
        assertThat(api.get("/v1/base-data/port-sites/QINGLAN_PORT", customs).json().get("flowImages")
                .findValuesAsText("flow")).contains("TRUCK");

        // replaced by a JPEG: served instead, the old object removed from storage
        byte[] jpeg = image(800, 600, "jpeg");
        Api.Reply replaced = api.postRaw("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/TRUCK", operator,
                "image/jpeg", jpeg);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(201);
        assertThat(replaced.json().get("width").asInt()).isEqualTo(800);
        assertThat(api.get("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/TRUCK", maritime).bytes()).isEqualTo(jpeg);
        assertThat(storage.exists(PortSiteService.BUCKET, firstKey)).isFalse();

        // checked before anything is stored: type, bytes that are not what the type says, size, flow, port
        long objects = jdbc.queryForObject("SELECT count(*) FROM port_flow_image", Long.class);
        invalid(api.postRaw("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/PASSENGER", operator, "text/plain",
                "not an image".getBytes()), "FLOW_IMAGE_INVALID");
        invalid(api.postRaw("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/PASSENGER", operator, "image/jpeg",
                png), "FLOW_IMAGE_INVALID");
        invalid(api.postRaw("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/PASSENGER", operator, "image/png",
                "\u0089PNG\r\n\u001a\n garbage".getBytes()), "FLOW_IMAGE_INVALID");
        byte[] big = new byte[(int) PortSiteService.MAX_IMAGE_BYTES + 1];
        System.arraycopy(png, 0, big, 0, png.length);
        invalid(api.postRaw("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/PASSENGER", operator, "image/png", big),
                "FLOW_IMAGE_INVALID");
        invalid(api.postRaw("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/BICYCLE", operator, "image/png", png),
                "FLOW_IMAGE_INVALID");
        invalid(api.postRaw("/v1/base-data/port-sites/NOWHERE_PORT/flow-images/TRUCK", operator, "image/png", png),
                "PORT_NOT_FOUND");
        invalid(api.get("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/PASSENGER", customs), "FLOW_IMAGE_NOT_FOUND");
        assertThat(api.postRaw("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/PASSENGER", customs, "image/png", png)
                .status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM port_flow_image", Long.class)).isEqualTo(objects);

        // an officer registered as a port user of Xinhai: Xinhai's only
        Api.Reply xinhai = api.postRaw("/v1/base-data/port-sites/XINHAI_PORT/flow-images/PASSENGER_VEHICLE", operator,
                "image/png", png);
        assertThat(xinhai.status()).as(xinhai.body()).isEqualTo(201);
        String username = "xhsite" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officer = tokens.user(username, "customs-officer").organization("/海口海关").mint();
        String opName = "xhsiteop" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String portOperator = tokens.user(opName, "sw-operator").mint();
        List<String> ids = new ArrayList<>();
        for (String u : List.of(username, opName)) {
            Api.Reply r = api.post("/v1/base-data/port-users", operator, PortAdminIT.body("code", u,
                    "nameZh", "新海港值班员", "orgCode", "XINHAI_DUTY", "roles", List.of("DUTY_OFFICER")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.add(r.json().get("id").asText());
        }
        try {
            assertThat(api.get("/v1/base-data/port-sites/XINHAI_PORT/flow-images/PASSENGER_VEHICLE", officer).bytes())
                    .isEqualTo(png);
            assertThat(PortScopeIT.ports(api.get("/v1/base-data/port-sites", officer).json()))
                    .containsExactly("XINHAI_PORT");
            PortScopeIT.refused(api.get("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/TRUCK", officer));
            PortScopeIT.refused(api.get("/v1/base-data/port-sites/QINGLAN_PORT", officer));
            PortScopeIT.refused(api.get("/v1/base-data/port-sites?portCode=QINGLAN_PORT", officer));
            PortScopeIT.refused(api.get("/v1/base-data/port-sites/QINGLAN_PORT/changes", officer));
            // an operator limited to Xinhai keeps Xinhai's, not another port's
            PortScopeIT.refused(api.postRaw("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/TRUCK", portOperator,
                    "image/png", png));
            PortScopeIT.refused(api.put("/v1/base-data/port-sites/QINGLAN_PORT", portOperator, figures()));
            PortScopeIT.refused(api.delete("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/TRUCK", portOperator));
            assertThat(api.get("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/TRUCK", customs).bytes())
                    .isEqualTo(jpeg);
        } finally {
            for (String id : ids) {
                api.delete("/v1/base-data/port-users/" + id, operator);
            }
        }

        // removed: gone from the page and from storage
        String key = jdbc.queryForObject(
                "SELECT object_key FROM port_flow_image WHERE port_code = 'QINGLAN_PORT' AND flow = 'TRUCK'", String.class);
        assertThat(api.delete("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/TRUCK", operator).status())
                .isEqualTo(204);
        assertThat(storage.exists(PortSiteService.BUCKET, key)).isFalse();
        invalid(api.get("/v1/base-data/port-sites/QINGLAN_PORT/flow-images/TRUCK", customs), "FLOW_IMAGE_NOT_FOUND");
        api.delete("/v1/base-data/port-sites/XINHAI_PORT/flow-images/PASSENGER_VEHICLE", operator);
    }
}
