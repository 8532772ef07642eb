package cn.hnsw.customs.declaration;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** The refusals of the clearance declaration system, each with its Chinese and English message. */
public enum CustomsErrorCode implements EnumErrorCode {
    DECLARATION_NOT_FOUND(HttpStatus.NOT_FOUND, "报关单不存在", "The declaration does not exist"),
    DECLARATION_NOT_EDITABLE(HttpStatus.CONFLICT, "报关单当前状态（{0}）不可修改", "The declaration cannot be changed in its state ({0})"),
    ILLEGAL_STATUS_CHANGE(HttpStatus.CONFLICT, "报关单状态“{0}”不可变更为“{1}”", "A declaration in state {0} cannot move to {1}"),
    NOT_RESUBMITTABLE(HttpStatus.CONFLICT, "仅单一窗口拒收或海关退单的报关单可修改后重新申报（当前状态：{0}）",
            "Only a declaration the Single Window rejected or customs returned is corrected and resubmitted (state: {0})"),
    DECLARATION_MODIFIED(HttpStatus.CONFLICT, "报关单已被他人修改，请刷新后重试", "The declaration was changed by someone else; reload and retry"),
    PREVALIDATION_FAILED(HttpStatus.UNPROCESSABLE_ENTITY, "预校验未通过：{0}", "Pre-validation failed: {0}"),
    LEVY_NATURE_NOT_CONFIRMED(HttpStatus.CONFLICT, "此征免性质不适用于径予放行申报，是否继续。", "This levy nature does not apply to a direct-release declaration; continue?"),
    QUALIFICATION_MISSING(HttpStatus.FORBIDDEN, "不具备享惠企业资质", "The enterprise does not hold the zero-tariff preferential qualification"),
    NOT_ENTERPRISE_USER(HttpStatus.FORBIDDEN, "仅企业用户可录入报关单", "Only enterprise users enter declarations"),
    INVALID_DECLARATION_TYPE(HttpStatus.BAD_REQUEST, "报关单类型“{0}”无效", "Unknown declaration type {0}"),
    TOO_MANY_ITEMS(HttpStatus.BAD_REQUEST, "商品项不能超过{0}项", "A declaration holds at most {0} goods items"),
    BATCH_TOO_LARGE(HttpStatus.BAD_REQUEST, "批量申报一次最多{0}票", "A batch holds at most {0} declarations"),
    MANIFEST_NOT_FOUND(HttpStatus.NOT_FOUND, "舱单系统中未找到提运单号{0}（船名{1}，航次{2}）", "No manifest for bill of lading {0} (vessel {1}, voyage {2})"),
    MANIFEST_CHOICE_REQUIRED(HttpStatus.CONFLICT, "舱单系统中有{0}条匹配的舱单记录，请选择一条后回填", "{0} manifest records match: choose one to back-fill from"),
    MANIFEST_CHOICE_INVALID(HttpStatus.UNPROCESSABLE_ENTITY, "所选舱单记录“{0}”不在匹配的舱单记录中", "The chosen manifest record {0} is not among the matching records"),
    MANIFEST_KEYS_MISSING(HttpStatus.BAD_REQUEST, "请先填写提运单号、船名和航次号", "Enter the bill of lading, vessel and voyage first"),
    PARTNER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "合作方系统暂不可用：{0}", "The partner system is unavailable: {0}"),
    RECEIPT_UNCORRELATED(HttpStatus.NOT_FOUND, "回执无法关联到报关单（会话号{0}）", "The receipt matches no declaration (conversation {0})"),
    RECEIPT_MALFORMED(HttpStatus.BAD_REQUEST, "回执内容格式不正确", "The receipt body is not well-formed"),
    MESSAGE_NOT_FOUND(HttpStatus.NOT_FOUND, "发送记录不存在", "The outbound message does not exist"),
    MESSAGE_NOT_FAILED(HttpStatus.CONFLICT, "仅发送失败的报文可重新发送", "Only a permanently failed message can be re-driven"),
    NOT_DISTRIBUTABLE(HttpStatus.CONFLICT, "仅收到海关业务回执后方可下发至海口数据分中心", "Only a declaration with customs' business receipt is distributed to the Haikou sub-centre"),
    PARAMETER_TABLE_NOT_FOUND(HttpStatus.NOT_FOUND, "通关参数表“{0}”不存在", "Clearance parameter table {0} does not exist"),
    PARAMETER_VERSION_NOT_FOUND(HttpStatus.NOT_FOUND, "通关参数表“{0}”无版本{1}", "Clearance parameter table {0} has no version {1}"),
    PARAMETER_ENTRIES_INVALID(HttpStatus.BAD_REQUEST, "参数表条目无效：{0}", "Invalid parameter entries: {0}"),
    RULE_PARAMETER_INVALID(HttpStatus.BAD_REQUEST, "校验规则“{0}”的参数无效：{1}", "The parameter of validation rule {0} is not valid: {1}"),
    RULE_NOT_FOUND(HttpStatus.NOT_FOUND, "校验规则“{0}”不存在", "Validation rule {0} does not exist"),
    RULE_EXISTS(HttpStatus.CONFLICT, "校验规则“{0}”已存在", "Validation rule {0} exists already"),
    RULE_CODE_INVALID(HttpStatus.BAD_REQUEST, "校验规则编号“{0}”无效（大写字母、数字和连字符，3至60位）",
            "Validation rule code {0} is not valid (upper-case letters, digits and hyphens, 3 to 60)"),
    RULE_SEEDED(HttpStatus.CONFLICT, "校验规则“{0}”为系统预置规则，不可删除，可停用",
            "Validation rule {0} is a seeded rule: switch it off instead of deleting it"),
    ACTION_RULE_REFUSED(HttpStatus.CONFLICT, "按报关单{0}校验规则，“{1}”状态的报关单不能{0}", "The {2} check rule does not let a declaration in state {3} be {4}"),
    ACTION_RULE_INVALID(HttpStatus.BAD_REQUEST, "复制/删除校验规则无效：{0}", "Invalid copy/delete check rule: {0}"),
    SUPERVISION_DOCUMENT_MISSING(HttpStatus.UNPROCESSABLE_ENTITY, "第{0}项商品{1}的监管条件为“{2}”，须随附监管证件“{3}”（代码{4}），报关单未随附",
            "Item {0}: commodity {1} has licence condition {2} and needs the supervision document \"{5}\" (type {4}) attached; the declaration carries none"),
    ATTACHED_DOCUMENT_INVALID(HttpStatus.BAD_REQUEST, "随附监管证件无效：{0}", "Invalid attached supervision document: {1}"),
    SUPERVISION_CONDITION_INVALID(HttpStatus.BAD_REQUEST, "商品监管条件设置无效：{0}", "Invalid licence condition setting: {1}"),
    REMARK_FILL_INVALID(HttpStatus.BAD_REQUEST, "备注自动赋值设置无效：{0}", "Invalid remark auto-fill setting: {1}"),
    ACTION_RULE_NOT_FOUND(HttpStatus.NOT_FOUND, "未设置该复制/删除校验规则", "No such copy/delete check rule is set"),
    EXCEL_SETTING_INVALID(HttpStatus.BAD_REQUEST, "表格导入导出设置无效：{0}", "Invalid sheet import/export setting: {0}"),
    EXCEL_SETTING_NOT_FOUND(HttpStatus.NOT_FOUND, "未设置{0}的{1}校验", "No {1} check is set for {0}"),
    EXPORT_TOO_LARGE(HttpStatus.UNPROCESSABLE_ENTITY, "导出记录{0}条，超过导出校验设置的上限{1}条，请缩小查询条件", "The export holds {0} rows, more than the {1} its setting allows: narrow the conditions"),
    IMPORT_RECORD_NOT_FOUND(HttpStatus.NOT_FOUND, "导入记录不存在", "The import record does not exist"),
    IMPORT_TOO_MANY_ROWS(HttpStatus.UNPROCESSABLE_ENTITY, "导入文件有{0}行，超过导入校验设置的上限{1}行，未导入任何数据", "The file has {0} rows, more than the {1} its import setting allows; nothing was imported"),
    IMPORT_FILE_INVALID(HttpStatus.BAD_REQUEST, "导入文件不是有效的Excel（xlsx）报关单模板：{0}", "The file is not a valid Excel (xlsx) declaration template: {0}"),
    PRINT_NOT_ALLOWED(HttpStatus.CONFLICT, "按{0}打印模版，状态为“{1}”的报关单不可打印", "By the {0} print template a declaration in state {1} is not printed"),
    PRINT_TEMPLATE_INVALID(HttpStatus.BAD_REQUEST, "打印模版无效：{0}", "Invalid print template: {0}"),
    PRINT_TEMPLATE_VERSION_CONFLICT(HttpStatus.CONFLICT, "打印模版已被他人修改，请刷新后重试", "The print template was changed by someone else; reload and retry"),
    LEDGER_ELIGIBILITY_NOT_PUBLISHED(HttpStatus.NOT_FOUND, "零关税账册尚未发布企业{0}的资质与白名单", "The zero-tariff ledger has published nothing for enterprise {0}"),
    SUBCENTRE_DOCUMENT_INVALID(HttpStatus.BAD_REQUEST, "下发数据格式不正确：{0}", "The distributed document is not well-formed: {0}"),
    SUBCENTRE_RECORD_NOT_FOUND(HttpStatus.NOT_FOUND, "海口数据分中心无此报关单", "The Haikou sub-centre holds no such declaration"),
    PARAMETER_SYNC_TABLE_UNKNOWN(HttpStatus.BAD_REQUEST, "通关参数表“{0}”不存在", "There is no clearance parameter table {0}"),
    PARAMETER_SYNC_RULE_VERSION_CONFLICT(HttpStatus.CONFLICT, "自动更新规则已被他人修改，请刷新后重试",
            "The automatic-update rule was changed by someone else; reload and retry");

    private final ErrorText text;

    CustomsErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
