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
                        base + "/v1/subcentre/enterprise/declarations/*/receipts", base + "/v1/direct-release/access");
    }
}
