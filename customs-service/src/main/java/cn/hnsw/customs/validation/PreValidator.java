package cn.hnsw.customs.validation;

import cn.hnsw.customs.declaration.CustomsDeclaration;

import java.util.List;

/**
 * 预校验 (FP 130–139): runs every enabled rule that applies to the declaration's type and returns all findings, so the
 * declarant sees every reason at once. Pure domain: no Spring, no database.
 */
public final class PreValidator {

    private PreValidator() {
    }

    public static ValidationReport validate(CustomsDeclaration declaration, List<ValidationRule> rules,
                                            ReferenceLookups refs) {
        ValidationRuleKind.Findings findings = new ValidationRuleKind.Findings();
        int run = 0;
        for (ValidationRule rule : rules) {
            if (rule.appliesTo(declaration.type())) {
                rule.kind().check(rule, declaration, refs, findings);
                run++;
            }
        }
        return ValidationReport.of(findings.all(), run);
    }
}
