package cn.hnsw.customs.parameter;

import java.time.Instant;

/** A published version of a parameter table (参数同步: each sync publishes a new version, FP 682–685). */
public record ParameterVersion(String tableCode, int version, Instant publishedAt, String publishedBy, String note,
                               long entryCount) {
}
