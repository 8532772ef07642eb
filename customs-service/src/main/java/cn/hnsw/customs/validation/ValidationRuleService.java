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
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.set(null);
            }
        });
        return changed;
    }
}
