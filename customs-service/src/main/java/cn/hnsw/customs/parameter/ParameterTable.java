package cn.hnsw.customs.parameter;

/** One of the 62 clearance parameter tables (通关参数, FP 473–534); {@code currentVersion} 0 = not yet published. */
public record ParameterTable(String code, int seq, int fp, String nameZh, String nameEn, String source,
                             int currentVersion, long entryCount) {
}
