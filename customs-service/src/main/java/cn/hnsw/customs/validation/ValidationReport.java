package cn.hnsw.customs.validation;

import java.util.List;

/** The outcome of pre-validation: errors refuse, warnings ask for confirmation. */
public record ValidationReport(boolean passed, int errorCount, int warningCount, int rulesRun, List<ValidationFinding> findings) {

    public static ValidationReport of(List<ValidationFinding> findings, int rulesRun) {
        int errors = (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        return new ValidationReport(errors == 0, errors, findings.size() - errors, rulesRun, List.copyOf(findings));
    }

    public boolean hasWarning(String ruleCode) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.WARNING && f.ruleCode().equals(ruleCode));
    }

    public List<ValidationFinding> warningFindings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** The error messages joined for a problem detail. */
    public String errorSummaryZh() {
        return String.join("；", findings.stream().filter(f -> f.severity() == Severity.ERROR)
                .map(ValidationFinding::messageZh).toList());
    }

    public String errorSummaryEn() {
        return String.join("; ", findings.stream().filter(f -> f.severity() == Severity.ERROR)
                .map(ValidationFinding::messageEn).toList());
    }
}
