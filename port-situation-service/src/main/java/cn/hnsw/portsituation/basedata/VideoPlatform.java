package cn.hnsw.portsituation.basedata;

import java.time.Instant;
import java.util.UUID;

/**
 * 联网平台 — a networked video platform that the ports' cameras are reached through and whose streams are transcoded
 * for the browser. A GB/T 28181 platform carries its 20-digit device code.
 */
public record VideoPlatform(UUID id, String code, String nameZh, String nameEn, Protocol protocol, String host,
                            int port, String gbDeviceId, String portCode, boolean enabled, String updatedBy,
                            Instant updatedAt) {

    /** How the platform is reached. */
    public enum Protocol { GB28181, RTSP, ONVIF, HLS }
}
