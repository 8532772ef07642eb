package cn.hnsw.video.camera;

/** How a device or source connects (国标 / 非国标, streams, files). */
public enum DeviceProtocol {
    /** GB/T 28181 device: its media arrives as the RTSP/RTP URL the national-standard platform hands out. */
    GB28181,
    /** Vendor SDK or private protocol, reached through a URL the vendor gateway serves. */
    NON_STANDARD,
    RTSP,
    HTTP_FLV,
    HLS,
    /** A recorded file (offline video). */
    FILE
}
