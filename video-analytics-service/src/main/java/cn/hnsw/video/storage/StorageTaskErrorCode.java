package cn.hnsw.video.storage;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of a storage task's settings (数据存储任务修改). */
public enum StorageTaskErrorCode implements EnumErrorCode {
    SETTING_INVALID(HttpStatus.BAD_REQUEST, "入库任务设置无效：{0}", "Invalid storage task setting: {0}"),
    TASK_BUSY(HttpStatus.CONFLICT, "入库任务正在运行，运行结束后才能修改或再次运行：{0}", "The storage task is running; change or run it again once the run has ended: {0}"),
    TASK_DISABLED(HttpStatus.CONFLICT, "入库任务已停用：{0}", "The storage task is disabled: {0}");

    private final ErrorText text;

    StorageTaskErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
