package cn.hnsw.simulators.partner;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals about the registry of simulated partners. */
public enum PartnerErrorCode implements EnumErrorCode {
    PARTNER_NOT_FOUND(HttpStatus.NOT_FOUND, "没有编号为 {0} 的合作方模拟器", "There is no partner simulator with id {0}");

    private final ErrorText text;

    PartnerErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
