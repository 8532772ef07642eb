package cn.hnsw.simulators.port;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 码头集装箱作业系统模拟器 — the terminals of Yangpu, Xiuying and Xinhai: containers (ISO 6346 numbers with a valid
 * check digit) come by road, arrive at the gate, wait in the yard, go to the quay and are loaded; each move is a
 * report on {@code hnsw.platform.container-position} with the place and coordinates. A loaded container leaves the
 * terminal and a new one takes its place. One consignment in eight carries no documents (the document-flow
 * simulator skips it), so the match degree is below 100 % as in practice. Off unless
 * {@code hnsw.simulators.port.feeds.enabled}.
 */
@Component
public class ContainerTerminalSimulator extends PeriodicSimulator {

    static final String TOPIC = "hnsw.platform.container-position";
    static final String SOURCE = "container-terminal-simulator";
    static final List<String> STAGES = List.of("ON_ROAD", "ARRIVED", "IN_YARD", "ON_QUAY", "LOADED");
    private static final Logger log = LoggerFactory.getLogger(ContainerTerminalSimulator.class);
    private static final String[] OWNERS = {"HNSU", "YPCU", "COSU", "TCLU", "OOLU", "CSNU"};
    private static final String[] PORTS = {"YANGPU_PORT", "YANGPU_PORT", "YANGPU_PORT", "XIUYING_PORT", "XINHAI_PORT"};
    private static final int CONSIGNMENTS = 24;
    private static final String[][] GOODS = {
            {"冷冻带鱼", "Frozen hairtail", "0303890090"}, {"天然橡胶", "Natural rubber", "4001290000"},
            {"棕榈油", "Palm oil", "1511100000"}, {"纸浆", "Wood pulp", "4703210000"},
            {"化妆品", "Cosmetics", "3304990099"}, {"聚乙烯颗粒", "Polyethylene granules", "3901100090"}};

    /** One container's way through a terminal; {@code documented}: whether its documents exist. */
    public static final class Consignment {
        private final String containerNo;
        private final String portCode;
        private final String trade;
        private final boolean laden;
        private final boolean documented;
        private final String direction;
        private final String block;
        private final int bay;
        private final int row;
        private final int tier;
        private final int goods;
        private volatile int stage;

        Consignment(String containerNo, String portCode, String trade, boolean laden, boolean documented,
                    String direction, int slot, int goods) {
            this.containerNo = containerNo;
            this.portCode = portCode;
            this.trade = trade;
            this.laden = laden;
            this.documented = documented;
            this.direction = direction;
            // the slot follows from the consignment's place in the list, so no two share one: 4 blocks × 6 bays
            this.block = "A0" + (slot % 4 + 1);
            this.bay = 2 * (slot / 4 % 6) + 1;
            this.row = slot % 3 + 1;
            this.tier = slot / 2 % 4 + 1;
            this.goods = goods;
        }

        /** IMPORT (进) or EXPORT (出). */
        public String direction() {
            return direction;
        }

        /** What the documents declare: name (zh, en), HS code; empty boxes declare nothing. */
        public String[] goods() {
            return laden ? GOODS[goods % GOODS.length] : null;
        }

        /** Packages and gross weight of the declared goods. */
        public int packages() {
            return 200 + goods * 37 % 900;
        }

        public double grossKg() {
            return 8_000 + goods * 613 % 18_000 + 0.5;
        }

        public String containerNo() {
            return containerNo;
        }

        public String portCode() {
            return portCode;
        }

        public boolean documented() {
            return documented;
        }

        public String stage() {
            return STAGES.get(stage);
        }

        int stageIndex() {
            return stage;
        }
    }

    private final PortSimulatorProperties.Feeds properties;
    private final PlatformEventPublisher events;
    private final List<Consignment> consignments = new CopyOnWriteArrayList<>();
    private final AtomicInteger serial = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 900_000));

    public ContainerTerminalSimulator(PortSimulatorProperties properties, PlatformEventPublisher events) {
        super("container-terminal");
        this.properties = properties.feeds();
        this.events = events;
        for (int i = 0; i < CONSIGNMENTS; i++) {
            consignments.add(newConsignment(i));
        }
    }

    /** The ISO 6346 check digit of the first ten characters (owner code, category, six-digit serial). */
    static int checkDigit(String first10) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = first10.charAt(i);
            int v;
            if (Character.isDigit(c)) {
                v = c - '0';
            } else {
                // A = 10, skipping the multiples of 11 (11, 22, 33).
                v = 10 + (c - 'A');
                v += v >= 11 ? 1 : 0;
                v += v >= 22 ? 1 : 0;
                v += v >= 33 ? 1 : 0;
            }
            sum += v << i;
        }
        return sum % 11 % 10;
    }

    static String containerNumber(String owner, int serialNo) {
        String first10 = owner + String.format("%06d", serialNo % 1_000_000);
        return first10 + checkDigit(first10);
    }

    private Consignment newConsignment(int i) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String port = PORTS[r.nextInt(PORTS.length)];
        String no = containerNumber(OWNERS[r.nextInt(OWNERS.length)], serial.incrementAndGet());
        return new Consignment(no, port, port.equals("YANGPU_PORT") ? "FOREIGN" : "DOMESTIC", r.nextInt(5) != 0,
                i % 8 != 7, r.nextInt(3) == 0 ? "IMPORT" : "EXPORT", i, r.nextInt(1_000));
    }

    public List<Consignment> consignments() {
        return List.copyOf(consignments);
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
        round(0.5);
    }

    /**
     * One round: each container moves on to its next stage with the given chance (1: all of them) and reports where it
     * is; a container that was loaded in an earlier round is replaced by a new one. Returns the reports sent.
     */
    public int round(double moveChance) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Instant now = Instant.now();
        List<PlatformEventPublisher.Report> reports = new ArrayList<>();
        for (int i = 0; i < consignments.size(); i++) {
            Consignment c = consignments.get(i);
            if (c.stageIndex() == STAGES.size() - 1) {
                c = newConsignment(i);
                consignments.set(i, c);
                reports.add(report(c, now));
            } else if (r.nextDouble() < moveChance) {
                c.stage = c.stageIndex() + 1;
                reports.add(report(c, now));
            }
        }
        events.publish(reports);
        return reports.size();
    }

    private PlatformEventPublisher.Report report(Consignment c, Instant at) {
        PortFeeds.Port port = PortFeeds.port(c.portCode());
        // Road: some km inland; gate, yard and quay: a few hundred metres apart inside the terminal.
        double[] offset = switch (c.stage()) {
            case "ON_ROAD" -> new double[]{-0.045, 0.03};
            case "ARRIVED" -> new double[]{-0.006, 0.004};
            case "IN_YARD" -> new double[]{-0.003, 0.002};
            default -> new double[]{0.0, 0.0};
        };
        String place = switch (c.stage()) {
            case "ON_ROAD" -> "疏港公路 / port road";
            case "ARRIVED" -> port.nameZh() + "闸口 / terminal gate";
            case "IN_YARD" -> port.nameZh() + "堆场 / yard";
            case "ON_QUAY" -> port.nameZh() + "码头前沿 / quay";
            default -> port.nameZh() + "泊位 / berth";
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("containerNo", c.containerNo());
        data.put("portCode", c.portCode());
        data.put("latitude", port.latitude() + offset[0]);
        data.put("longitude", port.longitude() + offset[1]);
        data.put("place", place);
        data.put("stage", c.stage());
        data.put("trade", c.trade);
        data.put("laden", c.laden);
        data.put("occurredAt", at.toString());
        data.put("source", SOURCE);
        data.put("direction", c.direction);
        if (c.stage().equals("IN_YARD")) {
            data.put("yardBlock", c.block);
            data.put("yardBay", c.bay);
            data.put("yardRow", c.row);
            data.put("yardTier", c.tier);
        }
        return new PlatformEventPublisher.Report(TOPIC, "Container", c.containerNo(), data);
    }
}
