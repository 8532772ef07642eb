package cn.hnsw.customs.screen;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the screen configuration, each with a Chinese and an English message. */
public enum ScreenErrorCode implements EnumErrorCode {
    SCREEN_FIELD_UNKNOWN(HttpStatus.BAD_REQUEST, "“{1}”不是{0}的字段", "{1} is not a field of section {0}"),
    SCREEN_SECTION_INVALID(HttpStatus.BAD_REQUEST, "{0}界面没有“{1}”区域", "The {0} screen has no section {1}"),
    SCREEN_CONFIG_INVALID(HttpStatus.BAD_REQUEST, "界面配置无效：{0}", "Invalid screen configuration: {0}"),
    SCREEN_FIELD_DUPLICATE(HttpStatus.CONFLICT, "“{1}”已在{0}中", "{1} is in section {0} already"),
    SCREEN_FIELD_NOT_FOUND(HttpStatus.NOT_FOUND, "“{1}”不在{0}中", "{1} is not in section {0}"),
    SCREEN_CONFIG_NOT_FOUND(HttpStatus.NOT_FOUND, "该界面尚无配置", "The screen has no configuration"),
    SCREEN_CONFIG_VERSION_CONFLICT(HttpStatus.CONFLICT, "界面配置已被他人修改，请刷新后重试",
            "The screen configuration was changed by someone else; reload and retry"),
    SCREEN_REQUIRED_FIELD_MISSING(HttpStatus.BAD_REQUEST, "录入界面配置要求填写：{0}",
            "The entry screen configuration requires: {0}");

    private final ErrorText text;

    ScreenErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
