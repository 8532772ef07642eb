package cn.hnsw.customs.subcenter;

import cn.hnsw.customs.declaration.DeclarationDocument;
import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 数据清洗 (FP 246, 915–925, R16): missing data, types and formats, code normalisation, logical consistency. The
 * document is stored as received; the issues are stored beside it for the sub-centre's staff.
 */
public final class DataCleansing {

    private DataCleansing() {
    }

    public static List<String> issues(DeclarationDocument d) {
        List<String> issues = new ArrayList<>();
        if (d.preEntryNo() == null || !d.preEntryNo().matches("\\d{18}")) {
            issues.add("预录入编号缺失或格式错误 / pre-entry number missing or malformed");
        }
        if (d.enterpriseUscc() == null || d.enterpriseUscc().length() != 18) {
            issues.add("企业统一社会信用代码缺失 / enterprise code missing");
        }
        if (d.items() == null || d.items().isEmpty()) {
            issues.add("无商品项 / no goods items");
        }
        DeclarationHeader h = d.header();
        if (h == null) {
            issues.add("无表头 / no header");
            return issues;
        }
        if (h.grossWeight() == null || h.netWeight() == null) {
            issues.add("毛重或净重缺失 / gross or net weight missing");
        }
        if (h.grossWeight() != null && h.netWeight() != null && h.grossWeight().compareTo(h.netWeight()) <= 0) {
            issues.add("毛重不大于净重 / gross weight not above net weight");
        }
        if (h.tradingCountry() != null && !h.tradingCountry().equals(h.tradingCountry().toUpperCase(Locale.ROOT))) {
            issues.add("贸易国代码已规范为大写 / trading country code normalised to upper case");
        }
        if (d.items() != null) {
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            for (DeclarationItem i : d.items()) {
                // 重复数据检查: the same code, name and total twice in one declaration.
                Integer first = seen.putIfAbsent(i.hsCode() + "|" + i.name() + "|" + i.totalPrice(), i.seq());
                if (first != null) {
                    issues.add("第" + i.seq() + "项与第" + first + "项重复 / item " + i.seq() + " repeats item " + first);
                }
                if (i.hsCode() == null || !i.hsCode().matches("\\d{10}")) {
                    issues.add("第" + i.seq() + "项商品编码格式错误 / item " + i.seq() + " HS code malformed");
                }
                if (i.totalPrice() != null && i.totalPrice().compareTo(BigDecimal.ZERO) < 0) {
                    issues.add("第" + i.seq() + "项总价为负 / item " + i.seq() + " negative total");
                }
            }
        }
        return issues;
    }

    /** 字段格式标准化 / 代码转换: upper-case country codes. */
    public static String normaliseCountry(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
