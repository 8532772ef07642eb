package cn.hnsw.customs.declaration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * 表头 — the header of a customs declaration as the declarant fills it. Field meanings and their parameter tables:
 * docs/customs-declaration.md.
 *
 * @param declareCustoms       申报地海关 (CUSTOMS_DISTRICT)
 * @param entryExitCustoms     进/出境关别 (CUSTOMS_DISTRICT)
 * @param ledgerNo             备案号 (the ledger the declaration posts against)
 * @param supervisionMode      监管方式 (SUPERVISION_MODE)
 * @param levyNature           征免性质 (LEVY_NATURE)
 * @param levyNatureConfirmed  the declarant confirmed the levy-nature warning (R4: warn, never block)
 * @param transportMode        运输方式 (TRANSPORT_MODE)
 * @param vesselName           运输工具名称 / 船名
 * @param voyageNo             航次号
 * @param billOfLadingNo       提运单号
 * @param domesticTraderUscc   境内收发货人 统一社会信用代码
 * @param domesticTraderName   境内收发货人 名称
 * @param overseasTraderName   境外收发货人
 * @param declarantUscc        申报单位 统一社会信用代码
 * @param declarantName        申报单位 名称
 * @param tradingCountry       贸易国（地区） (COUNTRY_REGION)
 * @param departureCountry     启运国（地区） (COUNTRY_REGION)
 * @param portCode             经停港/启运港 (PORT)
 * @param transactionMode      成交方式 (TRANSACTION_MODE)
 * @param packageType          包装种类 (PACKAGE_TYPE)
 * @param packages             件数
 * @param grossWeight          毛重 (kg)
 * @param netWeight            净重 (kg)
 * @param contractNo           合同协议号
 * @param remark               备注
 * @param goodsAttributes      货物属性 of the whole declaration, comma separated (HN01 = 放宽贸易管制货物)
 * @param verificationListNo   核注清单编号 (second-line declarations)
 */
public record DeclarationHeader(
        @Size(max = 4) String declareCustoms,
        @Size(max = 4) String entryExitCustoms,
        @Size(max = 20) String ledgerNo,
        @Size(max = 4) String supervisionMode,
        @Size(max = 3) String levyNature,
        boolean levyNatureConfirmed,
        @Size(max = 2) String transportMode,
        @Size(max = 100) String vesselName,
        @Size(max = 40) String voyageNo,
        @Size(max = 50) String billOfLadingNo,
        @Size(max = 18) String domesticTraderUscc,
        @Size(max = 200) String domesticTraderName,
        @Size(max = 200) String overseasTraderName,
        @Size(max = 18) String declarantUscc,
        @Size(max = 200) String declarantName,
        @Size(max = 3) String tradingCountry,
        @Size(max = 3) String departureCountry,
        @Size(max = 10) String portCode,
        @Size(max = 1) String transactionMode,
        @Size(max = 2) String packageType,
        Integer packages,
        @DecimalMin("0") @Digits(integer = 14, fraction = 5) BigDecimal grossWeight,
        @DecimalMin("0") @Digits(integer = 14, fraction = 5) BigDecimal netWeight,
        @Size(max = 50) String contractNo,
        @Size(max = 480) String remark,
        @Size(max = 200) String goodsAttributes,
        @Size(max = 30) String verificationListNo) {

    /** 放宽贸易管制货物 — the Hainan goods attribute the direct-release entry screen offers (R6). */
    public static final String RELAXED_TRADE_CONTROL = "HN01";

    public static DeclarationHeader empty() {
        return new DeclarationHeader(null, null, null, null, null, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The value of a field by its API name, for configurable rules. */
    public Object field(String fieldName) {
        return switch (fieldName) {
            case "declareCustoms" -> declareCustoms;
            case "entryExitCustoms" -> entryExitCustoms;
            case "ledgerNo" -> ledgerNo;
            case "supervisionMode" -> supervisionMode;
            case "levyNature" -> levyNature;
            case "transportMode" -> transportMode;
            case "vesselName" -> vesselName;
            case "voyageNo" -> voyageNo;
            case "billOfLadingNo" -> billOfLadingNo;
            case "domesticTraderUscc" -> domesticTraderUscc;
            case "domesticTraderName" -> domesticTraderName;
            case "overseasTraderName" -> overseasTraderName;
            case "declarantUscc" -> declarantUscc;
            case "declarantName" -> declarantName;
            case "tradingCountry" -> tradingCountry;
            case "departureCountry" -> departureCountry;
            case "portCode" -> portCode;
            case "transactionMode" -> transactionMode;
            case "packageType" -> packageType;
            case "packages" -> packages;
            case "grossWeight" -> grossWeight;
            case "netWeight" -> netWeight;
            case "contractNo" -> contractNo;
            case "remark" -> remark;
            case "goodsAttributes" -> goodsAttributes;
            case "verificationListNo" -> verificationListNo;
            default -> throw new IllegalArgumentException("unknown header field " + fieldName);
        };
    }

    public boolean hasGoodsAttribute(String code) {
        if (goodsAttributes == null) {
            return false;
        }
        for (String part : goodsAttributes.split(",")) {
            if (part.trim().equals(code)) {
                return true;
            }
        }
        return false;
    }

    public DeclarationHeader withRemark(String newRemark) {
        return new DeclarationHeader(declareCustoms, entryExitCustoms, ledgerNo, supervisionMode, levyNature,
                levyNatureConfirmed, transportMode, vesselName, voyageNo, billOfLadingNo, domesticTraderUscc,
                domesticTraderName, overseasTraderName, declarantUscc, declarantName, tradingCountry, departureCountry,
                portCode, transactionMode, packageType, packages, grossWeight, netWeight, contractNo, newRemark,
                goodsAttributes, verificationListNo);
    }

    /** Manifest back-fill (R5): the manifest's transport data and weights replace what the declarant typed. */
    public DeclarationHeader withManifest(String vessel, String voyage, String billOfLading, String transport,
                                          Integer manifestPackages, BigDecimal manifestGross, String departure,
                                          String port) {
        return new DeclarationHeader(declareCustoms, entryExitCustoms, ledgerNo, supervisionMode, levyNature,
                levyNatureConfirmed, transport != null ? transport : transportMode, vessel, voyage, billOfLading,
                domesticTraderUscc, domesticTraderName, overseasTraderName, declarantUscc, declarantName,
                tradingCountry, departure != null ? departure : departureCountry, port != null ? port : portCode,
                transactionMode, packageType, manifestPackages != null ? manifestPackages : packages,
                manifestGross != null ? manifestGross : grossWeight, netWeight, contractNo, remark, goodsAttributes,
                verificationListNo);
    }

    public DeclarationHeader withLevyNatureConfirmed(boolean confirmed) {
        return new DeclarationHeader(declareCustoms, entryExitCustoms, ledgerNo, supervisionMode, levyNature,
                confirmed, transportMode, vesselName, voyageNo, billOfLadingNo, domesticTraderUscc, domesticTraderName,
                overseasTraderName, declarantUscc, declarantName, tradingCountry, departureCountry, portCode,
                transactionMode, packageType, packages, grossWeight, netWeight, contractNo, remark, goodsAttributes,
                verificationListNo);
    }
}
