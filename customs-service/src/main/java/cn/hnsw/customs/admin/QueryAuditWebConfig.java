package cn.hnsw.customs.admin;

import cn.hnsw.common.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The read paths whose queries go to the operation log ({@link QueryAuditInterceptor}). */
@Configuration
class QueryAuditWebConfig implements WebMvcConfigurer {

    private final AuditLog auditLog;
    private final String base;

    QueryAuditWebConfig(AuditLog auditLog, @Value("${hnsw.api.base}") String base) {
        this.auditLog = auditLog;
        this.base = base;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new QueryAuditInterceptor(auditLog))
                .addPathPatterns(base + "/v1/declarations", base + "/v1/declarations/*", base + "/v1/declarations/*/print",
                        base + "/v1/declarations/export", base + "/v1/subcentre/declarations",
                        base + "/v1/subcentre/declarations/*/receipts", base + "/v1/subcentre/enterprise/declarations",
                        base + "/v1/subcentre/enterprise/declarations/*/receipts", base + "/v1/direct-release/access",
                        base + "/v1/declarations/*/detail", base + "/v1/declarations/imports/*",
                        // The console, the open code-table query, subscriptions, statistics and the kept settings.
                        base + "/v1/service-console/services", base + "/v1/service-console/receipt-deliveries",
                        base + "/v1/service-console/receipt-deliveries/*/attempts", base + "/v1/open/parameters/*/entries",
                        base + "/v1/open/second-line/subscriptions", base + "/v1/second-line/subscriptions",
                        base + "/v1/second-line/subscriptions/*/deliveries", base + "/v1/second-line/statistics",
                        base + "/v1/second-line/rules/**", base + "/v1/excel-settings", base + "/v1/excel-settings/**");
    }
}
