package cn.hnsw.customs.parameter;

import cn.hnsw.common.audit.AuditContext;
import cn.hnsw.common.audit.AuditLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 通关参数服务: the query service over the 62 tables and the publication of new versions (参数同步). The current codes
 * of each table are cached for validation and dropped when a new version is published.
 */
@Service
public class ClearanceParameterService {

    private final ClearanceParameterRepository repository;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Set<String>> currentCodes = new ConcurrentHashMap<>();

    /** A new version of a table is in force (after its transaction committed). */
    public record ParameterVersionPublished(String table, int version) {
    }

    public ClearanceParameterService(ClearanceParameterRepository repository, AuditLog audit,
                                     org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    public List<ParameterTable> tables() {
        return repository.tables();
    }

    public ParameterTable table(String code) {
        return repository.table(code).orElseThrow(() -> new HnswException(CustomsErrorCode.PARAMETER_TABLE_NOT_FOUND, code));
    }

    public List<ParameterVersion> versions(String code) {
        table(code);
        return repository.versions(code);
    }

    public PageResponse<ParameterEntry> entries(String code, Integer version, String query, PageQuery page) {
        ParameterTable table = table(code);
        int v = version != null ? version : table.currentVersion();
        if (version != null && !repository.versionExists(code, version)) {
            throw new HnswException(CustomsErrorCode.PARAMETER_VERSION_NOT_FOUND, code, version);
        }
        String q = query == null || query.isBlank() ? null : query.trim();
        return PageResponse.of(repository.entries(code, v, q, (int) page.offset(), page.size()), page,
                repository.countEntries(code, v, q));
    }

    public boolean knownCode(String table, String code) {
        return currentCodes.computeIfAbsent(table, repository::currentCodes).contains(code);
    }

    @Transactional
    public ParameterVersion publish(String code, PublishVersionRequest request, String publishedBy) {
        table(code);
        Set<String> seen = new HashSet<>();
        for (ParameterEntry entry : request.entries()) {
            if (!seen.add(entry.code())) {
                throw new HnswException(CustomsErrorCode.PARAMETER_ENTRIES_INVALID, "duplicate code " + entry.code());
            }
        }
        int next = repository.lockCurrentVersion(code) + 1;
        repository.insertVersion(code, next, publishedBy, request.note(), request.entries(), clock.instant());
        audit.recordOperation(AuditContext.operation(Actors.currentIfAny().orElse(null), null,
                "parameter-version-published", "ClearanceParameterTable", code, AuditResult.SUCCESS,
                "version=" + next + " entries=" + request.entries().size()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                currentCodes.remove(code);
                events.publishEvent(new ParameterVersionPublished(code, next));
            }
        });
        return repository.versions(code).getFirst();
    }
}
