package cn.hnsw.customs.screen;

import cn.hnsw.customs.declaration.DeclarationType;

import java.time.Instant;
import java.util.List;

/**
 * 界面配置 — the fields a declaration type's entry or query screen shows, each section in its order.
 * {@code version} 0 is the standard screen (no operator configuration in force).
 */
public record ScreenConfig(DeclarationType declarationType, Screen screen, List<ScreenField> fields, int version,
                           String updatedBy, Instant updatedAt) {

    public List<ScreenField> section(Screen.Section section) {
        return fields.stream().filter(f -> f.section() == section).toList();
    }

    /** A whole template as an operator sends it; {@code version} is the one changed. */
    public record Change(List<ScreenField.Change> fields, Integer version) {
    }

    /** One kept change (日志). */
    public record HistoryEntry(int version, String action, String detail, String fields, String changedBy,
                               Instant changedAt) {
    }
}
