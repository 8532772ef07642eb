package cn.hnsw.portsituation.rule;

import cn.hnsw.common.events.Alert;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** 预警规则 — an alert rule kept as data: when its condition holds for a fact of its scope, an alert is raised. */
public record AlertRule(UUID id, String code, String nameZh, String nameEn, RuleScope scope, RuleCondition condition,
                        String alertType, Alert.Level level, Duration cooldown, boolean enabled, Instant updatedAt,
                        String updatedBy) {
}
