package cn.hnsw.common.audit;

import cn.hnsw.common.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;

/** Query parameters of the audit log lists; every one is optional. {@code to} is exclusive; pages count from 0. */
public record AuditLogQuery(
        String actor,
        String enterprise,
        String action,
        String businessId,
        AuditResult result,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
        Boolean oldestFirst,
        Integer page,
        Integer size) {

    AuditSearch search() {
        return new AuditSearch(actor, enterprise, action, businessId, result, from, to, Boolean.TRUE.equals(oldestFirst));
    }

    PageQuery paging() {
        return PageQuery.of(page, size);
    }
}
