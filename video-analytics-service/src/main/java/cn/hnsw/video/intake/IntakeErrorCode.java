package cn.hnsw.video.intake;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of face data intake (智能设备对接: cleansing and conversion rules, collection, cascade links). */
public enum IntakeErrorCode implements EnumErrorCode {
    RULE_NOT_FOUND(HttpStatus.NOT_FOUND, "人脸数据清洗/转换规则不存在：{0}", "Face data cleansing/conversion rule not found: {0}"),
    RULE_INVALID(HttpStatus.BAD_REQUEST, "人脸数据清洗/转换规则无效：{0}", "Invalid face data cleansing/conversion rule: {0}"),
    BATCH_EMPTY(HttpStatus.BAD_REQUEST, "采集批次为空或超过 200 条", "The collected batch is empty or holds more than 200 records"),
    BATCH_NOT_FOUND(HttpStatus.NOT_FOUND, "采集批次不存在：{0}", "Collection batch not found: {0}"),
    LINK_NOT_FOUND(HttpStatus.NOT_FOUND, "级联接入不存在：{0}", "Cascade link not found: {0}"),
    LINK_CODE_TAKEN(HttpStatus.CONFLICT, "级联接入编码已存在：{0}", "Cascade link code already in use: {0}"),
    LINK_DISABLED(HttpStatus.CONFLICT, "级联接入已停用：{0}", "The cascade link is disabled: {0}"),
    CASCADE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "下级平台暂不可用：{0}", "The subordinate platform is unavailable: {0}"),
    OPERATION_INVALID(HttpStatus.BAD_REQUEST, "级联数据操作无效：{0}（可选 ADD、UPDATE、DELETE，新增和修改须带数据项）", "Invalid cascade data operation: {0} (ADD, UPDATE or DELETE; adding and updating need fields)"),
    SUBSCRIPTION_NOT_FOUND(HttpStatus.NOT_FOUND, "比对订阅不存在：{0}", "Comparison subscription not found: {0}"),
    SUBSCRIPTION_CODE_TAKEN(HttpStatus.CONFLICT, "比对订阅编码已存在：{0}", "Comparison subscription code already in use: {0}"),
    SUBSCRIPTION_INVALID(HttpStatus.BAD_REQUEST, "比对订阅设置无效：{0}", "Invalid comparison subscription: {0}"),
    SUBSCRIPTION_DISABLED(HttpStatus.CONFLICT, "比对订阅已停用：{0}", "The comparison subscription is disabled: {0}"),
    OPERATION_REFUSED(HttpStatus.CONFLICT, "下级平台拒绝了该数据操作：{0}", "The subordinate platform refused the data operation: {0}");

    private final ErrorText text;

    IntakeErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
