package cn.hnsw.tradewindow.partner;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals when a partner system (海易办, data-sharing platform, SMS platform) cannot answer. */
public enum PartnerErrorCode implements EnumErrorCode {
    PARTNER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "{0} 暂不可用，请稍后再试", "{0} is unavailable; try again later"),
    PARTNER_REFUSED(HttpStatus.BAD_GATEWAY, "{0} 拒绝了请求：{1}", "{0} refused the request: {1}");

    private final ErrorText text;

    PartnerErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
