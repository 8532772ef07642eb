package cn.hnsw.customs.secondline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 核注清单 as the source (H2018/金关二期) answers a pull: header and body (docs/customs-second-line.md).
 *
 * @param shippingDate 发货日期, when the source gives it (FP 450 counts by it)
 * @param listType DOMESTIC_SALE (二线内销) or DISTRIBUTION (分送集报, declared through the consolidated declaration)
 */
public record VerificationListData(
        String listNo,
        String listType,
        String enterpriseUscc,
        String enterpriseName,
        String ledgerNo,
        String importExport,
        String supervisionMode,
        String transportMode,
        String declareCustoms,
        String entryExitCustoms,
        String tradingCountry,
        BigDecimal grossWeight,
        BigDecimal netWeight,
        Integer packages,
        LocalDate declaredDate,
        LocalDate shippingDate,
        List<Line> items) {

    public VerificationListData {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** 表体 line; {@code ledgerItemNo} is the 备案序号 in the ledger. */
    public record Line(int seq, Integer ledgerItemNo, String hsCode, String name, String specification,
                       BigDecimal quantity, String unit, BigDecimal legalQuantity, String legalUnit,
                       BigDecimal unitPrice, BigDecimal totalPrice, String currency, String originCountry) {
    }
}
