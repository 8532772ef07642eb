package cn.hnsw.customs.secondline;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** The refusals of second-line domestic sale (核注清单, 集中申报, 运抵申报, 数据订阅), each with its own message. */
public enum SecondLineErrorCode implements EnumErrorCode {
    LIST_QUERY_INVALID(HttpStatus.BAD_REQUEST, "请填写核注清单编号或申报日期范围（不超过31天）", "Give a verification list number or a declaration date range of at most 31 days"),
    LIST_SOURCE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "核注清单来源系统暂不可用：{0}", "The verification list source is unavailable: {0}"),
    LIST_NOT_FOUND(HttpStatus.NOT_FOUND, "核注清单不存在", "The verification list does not exist"),
    LIST_NOT_VALID(HttpStatus.CONFLICT, "核注清单校验未通过，不能生成报关单：{0}", "The verification list failed its checks and cannot fill a declaration: {0}"),
    LIST_EXHAUSTED(HttpStatus.CONFLICT, "核注清单已全部核扣，不能再生成报关单", "The verification list is written off completely; no declaration can be generated from it"),
    LIST_DECLARATION_TYPE_INVALID(HttpStatus.BAD_REQUEST, "核注清单只能生成二线内销或二线一般报关单，不能生成“{0}”", "A verification list fills a second-line domestic-sale or general declaration only, not {0}"),
    LIST_NOT_DOMESTIC_SALE(HttpStatus.CONFLICT, "分送集报核注清单须经集中申报，不能单独生成报关单", "A distribution list is declared through the consolidated declaration, not on its own"),
    WRITE_OFF_EXCEEDED(HttpStatus.UNPROCESSABLE_ENTITY, "第{0}项商品（{1}）申报数量{2}超过核注清单剩余可核扣数量{3}", "Item {0} ({1}) declares {2}, more than the {3} left on the verification list"),
    WRITE_OFF_NO_LINE(HttpStatus.UNPROCESSABLE_ENTITY, "第{0}项商品（{1}）在核注清单中无对应表体", "Item {0} ({1}) has no line on the verification list"),
    WRITE_OFF_MUST_BE_WHOLE(HttpStatus.UNPROCESSABLE_ENTITY, "核扣规则要求整单核扣：第{0}项须申报剩余数量{1}", "The write-off rule takes the whole list: item {0} must declare the {1} left"),
    FILL_RULE_INVALID(HttpStatus.BAD_REQUEST, "填充规则无效：{0}", "Invalid fill rule: {0}"),
    FILL_RULE_NOT_FOUND(HttpStatus.NOT_FOUND, "填充规则“{0}”不存在", "Fill rule {0} does not exist"),
    RULE_EXISTS(HttpStatus.CONFLICT, "规则“{0}”已存在", "Rule {0} exists already"),
    RULE_SEEDED(HttpStatus.CONFLICT, "规则“{0}”为系统预置规则，不能删除，可停用", "Rule {0} is seeded: switch it off instead of deleting it"),
    CHECK_INVALID(HttpStatus.BAD_REQUEST, "核注清单校验规则无效：{0}", "Invalid verification list check: {0}"),
    CHECK_NOT_FOUND(HttpStatus.NOT_FOUND, "核注清单校验规则“{0}”不存在", "Verification list check {0} does not exist"),
    WRITE_OFF_RULE_NOT_FOUND(HttpStatus.NOT_FOUND, "清单类型“{0}”无核扣规则", "List type {0} has no write-off rule"),
    NO_DISTRIBUTION_LISTS(HttpStatus.CONFLICT, "{0}无可汇总的分送集报核注清单", "No distribution lists of {0} are left to consolidate"),
    CONSOLIDATED_EXISTS(HttpStatus.CONFLICT, "{0}的汇总清单已生成（{1}）", "The consolidated list of {0} exists already ({1})"),
    CONSOLIDATED_NOT_FOUND(HttpStatus.NOT_FOUND, "汇总核注清单不存在", "The consolidated list does not exist"),
    CONSOLIDATED_STATE(HttpStatus.CONFLICT, "汇总核注清单当前状态（{0}）不能{1}", "A consolidated list in state {0} cannot be {1}"),
    PERIOD_INVALID(HttpStatus.BAD_REQUEST, "汇总期间须为已结束的月份（yyyy-MM）", "The period must be a month that has ended (yyyy-MM)"),
    SITE_NOT_FOUND(HttpStatus.NOT_FOUND, "监管作业场所“{0}”不存在或已停用", "Supervised site {0} does not exist or is disabled"),
    NOT_SITE_OPERATOR(HttpStatus.FORBIDDEN, "仅监管作业场所经营人可办理该场所的运抵申报", "Only the operator of the supervised site files its arrival reports"),
    ARRIVAL_SUBJECT_NOT_FOUND(HttpStatus.NOT_FOUND, "运抵申报关联的二线报关单或核注清单不存在", "The second-line declaration or verification list of the arrival report does not exist"),
    ARRIVAL_SUBJECT_NOT_DECLARED(HttpStatus.CONFLICT, "关联报关单尚未申报，不能运抵申报", "The linked declaration has not been declared; no arrival report yet"),
    VEHICLE_PLATE_INVALID(HttpStatus.BAD_REQUEST, "车牌号“{0}”格式不正确", "Vehicle plate {0} is not a valid plate"),
    ARRIVAL_NOT_FOUND(HttpStatus.NOT_FOUND, "运抵申报不存在", "The arrival report does not exist"),
    ARRIVAL_STATE(HttpStatus.CONFLICT, "运抵申报当前状态（{0}）不能{1}", "An arrival report in state {0} cannot be {1}"),
    RECEIPT_UNCORRELATED(HttpStatus.NOT_FOUND, "回执无法关联到汇总清单或运抵申报（会话号{0}）", "The receipt matches no consolidated list or arrival report (conversation {0})"),
    SUBSCRIPTION_PERIOD_INVALID(HttpStatus.BAD_REQUEST, "订阅有效期无效：起始日不能晚于截止日，且不超过一年", "Invalid subscription period: it starts no later than it ends and lasts at most a year"),
    SUBSCRIPTION_EXISTS(HttpStatus.CONFLICT, "已存在有效的同类订阅", "An active subscription to this content exists already"),
    SUBSCRIPTION_NOT_FOUND(HttpStatus.NOT_FOUND, "订阅不存在", "The subscription does not exist"),
    SUBSCRIPTION_STATE(HttpStatus.CONFLICT, "订阅当前状态（{0}）不能{1}", "A subscription in state {0} cannot be {1}"),
    SUBSCRIPTION_EXTENSION_INVALID(HttpStatus.BAD_REQUEST, "延期后的截止日须晚于原截止日，且有效期不超过一年", "The new end must be after the current one, within a year of the start"),
    STATISTIC_INVALID(HttpStatus.BAD_REQUEST, "统计条件无效：{0}（统计维度、期间或起止时间）", "Invalid statistics request: {0} (dimension, period or time range)"),
    ENTERPRISE_ONLY(HttpStatus.FORBIDDEN, "仅企业用户可办理", "Only enterprise users do this");

    private final ErrorText text;

    SecondLineErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
