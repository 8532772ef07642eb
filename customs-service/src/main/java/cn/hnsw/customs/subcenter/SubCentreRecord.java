package cn.hnsw.customs.subcenter;

import java.math.BigDecimal;
import java.time.Instant;

/** 海口数据分中心 — one declaration as the sub-centre holds it (综合查询 row, FP 236–242). */
public record SubCentreRecord(String preEntryNo, String customsNo, String declarationType, String enterpriseUscc,
                              String enterpriseName, String declareCustoms, String status, String tradingCountry,
                              BigDecimal totalValue, int itemCount, String hsCodes, Instant submittedAt,
                              Instant receivedAt, int receptions, String cleansingIssues) {
}
