package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of low-slow-small aircraft reporting (低慢小航空器报送). */
public enum LowAltitudeErrorCode implements EnumErrorCode {
    SUBJECT_NOT_FOUND(HttpStatus.NOT_FOUND, "报送主体不存在：{0}", "No reporting subject {0}"),
    SUBJECT_NOT_EDITABLE(HttpStatus.CONFLICT, "报送主体当前状态（{0}）不可修改", "The reporting subject cannot be changed in its state ({0})"),
    SUBJECT_NOT_ACTIVE(HttpStatus.CONFLICT, "报送主体未提交或已撤销", "The reporting subject is not submitted or has been revoked"),
    SUBJECT_KIND_NOT_ALLOWED(HttpStatus.FORBIDDEN, "企业用户登记企业主体，个人用户登记个人主体",
            "Enterprise users register enterprise subjects, individuals individual subjects"),
    REPORT_NOT_FOUND(HttpStatus.NOT_FOUND, "报送单不存在：{0}", "No report {0}"),
    REPORT_NOT_EDITABLE(HttpStatus.CONFLICT, "报送单已申报（{0}），只能通过更正单、撤回单或补充报送单变更",
            "The report has been declared ({0}); change it only with a correction, withdrawal or supplement form"),
    ILLEGAL_REPORT_STATE(HttpStatus.CONFLICT, "报送单当前状态（{0}）不能{1}", "The report cannot {1} in its state ({0})"),
    FOLLOW_UP_NOT_ALLOWED(HttpStatus.CONFLICT, "只有审核通过且有效的原报送单可以更正、撤回或补充",
            "Only an approved, effective original report can be corrected, withdrawn or supplemented"),
    FOLLOW_UP_PENDING(HttpStatus.CONFLICT, "该报送单已有办理中的更正、撤回或补充", "A correction, withdrawal or supplement is already in progress"),
    CONTENT_INVALID(HttpStatus.BAD_REQUEST, "报送内容格式错误：{0}", "The report content is malformed: {0}"),
    WARNING_NOT_FOUND(HttpStatus.NOT_FOUND, "预警信息不存在：{0}", "No warning {0}"),
    WARNING_PROCESSED(HttpStatus.CONFLICT, "预警信息已处理", "The warning has already been processed"),
    CORRECTION_NOT_FOUND(HttpStatus.NOT_FOUND, "数据纠偏申请不存在：{0}", "No credit-data correction {0}"),
    CORRECTION_STATE(HttpStatus.CONFLICT, "数据纠偏申请当前状态（{0}）不能{1}", "The correction cannot {1} in its state ({0})"),
    CORRECTION_REASON_SHORT(HttpStatus.UNPROCESSABLE_ENTITY, "纠偏理由不少于 10 个字",
            "The reason must have at least 10 characters"),
    TEMPLATE_NOT_SUBSCRIBABLE(HttpStatus.CONFLICT, "通知模板 {0} 不可订阅或未启用", "Notice template {0} cannot be subscribed to or is disabled"),
    SESSION_IDLE_TIMEOUT(HttpStatus.UNAUTHORIZED, "登录超时（长时间未操作），请重新登录",
            "The login timed out (no activity for too long); please log in again"),
    SESSION_ENDED(HttpStatus.UNAUTHORIZED, "该登录会话已退出，请重新登录", "This login session has ended; please log in again"),
    LOGIN_SESSION_NOT_FOUND(HttpStatus.NOT_FOUND, "登录会话不存在：{0}", "No login session {0}"),
    CREDIT_RECORD_NOT_FOUND(HttpStatus.NOT_FOUND, "信用记录不存在或不属于该主体：{0}",
            "No credit record {0} of this subject"),
    NOTICE_NOT_FOUND(HttpStatus.NOT_FOUND, "公告不存在：{0}", "No notice {0}"),
    TEMPLATE_NOT_FOUND(HttpStatus.NOT_FOUND, "通知模板不存在：{0}", "No notice template {0}"),
    TEMPLATE_PARAM_UNKNOWN(HttpStatus.UNPROCESSABLE_ENTITY, "模板使用了未配置或已禁用的参数：{0}",
            "The template uses a parameter that is not configured or is disabled: {0}"),
    TEMPLATE_NO_CHANNEL(HttpStatus.UNPROCESSABLE_ENTITY, "通知模板至少选择一种提醒方式（PC端、移动端、短信）",
            "Choose at least one way of reminding (PC, mobile, SMS)"),
    TEMPLATE_PARAM_NOT_FOUND(HttpStatus.NOT_FOUND, "模板参数不存在：{0}", "No template parameter {0}"),
    TEMPLATE_PARAM_IN_USE(HttpStatus.CONFLICT, "模板参数 {0} 正被启用的模板使用：{1}",
            "Template parameter {0} is used by enabled templates: {1}"),
    PERMISSION_GROUP_NOT_FOUND(HttpStatus.NOT_FOUND, "权限组不存在：{0}", "No permission group {0}"),
    MENU_NOT_FOUND(HttpStatus.NOT_FOUND, "菜单资源不存在：{0}", "No menu resource {0}"),
    PERMISSION_IMPORT_INVALID(HttpStatus.BAD_REQUEST, "权限组数据有误：{0}", "Invalid permission group data: {0}"),
    PERMISSION_GROUP_DENIED(HttpStatus.FORBIDDEN, "您所在的权限组未授予该菜单：{0}",
            "Your permission groups do not grant this menu: {0}");

    private final ErrorText text;

    LowAltitudeErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
