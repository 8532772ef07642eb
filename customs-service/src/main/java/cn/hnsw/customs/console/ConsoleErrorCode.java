package cn.hnsw.customs.console;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** The refusals of the enterprise access console and the open interfaces. */
public enum ConsoleErrorCode implements EnumErrorCode {
    SERVICE_UNKNOWN(HttpStatus.NOT_FOUND, "服务“{0}”不存在", "There is no service {0}"),
    SERVICE_NOT_ENABLED(HttpStatus.FORBIDDEN, "本企业未开通“{0}”，请先在企业接入服务控制台开通", "Your enterprise has not enabled {0}; enable it in the access console first"),
    SERVICE_RECORD_MISSING(HttpStatus.NOT_FOUND, "本企业没有“{0}”的开通记录", "Your enterprise has no record of {0}"),
    SERVICE_STILL_ENABLED(HttpStatus.CONFLICT, "“{0}”仍在开通状态，请先关闭再删除", "{0} is still enabled; disable it before deleting it"),
    SERVICE_ALREADY_DISABLED(HttpStatus.CONFLICT, "“{0}”已关闭", "{0} is disabled already"),
    SERVICE_SETTINGS_INVALID(HttpStatus.BAD_REQUEST, "服务配置无效：{0}", "Invalid service settings: {0}"),
    DELIVERY_NOT_FOUND(HttpStatus.NOT_FOUND, "回执推送记录不存在", "There is no such receipt delivery"),
    DELIVERY_NOT_FAILED(HttpStatus.CONFLICT, "该回执推送未失败，无需重新推送", "This receipt delivery has not failed; there is nothing to re-drive"),
    ENTERPRISE_ONLY(HttpStatus.FORBIDDEN, "仅企业用户可办理", "Only enterprise users do this");

    private final ErrorText text;

    ConsoleErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
