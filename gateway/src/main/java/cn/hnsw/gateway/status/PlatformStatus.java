package cn.hnsw.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * 平台运行状态 — what the public status page shows: each service's health as the gateway sees it and each partner
 * link as the simulators report it (passed through as they send it).
 */
public record PlatformStatus(Instant checkedAt, List<ServiceHealth> services, List<JsonNode> partners) {

    /** {@code UP} when the service's health endpoint answered 2xx with status UP in time, else {@code DOWN}. */
    public record ServiceHealth(String id, String nameZh, String nameEn, String status, long latencyMs) {
    }
}
