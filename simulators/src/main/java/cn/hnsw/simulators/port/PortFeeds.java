package cn.hnsw.simulators.port;

import java.util.List;

/** The ten second-line ports and the central inspection site, as the port feed simulators name and place them. */
final class PortFeeds {

    record Port(String code, String nameZh, String kind, double latitude, double longitude) {
    }

    /** Approximate public coordinates (WGS-84), the same the platform's port table holds. */
    static final List<Port> PORTS = List.of(
            new Port("MEILAN_AIRPORT", "美兰机场", "AIRPORT", 19.9349, 110.4590),
            new Port("BOAO_AIRPORT", "博鳌机场", "AIRPORT", 19.1382, 110.4547),
            new Port("PHOENIX_AIRPORT", "凤凰机场", "AIRPORT", 18.3029, 109.4122),
            new Port("NANSHAN_PORT", "南山港", "SEAPORT", 18.3030, 109.1740),
            new Port("XINHAI_PORT", "新海港", "SEAPORT", 20.0550, 110.1550),
            new Port("XIUYING_PORT", "秀英港", "SEAPORT", 20.0280, 110.2800),
            new Port("MACUN_PORT", "马村港", "SEAPORT", 19.9800, 109.9900),
            new Port("YANGPU_PORT", "洋浦港", "SEAPORT", 19.7270, 109.1900),
            new Port("QINGLAN_PORT", "清澜港", "SEAPORT", 19.5550, 110.8200),
            new Port("BASUO_PORT", "八所港", "SEAPORT", 19.1000, 108.6250),
            new Port("CENTRAL_INSPECTION_SITE", "集中查验场地", "SITE", 19.9900, 110.3300));

    static Port port(String code) {
        return PORTS.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown port " + code));
    }

    private PortFeeds() {
    }
}
