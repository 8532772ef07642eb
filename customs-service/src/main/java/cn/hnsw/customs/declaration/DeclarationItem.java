package cn.hnsw.customs.declaration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * 表体 / 商品项 — one goods item of a declaration. Field meanings: docs/customs-declaration.md.
 *
 * @param seq                 项号, from 1
 * @param hsCode              商品编号, 10 digits (HS 6 + China's 4)
 * @param name                商品名称
 * @param specification       规格型号 (申报要素)
 * @param quantity            成交数量, in {@code unit}
 * @param unit                成交计量单位 (MEASUREMENT_UNIT)
 * @param legalQuantity       法定数量, in {@code legalUnit}
 * @param legalUnit           法定计量单位
 * @param secondQuantity      第二法定数量
 * @param secondUnit          第二法定计量单位
 * @param unitPrice           单价, in {@code currency}
 * @param totalPrice          总价
 * @param currency            币制 (CURRENCY)
 * @param originCountry       原产国（地区） (COUNTRY_REGION)
 * @param destinationCountry  最终目的国（地区）
 * @param levyMode            征免方式 (1 照章征税, 3 全免 …)
 * @param grossWeight         毛重 (kg), optional per item
 * @param netWeight           净重 (kg), optional per item
 * @param goodsAttributes     货物属性 codes, comma separated (GOODS_ATTRIBUTE)
 */
public record DeclarationItem(
        int seq,
        @Size(max = 10) String hsCode,
        @Size(max = 200) String name,
        @Size(max = 500) String specification,
        @DecimalMin("0") @Digits(integer = 14, fraction = 5) BigDecimal quantity,
        @Size(max = 3) String unit,
        @DecimalMin("0") @Digits(integer = 14, fraction = 5) BigDecimal legalQuantity,
        @Size(max = 3) String legalUnit,
        @DecimalMin("0") @Digits(integer = 14, fraction = 5) BigDecimal secondQuantity,
        @Size(max = 3) String secondUnit,
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal unitPrice,
        @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal totalPrice,
        @Size(max = 3) String currency,
        @Size(max = 3) String originCountry,
        @Size(max = 3) String destinationCountry,
        @Size(max = 1) String levyMode,
        @DecimalMin("0") @Digits(integer = 14, fraction = 5) BigDecimal grossWeight,
        @DecimalMin("0") @Digits(integer = 14, fraction = 5) BigDecimal netWeight,
        @Size(max = 200) String goodsAttributes) {

    public DeclarationItem withSeq(int newSeq) {
        return new DeclarationItem(newSeq, hsCode, name, specification, quantity, unit, legalQuantity, legalUnit,
                secondQuantity, secondUnit, unitPrice, totalPrice, currency, originCountry, destinationCountry,
                levyMode, grossWeight, netWeight, goodsAttributes);
    }

    /** The value of a field by its API name, for configurable rules. */
    public Object field(String fieldName) {
        return switch (fieldName) {
            case "hsCode" -> hsCode;
            case "name" -> name;
            case "specification" -> specification;
            case "quantity" -> quantity;
            case "unit" -> unit;
            case "legalQuantity" -> legalQuantity;
            case "legalUnit" -> legalUnit;
            case "secondQuantity" -> secondQuantity;
            case "secondUnit" -> secondUnit;
            case "unitPrice" -> unitPrice;
            case "totalPrice" -> totalPrice;
            case "currency" -> currency;
            case "originCountry" -> originCountry;
            case "destinationCountry" -> destinationCountry;
            case "levyMode" -> levyMode;
            case "grossWeight" -> grossWeight;
            case "netWeight" -> netWeight;
            case "goodsAttributes" -> goodsAttributes;
            default -> throw new IllegalArgumentException("unknown item field " + fieldName);
        };
    }
}
