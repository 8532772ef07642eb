package cn.hnsw.video.camera;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of distribution points kept by hand (视频信号分发点). */
public enum DistributionPointErrorCode implements EnumErrorCode {
    POINT_NOT_FOUND(HttpStatus.NOT_FOUND, "视频信号分发点不存在：{0}", "Distribution point not found: {0}"),
    POINT_CODE_TAKEN(HttpStatus.CONFLICT, "分发点编码已存在：{0}", "Distribution point code already in use: {0}"),
    POINT_IN_USE(HttpStatus.CONFLICT, "分发点仍有 {1} 台摄像机，不能删除：{0}", "The distribution point still serves {1} camera(s) and cannot be deleted: {0}");

    private final ErrorText text;

    DistributionPointErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
