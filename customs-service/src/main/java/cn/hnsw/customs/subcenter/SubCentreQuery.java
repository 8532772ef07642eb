package cn.hnsw.customs.subcenter;

import java.time.Instant;

/** 综合查询 conditions: document no., customs no., type, status, enterprise, customs code, declaration time. */
public record SubCentreQuery(String preEntryNo, String customsNo, String declarationType, String status,
                             String enterpriseUscc, String enterpriseName, String declareCustoms, String hsCode,
                             Instant from, Instant to) {
}
