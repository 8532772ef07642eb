package cn.hnsw.video.themes;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of access types (接入类型) and their data items (接入数据项). */
public enum AccessTypeErrorCode implements EnumErrorCode {
    ACCESS_TYPE_NOT_FOUND(HttpStatus.NOT_FOUND, "接入类型不存在：{0}", "Access type not found: {0}"),
    ACCESS_TYPE_CODE_TAKEN(HttpStatus.CONFLICT, "接入类型编码已存在：{0}", "Access type code already in use: {0}"),
    ACCESS_TYPE_INVALID(HttpStatus.BAD_REQUEST, "接入类型设置无效：{0}", "Invalid access type: {0}"),
    ACCESS_ITEM_INVALID(HttpStatus.BAD_REQUEST, "接入数据项无效：{0}", "Invalid access data item: {0}"),
    ACCESS_TYPE_BUILTIN(HttpStatus.CONFLICT, "内置接入类型不能删除：{0}", "A built-in access type cannot be deleted: {0}"),
    ACCESS_TYPE_IN_USE(HttpStatus.CONFLICT, "接入类型仍被 {1} 个数据源使用，不能删除（可停用）：{0}", "The access type is used by {1} feed(s) and cannot be deleted (disable it instead): {0}"),
    ACCESS_TYPE_DISABLED(HttpStatus.CONFLICT, "接入类型已停用：{0}", "The access type is disabled: {0}"),
    ACCESS_TYPE_MISMATCH(HttpStatus.BAD_REQUEST, "接入类型 {0} 不适用于此处（{1}）", "Access type {0} does not fit here ({1})");

    private final ErrorText text;

    AccessTypeErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
