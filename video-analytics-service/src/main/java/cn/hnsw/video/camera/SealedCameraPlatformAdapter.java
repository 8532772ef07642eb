package cn.hnsw.video.camera;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerUnavailableException;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.support.VideoErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The camera platform over sealed messages (SM2 + SM4 through {@link PartnerClient}): {@code DEVICE_CATALOG_QUERY}
 * and {@code DEVICE_STATUS_QUERY} to partner {@code hnsw.video.camera-platform.partner-id}; the reply must be sealed by
 * that partner or it is refused. Without sealing configured (no key store) every call answers 503.
 */
@Component
public class SealedCameraPlatformAdapter implements CameraPlatformAdapter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<PartnerClient> partners;
    private final String partnerId;

    public SealedCameraPlatformAdapter(ObjectProvider<PartnerClient> partners,
            @Value("${hnsw.video.camera-platform.partner-id:camera-platform}") String partnerId) {
        this.partners = partners;
        this.partnerId = partnerId;
    }

    @Override
    public Catalog catalog() {
        JsonNode reply = ask("DEVICE_CATALOG_QUERY");
        List<PlatformPoint> points = new ArrayList<>();
        for (JsonNode p : reply.path("distributionPoints")) {
            points.add(new PlatformPoint(text(p, "code"), text(p, "nameZh"), text(p, "nameEn"), text(p, "portCode"),
                    p.hasNonNull("capacity") ? p.get("capacity").asInt() : null));
        }
        List<PlatformDevice> devices = new ArrayList<>();
        for (JsonNode d : reply.path("devices")) {
            devices.add(new PlatformDevice(text(d, "deviceCode"), text(d, "nameZh"), text(d, "nameEn"),
                    text(d, "cameraType"), text(d, "protocol"), text(d, "streamUrl"), text(d, "portCode"),
                    text(d, "location"), d.hasNonNull("latitude") ? d.get("latitude").asDouble() : null,
                    d.hasNonNull("longitude") ? d.get("longitude").asDouble() : null, text(d, "distributionPoint")));
        }
        return new Catalog(points, devices);
    }

    @Override
    public List<DeviceStatus> status() {
        JsonNode reply = ask("DEVICE_STATUS_QUERY");
        List<DeviceStatus> out = new ArrayList<>();
        for (JsonNode s : reply.path("statuses")) {
            out.add(new DeviceStatus(text(s, "deviceCode"), text(s, "kind"), text(s, "status"), text(s, "faultZh"),
                    text(s, "faultEn"), s.hasNonNull("since") ? Instant.parse(s.get("since").asText()) : null,
                    s.hasNonNull("frameRate") ? s.get("frameRate").asInt() : null,
                    s.hasNonNull("bitrateKbps") ? s.get("bitrateKbps").asInt() : null));
        }
        return out;
    }

    private JsonNode ask(String messageType) {
        PartnerClient client = partners.getIfAvailable();
        if (client == null) {
            throw new HnswException(VideoErrorCode.CAMERA_PLATFORM_UNAVAILABLE, "sealing is not configured");
        }
        try {
            byte[] payload = ("{\"messageType\":\"" + messageType + "\"}").getBytes(StandardCharsets.UTF_8);
            return JSON.readTree(client.send(partnerId, payload).payload());
        } catch (PartnerUnavailableException | PartnerRefusedException e) {
            throw new HnswException(VideoErrorCode.CAMERA_PLATFORM_UNAVAILABLE, e.getMessage());
        } catch (java.io.IOException e) {
            throw new HnswException(VideoErrorCode.CAMERA_PLATFORM_UNAVAILABLE, "reply is not JSON");
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
