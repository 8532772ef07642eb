package cn.hnsw.tradewindow.repair;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the repair re-entry preference (维修复运享惠). */
public enum RepairErrorCode implements EnumErrorCode {
    APPLICATION_NOT_FOUND(HttpStatus.NOT_FOUND, "享惠申请不存在：{0}", "No preference application {0}"),
    NOT_EDITABLE(HttpStatus.CONFLICT, "享惠申请当前状态（{0}）不可修改", "The application cannot be changed in its state ({0})"),
    DOCUMENT_TYPE_NOT_FOR_KIND(HttpStatus.BAD_REQUEST, "材料类别 {0} 不适用于{1}企业", "Document type {0} does not apply to {1} enterprises"),
    BUSINESS_CHECK_FAILED(HttpStatus.UNPROCESSABLE_ENTITY, "业务校核未通过：{0}", "The business check failed: {0}"),
    NOT_A_REVIEWER(HttpStatus.FORBIDDEN, "您不是该申请的主管部门或有关单位", "You are neither the competent department nor a related unit of this application"),
    ALREADY_REVIEWED(HttpStatus.CONFLICT, "本单位已出具会审意见", "Your unit has already given its opinion"),
    NOT_PENDING(HttpStatus.CONFLICT, "享惠申请当前状态（{0}）不能会审", "The application cannot be reviewed in its state ({0})"),
    CHANGE_NOT_ALLOWED(HttpStatus.CONFLICT, "只有已享惠且未被变更的申请可以提出变更", "Only an approved, current application can be changed"),
    SUPERVISION_NOT_ALLOWED(HttpStatus.FORBIDDEN, "无权登记该类监管信息", "You may not record this kind of supervision information"),
    ATTACHMENT_REVOKED(HttpStatus.CONFLICT, "会审附件已撤销", "The reviewer attachment has been revoked");

    private final ErrorText text;

    RepairErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
