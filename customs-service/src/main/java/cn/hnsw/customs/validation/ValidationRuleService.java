package cn.hnsw.customs.validation;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Runs pre-validation with the current rule set (cached, reloaded after every change). */
@Service
public class ValidationRuleService {

    private static final com.fasterxml.jackson.databind.ObjectMapper SNAPSHOT = new com.fasterxml.jackson.databind.ObjectMapper();

    private final ValidationRuleRepository repository;
    private final ReferenceLookups lookups;
    private final AtomicReference<List<ValidationRule>> cache = new AtomicReference<>();

    public ValidationRuleService(ValidationRuleRepository repository, ReferenceLookups lookups) {
        this.repository = repository;
        this.lookups = lookups;
    }

    public ValidationReport validate(CustomsDeclaration declaration) {
        return PreValidator.validate(declaration, rules(), lookups);
    }

    public ReferenceLookups lookups() {
        return lookups;
    }

    public List<ValidationRule> rules() {
        List<ValidationRule> rules = cache.get();
        if (rules == null) {
            rules = repository.all();
            cache.set(rules);
        }
        return rules;
    }

    /** 校验规则新增 (FP 675): checked like a change, stored as an added rule, logged. */
    @Transactional
    public ValidationRule add(NewRule rule, String by) {
        if (!rule.code().matches("[A-Z0-9][A-Z0-9-]{2,59}")) {
            throw new HnswException(CustomsErrorCode.RULE_CODE_INVALID, rule.code());
        }
        if (repository.origin(rule.code()).isPresent()) {
            throw new HnswException(CustomsErrorCode.RULE_EXISTS, rule.code());
        }
        try {
            rule.kind().checkParameter(rule.parameter());
        } catch (RuntimeException e) {
            throw new HnswException(CustomsErrorCode.RULE_PARAMETER_INVALID, rule.code(), e.getMessage());
        }
        ValidationRule added;
        try {
            added = new ValidationRule(rule.code(), rule.family(), rule.kind(),
                    ValidationRule.parseTypes(rule.declarationTypes()), rule.severity(), rule.enabled(),
                    rule.messageZh(), rule.messageEn(), rule.parameter(), 1);
        } catch (IllegalArgumentException e) {
            throw new HnswException(CustomsErrorCode.INVALID_DECLARATION_TYPE, rule.declarationTypes());
        }
        repository.insert(added, by);
        repository.log(added.code(), "ADDED", 1, snapshot(added), by);
        reloadAfterCommit();
        return added;
    }

    /** 校验规则删除 (FP 678): an added rule only; a seeded one is switched off instead. */
    @Transactional
    public void delete(String code, String by) {
        String origin = repository.origin(code).orElseThrow(() -> new HnswException(CustomsErrorCode.RULE_NOT_FOUND, code));
        if (!"ADDED".equals(origin)) {
            throw new HnswException(CustomsErrorCode.RULE_SEEDED, code);
        }
        ValidationRule current = repository.find(code).orElseThrow();
        repository.delete(code);
        repository.log(code, "DELETED", current.version(), snapshot(current), by);
        reloadAfterCommit();
    }

    /** 校验规则详情 (FP 679): the rule, where it came from and its history, newest first. */
    @Transactional(readOnly = true)
    public RuleDetails details(String code) {
        ValidationRule rule = repository.find(code).orElseThrow(() -> new HnswException(CustomsErrorCode.RULE_NOT_FOUND, code));
        return new RuleDetails(rule, repository.origin(code).orElseThrow(), repository.history(code));
    }

    public record RuleDetails(ValidationRule rule, String origin, List<ValidationRuleRepository.RuleLogEntry> history) {
    }

    private static String snapshot(ValidationRule r) {
        try {
            return SNAPSHOT.writeValueAsString(r);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.set(null);
            }
        });
    }

    @Transactional
    public ValidationRule change(String code, RuleChange change, String by) {
        ValidationRule current = repository.find(code)
                .orElseThrow(() -> new HnswException(CustomsErrorCode.RULE_NOT_FOUND, code));
        try {
            current.kind().checkParameter(change.parameter());
        } catch (RuntimeException e) {
            throw new HnswException(CustomsErrorCode.RULE_PARAMETER_INVALID, code, e.getMessage());
        }
        ValidationRule changed;
        try {
            changed = new ValidationRule(code, current.family(), current.kind(),
                    ValidationRule.parseTypes(change.declarationTypes()), change.severity(), change.enabled(),
                    change.messageZh(), change.messageEn(), change.parameter(), current.version() + 1);
        } catch (IllegalArgumentException e) {
            throw new HnswException(CustomsErrorCode.INVALID_DECLARATION_TYPE, change.declarationTypes());
        }
        repository.update(changed, by);
        repository.log(code, "CHANGED", changed.version(), snapshot(changed), by);
        reloadAfterCommit();
        return changed;
    }
}
