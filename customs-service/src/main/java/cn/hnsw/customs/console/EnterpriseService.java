package cn.hnsw.customs.console;

import java.util.List;

/**
 * The enterprise-facing services of the customs single window an enterprise enables (开通) in its access console
 * (企业接入服务控制台, FP 575–610), with what each lets the enterprise's own systems call.
 */
public enum EnterpriseService {
    /** 通关参数查询 (FP 581–586). */
    PARAMETER_QUERY("通关参数查询服务", "Clearance parameter query", "查询62张通关参数表的现行版本",
            "Query the current version of the 62 clearance parameter tables", List.of("GET /v1/open/parameters/{table}/entries")),
    /** 申报预校验 (FP 593–598, 550–555). */
    PRE_VALIDATION("申报预校验服务", "Declaration pre-validation", "提交报关单数据，按九类校验规则返回校验结果（不保存）",
            "Submit declaration data and get the nine families' findings back (nothing is stored)", List.of("POST /v1/open/prevalidation")),
    /** 商品预归类 (FP 587–592). */
    PRE_CLASSIFICATION("商品预归类服务", "Commodity pre-classification", "按商品名称智能归类（税则库全文检索），按商品编码查询税则品目及零关税白名单",
            "Suggest commodity codes for a goods name (full-text search of the tariff table); look up a code's heading and zero-tariff whitelist status",
            List.of("GET /v1/open/classification/{hsCode}", "GET /v1/open/classification?name=")),
    /** 二线报关单导入 (FP 599–604, 556–562). */
    DECLARATION_IMPORT("二线报关单导入服务", "Second-line declaration import", "企业ERP以Excel导入二线报关单",
            "The enterprise's ERP imports second-line declarations from Excel", List.of("POST /v1/open/declarations/imports")),
    /** 二线报关单订阅 (FP 605–610, 569–574). */
    SUBSCRIPTION("二线报关单订阅服务", "Second-line declaration subscription", "订阅二线报关单回执、核注清单及运抵回执",
            "Subscribe to second-line receipts, verification lists and arrival receipts", List.of("POST /v1/open/second-line/subscriptions", "GET /v1/open/second-line/subscriptions"));

    private final String nameZh;
    private final String nameEn;
    private final String descriptionZh;
    private final String descriptionEn;
    private final List<String> interfaces;

    EnterpriseService(String nameZh, String nameEn, String descriptionZh, String descriptionEn, List<String> interfaces) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.descriptionZh = descriptionZh;
        this.descriptionEn = descriptionEn;
        this.interfaces = interfaces;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String descriptionZh() {
        return descriptionZh;
    }

    public String descriptionEn() {
        return descriptionEn;
    }

    public List<String> interfaces() {
        return interfaces;
    }
}
