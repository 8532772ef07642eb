package cn.hnsw.customs.validation;

import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.RemarkAutoFill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks a {@link ValidationRule} can run. The rule row chooses the check, its parameter, the family it counts
 * under, its severity and its message; the code here only decides pass or fail.
 */
public enum ValidationRuleKind {

    /** Parameter: comma-separated header fields that must be filled. */
    REQUIRED_HEADER_FIELDS {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            for (String field : list(rule.parameter())) {
                if (blank(d.header().field(field))) {
                    out.add(rule, field, null, field);
                }
            }
        }
    },
    /** Parameter: comma-separated item fields that must be filled on every item. */
    REQUIRED_ITEM_FIELDS {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            for (DeclarationItem item : d.items()) {
                for (String field : list(rule.parameter())) {
                    if (blank(item.field(field))) {
                        out.add(rule, field, item.seq(), field, item.seq());
                    }
                }
            }
        }
    },
    ITEMS_PRESENT {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            if (d.items().isEmpty()) {
                out.add(rule, "items", null);
            }
        }
    },
    HS_CODE_FORMAT {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            for (DeclarationItem item : d.items()) {
                if (item.hsCode() != null && !item.hsCode().matches("\\d{10}")) {
                    out.add(rule, "hsCode", item.seq(), item.hsCode(), item.seq());
                }
            }
        }
    },
    /** Parameter: {@code field=TABLE,...}; {@code item.field} for item fields. Blank values are left to the required checks. */
    PARAMETER_CODES {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            for (String pair : list(rule.parameter())) {
                String[] fieldAndTable = pair.split("=", 2);
                String field = fieldAndTable[0].trim();
                String table = fieldAndTable[1].trim();
                if (field.startsWith("item.")) {
                    String itemField = field.substring(5);
                    for (DeclarationItem item : d.items()) {
                        Object value = item.field(itemField);
                        if (!blank(value) && !refs.knownCode(table, value.toString())) {
                            out.add(rule, itemField, item.seq(), itemField, value);
                        }
                    }
                } else {
                    Object value = d.header().field(field);
                    if (!blank(value) && !refs.knownCode(table, value.toString())) {
                        out.add(rule, field, null, field, value);
                    }
                }
            }
        }
    },
    /** 报关主体资格: the declaring enterprise is the domestic trader or the declarant. */
    DECLARANT_IS_OWNER {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            DeclarationHeader h = d.header();
            if (!d.enterpriseUscc().equals(h.domesticTraderUscc()) && !d.enterpriseUscc().equals(h.declarantUscc())) {
                out.add(rule, "domesticTraderUscc", null);
            }
        }
    },
    /** Parameter: header fields holding unified social credit codes. */
    USCC_CHECK_DIGIT {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            for (String field : list(rule.parameter())) {
                Object value = d.header().field(field);
                if (!blank(value) && !UnifiedSocialCreditCode.valid(value.toString())) {
                    out.add(rule, field, null, field, value);
                }
            }
        }
    },
    PREFERENTIAL_QUALIFICATION {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            if (!refs.qualified(d.enterpriseUscc())) {
                out.add(rule, null, null);
            }
        }
    },
    /** R3: gross weight above net weight, on the header and on every item that gives both. */
    GROSS_EXCEEDS_NET {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            DeclarationHeader h = d.header();
            if (h.grossWeight() != null && h.netWeight() != null && h.grossWeight().compareTo(h.netWeight()) <= 0) {
                out.add(rule, "grossWeight", null, "表头");
            }
            for (DeclarationItem item : d.items()) {
                if (item.grossWeight() != null && item.netWeight() != null
                        && item.grossWeight().compareTo(item.netWeight()) <= 0) {
                    out.addBilingual(rule, "grossWeight", item.seq(), new Object[]{"第" + item.seq() + "项商品"},
                            new Object[]{"Item " + item.seq()});
                }
            }
        }
    },
    /** Parameter: the tolerance in the currency (default 0.01). */
    TOTAL_MATCHES_PRICE {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            BigDecimal tolerance = rule.parameter() == null ? new BigDecimal("0.01") : new BigDecimal(rule.parameter().trim());
            for (DeclarationItem item : d.items()) {
                if (item.quantity() != null && item.unitPrice() != null && item.totalPrice() != null) {
                    BigDecimal expected = item.quantity().multiply(item.unitPrice()).setScale(2, RoundingMode.HALF_UP);
                    if (expected.subtract(item.totalPrice()).abs().compareTo(tolerance) > 0) {
                        out.add(rule, "totalPrice", item.seq(), item.seq());
                    }
                }
            }
        }
    },
    /** R4: a levy nature other than the configured direct-release ones is a warning the declarant confirms. */
    DIRECT_RELEASE_LEVY_NATURE {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            String levy = d.header().levyNature();
            var allowed = refs.directReleaseLevyNatures();
            if (levy != null && !allowed.isEmpty() && !allowed.contains(levy)) {
                out.add(rule, "levyNature", null, levy);
            }
        }
    },
    /** Parameter: {@code itemField=v1,v2,...}: the item field, when filled, must be one of the values. */
    ITEM_CODE_IN_SET {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            String[] fieldAndValues = rule.parameter().split("=", 2);
            List<String> allowed = list(fieldAndValues[1]);
            for (DeclarationItem item : d.items()) {
                Object value = item.field(fieldAndValues[0].trim());
                if (!blank(value) && !allowed.contains(value.toString())) {
                    out.add(rule, fieldAndValues[0].trim(), item.seq(), value, item.seq());
                }
            }
        }
    },
    /**
     * Parameter: {@code field=v1,v2,...}: the header field, when filled, must be one of the values (a general
     * declaration's supervision modes, FP 861/1146 supervision-info checks). Message arguments: field, value.
     */
    HEADER_CODE_IN_SET {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            headerCodes(rule, d, out, true);
        }
    },
    /** Parameter: {@code field=v1,v2,...}: the header field must not be one of the values. Arguments: field, value. */
    HEADER_CODE_NOT_IN_SET {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            headerCodes(rule, d, out, false);
        }
    },
    /**
     * 单证一致性 — header fields that go together. Parameter: clauses separated by {@code ;}, each
     * {@code field=v1|v2>otherField=w1|w2}: when the first field holds one of its values, the other field must hold one
     * of its own. Arguments: first field's value, the values the other field accepts, the other field's value.
     */
    HEADER_CODE_IMPLIES {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            if (rule.parameter() == null) {
                return;
            }
            for (String clause : rule.parameter().split(";")) {
                if (clause.isBlank()) {
                    continue;
                }
                String[] whenThen = clause.split(">", 2);
                String[] when = whenThen[0].split("=", 2);
                String[] then = whenThen[1].split("=", 2);
                Object whenValue = d.header().field(when[0].trim());
                if (blank(whenValue) || !List.of(when[1].trim().split("\\|")).contains(whenValue.toString())) {
                    continue;
                }
                Object thenValue = d.header().field(then[0].trim());
                List<String> accepted = List.of(then[1].trim().split("\\|"));
                if (blank(thenValue) || !accepted.contains(thenValue.toString())) {
                    out.add(rule, then[0].trim(), null, whenValue, String.join("/", accepted),
                            blank(thenValue) ? "" : thenValue);
                }
            }
        }
    },
    /** Parameter: comma-separated HS prefixes (chapters or headings) refused for this declaration type. */
    HS_PREFIX_REFUSED {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            List<String> prefixes = list(rule.parameter());
            for (DeclarationItem item : d.items()) {
                if (item.hsCode() != null && prefixes.stream().anyMatch(item.hsCode()::startsWith)) {
                    out.add(rule, "hsCode", item.seq(), item.hsCode(), item.seq());
                }
            }
        }
    },
    /** R2: every item on the zero-tariff whitelist. */
    ZERO_TARIFF_WHITELIST {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            for (DeclarationItem item : d.items()) {
                if (item.hsCode() != null && !refs.whitelisted(d.enterpriseUscc(), item.hsCode())) {
                    out.add(rule, "hsCode", item.seq());
                }
            }
        }
    },
    /** Parameter: the transport-mode codes that need B/L, vessel and voyage (2 = waterway). */
    TRANSPORT_DOCUMENTS {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            DeclarationHeader h = d.header();
            if (h.transportMode() != null && list(rule.parameter()).contains(h.transportMode())) {
                for (String field : List.of("billOfLadingNo", "vesselName", "voyageNo")) {
                    if (blank(h.field(field))) {
                        out.add(rule, field, null, field);
                    }
                }
            }
        }
    },
    VERIFICATION_LIST_REFERENCED {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            if (blank(d.header().verificationListNo())) {
                out.add(rule, "verificationListNo", null);
            }
        }
    },
    /** Parameter: the text the remark must contain. */
    REMARK_MARKER {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            String marker = rule.parameter() == null ? RemarkAutoFill.DIRECT_RELEASE_MARKER : rule.parameter();
            if (d.header().remark() == null || !d.header().remark().contains(marker)) {
                out.add(rule, "remark", null, marker);
            }
        }
    },
    LEDGER_REFERENCED {
        @Override
        void check(ValidationRule rule, CustomsDeclaration d, ReferenceLookups refs, Findings out) {
            if (blank(d.header().ledgerNo())) {
                out.add(rule, "ledgerNo", null);
            }
        }
    };

    abstract void check(ValidationRule rule, CustomsDeclaration declaration, ReferenceLookups refs, Findings out);

    /**
     * Refuses a parameter this kind cannot read (an officer's change is checked before it is stored), with what is
     * wrong in the exception's message.
     */
    public void checkParameter(String parameter) {
        switch (this) {
            case REQUIRED_HEADER_FIELDS, USCC_CHECK_DIGIT -> {
                for (String field : need(parameter, "field,field")) {
                    DeclarationHeader.empty().field(field);
                }
            }
            case PARAMETER_CODES -> {
                for (String pair : need(parameter, "field=TABLE,...")) {
                    if (pair.split("=", 2).length != 2) {
                        throw new IllegalArgumentException("field=TABLE: " + pair);
                    }
                }
            }
            case ITEM_CODE_IN_SET, HEADER_CODE_IN_SET, HEADER_CODE_NOT_IN_SET -> {
                String[] fieldAndValues = String.join(",", need(parameter, "field=v1,v2")).split("=", 2);
                if (fieldAndValues.length != 2 || list(fieldAndValues[1]).isEmpty()) {
                    throw new IllegalArgumentException("field=v1,v2: " + parameter);
                }
                if (this != ITEM_CODE_IN_SET) {
                    DeclarationHeader.empty().field(fieldAndValues[0].trim());
                }
            }
            case HEADER_CODE_IMPLIES -> {
                need(parameter, "field=v1|v2>otherField=w1|w2;...");
                for (String clause : parameter.split(";")) {
                    if (clause.isBlank()) {
                        continue;
                    }
                    String[] whenThen = clause.split(">", 2);
                    if (whenThen.length != 2) {
                        throw new IllegalArgumentException("field=v1|v2>otherField=w1|w2: " + clause);
                    }
                    for (String side : whenThen) {
                        String[] fieldAndValues = side.split("=", 2);
                        if (fieldAndValues.length != 2 || fieldAndValues[1].isBlank()) {
                            throw new IllegalArgumentException("field=v1|v2: " + side);
                        }
                        DeclarationHeader.empty().field(fieldAndValues[0].trim());
                    }
                }
            }
            case TOTAL_MATCHES_PRICE -> {
                if (parameter != null && !parameter.isBlank()) {
                    new BigDecimal(parameter.trim());
                }
            }
            case HS_PREFIX_REFUSED, TRANSPORT_DOCUMENTS -> need(parameter, "v1,v2");
            default -> {
                // The other kinds take no parameter, or any text (REMARK_MARKER).
            }
        }
    }

    private static List<String> need(String parameter, String shape) {
        List<String> parts = list(parameter);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("expected " + shape);
        }
        return parts;
    }

    static void headerCodes(ValidationRule rule, CustomsDeclaration d, Findings out, boolean mustBeIn) {
        String[] fieldAndValues = rule.parameter().split("=", 2);
        String field = fieldAndValues[0].trim();
        Object value = d.header().field(field);
        if (!blank(value) && list(fieldAndValues[1]).contains(value.toString()) != mustBeIn) {
            out.add(rule, field, null, field, value);
        }
    }

    static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    static List<String> list(String parameter) {
        List<String> parts = new ArrayList<>();
        if (parameter != null) {
            for (String part : parameter.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.trim());
                }
            }
        }
        return parts;
    }

    /** Collects findings, filling each rule's message with the check's arguments. */
    static final class Findings {
        private final List<ValidationFinding> findings = new ArrayList<>();

        void add(ValidationRule rule, String field, Integer itemSeq, Object... args) {
            addBilingual(rule, field, itemSeq, args, args);
        }

        void addBilingual(ValidationRule rule, String field, Integer itemSeq, Object[] argsZh, Object[] argsEn) {
            findings.add(new ValidationFinding(rule.code(), rule.family(), rule.severity(), field, itemSeq,
                    format(rule.messageZh(), argsZh), format(rule.messageEn(), argsEn)));
        }

        List<ValidationFinding> all() {
            return findings;
        }

        private static String format(String pattern, Object[] args) {
            if (args.length == 0) {
                return pattern;
            }
            return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(args);
        }
    }
}
