package cn.hnsw.customs.secondline;

import cn.hnsw.customs.validation.ReferenceLookups;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 核注清单校验 (FP 270–280): the nine families over a pulled list. Which checks run, their messages and parameters
 * are data ({@link SecondLineRules.ListCheck}); what each code checks is here.
 */
final class ListChecker {

    /** 核注清单编号: QD + 4-digit customs + 2-digit year + I/E + 9 digits, as H2018/金关二期 number them. */
    private static final Pattern LIST_NO = Pattern.compile("QD\\d{6}[IE]\\d{9}");
    private static final Pattern HS = Pattern.compile("\\d{10}");

    private ListChecker() {
    }

    static List<VerificationList.ListFinding> check(VerificationList list, String callerEnterprise,
                                                    List<SecondLineRules.ListCheck> checks, ReferenceLookups lookups) {
        List<VerificationList.ListFinding> out = new ArrayList<>();
        for (SecondLineRules.ListCheck c : checks) {
            if (!c.enabled()) {
                continue;
            }
            switch (c.kind()) {
                case "LIST-BASIC-NUMBER" -> {
                    if (list.listNo() == null || !LIST_NO.matcher(list.listNo()).matches()) {
                        out.add(finding(c, null));
                    }
                }
                case "LIST-BASIC-HS" -> list.items().stream()
                        .filter(l -> l.hsCode() == null || !HS.matcher(l.hsCode()).matches())
                        .forEach(l -> out.add(finding(c, l.seq())));
                case "LIST-PERMISSION-OWNER" -> {
                    if (callerEnterprise != null && !callerEnterprise.equals(list.enterpriseUscc())) {
                        out.add(finding(c, null));
                    }
                }
                case "LIST-GENERAL-ITEMS" -> {
                    if (list.items().isEmpty()) {
                        out.add(finding(c, null));
                    }
                    list.items().stream().filter(l -> l.quantity() == null || l.quantity().signum() <= 0)
                            .forEach(l -> out.add(finding(c, l.seq())));
                }
                case "LIST-TAX-CURRENCY" -> list.items().stream()
                        .filter(l -> l.currency() != null && !lookups.knownCode("CURRENCY", l.currency()))
                        .forEach(l -> out.add(finding(c, l.seq())));
                case "LIST-INSPECTION-ORIGIN" -> list.items().stream()
                        .filter(l -> l.originCountry() != null && !lookups.knownCode("COUNTRY_REGION", l.originCountry()))
                        .forEach(l -> out.add(finding(c, l.seq())));
                case "LIST-LICENCE-MODE" -> {
                    Set<String> modes = c.parameter() == null ? Set.of() : Arrays.stream(c.parameter().split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
                    if (VerificationList.DOMESTIC_SALE.equals(list.listType()) && !modes.isEmpty()
                            && !modes.contains(list.supervisionMode())) {
                        out.add(finding(c, null));
                    }
                }
                case "LIST-COMMODITY-WEIGHT" -> {
                    BigDecimal gross = list.grossWeight();
                    BigDecimal net = list.netWeight();
                    if (gross != null && net != null && gross.compareTo(net) <= 0) {
                        out.add(finding(c, null));
                    }
                }
                case "LIST-DOCUMENTS-LEDGER" -> {
                    if (list.ledgerNo() == null || list.ledgerNo().isBlank()) {
                        out.add(finding(c, null));
                    }
                }
                case "LIST-BUSINESS-EXHAUSTED" -> {
                    if (!list.items().isEmpty() && list.exhausted()) {
                        out.add(finding(c, null));
                    }
                }
                default -> {
                    // A check configured without code behind it checks nothing; the rule list shows it as such.
                }
            }
        }
        return out;
    }

    private static VerificationList.ListFinding finding(SecondLineRules.ListCheck c, Integer seq) {
        return new VerificationList.ListFinding(c.family(), c.code(), seq, c.messageZh(), c.messageEn());
    }
}
