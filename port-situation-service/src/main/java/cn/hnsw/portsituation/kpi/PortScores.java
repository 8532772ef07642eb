package cn.hnsw.portsituation.kpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 口岸指标体系 — the indicator system of the ten second-line ports and the central inspection site: six dimensions
 * scored 0–100 (the spec's 设施, 通关能力, 通关便利, 智慧能力, 业务协同, 经济效益), their mean over the dimensions that
 * have data as the overall score, and the rank. A dimension without data is null, never a made-up value. Economic
 * benefit (经济效益) is the port's contribution to the free-trade port as the tender measures it — trade value, trade
 * volume, foreign-trade enterprises and customs duty (贸易额、贸易货量、外贸企业、关税) of today's cargo declarations —
 * each relative to the leading port (100) and averaged over those measures that any port has; null when no port
 * has any declaration today.
 */
public final class PortScores {

    /** The six dimensions, in the order of the radar chart. */
    public static final List<String> DIMENSIONS = List.of("facilities", "throughput", "facilitation", "smart",
            "collaboration", "economy");

    private PortScores() {
    }

    /** One port's scores. */
    public record Score(String portCode, String nameZh, String nameEn, Map<String, Double> dimensions, Double overall,
                        int rank) {
    }

    public static List<Score> of(List<PortFacts> ports) {
        long maxEntries = ports.stream().mapToLong(PortFacts::entriesToday).max().orElse(0);
        double maxValue = max(ports, PortFacts::tradeValueCny);
        double maxTonnes = max(ports, PortFacts::tradeTonnes);
        double maxEnterprises = max(ports, p -> (double) p.foreignTradeEnterprises());
        double maxTariff = max(ports, PortFacts::tariffCny);
        List<Score> unranked = new ArrayList<>();
        for (PortFacts p : ports) {
            Map<String, Double> d = new LinkedHashMap<>();
            d.put("facilities", share(p.facilitiesOnline(), p.facilities()));
            d.put("throughput", maxEntries == 0 ? null : round(100.0 * p.entriesToday() / maxEntries));
            d.put("facilitation", share(p.passesReleased(), p.passesDecided()));
            d.put("smart", share(p.gatesOnline(), p.gates()));
            d.put("collaboration", share(p.matchedContainers(), p.anyContainers()));
            d.put("economy", mean(relative(p.tradeValueCny(), maxValue), relative(p.tradeTonnes(), maxTonnes),
                    relative(p.foreignTradeEnterprises(), maxEnterprises), relative(p.tariffCny(), maxTariff)));
            double sum = 0;
            int n = 0;
            for (Double v : d.values()) {
                if (v != null) {
                    sum += v;
                    n++;
                }
            }
            unranked.add(new Score(p.portCode(), p.nameZh(), p.nameEn(), d, n == 0 ? null : round(sum / n), 0));
        }
        List<Score> sorted = new ArrayList<>(unranked);
        sorted.sort(Comparator.comparing((Score s) -> s.overall() == null ? -1 : s.overall()).reversed());
        List<Score> out = new ArrayList<>();
        for (Score s : unranked) {
            int rank = s.overall() == null ? 0 : 1 + (int) sorted.stream()
                    .filter(o -> o.overall() != null && o.overall() > s.overall()).count();
            out.add(new Score(s.portCode(), s.nameZh(), s.nameEn(), s.dimensions(), s.overall(), rank));
        }
        return out;
    }

    /** The largest figure of any port (0 for none). */
    private static double max(List<PortFacts> ports, java.util.function.Function<PortFacts, Double> figure) {
        double max = 0;
        for (PortFacts p : ports) {
            max = Math.max(max, figure.apply(p));
        }
        return max;
    }

    /** The part of the leading port's figure, in percent; null where no port has the figure. */
    private static Double relative(double value, double max) {
        return max <= 0 ? null : 100.0 * value / max;
    }

    private static Double mean(Double... values) {
        double sum = 0;
        int n = 0;
        for (Double v : values) {
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : round(sum / n);
    }

    private static Double share(long part, long whole) {
        return whole <= 0 ? null : round(100.0 * part / whole);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
