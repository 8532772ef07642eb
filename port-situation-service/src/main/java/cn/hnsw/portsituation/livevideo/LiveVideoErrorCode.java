package cn.hnsw.portsituation.livevideo;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the live video walls and their playback. */
public enum LiveVideoErrorCode implements EnumErrorCode {
    CAMERA_NOT_FOUND(HttpStatus.NOT_FOUND, "摄像机 {0} 不存在", "Camera {0} does not exist"),
    LINK_INVALID(HttpStatus.BAD_REQUEST, "摄像机的视频接入或监控对象无效：{0}",
            "The camera's video access or what it watches is invalid: {0}"),
    WALL_QUERY_INVALID(HttpStatus.BAD_REQUEST, "视频墙查询无效：{0}", "The video wall query is invalid: {0}"),
    NO_PLATFORM(HttpStatus.CONFLICT, "摄像机 {0} 未接入视频转码平台，无法播放实时视频",
            "Camera {0} is not registered on a video transcoding platform: no live video"),
    PLATFORM_DISABLED(HttpStatus.CONFLICT, "摄像机 {0} 所在的视频转码平台 {1} 已停用",
            "The video transcoding platform {1} of camera {0} is disabled"),
    CAMERA_OFFLINE(HttpStatus.CONFLICT, "摄像机 {0} 不在线，暂无实时视频", "Camera {0} is offline: no live video"),
    PLATFORM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "视频转码平台 {0} 暂时无法访问，请稍后重试",
            "Video transcoding platform {0} cannot be reached now; try again later"),
    PLATFORM_REFUSED(HttpStatus.BAD_GATEWAY, "视频转码平台 {0} 拒绝了实时视频请求：{1}",
            "Video transcoding platform {0} refused the live video: {1}"),
    STREAM_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "摄像机 {0} 的实时视频流无法打开：{1}",
            "The live stream of camera {0} cannot be opened: {1}"),
    PLAYBACK_INVALID(HttpStatus.FORBIDDEN, "播放地址无效或已过期，请重新打开视频",
            "The playback address is invalid or has expired; open the video again");

    private final ErrorText text;

    LiveVideoErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
