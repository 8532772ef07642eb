package cn.hnsw.video.camera;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of distribution points kept by hand (视频信号分发点) and of signal distribution (视频信号分发). */
public enum DistributionPointErrorCode implements EnumErrorCode {
    POINT_NOT_FOUND(HttpStatus.NOT_FOUND, "视频信号分发点不存在：{0}", "Distribution point not found: {0}"),
    POINT_CODE_TAKEN(HttpStatus.CONFLICT, "分发点编码已存在：{0}", "Distribution point code already in use: {0}"),
    POINT_IN_USE(HttpStatus.CONFLICT, "分发点仍有 {1} 台摄像机，不能删除：{0}", "The distribution point still serves {1} camera(s) and cannot be deleted: {0}"),
    POINT_DISTRIBUTING(HttpStatus.CONFLICT, "分发点仍在分发 {1} 路信号，停止后才能删除：{0}", "The distribution point still distributes {1} signal(s); stop them before deleting it: {0}"),
    POINT_DOWN(HttpStatus.CONFLICT, "分发点状态为 {1}，不能分发信号：{0}", "The distribution point is {1} and cannot distribute a signal: {0}"),
    POINT_FULL(HttpStatus.CONFLICT, "分发点已达容量（{1} 路），不能再分发：{0}", "The distribution point is at its capacity ({1} signals): {0}"),
    CAMERA_UNKNOWN(HttpStatus.NOT_FOUND, "摄像机不存在：{0}", "Camera not found: {0}"),
    RECEIVER_INVALID(HttpStatus.BAD_REQUEST, "接收单位须为组织路径（以 / 开头）：{0}", "The receiver must be an organisation path (starting with /): {0}"),
    ALREADY_DISTRIBUTED(HttpStatus.CONFLICT, "该摄像机信号已分发给该单位：{0}", "This camera's signal is already distributed to this receiver: {0}"),
    DISTRIBUTION_NOT_FOUND(HttpStatus.NOT_FOUND, "信号分发记录不存在：{0}", "Signal distribution not found: {0}"),
    DISTRIBUTION_STOPPED(HttpStatus.CONFLICT, "信号分发已停止：{0}", "The signal distribution has stopped already: {0}"),
    DISTRIBUTION_NOT_VISIBLE(HttpStatus.FORBIDDEN, "该信号分发不属于您的单位", "This signal distribution is not for your organisation");

    private final ErrorText text;

    DistributionPointErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
