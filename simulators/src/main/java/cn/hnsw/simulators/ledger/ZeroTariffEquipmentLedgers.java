package cn.hnsw.simulators.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the 金关二期 simulator answers about an enterprise's zero-tariff vehicle and yacht ledgers (零关税交通工具及游艇账册)
 * and self-use production equipment ledgers (零关税自用生产设备账册): ledgers customs keeps and the platform only reads.
 * The records are derived from the credit code (the same code always gets the same ledgers, each enterprise its own);
 * a ledger number names its enterprise, so asking for another enterprise's number finds nothing. Pure: no Spring.
 */
public final class ZeroTariffEquipmentLedgers {

    public static final String QUERY = "EQUIPMENT_LEDGER_QUERY";
    public static final String LEDGERS = "EQUIPMENT_LEDGERS";
    public static final String REFUSED = "EQUIPMENT_LEDGER_QUERY_REFUSED";

    /** The two kinds of ledger, with their number prefixes and names. */
    public enum Kind {
        VEHICLE_YACHT("HNJT", "零关税交通工具及游艇账册"),
        SELF_USE_EQUIPMENT("HNSB", "零关税自用生产设备账册");

        final String prefix;
        final String nameZh;

        Kind(String prefix, String nameZh) {
            this.prefix = prefix;
            this.nameZh = nameZh;
        }
    }

    private static final String[][] VEHICLES = {
            {"VEHICLE", "8703234110", "小型客车", "丰田 汉兰达 2.0T", "辆"},
            {"VEHICLE", "8704210000", "轻型货车", "福田 欧马可 S1", "辆"},
            {"YACHT", "8903920090", "游艇", "亚光 YG-58 机动游艇", "艘"},
            {"VEHICLE", "8702109100", "旅游大巴", "宇通 ZK6127", "辆"}};
    private static final String[][] EQUIPMENT = {
            {"EQUIPMENT", "8477101090", "注塑机", "海天 MA3600", "台"},
            {"EQUIPMENT", "8456110090", "激光切割机", "通快 TruLaser 3030", "台"},
            {"EQUIPMENT", "8428330000", "带式输送机", "西门子 LB-1200", "台"},
            {"EQUIPMENT", "9031809090", "三坐标测量机", "海克斯康 Global S", "台"}};

    private ZeroTariffEquipmentLedgers() {
    }

    /** The reply to a query: every ledger of the kind, or the one named by {@code ledgerNo}, with their items. */
    public static Map<String, Object> answer(String enterprise, String kindName, String ledgerNo) {
        if (!EnterpriseCreditRecords.isUscc(enterprise)) {
            return refused("BAD_USCC", "统一社会信用代码无效 / invalid unified social credit code");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(kindName);
        } catch (IllegalArgumentException | NullPointerException e) {
            return refused("BAD_KIND", "账册种类无效 / unknown ledger kind");
        }
        List<Map<String, Object>> ledgers = ledgers(enterprise, kind);
        if (ledgerNo != null && !ledgerNo.isBlank()) {
            ledgers = ledgers.stream().filter(l -> ledgerNo.equals(l.get("ledgerNo"))).toList();
            if (ledgers.isEmpty()) {
                return refused("NOT_FOUND", "账册 " + ledgerNo + " 不存在或不属于该企业 / no such ledger of this enterprise");
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("messageType", LEDGERS);
        r.put("enterprise", enterprise);
        r.put("kind", kind.name());
        r.put("ledgers", ledgers);
        r.put("source", "金关二期零关税账册（模拟器）/ Golden Customs II zero-tariff ledgers (simulator)");
        r.put("simulator", true);
        return r;
    }

    static List<Map<String, Object>> ledgers(String enterprise, Kind kind) {
        int seed = Math.floorMod((enterprise + kind).hashCode(), 10_000);
        int count = 1 + seed % 2;
        String[][] catalogue = kind == Kind.VEHICLE_YACHT ? VEHICLES : EQUIPMENT;
        List<Map<String, Object>> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("ledgerNo", kind.prefix + enterprise.substring(8, 16) + (n + 1));
            l.put("ledgerName", kind.nameZh);
            l.put("enterprise", enterprise);
            l.put("customsCode", n == 0 ? "6401" : "6408");
            l.put("customsName", n == 0 ? "海口海关" : "洋浦海关");
            LocalDate opened = LocalDate.of(2025, 1 + (seed + n) % 12, 1 + (seed / 12 + n) % 28);
            l.put("openedOn", opened.toString());
            l.put("status", "ACTIVE");
            List<Map<String, Object>> items = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal relief = BigDecimal.ZERO;
            int itemCount = 1 + (seed + n) % 3;
            for (int i = 0; i < itemCount; i++) {
                String[] c = catalogue[(seed + n + i) % catalogue.length];
                BigDecimal value = BigDecimal.valueOf(120_000L + ((seed * 37L + i * 7_919L + n * 104_729L) % 880_000L));
                BigDecimal duty = value.multiply(new BigDecimal("0.22")).setScale(2, RoundingMode.HALF_UP);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("itemNo", i + 1);
                item.put("category", c[0]);
                item.put("hsCode", c[1]);
                item.put("nameZh", c[2]);
                item.put("model", c[3]);
                item.put("unit", c[4]);
                item.put("quantity", 1);
                item.put("identifier", (c[0].equals("YACHT") ? "HULL-" : c[0].equals("VEHICLE") ? "LVIN" : "SN-")
                        + enterprise.substring(10, 16) + n + i);
                item.put("declaredValueCny", value);
                item.put("dutyRelievedCny", duty);
                item.put("importedOn", opened.plusDays(10L + i).toString());
                item.put("declarationNo", "6401" + opened.getYear() + String.format("%010d", (seed * 31L + n * 101L + i) % 10_000_000_000L));
                // supervised for a period after import; sale or transfer within it needs customs' approval
                item.put("supervisionEndsOn", opened.plusDays(10L + i).plusYears(kind == Kind.VEHICLE_YACHT ? 4 : 3).toString());
                items.add(item);
                total = total.add(value);
                relief = relief.add(duty);
            }
            l.put("itemCount", items.size());
            l.put("declaredValueCny", total);
            l.put("dutyRelievedCny", relief);
            l.put("items", items);
            out.add(l);
        }
        return out;
    }

    private static Map<String, Object> refused(String code, String reason) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("messageType", REFUSED);
        r.put("code", code);
        r.put("reason", reason);
        return r;
    }
}
