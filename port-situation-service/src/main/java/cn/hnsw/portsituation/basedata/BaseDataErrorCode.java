package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of base-data maintenance. */
public enum BaseDataErrorCode implements EnumErrorCode {
    CAMERA_NOT_FOUND(HttpStatus.NOT_FOUND, "摄像机 {0} 不存在", "Camera {0} does not exist"),
    CAMERA_INVALID(HttpStatus.BAD_REQUEST, "摄像机信息无效：{0}", "The camera is invalid: {0}"),
    CAMERA_CODE_TAKEN(HttpStatus.CONFLICT, "摄像机编号 {0} 已存在", "Camera code {0} is already taken"),
    CAMERA_IN_USE(HttpStatus.CONFLICT, "高点摄像机 {0} 仍有对应的低点摄像机，不能删除",
            "High-point camera {0} still has low-point cameras paired with it"),
    CAMERA_IMPORT_INVALID(HttpStatus.BAD_REQUEST, "导入文件有误，未导入任何数据：{0}",
            "The import file has errors; nothing was imported: {0}");

    private final ErrorText text;

    BaseDataErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
