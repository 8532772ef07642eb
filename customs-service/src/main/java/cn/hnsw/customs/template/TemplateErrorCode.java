package cn.hnsw.customs.template;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** The refusals of initial-value and entry templates. */
public enum TemplateErrorCode implements EnumErrorCode {
    TEMPLATE_NOT_FOUND(HttpStatus.NOT_FOUND, "模版不存在", "The template does not exist"),
    TEMPLATE_NAME_TAKEN(HttpStatus.CONFLICT, "已有同名模版“{0}”", "There is a template named {0} already"),
    TEMPLATE_INVALID(HttpStatus.BAD_REQUEST, "模版无效：{0}", "Invalid template: {0}"),
    TEMPLATE_TYPE_MISMATCH(HttpStatus.BAD_REQUEST, "模版适用于“{0}”，不能用于“{1}”", "The template is for {0}, not {1}"),
    TEMPLATE_VERSION_CONFLICT(HttpStatus.CONFLICT, "模版已被他人修改，请刷新后重试", "The template was changed by someone else; reload and retry"),
    ENTERPRISE_ONLY(HttpStatus.FORBIDDEN, "仅企业用户可维护模版", "Only enterprise users keep templates");

    private final ErrorText text;

    TemplateErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
