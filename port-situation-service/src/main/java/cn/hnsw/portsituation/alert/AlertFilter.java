package cn.hnsw.portsituation.alert;

import cn.hnsw.common.events.Alert;

import java.time.Instant;

/** Filters of the alert list and export: time (occurred, {@code to} exclusive), organisation, level, type, status, port. */
public record AlertFilter(Instant from, Instant to, String organization, Alert.Level level, String type,
                          AlertStatus status, String portCode, String sourceService) {
}
