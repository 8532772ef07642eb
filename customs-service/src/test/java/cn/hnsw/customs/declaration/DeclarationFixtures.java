package cn.hnsw.customs.declaration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Declarations as an enterprise fills them: real codes from the seeded parameter tables, Hainan parties. */
public final class DeclarationFixtures {

    private DeclarationFixtures() {
    }

    public static Map<String, Object> header(String enterprise) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("declareCustoms", "6400");
        h.put("entryExitCustoms", "6400");
        h.put("supervisionMode", "0110");
        h.put("levyNature", "101");
        h.put("transportMode", "2");
        h.put("vesselName", "COSCO HAIKOU");
        h.put("voyageNo", "2611E");
        h.put("billOfLadingNo", "HNBL2026110001");
        h.put("domesticTraderUscc", enterprise);
        h.put("domesticTraderName", "海南洋浦新材料科技有限公司");
        h.put("overseasTraderName", "PACIFIC RESINS PTE. LTD.");
        h.put("declarantUscc", enterprise);
        h.put("declarantName", "海南洋浦新材料科技有限公司");
        h.put("tradingCountry", "SGP");
        h.put("departureCountry", "SGP");
        h.put("portCode", "SGSIN");
        h.put("transactionMode", "1");
        h.put("packageType", "22");
        h.put("packages", 120);
        h.put("grossWeight", "5400.5");
        h.put("netWeight", "5200");
        h.put("goodsAttributes", "19,HN01");
        return h;
    }

    public static Map<String, Object> item(String hsCode, String name) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("hsCode", hsCode);
        i.put("name", name);
        i.put("specification", "0|0|聚对苯二甲酸乙二醇酯|初级形状|瓶级");
        i.put("quantity", "5000");
        i.put("unit", "035");
        i.put("legalQuantity", "5000");
        i.put("legalUnit", "035");
        i.put("unitPrice", "1.25");
        i.put("totalPrice", "6250.00");
        i.put("currency", "USD");
        i.put("originCountry", "SGP");
        i.put("destinationCountry", "CHN");
        i.put("levyMode", "3");
        i.put("grossWeight", "260");
        i.put("netWeight", "250");
        return i;
    }

    public static Map<String, Object> request(String type, Map<String, Object> header, List<Map<String, Object>> items) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("declarationType", type);
        r.put("header", header);
        r.put("items", new ArrayList<>(items));
        return r;
    }

    public static Map<String, Object> directRelease(String enterprise, String... hsCodes) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String hs : hsCodes) {
            items.add(item(hs, "聚对苯二甲酸乙二醇酯切片"));
        }
        return request("DIRECT_RELEASE", header(enterprise), items);
    }
}
