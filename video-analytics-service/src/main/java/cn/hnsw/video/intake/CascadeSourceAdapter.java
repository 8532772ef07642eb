package cn.hnsw.video.intake;

import java.util.List;
import java.util.Map;

/** 级联接口: a subordinate face-capture platform the platform pulls captures from, in that platform's own fields. */
public interface CascadeSourceAdapter {

    /** Captures after {@code afterSeq} (each with its sequence {@code xh}), at most {@code limit}. */
    CascadePage pull(String partnerId, long afterSeq, int limit);

    /** 查询检索: captures whose fields equal every condition (the subordinate's own field names), newest first. */
    List<Map<String, Object>> query(String partnerId, Map<String, String> equals, int limit);

    /** 数据操作: adds, updates or deletes a record on the subordinate platform; what it answered. */
    Operated operate(String partnerId, String operation, String recordType, String recordId,
            Map<String, Object> fields);

    /** 比对订阅: pushes comparison results to a subscribing platform; how many it accepted. */
    int pushResults(String partnerId, String subscription, List<Map<String, Object>> results);

    /** Whether the subordinate platform applied an operation, and why not. */
    record Operated(boolean applied, String reason) {
    }

    /** One page: the raw records and the sequence of the last capture the subordinate platform holds. */
    record CascadePage(List<Map<String, Object>> records, long lastSeq) {
    }
}
