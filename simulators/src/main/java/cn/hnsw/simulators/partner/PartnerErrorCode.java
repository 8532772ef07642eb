package cn.hnsw.simulators.partner;

import cn.hnsw.common.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals about the registry of simulated partners. */
public enum PartnerErrorCode implements ErrorCode {
    PARTNER_NOT_FOUND(HttpStatus.NOT_FOUND, "没有编号为 {0} 的合作方模拟器", "There is no partner simulator with id {0}");

    private final HttpStatus status;
    private final String messageZh;
    private final String messageEn;

    PartnerErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.status = status;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageZh() {
        return messageZh;
    }

    @Override
    public String messageEn() {
        return messageEn;
    }
}
