package cn.hnsw.customs.classification;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** The refusals of commodity pre-classification and classification verification. */
public enum ClassificationErrorCode implements EnumErrorCode {
    GOODS_NAME_REQUIRED(HttpStatus.BAD_REQUEST, "请填写商品名称（至少一个可检索的字或词）",
            "Give the goods name (at least one searchable word)"),
    HS_CODE_INVALID(HttpStatus.BAD_REQUEST, "商品编号“{0}”应为10位数字", "Commodity code \"{0}\" must be 10 digits"),
    TOO_MANY_ITEMS(HttpStatus.BAD_REQUEST, "一次最多校验{0}项商品", "At most {0} items are verified at once"),
    TARIFF_COMMODITY_NOT_FOUND(HttpStatus.NOT_FOUND, "税则库中没有商品编号“{0}”", "The tariff table has no commodity {0}");

    private final ErrorText text;

    ClassificationErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
