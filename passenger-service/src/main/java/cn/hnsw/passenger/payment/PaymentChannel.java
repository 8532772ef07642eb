package cn.hnsw.passenger.payment;

/** 支付渠道 — the payment channels of online tax; the reserved slots are enabled by configuration. */
public enum PaymentChannel {
    ALIPAY("支付宝", "Alipay"),
    TENPAY("财付通（微信支付）", "Tenpay (WeChat Pay)"),
    BOC("中国银行", "Bank of China"),
    ICBC("中国工商银行", "ICBC"),
    CCB("中国建设银行", "China Construction Bank"),
    ABC("中国农业银行", "Agricultural Bank of China"),
    RESERVED_1("预留渠道 1", "Reserved channel 1"),
    RESERVED_2("预留渠道 2", "Reserved channel 2"),
    RESERVED_3("预留渠道 3", "Reserved channel 3"),
    RESERVED_4("预留渠道 4", "Reserved channel 4");

    private final String nameZh;
    private final String nameEn;

    PaymentChannel(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
