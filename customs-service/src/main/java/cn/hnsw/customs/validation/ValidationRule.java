package cn.hnsw.customs.validation;

import cn.hnsw.customs.declaration.DeclarationType;

import java.util.Set;

/**
 * 校验规则 — one configurable rule: which check ({@link ValidationRuleKind}) with which parameter, for which
 * declaration types, how severe, and the message it gives ({0}, {1} filled by the check).
 */
public record ValidationRule(
        String code,
        CheckFamily family,
        ValidationRuleKind kind,
        Set<DeclarationType> declarationTypes,
        Severity severity,
        boolean enabled,
        String messageZh,
        String messageEn,
        String parameter,
        int version) {

    public boolean appliesTo(DeclarationType type) {
        return enabled && declarationTypes.contains(type);
    }

    public static Set<DeclarationType> parseTypes(String text) {
        if (text == null || text.isBlank() || text.trim().equals("*")) {
            return Set.of(DeclarationType.values());
        }
        java.util.EnumSet<DeclarationType> types = java.util.EnumSet.noneOf(DeclarationType.class);
        for (String part : text.split(",")) {
            types.add(DeclarationType.valueOf(part.trim()));
        }
        return Set.copyOf(types);
    }

    public static String formatTypes(Set<DeclarationType> types) {
        if (types.size() == DeclarationType.values().length) {
            return "*";
        }
        return String.join(",", types.stream().sorted().map(Enum::name).toList());
    }
}
