package cn.hnsw.passenger.clearance;

import java.util.List;
import java.util.UUID;

/** 通关流程展示 — the steps of one declaration's clearance, oldest first, and where it stands now. */
public record ClearanceTimeline(UUID declarationId, String declarationNo, String status, List<ClearanceLog.Step> steps) {
}
