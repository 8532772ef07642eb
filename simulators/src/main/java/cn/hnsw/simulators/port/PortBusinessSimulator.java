package cn.hnsw.simulators.port;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 口岸业务数据模拟器 — the business side of the ports that the one-map indicator system reads and no other simulator
 * sends: the port group's ticketing (vehicle and passenger trips across the Qiongzhou Strait, baggage declarations),
 * the terminals (truck trips, cargo operations, yard stock), the customs statistics (trade and second-line
 * declarations with value, weight, duty, control hits and inspections), the exchange nodes (data exchanged with the
 * Smart Customs platform, port operators and business units) and joint inspections; plus the queue lengths of the
 * inspection and waiting areas as flow observations. Each report on {@code hnsw.platform.port-business-fact} or
 * {@code hnsw.platform.port-flow-observed}, through the simulators' outbox. Off unless
 * {@code hnsw.simulators.port.feeds.enabled}.
 */
@Component
public class PortBusinessSimulator extends PeriodicSimulator {

    static final String FACT_TOPIC = "hnsw.platform.port-business-fact";
    static final String FLOW_TOPIC = "hnsw.platform.port-flow-observed";
    static final String SOURCE = "port-business-simulator";
    /** The subjects this simulator reports. */
    public static final List<String> SUBJECTS = List.of("VEHICLE_TRIP", "PASSENGER_TRIP", "BAGGAGE_DECLARATION",
            "TRUCK_TRIP", "CARGO_DECLARATION", "DATA_EXCHANGE", "JOINT_INSPECTION", "YARD_STOCK", "CARGO_OPERATION");

    private static final String[] GOODS = {"机电产品", "农产品", "化工品", "水产品", "日用消费品", "矿产品", "汽车零部件"};
    private static final String[] BAGGAGE = {"免税化妆品", "免税烟酒", "热带水果", "海产干货", "电子产品", "工艺品"};
    private static final String[] TRADE_MODES = {"一般贸易", "加工贸易", "保税物流", "跨境电商"};
    private static final String[] CLEARANCE = {"直接放行", "查验放行", "提前申报", "两步申报"};
    private static final String[] ENTERPRISES = {"海南洋浦国际物流有限公司", "海南椰风贸易有限公司", "海口港湾进出口有限公司",
            "三亚南山供应链有限公司", "海南热带农业发展有限公司"};
    private static final String[] REGIONS = {"海口市", "三亚市", "儋州市", "琼海市", "澄迈县", "文昌市"};
    private static final String[] COUNTRIES = {"新加坡", "越南", "泰国", "澳大利亚", "日本", "马来西亚"};
    private static final String[] CARGO_TYPES = {"CONTAINER", "BULK", "REEFER", "DANGEROUS", "LIQUID"};
    private static final String[] TRUCK_CLASSES = {"HEAVY", "MEDIUM", "LIGHT", "MINI"};
    private static final String[] DATA_KINDS = {"舱单", "报关单", "放行信息", "卡口过卡", "视频事件"};
    private static final String[] FERRY_PORTS = {"XINHAI_PORT", "XIUYING_PORT"};

    private final PortSimulatorProperties.Feeds properties;
    private final PlatformEventPublisher events;

    public PortBusinessSimulator(PortSimulatorProperties properties, PlatformEventPublisher events) {
        super("port-business");
        this.properties = properties.feeds();
        this.events = events;
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected Duration interval() {
        return properties.interval();
    }

    @Override
    protected void tick() {
        round(Instant.now());
    }

    /** One round of every port's business at {@code at}; returns the reports sent. */
    public int round(Instant at) {
        List<PlatformEventPublisher.Report> reports = new ArrayList<>();
        for (PortFeeds.Port p : PortFeeds.PORTS) {
            reports.addAll(port(p, at));
        }
        events.publish(reports);
        return reports.size();
    }

    /** What one port reports in one round (package-visible for the unit test). */
    List<PlatformEventPublisher.Report> port(PortFeeds.Port p, Instant at) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<PlatformEventPublisher.Report> out = new ArrayList<>();
        boolean ferry = List.of(FERRY_PORTS).contains(p.code());
        boolean airport = "AIRPORT".equals(p.kind());
        boolean site = "SITE".equals(p.kind());
        if (ferry || airport) {
            for (String direction : List.of("OUT", "IN")) {
                String mode = r.nextInt(3) == 0 ? "ALONE" : "WITH_VEHICLE";
                out.add(fact(p, "PASSENGER_TRIP", at, Map.of("direction", direction, "mode", airport ? "ALONE" : mode,
                                "origin", pick(r, "RESIDENT", "RESIDENT", "NON_LOCAL", "NON_LOCAL", "FOREIGN"), "carried", "true"),
                        Map.of("persons", n(r.nextInt(5, 60)), "declared", n(r.nextInt(0, 5)))));
            }
            out.add(fact(p, "BAGGAGE_DECLARATION", at, Map.of("category", pick(r, BAGGAGE),
                    "mode", airport ? "ALONE" : pick(r, "WITH_VEHICLE", "ALONE")), Map.of("declarations", n(r.nextInt(1, 8)))));
        }
        if (ferry) {
            for (String direction : List.of("OUT", "IN")) {
                String type = pick(r, "SEDAN_FUEL", "SEDAN_FUEL", "SEDAN_NEV", "BUS_25_PLUS", "OTHER");
                String vehicleClass = type.startsWith("SEDAN") ? "SMALL" : type.equals("BUS_25_PLUS") ? "COACH" : "OTHER";
                out.add(fact(p, "VEHICLE_TRIP", at, Map.of("direction", direction, "vehicleClass", vehicleClass,
                        "vehicleType", type, "carried", "true"), Map.of("vehicles", n(r.nextInt(1, 20)),
                        "declared", n(r.nextInt(0, 3)))));
                out.add(fact(p, "TRUCK_TRIP", at, Map.of("direction", direction, "truckClass", pick(r, TRUCK_CLASSES),
                        "cargoType", pick(r, GOODS), "region", pick(r, REGIONS)), Map.of("trucks", n(r.nextInt(1, 12)),
                        "tonnes", decimal(r, 5, 300))));
            }
            for (String flow : List.of("PASSENGER_VEHICLE", "PASSENGER", "FREIGHT")) {
                for (String area : List.of("INSPECTION_AREA", "WAITING_AREA")) {
                    out.add(queue(p, flow, area, r.nextInt(0, "PASSENGER".equals(flow) ? 300 : 80), at));
                }
            }
        }
        if (!ferry || r.nextBoolean()) {
            boolean foreign = !site && r.nextInt(3) > 0;
            String direction = foreign ? pick(r, "IMPORT", "EXPORT") : "OUT_ISLAND";
            int declarations = r.nextInt(1, 6);
            int inspected = r.nextInt(0, declarations + 1);
            int controlHit = r.nextInt(0, Math.min(2, declarations) + 1);
            Map<String, String> dims = new LinkedHashMap<>();
            dims.put("trade", foreign ? "FOREIGN" : "SECOND_LINE");
            dims.put("direction", direction);
            dims.put("goodsType", pick(r, GOODS));
            dims.put("tradeMode", pick(r, TRADE_MODES));
            dims.put("clearanceType", pick(r, CLEARANCE));
            dims.put("enterprise", pick(r, ENTERPRISES));
            dims.put("region", pick(r, REGIONS));
            dims.put("partnerCountry", foreign ? pick(r, COUNTRIES) : "中国");
            dims.put("flow", airport ? "AIR_CARGO" : site ? "FREIGHT" : pick(r, "CONTAINER", "BULK", "FREIGHT"));
            Map<String, BigDecimal> m = new LinkedHashMap<>();
            BigDecimal value = decimal(r, 20_000, 3_000_000);
            m.put("declarations", n(declarations));
            m.put("valueCny", value);
            m.put("tonnes", decimal(r, 1, 800));
            m.put("tariffCny", foreign && "IMPORT".equals(direction)
                    ? value.multiply(new BigDecimal("0.06")).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO);
            m.put("controlHit", n(controlHit));
            m.put("seized", n(r.nextInt(0, controlHit + 1)));
            m.put("inspected", n(inspected));
            m.put("compliant", n(r.nextInt(0, inspected + 1)));
            m.put("clearanceMinutes", decimal(r, 10, 240));
            m.put("costCny", decimal(r, 200, 3_000));
            out.add(fact(p, "CARGO_DECLARATION", at, dims, m));
        }
        if (!ferry && !site) {
            String cargoType = airport ? "CONTAINER" : pick(r, CARGO_TYPES);
            int standard = r.nextInt(30, 120);
            out.add(fact(p, "CARGO_OPERATION", at, Map.of("cargoType", cargoType, "direction", pick(r, "IN", "OUT")),
                    Map.of("tonnes", decimal(r, 10, 5_000), "teu", n(r.nextInt(0, 60)),
                            "standardMinutes", n(standard), "operationMinutes", n(standard + r.nextInt(-20, 60)),
                            "transportMinutes", decimal(r, 30, 600))));
            int capacity = airport ? 2_000 : 20_000;
            out.add(fact(p, "YARD_STOCK", at, Map.of("yardKind", airport ? "AIRPORT" : "SEAPORT"),
                    Map.of("stockTeu", n(r.nextInt(capacity / 5, capacity)), "capacityTeu", n(capacity))));
        }
        String counterpart = pick(r, "SMART_CUSTOMS", "PORT_OPERATOR", "BUSINESS_UNIT");
        out.add(fact(p, "DATA_EXCHANGE", at, Map.of("counterpart", counterpart, "dataKind", pick(r, DATA_KINDS)),
                Map.of("messages", n(r.nextInt(10, 2_000)))));
        if (r.nextInt(3) == 0 || site) {
            int baseline = r.nextInt(90, 240);
            int clearance = r.nextInt(30, baseline);
            out.add(fact(p, "JOINT_INSPECTION", at, Map.of("flow", airport ? "AIR_CARGO" : "FREIGHT"),
                    Map.of("inspectionMinutes", n(r.nextInt(10, 90)), "clearanceMinutes", n(clearance),
                            "baselineMinutes", n(baseline), "savedMinutes", n(baseline - clearance))));
        }
        return out;
    }

    private static PlatformEventPublisher.Report fact(PortFeeds.Port p, String subject, Instant at,
                                                      Map<String, String> dims, Map<String, BigDecimal> measures) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("portCode", p.code());
        data.put("subject", subject);
        data.put("dims", dims);
        data.put("measures", measures);
        data.put("occurredAt", at.toString());
        data.put("source", SOURCE);
        return new PlatformEventPublisher.Report(FACT_TOPIC, "PortFact", p.code() + "-" + subject, data);
    }

    private static PlatformEventPublisher.Report queue(PortFeeds.Port p, String flow, String area, int length,
                                                       Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("portCode", p.code());
        data.put("flow", flow);
        data.put("stage", "QUEUE");
        data.put("quantity", length);
        data.put("area", area);
        data.put("occurredAt", at.toString());
        data.put("source", SOURCE);
        return new PlatformEventPublisher.Report(FLOW_TOPIC, "PortFlow", p.code() + "-" + flow + "-" + area, data);
    }

    private static String pick(ThreadLocalRandom r, String... values) {
        return values[r.nextInt(values.length)];
    }

    private static BigDecimal n(int v) {
        return BigDecimal.valueOf(v);
    }

    private static BigDecimal decimal(ThreadLocalRandom r, double min, double max) {
        return BigDecimal.valueOf(r.nextDouble(min, max)).setScale(2, RoundingMode.HALF_UP);
    }
}
