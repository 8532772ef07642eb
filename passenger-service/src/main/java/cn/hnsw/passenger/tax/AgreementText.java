package cn.hnsw.passenger.tax;

/** 三方协议文本 — the agreement text officers configure; {@code {taxNo}}, {@code {amount}} and {@code {channel}} are filled in on preview. */
public record AgreementText(String titleZh, String titleEn, String bodyZh, String bodyEn) {

    public static final AgreementText DEFAULT = new AgreementText(
            "海关税款电子缴纳三方协议",
            "Tripartite agreement on electronic payment of customs duties",
            "本人同意由{channel}按海关核定的税款（税款编号 {taxNo}，金额人民币 {amount} 元）从本人账户扣缴，"
                    + "扣款结果由银行（支付机构）回执海关。本协议经本人确认后生效，仅用于本次缴税。",
            "I agree that {channel} debits my account with the duty assessed by customs (tax no. {taxNo}, "
                    + "CNY {amount}) and reports the result to customs. This agreement takes effect on my confirmation "
                    + "and applies to this payment only.");

    public String fill(String template, String taxNo, String amount, String channel) {
        return template.replace("{taxNo}", taxNo).replace("{amount}", amount).replace("{channel}", channel);
    }
}
