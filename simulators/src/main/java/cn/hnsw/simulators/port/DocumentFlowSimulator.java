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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 单证流模拟器 — the customs and trade-window side of the containers the terminal simulator moves: the manifest once a
 * container is on its way, the declaration once it is in the yard, the release once it is at the quay, each a report
 * on {@code hnsw.platform.document-flow}, each document once. Consignments without documents get none. Off unless
 * {@code hnsw.simulators.port.feeds.enabled}.
 */
@Component
public class DocumentFlowSimulator extends PeriodicSimulator {

    static final String TOPIC = "hnsw.platform.document-flow";
    static final String SOURCE = "document-flow-simulator";
    private static final Logger log = LoggerFactory.getLogger(DocumentFlowSimulator.class);

    private final PortSimulatorProperties.Feeds properties;
    private final ContainerTerminalSimulator terminal;
    private final PlatformEventPublisher events;
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    public DocumentFlowSimulator(PortSimulatorProperties properties, ContainerTerminalSimulator terminal,
                                 PlatformEventPublisher events) {
        super("document-flow");
        this.properties = properties.feeds();
        this.terminal = terminal;
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
    protected Duration firstDelay() {
        return properties.interval().dividedBy(2);
    }

    @Override
    protected void tick() {
        round();
    }

    /** One round: every document now due and not yet sent. Returns the reports sent. */
    public int round() {
        Instant now = Instant.now();
        List<PlatformEventPublisher.Report> reports = new ArrayList<>();
        for (ContainerTerminalSimulator.Consignment c : terminal.consignments()) {
            if (!c.documented()) {
                continue;
            }
            int stage = c.stageIndex();
            due(c, "MANIFEST", "MF", true, now, reports);
            due(c, "DECLARATION", "DC", stage >= 2, now, reports);
            due(c, "RELEASE", "RL", stage >= 3, now, reports);
        }
        events.publish(reports);
        return reports.size();
    }

    private void due(ContainerTerminalSimulator.Consignment c, String kind, String prefix, boolean due, Instant at,
                     List<PlatformEventPublisher.Report> reports) {
        String documentNo = prefix + c.containerNo();
        if (!due || !sent.add(documentNo)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("documentNo", documentNo);
        data.put("kind", kind);
        data.put("portCode", c.portCode());
        data.put("containerNo", c.containerNo());
        data.put("occurredAt", at.toString());
        data.put("source", SOURCE);
        String[] goods = c.goods();
        if (goods != null && !kind.equals("RELEASE")) {
            data.put("goodsNameZh", goods[0]);
            data.put("goodsNameEn", goods[1]);
            data.put("hsCode", goods[2]);
            data.put("packages", c.packages());
            data.put("grossKg", c.grossKg());
        }
        reports.add(new PlatformEventPublisher.Report(TOPIC, "Document", documentNo, data));
    }
}
