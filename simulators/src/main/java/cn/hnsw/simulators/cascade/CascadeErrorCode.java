package cn.hnsw.simulators.cascade;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the subordinate face-capture platform simulator. */
public enum CascadeErrorCode implements EnumErrorCode {
    CASCADE_UNREACHABLE(HttpStatus.SERVICE_UNAVAILABLE, "下级人脸抓拍平台模拟器已切换为不可达",
            "The subordinate face-capture platform simulator is switched unreachable");

    private final ErrorText text;

    CascadeErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
