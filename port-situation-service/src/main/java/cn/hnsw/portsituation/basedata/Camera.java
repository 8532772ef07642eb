package cn.hnsw.portsituation.basedata;

import java.time.Instant;
import java.util.UUID;

/**
 * 摄像机 — a high-point (高点) or low-point (低点) camera of a port, as base data.
 *
 * @param highCameraCode for a low-point camera, the high-point camera it is paired with (高低点对应关系); null for a
 *                       high-point camera
 * @param streamUrl      where the video platform takes its stream (rtsp, rtmp, http(s)); never with credentials
 * @param status         {@code DRAFT} until an operator confirms it ({@code CONFIRMED}); an edit makes it a draft again
 */
public record Camera(UUID id, String code, String nameZh, String nameEn, String kind, String portCode, double latitude,
                     double longitude, String highCameraCode, String streamUrl, String status, String confirmedBy,
                     Instant confirmedAt, String updatedBy, Instant updatedAt) {
}
