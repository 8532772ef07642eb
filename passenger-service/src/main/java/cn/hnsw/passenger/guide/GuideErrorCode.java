package cn.hnsw.passenger.guide;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals about guides and their attachments. */
public enum GuideErrorCode implements EnumErrorCode {
    GUIDE_INVALID(HttpStatus.BAD_REQUEST, "指引内容未通过校验", "The guide failed validation"),
    GUIDE_NOT_FOUND(HttpStatus.NOT_FOUND, "指引不存在", "No such guide"),
    ATTACHMENT_INVALID(HttpStatus.BAD_REQUEST, "附件不合法：{0}", "The attachment is not accepted: {0}"),
    ATTACHMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "附件不存在", "No such attachment"),
    STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "文件存储暂不可用", "File storage is unavailable");

    private final ErrorText text;

    GuideErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
