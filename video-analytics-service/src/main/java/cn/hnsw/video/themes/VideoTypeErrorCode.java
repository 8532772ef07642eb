package cn.hnsw.video.themes;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Errors of the key-person types (重点人员类型) and theme-store types (作业主题库类型). */
public enum VideoTypeErrorCode implements EnumErrorCode {
    VIDEO_TYPE_KIND_INVALID(HttpStatus.BAD_REQUEST, "类型种类无效：{0}（可选 KEY_PERSON、THEME_STORE）", "Unknown type kind: {0} (KEY_PERSON or THEME_STORE)"),
    VIDEO_TYPE_CODE_INVALID(HttpStatus.BAD_REQUEST, "类型编码无效：{0}", "Invalid type code: {0}"),
    VIDEO_TYPE_NOT_FOUND(HttpStatus.NOT_FOUND, "类型不存在：{0}", "Type not found: {0}"),
    VIDEO_TYPE_UNKNOWN(HttpStatus.BAD_REQUEST, "{0}不存在：{1}（请先在类型管理中添加）", "No such {0}: {1} (add it under type management first)"),
    VIDEO_TYPE_CODE_TAKEN(HttpStatus.CONFLICT, "类型编码已存在：{0}", "Type code already in use: {0}"),
    VIDEO_TYPE_BUILTIN(HttpStatus.CONFLICT, "内置类型不能删除：{0}", "A built-in type cannot be deleted: {0}"),
    VIDEO_TYPE_IN_USE(HttpStatus.CONFLICT, "类型仍被 {1} 条记录使用，不能删除：{0}", "The type is used by {1} record(s) and cannot be deleted: {0}");

    private final ErrorText text;

    VideoTypeErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
