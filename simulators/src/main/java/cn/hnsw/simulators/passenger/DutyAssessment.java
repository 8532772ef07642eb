package cn.hnsw.simulators.passenger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How the customs simulator assesses duty on declared articles, in declared order: articles that count against the
 * allowance are free while they fit in what is left of it; an article that does not fit is indivisible and taxed in
 * full; tobacco and alcohol are outside the allowance and taxed beyond their free quantity.
 */
public final class DutyAssessment {

    public record Article(int index, String category, String name, BigDecimal quantity, BigDecimal value,
                          String currency) {
    }

    public record Line(int index, String category, String name, BigDecimal dutiableValue, BigDecimal rate,
                       BigDecimal tax) {
    }

    public record Result(List<Line> lines, BigDecimal total, List<Integer> exemptIndexes) {
    }

    private DutyAssessment() {
    }

    public static Result assess(DutyTable table, List<Article> articles) {
        BigDecimal remaining = table.residentAllowanceCny();
        List<Line> lines = new ArrayList<>();
        List<Integer> exempt = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Article a : articles) {
            DutyTable.CategoryRule rule = table.categories().get(a.category());
            BigDecimal rate = table.exchangeRates().getOrDefault(a.currency() == null ? "CNY" : a.currency(),
                    BigDecimal.ONE);
            BigDecimal cny = (a.value() == null ? BigDecimal.ZERO : a.value()).multiply(rate)
                    .setScale(2, RoundingMode.HALF_UP);
            if (rule == null || cny.signum() == 0) {
                exempt.add(a.index());
                continue;
            }
            BigDecimal dutiable;
            if (!rule.inAllowance()) {
                BigDecimal free = rule.freeQuantity() == null ? BigDecimal.ZERO : rule.freeQuantity();
                if (a.quantity().compareTo(free) <= 0) {
                    exempt.add(a.index());
                    continue;
                }
                dutiable = cny.multiply(a.quantity().subtract(free)).divide(a.quantity(), 2, RoundingMode.HALF_UP);
            } else if (cny.compareTo(remaining) <= 0) {
                remaining = remaining.subtract(cny);
                exempt.add(a.index());
                continue;
            } else {
                dutiable = cny;
            }
            BigDecimal tax = dutiable.multiply(rule.rate()).setScale(2, RoundingMode.HALF_UP);
            lines.add(new Line(a.index(), a.category(), a.name(), dutiable, rule.rate(), tax));
            total = total.add(tax);
        }
        return new Result(lines, total, exempt);
    }
}
