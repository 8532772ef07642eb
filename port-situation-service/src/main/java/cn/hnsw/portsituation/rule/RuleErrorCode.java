package cn.hnsw.portsituation.rule;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of alert rules. */
public enum RuleErrorCode implements EnumErrorCode {
    RULE_CONDITION_INVALID(HttpStatus.BAD_REQUEST, "预警规则条件无法解析或不是布尔表达式：{0}",
            "The alert rule condition does not parse or is not a boolean expression: {0}"),
    RULE_NOT_FOUND(HttpStatus.NOT_FOUND, "预警规则 {0} 不存在", "Alert rule {0} does not exist"),
    RULE_CODE_TAKEN(HttpStatus.CONFLICT, "预警规则编码 {0} 已存在", "Alert rule code {0} is already in use");

    private final ErrorText text;

    RuleErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
