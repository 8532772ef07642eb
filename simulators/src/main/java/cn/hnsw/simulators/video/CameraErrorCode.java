package cn.hnsw.simulators.video;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the simulated networked video platform and population registry. */
public enum CameraErrorCode implements EnumErrorCode {
    DEVICE_NOT_FOUND(HttpStatus.NOT_FOUND, "视频联网平台模拟器中没有设备 {0}", "The video platform simulator has no device {0}"),
    STREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "设备 {0} 或其分发点不在线，无法取流",
            "Device {0} or its distribution point is not online: no stream"),
    REGISTRY_UNREACHABLE(HttpStatus.SERVICE_UNAVAILABLE, "人口信息源模拟器已切换为不可达",
            "The population registry simulator is switched unreachable");

    private final ErrorText text;

    CameraErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
