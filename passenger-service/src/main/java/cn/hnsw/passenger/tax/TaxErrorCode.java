package cn.hnsw.passenger.tax;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of online tax, the tripartite agreement and payment. */
public enum TaxErrorCode implements EnumErrorCode {
    TAX_NOT_FOUND(HttpStatus.NOT_FOUND, "税款记录不存在", "No such tax record"),
    TAX_STATE(HttpStatus.CONFLICT, "税款当前状态（{0}）不允许此操作", "Not allowed while the tax is {0}"),
    TAX_ENTRY_MISMATCH(HttpStatus.BAD_REQUEST, "确认的税额 {0} 与海关核定的 {1} 不一致",
            "The confirmed amount {0} differs from the assessed {1}"),
    TAX_ENTRY_ABOVE_ONLINE_LIMIT(HttpStatus.BAD_REQUEST, "税额 {0} 元超过线上缴税上限 {1} 元，请到口岸柜台缴纳",
            "The tax of CNY {0} is above the online limit of CNY {1}; pay at the port counter"),
    TAX_ENTRY_EXPIRED(HttpStatus.BAD_REQUEST, "海关核定已超过 {0} 天，不能再线上缴税，请联系海关重新核定",
            "The assessment is older than {0} days and can no longer be paid online; ask customs to assess again"),
    AGREEMENT_TEXT_OUTDATED(HttpStatus.CONFLICT, "协议文本已更新（当前第 {0} 版），请重新阅读后签署",
            "The agreement text changed (now version {0}); read it again before signing"),
    AGREEMENT_NOT_CONSENTED(HttpStatus.BAD_REQUEST, "请勾选同意三方协议", "Tick the box to agree to the agreement"),
    CHANNEL_DISABLED(HttpStatus.BAD_REQUEST, "支付渠道 {0} 未启用", "Payment channel {0} is not enabled"),
    CHANNEL_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "支付渠道暂不可用，请稍后重试或换用其他渠道",
            "The payment channel is unavailable; try again later or use another channel"),
    CUSTOMS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "海关系统暂不可用，请稍后重试",
            "The customs system is unavailable, try again later"),
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "支付订单 {0} 不存在", "No payment order {0}"),
    NOTIFICATION_INVALID(HttpStatus.BAD_REQUEST, "支付通知内容不合法：{0}", "The payment notification is invalid: {0}"),
    SETTINGS_INVALID(HttpStatus.BAD_REQUEST, "设置不合法：{0}", "The settings are invalid: {0}");

    private final ErrorText text;

    TaxErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
