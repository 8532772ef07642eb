package cn.hnsw.video.camera;

import java.time.Instant;
import java.util.List;

/**
 * 视频联网平台接入 — the networked video platform (camera platform) that manages the ports' cameras and media
 * distribution points. National-standard (GB/T 28181) and non-standard platforms are both reached through this
 * interface; {@link SealedCameraPlatformAdapter} speaks to one with sealed messages.
 */
public interface CameraPlatformAdapter {

    /** A media distribution point (分发点). */
    record PlatformPoint(String code, String nameZh, String nameEn, String portCode, Integer capacity) {
    }

    /** A camera as the platform lists it, with the URL its picture is read from. */
    record PlatformDevice(String deviceCode, String nameZh, String nameEn, String cameraType, String protocol,
            String streamUrl, String portCode, String location, Double latitude, Double longitude,
            String distributionPoint) {
    }

    /** The platform's catalogue. */
    record Catalog(List<PlatformPoint> points, List<PlatformDevice> devices) {
    }

    /** The health of a camera or a distribution point ({@code kind} CAMERA or DISTRIBUTION_POINT). */
    record DeviceStatus(String deviceCode, String kind, String status, String faultZh, String faultEn, Instant since,
            Integer frameRate, Integer bitrateKbps) {
    }

    Catalog catalog();

    List<DeviceStatus> status();
}
