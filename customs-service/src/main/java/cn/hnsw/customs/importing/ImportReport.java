package cn.hnsw.customs.importing;

import java.util.List;
import java.util.UUID;

/** 导入结果 (FP 126–129): one line per Excel row, and what became of its declaration. */
public record ImportReport(int rows, int declarationsCreated, int declarationsRefused, List<RowResult> results) {

    /** @param row 1-based Excel row number (the title row is 1) */
    public record RowResult(int row, String group, boolean created, UUID declarationId, String preEntryNo,
                            List<String> messagesZh, List<String> messagesEn) {
    }
}
