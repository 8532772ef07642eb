package cn.hnsw.passenger.declaration;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 校验设置 — the rules an officer edits as data; they run on submit, modify and delete.
 *
 * @param requiredFields      optional fields made mandatory: {@code travelerName}, {@code documentNo}, {@code ticketNo},
 *                            {@code item.unit}, {@code item.value}, {@code deletionReason}
 * @param quantityLimits      the most a traveler may declare per category (sum of quantities)
 * @param prohibitedItems     words that may not appear in an article name (禁止携带物品)
 * @param itemValueLimit      the highest value in CNY of one article that may be declared online
 * @param totalValueLimit     the highest total value in CNY of one declaration
 * @param maxItems            the most articles on one declaration
 * @param exchangeRates       CNY per unit of each accepted currency (CNY itself is 1)
 */
public record ValidationSettings(Set<String> requiredFields, Map<ArticleCategory, BigDecimal> quantityLimits,
                                 List<String> prohibitedItems, BigDecimal itemValueLimit, BigDecimal totalValueLimit,
                                 int maxItems, Map<String, BigDecimal> exchangeRates) {

    public static final Set<String> KNOWN_REQUIRED_FIELDS = Set.of("travelerName", "documentNo", "ticketNo",
            "item.unit", "item.value", "deletionReason");

    public ValidationSettings {
        requiredFields = requiredFields == null ? Set.of() : Set.copyOf(requiredFields);
        quantityLimits = quantityLimits == null ? Map.of() : Map.copyOf(quantityLimits);
        prohibitedItems = prohibitedItems == null ? List.of() : List.copyOf(prohibitedItems);
        exchangeRates = exchangeRates == null ? Map.of("CNY", BigDecimal.ONE) : Map.copyOf(exchangeRates);
    }

    /** Problems with the settings themselves (an officer's edit), empty when they are usable. */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        requiredFields.stream().filter(f -> !KNOWN_REQUIRED_FIELDS.contains(f))
                .forEach(f -> problems.add("unknown required field " + f));
        quantityLimits.forEach((c, q) -> {
            if (q == null || q.signum() <= 0) {
                problems.add("quantity limit of " + c + " must be positive");
            }
        });
        if (itemValueLimit != null && itemValueLimit.signum() <= 0) {
            problems.add("itemValueLimit must be positive");
        }
        if (totalValueLimit != null && totalValueLimit.signum() <= 0) {
            problems.add("totalValueLimit must be positive");
        }
        if (maxItems < 1 || maxItems > 200) {
            problems.add("maxItems must be between 1 and 200");
        }
        if (!exchangeRates.containsKey("CNY")) {
            problems.add("exchangeRates must contain CNY");
        }
        exchangeRates.forEach((c, r) -> {
            if (!c.matches("[A-Z]{3}") || r == null || r.signum() <= 0) {
                problems.add("bad exchange rate " + c);
            }
        });
        prohibitedItems.stream().filter(p -> p == null || p.isBlank()).findAny()
                .ifPresent(p -> problems.add("prohibited item words may not be blank"));
        return problems;
    }
}
