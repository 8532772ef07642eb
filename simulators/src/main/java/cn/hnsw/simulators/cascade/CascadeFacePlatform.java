package cn.hnsw.simulators.cascade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 下级人脸抓拍平台（级联）模拟器 — the captures a subordinate face-capture platform holds, in that platform's own record
 * format: each capture is a map of its own field names (for instance {@code sbbh} device number, {@code zpsj} capture
 * time as {@code yyyyMMddHHmmss}, {@code tpnr} the picture as base64 in whatever format the device wrote). Each
 * capture gets a sequence number in load order; the platform pulls the captures after the last sequence it saw.
 * Empty at start; an operator or a test loads captures, so what a pull collects is exactly what was loaded. It can
 * be switched unreachable to show a pull failing.
 */
@Component
public class CascadeFacePlatform {

    /** One capture as the subordinate platform holds it. */
    public record Capture(long seq, Map<String, Object> fields) {
        Map<String, Object> toMessage() {
            Map<String, Object> m = new LinkedHashMap<>(fields);
            m.put("xh", seq);
            return m;
        }
    }

    private final List<Capture> captures = new ArrayList<>();
    private long nextSeq = 1;
    private boolean reachable = true;
    private final List<Map<String, Object>> received = new ArrayList<>();

    /** Rows a platform pushed to this one (数据推送), in arrival order, each with the pushing service's code. */
    public synchronized void receive(String serviceCode, List<Map<String, Object>> rows) {
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>(r);
            m.put("serviceCode", serviceCode);
            received.add(m);
        }
    }

    public synchronized List<Map<String, Object>> received() {
        return List.copyOf(received);
    }

    public synchronized List<Capture> add(List<Map<String, Object>> records) {
        List<Capture> out = new ArrayList<>();
        for (Map<String, Object> r : records) {
            Map<String, Object> fields = new LinkedHashMap<>();
            r.forEach((k, v) -> {
                if (v != null) {
                    fields.put(k, v);
                }
            });
            Capture c = new Capture(nextSeq++, java.util.Collections.unmodifiableMap(fields));
            captures.add(c);
            out.add(c);
        }
        return out;
    }

    /** Person records the platform holds (数据操作: added, updated, deleted by a superior platform), by type and id. */
    private final Map<String, Map<String, Object>> records = new LinkedHashMap<>();

    /** The outcome of a data operation: applied, or why not ({@code RECORD_EXISTS}, {@code RECORD_NOT_FOUND}). */
    public record Operated(boolean applied, String reason) {
    }

    public synchronized Operated operate(String operation, String recordType, String recordId,
            Map<String, Object> fields) {
        String key = recordType + "/" + recordId;
        boolean exists = records.containsKey(key);
        switch (operation) {
            case "ADD" -> {
                if (exists) {
                    return new Operated(false, "RECORD_EXISTS");
                }
                records.put(key, new LinkedHashMap<>(fields));
            }
            case "UPDATE" -> {
                if (!exists) {
                    return new Operated(false, "RECORD_NOT_FOUND");
                }
                records.get(key).putAll(fields);
            }
            case "DELETE" -> {
                if (records.remove(key) == null) {
                    return new Operated(false, "RECORD_NOT_FOUND");
                }
            }
            default -> {
                return new Operated(false, "OPERATION_UNKNOWN");
            }
        }
        return new Operated(true, null);
    }

    /** The records held, keyed {@code type/id}. */
    public synchronized Map<String, Map<String, Object>> records() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        records.forEach((k, v) -> out.put(k, Map.copyOf(v)));
        return out;
    }

    /** 查询检索: captures whose fields equal every condition, from the newest back, at most {@code limit}. */
    public synchronized List<Capture> query(Map<String, String> equals, int limit) {
        List<Capture> out = new ArrayList<>();
        for (int i = captures.size() - 1; i >= 0 && out.size() < limit; i--) {
            Capture c = captures.get(i);
            if (equals.entrySet().stream().allMatch(e -> e.getValue().equals(String.valueOf(c.fields().get(e.getKey()))))) {
                out.add(c);
            }
        }
        return out;
    }

    /** Comparison results pushed here by a platform this one subscribed to (比对订阅), in arrival order. */
    private final List<Map<String, Object>> results = new ArrayList<>();

    public synchronized void receiveResults(String subscription, List<Map<String, Object>> pushed) {
        for (Map<String, Object> r : pushed) {
            Map<String, Object> m = new LinkedHashMap<>(r);
            m.put("subscription", subscription);
            results.add(m);
        }
    }

    public synchronized List<Map<String, Object>> results() {
        return List.copyOf(results);
    }

    public synchronized void reset() {
        results.clear();
        records.clear();
        captures.clear();
        received.clear();
        nextSeq = 1;
        reachable = true;
    }

    public synchronized void reachable(boolean value) {
        reachable = value;
    }

    public synchronized boolean reachable() {
        return reachable;
    }

    public synchronized long lastSeq() {
        return nextSeq - 1;
    }

    /** Captures with a sequence above {@code afterSeq}, in order, at most {@code limit}. */
    public synchronized List<Capture> after(long afterSeq, int limit) {
        return captures.stream().filter(c -> c.seq() > afterSeq).limit(Math.max(0, limit)).toList();
    }
}
