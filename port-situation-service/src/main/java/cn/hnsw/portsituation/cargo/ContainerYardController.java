package cn.hnsw.portsituation.cargo;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.portsituation.basedata.PortScope;
import cn.hnsw.portsituation.cargo.ContainerYardRepository.Slot;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * 海港港口堆场立体化展示 (S2 FP 413–416, 434–436): the yard by block, bay, row and tier from the containers' latest
 * positions — one tier of it ({@code tier}), the foreign-trade import and export containers ({@code trade=FOREIGN},
 * {@code direction}), the counts per block and per tier — and a container's details with the goods its documents
 * declare. Port-limited officers see their port's yard only ({@link PortScope}).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/container-yard")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer','gov-province','gov-provincial-dept')")
class ContainerYardController {

    private final ContainerYardRepository yard;
    private final PortScope scope;

    ContainerYardController(ContainerYardRepository yard, PortScope scope) {
        this.yard = yard;
        this.scope = scope;
    }

    @GetMapping
    Map<String, Object> yard(@RequestParam(required = false) String portCode,
                             @RequestParam(required = false) String block, @RequestParam(required = false) Integer tier,
                             @RequestParam(required = false) String trade,
                             @RequestParam(required = false) String direction) {
        String port = scope.limit(portCode);
        String b = block == null || block.isBlank() ? null : block.strip().toUpperCase(Locale.ROOT);
        if (b != null && !b.matches("[A-Z0-9]{1,6}")) {
            throw new HnswException(CargoErrorCode.YARD_QUERY_INVALID, "block: letters and digits / 箱区编号无效");
        }
        if (tier != null && (tier < 1 || tier > 9)) {
            throw new HnswException(CargoErrorCode.YARD_QUERY_INVALID, "tier: 1–9 / 层须为 1–9");
        }
        String t = choice(trade, "trade", List.of("DOMESTIC", "FOREIGN"));
        String d = choice(direction, "direction", List.of("IMPORT", "EXPORT"));
        List<Slot> slots = yard.yard(port, b, tier, t, d);
        Map<String, Map<String, Object>> blocks = new TreeMap<>();
        Map<Integer, Integer> tiers = new TreeMap<>();
        int foreignImport = 0;
        int foreignExport = 0;
        for (Slot s : slots) {
            Map<String, Object> row = blocks.computeIfAbsent(s.portCode() + "/" + s.block(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("portCode", s.portCode());
                m.put("block", s.block());
                m.put("containers", 0);
                m.put("bays", 0);
                m.put("rows", 0);
                m.put("tiers", 0);
                return m;
            });
            row.merge("containers", 1, (a, x) -> (Integer) a + 1);
            row.merge("bays", s.bay(), (a, x) -> Math.max((Integer) a, (Integer) x));
            row.merge("rows", s.row(), (a, x) -> Math.max((Integer) a, (Integer) x));
            row.merge("tiers", s.tier(), (a, x) -> Math.max((Integer) a, (Integer) x));
            tiers.merge(s.tier(), 1, Integer::sum);
            if ("FOREIGN".equals(s.trade())) {
                foreignImport += "IMPORT".equals(s.direction()) ? 1 : 0;
                foreignExport += "EXPORT".equals(s.direction()) ? 1 : 0;
            }
        }
        List<Map<String, Object>> perTier = new ArrayList<>();
        tiers.forEach((k, v) -> perTier.add(Map.of("tier", k, "containers", v)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("portCode", port);
        out.put("total", slots.size());
        out.put("foreignImport", foreignImport);
        out.put("foreignExport", foreignExport);
        out.put("blocks", new ArrayList<>(blocks.values()));
        out.put("tiers", perTier);
        out.put("containers", slots);
        return out;
    }

    /** 集装箱详情 and 集装箱货物: the container's latest position and slot, and its documents with their goods. */
    @GetMapping("/containers/{containerNo}")
    Map<String, Object> container(@PathVariable String containerNo) {
        String no = containerNo.strip().toUpperCase(Locale.ROOT);
        List<Map<String, Object>> latest = yard.latest(no);
        if (latest.isEmpty()) {
            throw new HnswException(CargoErrorCode.CONTAINER_NOT_FOUND, no);
        }
        Map<String, Object> out = new LinkedHashMap<>(latest.getFirst());
        scope.check((String) out.get("portCode"));
        List<Map<String, Object>> documents = yard.documents(no, (String) out.get("portCode"));
        out.put("documents", documents);
        List<Map<String, Object>> goods = new ArrayList<>();
        for (Map<String, Object> doc : documents) {
            if (doc.get("goodsNameZh") != null || doc.get("hsCode") != null) {
                goods.add(doc);
            }
        }
        out.put("goods", goods);
        return out;
    }

    private static String choice(String value, String name, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new HnswException(CargoErrorCode.YARD_QUERY_INVALID, name + ": one of " + allowed + " / 取值无效");
        }
        return v;
    }
}
