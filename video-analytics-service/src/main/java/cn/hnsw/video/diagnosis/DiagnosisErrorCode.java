package cn.hnsw.video.diagnosis;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of diagnosis standard types (诊断标准类型与阈值). */
public enum DiagnosisErrorCode implements EnumErrorCode {
    STANDARD_TYPE_NOT_FOUND(HttpStatus.NOT_FOUND, "诊断标准类型不存在：{0}", "Diagnosis standard type not found: {0}"),
    STANDARD_TYPE_CODE_TAKEN(HttpStatus.CONFLICT, "诊断标准类型编码已存在：{0}", "Diagnosis standard type code already in use: {0}"),
    STANDARD_TYPE_BUILTIN(HttpStatus.CONFLICT, "内置诊断标准类型不能删除：{0}", "A built-in diagnosis standard type cannot be deleted: {0}"),
    STANDARD_TYPE_IN_USE(HttpStatus.CONFLICT, "诊断标准类型正被 {1} 个诊断任务使用，不能删除：{0}", "The diagnosis standard type is used by {1} diagnosis task(s) and cannot be deleted: {0}"),
    FAULT_UNKNOWN(HttpStatus.BAD_REQUEST, "未知的诊断项：{0}", "Unknown diagnosis fault: {0}"),
    TYPE_THRESHOLD_EXISTS(HttpStatus.CONFLICT, "该类型已设置此诊断项阈值（请修改）：{0}", "The type already sets a threshold for this fault (modify it instead): {0}"),
    TYPE_THRESHOLD_NOT_FOUND(HttpStatus.NOT_FOUND, "该类型未设置此诊断项阈值：{0}", "The type sets no threshold for this fault: {0}"),
    THRESHOLDS_INCONSISTENT(HttpStatus.BAD_REQUEST, "阈值不一致：{0}", "Inconsistent thresholds: {0}");

    private final ErrorText text;

    DiagnosisErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
