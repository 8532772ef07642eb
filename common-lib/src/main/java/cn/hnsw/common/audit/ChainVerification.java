package cn.hnsw.common.audit;

/**
 * The outcome of walking one audit chain. When broken, {@code firstBrokenSeq} is the first row that does not fit
 * (or the row that should follow the last one, when the newest rows were removed).
 */
public record ChainVerification(String log, boolean intact, long rowsChecked, Long firstBrokenSeq, String reason) {

    static ChainVerification intact(String log, long rows) {
        return new ChainVerification(log, true, rows, null, null);
    }

    static ChainVerification broken(String log, long rows, long seq, String reason) {
        return new ChainVerification(log, false, rows, seq, reason);
    }
}
