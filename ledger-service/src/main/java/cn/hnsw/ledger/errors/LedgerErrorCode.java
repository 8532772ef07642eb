package cn.hnsw.ledger.errors;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Stable refusal codes of the ledger service, with Chinese and English messages. */
public enum LedgerErrorCode implements EnumErrorCode {
    DOCUMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "单证 {0} 不存在", "Document {0} does not exist"),
    DOCUMENT_TYPE_UNKNOWN(HttpStatus.BAD_REQUEST, "未知的单证类型 {0}", "Unknown document type {0}"),
    DOCUMENT_NOT_EDITABLE(HttpStatus.CONFLICT, "单证 {0} 当前状态为 {1}，不可修改", "Document {0} cannot be changed in state {1}"),
    ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "单证 {0} 当前状态为 {1}，不能执行“{2}”", "Document {0} in state {1} does not allow {2}"),
    DOCUMENT_VERSION_CONFLICT(HttpStatus.CONFLICT, "单证 {0} 已被他人修改，请刷新后重试", "Document {0} was changed by someone else; reload and retry"),
    LINE_KIND_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "单证类型 {0} 不允许 {1} 类表体", "Document type {0} has no {1} lines"),
    LINE_LINK_REQUIRED(HttpStatus.BAD_REQUEST, "第 {0} 行须关联{1}", "Line {0} must be linked to {1}"),
    LINE_LINK_INVALID(HttpStatus.BAD_REQUEST, "第 {0} 行关联的记录 {1} 不存在或不属于本企业", "Line {0} links to {1}, which does not exist or is not the enterprise's own"),
    LINE_FIELD_REQUIRED(HttpStatus.BAD_REQUEST, "第 {0} 行缺少{1}", "Line {0}: {1} is required"),
    LINE_ALREADY_LINKED(HttpStatus.CONFLICT, "第 {0} 行关联的表体已被单证 {1} 使用", "Line {0}: the linked line is already used by document {1}"),
    COMMODITY_NOT_FOUND(HttpStatus.NOT_FOUND, "备案料件成品 {0} 不存在", "Filed item {0} does not exist"),
    LINE_NOT_FOUND(HttpStatus.NOT_FOUND, "表体 {0} 不存在", "Line {0} does not exist"),
    UNIT_CONSUMPTION_INVALID(HttpStatus.BAD_REQUEST, "第 {0} 行单耗无效：净耗须大于 0，损耗率须在 0 至 100%（不含）之间",
            "Line {0}: invalid unit consumption: the net consumption must be positive and the loss rate at least 0 and below 100%"),
    BOM_ITEM_NOT_IN_SETUP(HttpStatus.BAD_REQUEST, "第 {0} 行单损耗的{1} {2} 不在本账册设立的{1}表体中",
            "Line {0}: the unit consumption names {3} {2}, which is not among the {3} lines of this ledger set-up"),
    LINE_QUANTITY_INVALID(HttpStatus.BAD_REQUEST, "第 {0} 行数量须大于 0", "Line {0}: quantity must be greater than 0"),
    DOCUMENT_HAS_NO_LINES(HttpStatus.BAD_REQUEST, "单证 {0} 没有表体，不能申报", "Document {0} has no lines and cannot be declared"),
    LOGIC_CHECK_FAILED(HttpStatus.UNPROCESSABLE_ENTITY, "海关逻辑检控未通过：{0}", "Customs logic check failed: {0}"),
    HS_CODE_UNKNOWN(HttpStatus.BAD_REQUEST, "商品编码 {0} 不在税则表中", "HS code {0} is not in the tariff table"),
    LEDGER_NOT_FOUND(HttpStatus.NOT_FOUND, "账册 {0} 不存在", "Ledger {0} does not exist"),
    LEDGER_NOT_ACTIVE(HttpStatus.CONFLICT, "账册 {0} 未生效（状态 {1}）", "Ledger {0} is not active (state {1})"),
    LEDGER_NOT_VERIFIED(HttpStatus.CONFLICT, "账册尚无海关审核通过的报核，不能申报注销 {0}", "The ledger has no write-off report (报核) approved by customs; cancellation {0} cannot be declared"),
    ISLAND_MATERIAL_NOT_RECOGNISED(HttpStatus.UNPROCESSABLE_ENTITY, "岛内自产料件登记 {0} 未通过认定校验：{1}", "Island-made material registration {0} failed the recognition check: {2}"),
    COST_SOURCE_NOT_APPROVED(HttpStatus.CONFLICT, "第 {0} 行成本关联的登记 {1} 当前为{2}，须为审核通过", "Line {0}: the registration {1} its cost links to is {3}, not approved"),
    LEDGER_REQUIRED(HttpStatus.BAD_REQUEST, "单证类型 {0} 须指定账册", "Document type {0} needs a ledger"),
    LEDGER_TYPE_MISMATCH(HttpStatus.BAD_REQUEST, "单证类型 {0} 须使用{1}账册", "Document type {0} needs a {1} ledger"),
    INSUFFICIENT_STOCK(HttpStatus.CONFLICT, "料号 {0} 账册库存 {1}，不足以核减 {2}", "Item {0}: ledger stock {1} is less than the decrease {2}"),
    RECEIPT_ALREADY_APPLIED(HttpStatus.CONFLICT, "回执 {0} 已处理，不重复入账", "Receipt {0} was already applied and is not booked again"),
    RECEIPT_NOT_APPLICABLE(HttpStatus.CONFLICT, "单证 {0} 当前状态为 {1}，不能接收 {2} 回执", "Document {0} in state {1} cannot take a {2} receipt"),
    RECEIPT_INVALID(HttpStatus.BAD_REQUEST, "回执内容不完整：{0}", "Receipt is incomplete: {0}"),
    CUSTOMS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "金关二期暂时不可用，单证未申报，请稍后重试", "Golden Customs II is unavailable; the document was not declared, retry later"),
    CUSTOMS_REFUSED(HttpStatus.BAD_GATEWAY, "金关二期拒收报文：{0}", "Golden Customs II refused the message: {0}"),
    DELEGATION_NOT_FOUND(HttpStatus.NOT_FOUND, "委托备案 {0} 不存在", "Delegation {0} does not exist"),
    DELEGATION_SCOPE_DENIED(HttpStatus.FORBIDDEN, "本企业未获 {0} 委托办理{1}账册的“{2}”业务", "This enterprise holds no delegation from {0} for {2} on its {1} ledger"),
    DELEGATION_STATE(HttpStatus.CONFLICT, "委托备案 {0} 当前状态为 {1}，不能执行“{2}”", "Delegation {0} in state {1} does not allow {2}"),
    DELEGATION_SELF(HttpStatus.BAD_REQUEST, "不能委托本企业", "An enterprise cannot delegate to itself"),
    DELEGATION_SCOPE_INVALID(HttpStatus.BAD_REQUEST, "业务范围 {0} 不适用于{1}账册", "Business scope {0} does not apply to a {1} ledger"),
    ENTERPRISE_REQUIRED(HttpStatus.FORBIDDEN, "仅企业用户可办理此业务", "Only enterprise users can do this"),
    VALUE_ADDED_INPUT_INVALID(HttpStatus.BAD_REQUEST, "增值率核算数据不完整：{0}", "Value-added accounting data incomplete: {0}"),
    VALUE_ADDED_BELOW_THRESHOLD(HttpStatus.UNPROCESSABLE_ENTITY, "加工增值率 {0}% 低于 {1}%，不能申报确认码", "Value-added rate {0}% is below {1}%; the confirmation code cannot be declared"),
    EXCEL_UNREADABLE(HttpStatus.BAD_REQUEST, "无法读取 Excel 文件：{0}", "The Excel file cannot be read: {0}"),
    EXCEL_ROWS_INVALID(HttpStatus.UNPROCESSABLE_ENTITY, "Excel 中有 {0} 行错误，整个文件未导入", "{0} rows of the Excel file are wrong; nothing was imported"),
    ATTACHMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "随附单证 {0} 不存在", "Attached document {0} does not exist"),
    ATTACHMENT_INVALID(HttpStatus.BAD_REQUEST, "随附单证无效：{0}", "Attached document invalid: {0}"),
    CONSOLIDATION_INVALID(HttpStatus.CONFLICT, "出库申请 {0} 不能集中报关：{1}", "Out-of-warehouse application {0} cannot be consolidated: {1}"),
    QUALIFICATION_NOT_FOUND(HttpStatus.NOT_FOUND, "资质 {0} 不存在", "Qualification {0} does not exist"),
    QUALIFICATION_INVALID(HttpStatus.BAD_REQUEST, "资质或白名单数据无效：{0}", "Qualification or whitelist data invalid: {0}"),
    WARNING_RULE_NOT_FOUND(HttpStatus.NOT_FOUND, "预警规则 {0} 不存在", "Warning rule {0} does not exist"),
    WARNING_RULE_INVALID(HttpStatus.BAD_REQUEST, "预警规则无效：{0}", "Warning rule invalid: {0}"),
    MENU_ORDER_INVALID(HttpStatus.BAD_REQUEST, "菜单项 {0} 不存在或重复", "Menu entry {0} is unknown or repeated"),
    PRINT_FONT_MISSING(HttpStatus.SERVICE_UNAVAILABLE, "打印字体未安装，暂不能打印", "The print font is not installed; printing is unavailable"),
    NUMBERING_RULE_MISSING(HttpStatus.NOT_FOUND, "未设置 {0} 的自主编号规则", "No numbering rule for {0}"),
    NUMBERING_RULE_DISABLED(HttpStatus.CONFLICT, "{0} 的自主编号规则已停用，请先启用", "The numbering rule for {0} is switched off; enable it first"),
    NUMBERING_CLASH(HttpStatus.CONFLICT, "按编号规则生成的料号 {0} 已被本企业 {1} 使用，请调整编号规则", "Item number {0} from the numbering rule is already used by this enterprise ({1}); change the rule"),
    NUMBERING_EXHAUSTED(HttpStatus.CONFLICT, "{0} 的编号已用尽（序号 {1} 位），请调整编号规则", "Numbers for {0} are used up ({1}-digit sequence); change the rule"),
    JOINT_CHAIN_NOT_FOUND(HttpStatus.NOT_FOUND, "联合加工增值产业链 {0} 不存在", "Joint value-added chain {0} does not exist"),
    JOINT_CHAIN_INVALID(HttpStatus.BAD_REQUEST, "联合加工增值产业链备案无效：{0}", "Joint value-added chain filing invalid: {0}"),
    JOINT_CHAIN_STATE(HttpStatus.CONFLICT, "产业链 {0} 当前状态为 {1}，不能执行“{2}”", "Chain {0} in state {1} does not allow {2}"),
    JOINT_CHAIN_DECIDED(HttpStatus.CONFLICT, "本企业对产业链 {0} 已作出“{1}”决定，如需更改请先取消", "This enterprise already decided {1} on chain {0}; cancel that decision first"),
    JOINT_CHAIN_REASON_REQUIRED(HttpStatus.BAD_REQUEST, "拒绝确认须填写原因", "A refusal needs a reason"),
    JOINT_CHAIN_NOT_CONFIRMED(HttpStatus.CONFLICT, "联合加工增值产业链 {0} 未经链上全部企业确认（状态 {1}），不能用于累计码", "Joint value-added chain {0} is not confirmed by every enterprise on it (state {1}) and cannot be used for a cumulative code"),
    JOINT_CHAIN_NOT_MEMBER(HttpStatus.FORBIDDEN, "本企业不在联合加工增值产业链 {0} 上", "This enterprise is not on joint value-added chain {0}"),
    GUIDE_NOT_FOUND(HttpStatus.NOT_FOUND, "业务指引 {0} 不存在", "Guide {0} does not exist"),
    GUIDE_INVALID(HttpStatus.BAD_REQUEST, "业务指引无效：{0}", "Guide invalid: {0}"),
    EQUIPMENT_LEDGER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "海关账册信息暂时无法获取，请稍后重试", "The ledger cannot be fetched from customs just now; retry later"),
    EQUIPMENT_LEDGER_REFUSED(HttpStatus.BAD_GATEWAY, "海关拒绝账册信息查询：{0}", "Customs refused the ledger query: {0}"),
    EQUIPMENT_LEDGER_NOT_FOUND(HttpStatus.NOT_FOUND, "海关没有本企业的账册 {0}", "Customs keeps no ledger {0} of this enterprise"),
    CREDIT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "海关信用信息暂时无法获取，请稍后重试", "Credit information cannot be fetched from customs just now; retry later"),
    CREDIT_REFUSED(HttpStatus.BAD_GATEWAY, "海关拒绝信用信息查询：{0}", "Customs refused the credit query: {0}"),
    JOINT_CHAIN_RECEIPT_UNKNOWN(HttpStatus.NOT_FOUND, "回执所指产业链 {0} 不存在", "The receipt names chain {0}, which does not exist"),
    VEHICLE_CHANGE_NOT_ALLOWED(HttpStatus.CONFLICT, "单证类型 {0} 不能变更车辆信息", "Document type {0} has no vehicle information to change"),
    NOTIFICATION_SETTING_INVALID(HttpStatus.BAD_REQUEST, "通知方式配置无效：{0}", "Notification setting invalid: {1}"),
    NOTIFICATION_NOT_FOUND(HttpStatus.NOT_FOUND, "站内通知 {0} 不存在", "Notification {0} does not exist"),
    IMPORT_JOB_NOT_FOUND(HttpStatus.NOT_FOUND, "导入任务 {0} 不存在", "Import job {0} does not exist"),
    IMPORT_JOB_NOT_FAILED(HttpStatus.CONFLICT, "导入任务 {0} 当前为 {1}，没有错误报告", "Import job {0} is {1} and has no error report"),
    SIMPLIFIED_DECLARATION_NOT_FOUND(HttpStatus.NOT_FOUND, "简化申报 {0} 不存在", "Simplified declaration {0} does not exist"),
    SIMPLIFIED_DECLARATION_REQUIRED(HttpStatus.CONFLICT, "入账清单 {0} 须关联本企业本账册的简化申报：{1}", "Entry list {0} must be linked to a simplified declaration of its enterprise and ledger: {2}"),
    SIMPLIFIED_DECLARATION_BOOKED(HttpStatus.CONFLICT, "简化申报 {0} 已由入账清单 {1} 入账", "Simplified declaration {0} is already booked by entry list {1}"),
    SIMPLIFIED_ITEM_NOT_FILED(HttpStatus.CONFLICT, "简化申报 {0} 的料号 {1} 未备案，不能入账", "Simplified declaration {0}: item {1} is not filed and cannot be booked"),
    REGISTERED_QUANTITY_EXCEEDED(HttpStatus.CONFLICT, "第 {0} 行：{1} 第 {2} 项登记/备案数量 {3}，已被其他单证使用 {4}，剩余 {5}，不足 {6}",
            "Line {0}: line {2} of {1} registers {3}, of which {4} is drawn by other documents; the {5} left is less than {6}");

    private final ErrorText text;

    LedgerErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
