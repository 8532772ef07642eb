package cn.hnsw.simulators.customs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A 核注清单 as the H2018/金关二期 simulator holds and answers it (the JSON of a VERIFICATION_LIST_QUERY answer,
 * docs/customs-second-line.md). {@code listType}: DOMESTIC_SALE or DISTRIBUTION; {@code shippingDate} (发货日期) when
 * the goods were shipped, may be absent.
 */
public record VerificationListRecord(String listNo, String listType, String enterpriseUscc, String enterpriseName,
                                     String ledgerNo, String importExport, String supervisionMode, String transportMode,
                                     String declareCustoms, String entryExitCustoms, String tradingCountry,
                                     BigDecimal grossWeight, BigDecimal netWeight, Integer packages,
                                     LocalDate declaredDate, LocalDate shippingDate, List<Line> items) {

    public VerificationListRecord {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** 表体 line. */
    public record Line(int seq, Integer ledgerItemNo, String hsCode, String name, String specification,
                       BigDecimal quantity, String unit, BigDecimal legalQuantity, String legalUnit,
                       BigDecimal unitPrice, BigDecimal totalPrice, String currency, String originCountry) {
    }
}
