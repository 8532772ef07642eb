package cn.hnsw.video.intake;

import java.util.List;
import java.util.Map;

/** 级联接口: a subordinate face-capture platform the platform pulls captures from, in that platform's own fields. */
public interface CascadeSourceAdapter {

    /** Captures after {@code afterSeq} (each with its sequence {@code xh}), at most {@code limit}. */
    CascadePage pull(String partnerId, long afterSeq, int limit);

    /** One page: the raw records and the sequence of the last capture the subordinate platform holds. */
    record CascadePage(List<Map<String, Object>> records, long lastSeq) {
    }
}
