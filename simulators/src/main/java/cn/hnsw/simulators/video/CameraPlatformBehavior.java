package cn.hnsw.simulators.video;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import cn.hnsw.simulators.video.SimulatedCameraFleet.Device;
import cn.hnsw.simulators.video.SimulatedCameraFleet.DistributionPoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 视频联网平台模拟器 — answers the platform's sealed queries of the networked video platform: the device catalogue
 * ({@code DEVICE_CATALOG_QUERY}: distribution points and cameras with the URL of each camera's stream) and the health
 * report ({@code DEVICE_STATUS_QUERY}). Streams are served by {@link CameraStreamController} as HTTP motion JPEG, which
 * FFmpeg reads like an IP camera's HTTP stream (non-standard access; GB/T 28181 SIP signalling is not simulated).
 */
@Component
@Order(100)
public class CameraPlatformBehavior implements PartnerBehavior {

    private static final Logger log = LoggerFactory.getLogger(CameraPlatformBehavior.class);

    private final SimulatedCameraFleet fleet;
    private final ObjectMapper json;
    private final String streamBaseUrl;
    private final String apiBase;
    private final Environment environment;

    public CameraPlatformBehavior(SimulatedCameraFleet fleet, ObjectMapper json,
                                  @Value("${hnsw.simulators.video.stream-base-url:}") String streamBaseUrl,
                                  @Value("${hnsw.api.base}") String apiBase, Environment environment) {
        this.fleet = fleet;
        this.json = json;
        this.streamBaseUrl = streamBaseUrl;
        this.apiBase = apiBase;
        this.environment = environment;
    }

    @Override
    public boolean handles(Partner partner) {
        return partner.kind() == PartnerKind.CAMERA;
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        JsonNode message;
        try {
            message = json.readTree(request.payload());
        } catch (Exception e) {
            throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, "camera platform message is not JSON");
        }
        String type = message.path("messageType").asText();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("receiptKind", "BUSINESS");
        answer.put("simulator", true);
        answer.put("partnerNameZh", request.partner().nameZh());
        answer.put("reportedAt", Instant.now().toString());
        switch (type) {
            case "DEVICE_CATALOG_QUERY" -> {
                List<Map<String, Object>> points = new ArrayList<>();
                for (DistributionPoint p : fleet.points()) {
                    points.add(Map.of("code", p.code(), "nameZh", p.nameZh(), "nameEn", p.nameEn(),
                            "portCode", p.portCode(), "capacity", p.capacity()));
                }
                List<Map<String, Object>> devices = new ArrayList<>();
                String base = streamBase();
                for (Device d : fleet.devices()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("deviceCode", d.code());
                    e.put("nameZh", d.nameZh());
                    e.put("nameEn", d.nameEn());
                    e.put("cameraType", d.cameraType());
                    e.put("protocol", "NON_STANDARD");
                    e.put("streamUrl", base + "/" + d.code());
                    e.put("portCode", d.portCode());
                    e.put("location", d.location());
                    e.put("latitude", d.latitude());
                    e.put("longitude", d.longitude());
                    e.put("distributionPoint", d.distributionPoint());
                    devices.add(e);
                }
                answer.put("distributionPoints", points);
                answer.put("devices", devices);
            }
            case "DEVICE_STATUS_QUERY" -> answer.put("statuses", fleet.statusReport());
            default -> throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, "unknown camera platform message type");
        }
        log.info("event=simulator-camera-platform partner={} messageType={}", request.partner().id(), type);
        try {
            return new PartnerReply(json.writeValueAsBytes(answer), "camera-platform " + type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where streams are served: configured, or this simulator on the loopback port it listens on. */
    private String streamBase() {
        String base = streamBaseUrl == null || streamBaseUrl.isBlank()
                ? "http://127.0.0.1:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8090")) + apiBase
                : streamBaseUrl;
        return base + "/v1/public/camera-streams";
    }
}
