package cn.hnsw.passenger.declaration;

import cn.hnsw.common.web.FieldViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 校验 — checks a declaration (or a deletion) against the {@link ValidationSettings} in force. Pure: returns every
 * violation at once with its Chinese and English message, so the traveler fixes them in one go.
 */
public final class DeclarationValidator {

    private DeclarationValidator() {
    }

    public static List<FieldViolation> validate(DeclarationContent c, ValidationSettings s, LocalDate today) {
        List<FieldViolation> v = new ArrayList<>();
        if (c.port() == null) {
            v.add(new FieldViolation("port", "required", "请选择离岛口岸", "Choose the port of departure"));
        }
        if (c.transportMode() == null) {
            v.add(new FieldViolation("transportMode", "required", "请选择运输方式", "Choose the means of transport"));
        }
        if (c.departureDate() == null) {
            v.add(new FieldViolation("departureDate", "required", "请填写离岛日期", "Enter the departure date"));
        } else if (c.departureDate().isBefore(today) || c.departureDate().isAfter(today.plusDays(30))) {
            v.add(new FieldViolation("departureDate", "range", "离岛日期须在今天起 30 天内",
                    "The departure date must be within 30 days from today"));
        }
        requireText(v, s, "ticketNo", c.ticketNo(), "票号（航班/船票/车票）", "ticket number", 32);
        requireText(v, s, "travelerName", c.travelerName(), "旅客姓名", "traveler name", 50);
        requireText(v, s, "documentNo", c.documentNo(), "证件号码", "identity document number", 30);
        if (c.items().isEmpty()) {
            v.add(new FieldViolation("items", "required", "至少申报一件物品", "Declare at least one article"));
        }
        if (c.items().size() > s.maxItems()) {
            v.add(new FieldViolation("items", "max", "申报物品不得超过 " + s.maxItems() + " 件",
                    "At most " + s.maxItems() + " articles per declaration"));
        }
        Map<ArticleCategory, BigDecimal> perCategory = new EnumMap<>(ArticleCategory.class);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < c.items().size(); i++) {
            BaggageItem item = c.items().get(i);
            String f = "items[" + i + "]";
            if (item == null) {
                v.add(new FieldViolation(f, "required", "物品不能为空", "The article is empty"));
                continue;
            }
            if (item.category() == null) {
                v.add(new FieldViolation(f + ".category", "required", "请选择物品类别", "Choose the article category"));
            }
            if (item.name() == null || item.name().isBlank() || item.name().length() > 100) {
                v.add(new FieldViolation(f + ".name", "required", "请填写物品名称（100 字以内）",
                        "Enter the article name (at most 100 characters)"));
            } else {
                String lower = item.name().toLowerCase(Locale.ROOT);
                for (String word : s.prohibitedItems()) {
                    if (lower.contains(word.toLowerCase(Locale.ROOT))) {
                        v.add(new FieldViolation(f + ".name", "prohibited", "“" + word + "”属于禁止携带出岛物品",
                                "\"" + word + "\" may not be carried off the island"));
                    }
                }
            }
            if (item.quantity() == null || item.quantity().signum() <= 0 || item.quantity().scale() > 3) {
                v.add(new FieldViolation(f + ".quantity", "positive", "数量须为正数（最多三位小数）",
                        "The quantity must be positive (at most three decimals)"));
            } else if (item.category() != null) {
                perCategory.merge(item.category(), item.quantity(), BigDecimal::add);
            }
            if (s.requiredFields().contains("item.unit") && (item.unit() == null || item.unit().isBlank())) {
                v.add(new FieldViolation(f + ".unit", "required", "请填写计量单位", "Enter the unit"));
            }
            if (item.value() == null) {
                if (s.requiredFields().contains("item.value")) {
                    v.add(new FieldViolation(f + ".value", "required", "请填写物品价值", "Enter the article's value"));
                }
                continue;
            }
            if (item.value().signum() < 0 || item.value().scale() > 2) {
                v.add(new FieldViolation(f + ".value", "positive", "价值须为非负金额（最多两位小数）",
                        "The value must be a non-negative amount (at most two decimals)"));
                continue;
            }
            String currency = item.currency() == null ? "CNY" : item.currency();
            BigDecimal rate = s.exchangeRates().get(currency);
            if (rate == null) {
                v.add(new FieldViolation(f + ".currency", "supported", "不支持的币种 " + currency,
                        "Currency " + currency + " is not accepted"));
                continue;
            }
            BigDecimal cny = item.value().multiply(rate).setScale(2, RoundingMode.HALF_UP);
            total = total.add(cny);
            if (s.itemValueLimit() != null && cny.compareTo(s.itemValueLimit()) > 0) {
                v.add(new FieldViolation(f + ".value", "threshold",
                        "单件物品价值超过 " + s.itemValueLimit().toPlainString() + " 元，请到海关柜台申报",
                        "One article is worth more than CNY " + s.itemValueLimit().toPlainString()
                                + "; declare it at the customs counter"));
            }
        }
        perCategory.forEach((category, quantity) -> {
            BigDecimal limit = s.quantityLimits().get(category);
            if (limit != null && quantity.compareTo(limit) > 0) {
                v.add(new FieldViolation("items", "quantityLimit",
                        category.nameZh() + "数量合计 " + quantity.toPlainString() + " 超过限量 " + limit.toPlainString(),
                        category.nameEn() + ": total quantity " + quantity.toPlainString() + " exceeds the limit "
                                + limit.toPlainString()));
            }
        });
        if (s.totalValueLimit() != null && total.compareTo(s.totalValueLimit()) > 0) {
            v.add(new FieldViolation("items", "totalThreshold",
                    "申报物品总价值超过 " + s.totalValueLimit().toPlainString() + " 元",
                    "The declared total exceeds CNY " + s.totalValueLimit().toPlainString()));
        }
        return v;
    }

    /** A deletion also passes the settings: the reason may be required. */
    public static List<FieldViolation> validateDeletion(String reason, ValidationSettings s) {
        List<FieldViolation> v = new ArrayList<>();
        if (s.requiredFields().contains("deletionReason") && (reason == null || reason.isBlank())) {
            v.add(new FieldViolation("reason", "required", "请填写删除原因", "Enter the reason for deleting"));
        }
        if (reason != null && reason.length() > 200) {
            v.add(new FieldViolation("reason", "max", "删除原因不超过 200 字", "The reason is at most 200 characters"));
        }
        return v;
    }

    private static void requireText(List<FieldViolation> v, ValidationSettings s, String field, String value,
                                     String zh, String en, int max) {
        boolean blank = value == null || value.isBlank();
        if (blank && s.requiredFields().contains(field)) {
            v.add(new FieldViolation(field, "required", "请填写" + zh, "Enter the " + en));
        } else if (!blank && value.length() > max) {
            v.add(new FieldViolation(field, "max", zh + "不超过 " + max + " 个字符",
                    "The " + en + " is at most " + max + " characters"));
        }
    }
}
