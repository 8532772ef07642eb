package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the value-added pilot approval (试点审批), each in Chinese and English. */
public enum PilotErrorCode implements EnumErrorCode {
    APPLICATION_NOT_FOUND(HttpStatus.NOT_FOUND, "试点申请不存在：{0}", "No pilot application {0}"),
    APPLICATION_NOT_EDITABLE(HttpStatus.CONFLICT, "试点申请当前状态（{0}）不可修改材料",
            "The pilot application cannot be changed in its state ({0})"),
    ILLEGAL_STATUS_CHANGE(HttpStatus.CONFLICT, "试点申请不能从 {0} 变为 {1}",
            "A pilot application cannot move from {0} to {1}"),
    DOCUMENTS_MISSING(HttpStatus.UNPROCESSABLE_ENTITY, "缺少申报材料：{0}", "Documents missing: {0}"),
    DOCUMENT_TYPE_UNKNOWN(HttpStatus.BAD_REQUEST, "未知的材料类别：{0}", "Unknown document type: {0}"),
    FILE_TYPE_NOT_ALLOWED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不允许上传该类型的文件：{0}（仅限 PDF、JPG、PNG、OFD）",
            "This file type is not allowed: {0} (PDF, JPG, PNG or OFD only)"),
    FILE_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "文件超过 {0} MB 上限", "The file is larger than the {0} MB limit"),
    FILE_EMPTY(HttpStatus.BAD_REQUEST, "文件为空", "The file is empty"),
    DOCUMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "申报材料不存在：{0}", "No document {0}"),
    DOCUMENT_REVOKED(HttpStatus.CONFLICT, "申报材料已撤销", "The document has been revoked"),
    REGION_NOT_APPROVING(HttpStatus.UNPROCESSABLE_ENTITY, "{0} 不是审批市县地区", "{0} is not an approving city/county region"),
    REGION_IN_USE(HttpStatus.CONFLICT, "审批市县地区 {0} 已有试点申请，不能删除，可停用", "Region {0} has pilot applications: it cannot be deleted, only disabled"),
    ROUTING_UNIT_DUPLICATE(HttpStatus.CONFLICT, "{0} 已在该审批单位配置中", "{0} is already configured for this kind of approval"),
    ENTERPRISE_BLACKLISTED(HttpStatus.CONFLICT, "企业已列入黑名单，不能申请试点", "The enterprise is blacklisted and cannot apply"),
    ENTERPRISE_NOT_QUALIFIED(HttpStatus.CONFLICT, "企业不具备申请资格：{0}", "The enterprise is not qualified to apply: {0}"),
    NOT_YOUR_TURN(HttpStatus.CONFLICT, "当前审批环节不是您所在层级（当前：{0}）",
            "It is not your level's turn to act (current step: {0})"),
    OUT_OF_REGION(HttpStatus.FORBIDDEN, "该申请不在您单位的审批范围内", "The application is outside your unit's area"),
    TASK_NOT_FOUND(HttpStatus.NOT_FOUND, "待办任务不存在或已办结：{0}", "No open task {0}"),
    TASK_CLAIMED_BY_OTHER(HttpStatus.CONFLICT, "任务已被 {0} 签收", "The task has been claimed by {0}"),
    BLACKLIST_ENTRY_REMOVED(HttpStatus.CONFLICT, "该企业已移出黑名单，不能再编辑", "The entry has been removed from the blacklist and cannot be edited"),
    BLACKLIST_REASON_UNCHANGED(HttpStatus.UNPROCESSABLE_ENTITY, "黑名单原因没有变化", "The blacklist reason is unchanged"),
    SHARED_TASK_NOT_CLAIMABLE(HttpStatus.CONFLICT, "本环节由多个单位分别审核（会签/加签），不能由一人签收",
            "Several units review this step (countersign / extra approvers); one person cannot claim it"),
    DECISION_NOT_ALLOWED(HttpStatus.UNPROCESSABLE_ENTITY, "该环节不允许此审批结论：{0}",
            "This decision is not allowed at this step: {0}"),
    EXTRA_APPROVER_NOT_ALLOWED(HttpStatus.CONFLICT, "该环节不支持加签", "Extra approvers cannot be added at this step"),
    EXTRA_APPROVER_DUPLICATE(HttpStatus.CONFLICT, "{0} 已在本环节审批人中", "{0} is already an approver at this step"),
    UNIT_UNKNOWN(HttpStatus.UNPROCESSABLE_ENTITY, "未配置的单位：{0}", "Not a configured unit: {0}"),
    TERMINATION_NOT_ALLOWED(HttpStatus.CONFLICT, "只有已批准的试点企业可以终止退出",
            "Only an approved pilot enterprise can be terminated"),
    TERMINATION_INITIATOR(HttpStatus.FORBIDDEN, "只有市县单位或属地海关可以发起终止退出",
            "Only a city/county unit or local customs can start a termination"),
    TERMINATION_NOT_WITHDRAWABLE(HttpStatus.CONFLICT, "终止退出已有审核意见或已办结，发现记录不能撤销",
            "The termination has been decided on or has ended: its discovery record can no longer be withdrawn"),
    TERMINATION_NOT_INITIATOR(HttpStatus.FORBIDDEN, "只有发起终止退出的单位可以撤销发现记录",
            "Only the unit that started the termination may withdraw its discovery record"),
    OPINION_NOT_FOUND(HttpStatus.NOT_FOUND, "审核意见不存在：{0}", "No opinion {0}"),
    OPINION_NOT_AUTHOR(HttpStatus.FORBIDDEN, "只有填写意见的审核人可以修改意见", "Only the approver who gave an opinion may amend it"),
    OPINION_NOT_AMENDABLE(HttpStatus.CONFLICT, "下一环节已办理，意见不能再修改",
            "The next step has acted on it: the opinion can no longer be amended"),
    TERMINATION_PENDING(HttpStatus.CONFLICT, "该企业已有进行中的终止退出", "A termination is already in progress"),
    TERMINATION_NOT_FOUND(HttpStatus.NOT_FOUND, "终止退出记录不存在：{0}", "No termination case {0}"),
    CASE_NUMBERING_FAILED(HttpStatus.SERVICE_UNAVAILABLE, "海易办统一赋码暂不可用，请稍后再提交",
            "Haiyiban case numbering is unavailable; submit again later"),
    OPINION_TAMPERED(HttpStatus.CONFLICT, "审批记录与存证不一致：{0}", "The approval record does not match its anchor: {0}"),
    TEMPLATE_NOT_FOUND(HttpStatus.NOT_FOUND, "消息内容模板不存在：{0}", "No message template {0}"),
    TEMPLATE_IN_USE(HttpStatus.CONFLICT, "消息内容模板 {0} 正被消息通知配置使用，不能删除",
            "Message template {0} is used by a notification configuration and cannot be deleted"),
    TEMPLATE_PLACEHOLDER_UNKNOWN(HttpStatus.UNPROCESSABLE_ENTITY, "消息内容模板含未知占位符：{0}",
            "The message template has an unknown placeholder: {0}"),
    NOTIFICATION_EVENT_UNKNOWN(HttpStatus.NOT_FOUND, "未知的消息通知事件：{0}", "No notification event {0}"),
    ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND, "部门账号不存在：{0}", "No department account {0}"),
    ACCOUNT_DUPLICATE(HttpStatus.CONFLICT, "部门账号 {0} 已存在", "Department account {0} already exists"),
    NOTIFICATION_NOT_RESENDABLE(HttpStatus.CONFLICT, "只有发送失败的通知可以重发", "Only a failed notice can be resent");

    private final ErrorText text;

    PilotErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
