package cn.hnsw.passenger.declaration;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the baggage declaration pipeline. */
public enum DeclarationErrorCode implements EnumErrorCode {
    DECLARATION_INVALID(HttpStatus.BAD_REQUEST, "申报内容未通过校验", "The declaration failed validation"),
    DECLARATION_NOT_FOUND(HttpStatus.NOT_FOUND, "申报单不存在", "No such declaration"),
    DECLARATION_NOT_EDITABLE(HttpStatus.CONFLICT, "申报单当前状态（{0}）不可修改或删除",
            "The declaration cannot be changed or deleted in state {0}"),
    DECLARATION_STALE(HttpStatus.CONFLICT, "申报单已被更新，请刷新后重试",
            "The declaration was changed meanwhile; reload and try again"),
    SETTINGS_INVALID(HttpStatus.BAD_REQUEST, "校验设置不合法：{0}", "The validation settings are invalid: {0}");

    private final ErrorText text;

    DeclarationErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
