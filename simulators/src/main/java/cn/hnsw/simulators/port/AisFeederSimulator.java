package cn.hnsw.simulators.port;

import dk.dma.ais.message.AisMessage1;
import dk.dma.ais.message.AisMessage5;
import dk.dma.ais.message.AisPosition;
import dk.dma.ais.sentence.CommentBlock;
import dk.dma.ais.sentence.Vdm;
import dk.dma.enav.model.geometry.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AIS 数据源模拟器 — an AIS feeder replaying Qiongzhou Strait and Yangpu traffic to the platform's NMEA receiver over
 * TCP: AIVDM message 1 position reports and message 5 static data (two sentences), encoded by DMA AisLib, each line
 * numbered in an NMEA 4 tag block ({@code s:ais-feeder,n:<line>}). It keeps its recent lines and answers the
 * platform's {@code $PHNSW,RESEND,<from>,<to>} requests (补发). Off unless {@code hnsw.simulators.port.ais.enabled}.
 */
@Component
public class AisFeederSimulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AisFeederSimulator.class);
    private static final Pattern RESEND = Pattern.compile("^\\$PHNSW,RESEND,(\\d+),(\\d+)\\*[0-9A-Fa-f]{2}$");
    private static final int KEPT_LINES = 5_000;

    private final PortSimulatorProperties.Ais properties;
    private final List<SimulatedShip> fleet = new CopyOnWriteArrayList<>(QiongzhouTraffic.fleet());
    private final Map<Long, String> recent = new LinkedHashMap<>(KEPT_LINES, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > KEPT_LINES;
        }
    };
    private final AtomicLong lineCounter = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final Instant started = Instant.now();
    private volatile boolean running;
    private volatile Socket socket;
    private Thread worker;
    private long ticks;

    public AisFeederSimulator(PortSimulatorProperties properties) {
        this.properties = properties.ais();
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            feed();
        }
    }

    /** Starts feeding (also at run time, from the operator API); a second call changes nothing. */
    public synchronized void feed() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("simulator-ais-feeder").daemon().start(this::run);
    }

    private void run() {
        while (running) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(properties.host(), properties.port()), 5_000);
                socket = s;
                log.info("event=simulator-ais-connected host={} port={}", properties.host(), properties.port());
                Thread reader = Thread.ofVirtual().start(() -> readResendRequests(s));
                OutputStream out = s.getOutputStream();
                while (running && !s.isClosed()) {
                    sendTick(out);
                    Thread.sleep(properties.reportInterval().toMillis());
                }
                reader.interrupt();
            } catch (IOException e) {
                log.info("event=simulator-ais-disconnected error={}", e.toString());
                sleep(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sendTick(OutputStream out) throws IOException {
        double hours = Duration.between(started, Instant.now()).toMillis() / 3_600_000.0 * properties.speedUp();
        List<String> lines = new ArrayList<>();
        boolean staticRound = ticks++ % 30 == 0;
        for (SimulatedShip ship : fleet) {
            double[] p = ship.at(hours);
            lines.addAll(position(ship.mmsi(), p[0], p[1], p[3], p[2], (int) p[4]));
            if (staticRound) {
                lines.addAll(shipAndVoyage(ship));
            }
        }
        write(out, lines);
    }

    /** Sends raw lines as they are, numbered: for tests and demonstrations of malformed input. */
    public void sendRaw(List<String> lines) throws IOException {
        Socket s = socket;
        if (s == null || s.isClosed()) {
            throw new IOException("AIS feeder simulator is not connected");
        }
        write(s.getOutputStream(), lines);
    }

    private void write(OutputStream out, List<String> lines) throws IOException {
        StringBuilder chunk = new StringBuilder();
        synchronized (recent) {
            for (String line : lines) {
                long n = lineCounter.incrementAndGet();
                String numbered = numbered(line, n);
                recent.put(n, numbered);
                chunk.append(numbered).append("\r\n");
            }
        }
        synchronized (out) {
            out.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private void readResendRequests(Socket s) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = RESEND.matcher(line.strip());
                if (!m.matches()) {
                    continue;
                }
                long from = Long.parseLong(m.group(1));
                long to = Math.min(Long.parseLong(m.group(2)), from + KEPT_LINES);
                StringBuilder chunk = new StringBuilder();
                synchronized (recent) {
                    for (long n = from; n <= to; n++) {
                        String kept = recent.get(n);
                        if (kept != null) {
                            chunk.append(kept).append("\r\n");
                            resent.incrementAndGet();
                        }
                    }
                }
                OutputStream out = s.getOutputStream();
                synchronized (out) {
                    out.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                log.info("event=simulator-ais-resent from={} to={}", from, to);
            }
        } catch (IOException e) {
            // the connection ended; the sender reconnects
        }
    }

    /**
     * Sends a ship from about 1.5 nautical miles south of the point straight into it at 12 knots, sped up so that it
     * arrives within about a minute: the restricted-area demonstration of the big screen.
     */
    public SimulatedShip intrude(double latitude, double longitude) {
        int mmsi = 412_900_000 + (int) (System.nanoTime() % 90_000);
        double[] start = {latitude - 0.025, longitude - 0.005};
        double[] target = {latitude, longitude};
        // Offset the route in simulated time: the ship starts sailing now, not when the simulator started.
        double hoursNow = Duration.between(started, Instant.now()).toMillis() / 3_600_000.0 * properties.speedUp();
        double speed = 12.0;
        double head = hoursNow * speed;
        List<double[]> route = List.of(back(start, target, head), start, target);
        SimulatedShip ship = new SimulatedShip(mmsi, "MIN YU " + (mmsi % 1000), "BQMY", 0, 30, "UNKNOWN", route,
                speed, false);
        fleet.add(ship);
        log.info("event=simulator-ais-intrusion mmsi={} lat={} lon={}", mmsi, latitude, longitude);
        return ship;
    }

    /** A point behind {@code start}, {@code miles} nautical miles away on the line from target through start. */
    private static double[] back(double[] start, double[] target, double miles) {
        double d = SimulatedShip.nauticalMiles(start, target);
        double f = d == 0 ? 0 : miles / d;
        return new double[] {start[0] + (start[0] - target[0]) * f, start[1] + (start[1] - target[1]) * f};
    }

    public Map<String, Object> status() {
        return Map.of("enabled", properties.enabled(), "connected", socket != null && !socket.isClosed(),
                "linesSent", lineCounter.get(), "linesResent", resent.get(), "ships", fleet.size());
    }

    static List<String> position(int mmsi, double lat, double lon, double sog, double cog, int navStatus) {
        AisMessage1 m = new AisMessage1();
        m.setUserId(mmsi);
        m.setPos(new AisPosition(Position.create(lat, lon)));
        m.setSog((int) Math.round(sog * 10));
        m.setCog((int) Math.round(cog * 10) % 3600);
        m.setTrueHeading((int) Math.round(cog) % 360);
        m.setNavStatus(navStatus);
        return encode(m, 0);
    }

    static List<String> shipAndVoyage(SimulatedShip ship) {
        AisMessage5 m = new AisMessage5();
        m.setUserId(ship.mmsi());
        m.setName(ship.name());
        m.setCallsign(ship.callsign());
        m.setImo(ship.imo());
        m.setShipType(ship.shipType());
        m.setDest(ship.destination());
        m.setDimBow(ship.shipType() == 60 ? 110 : 160);
        m.setDimStern(ship.shipType() == 60 ? 20 : 30);
        m.setDimPort(10);
        m.setDimStarboard(10);
        m.setDraught(ship.shipType() == 60 ? 52 : 98);
        return encode(m, (int) (ship.mmsi() % 10));
    }

    private static List<String> encode(dk.dma.ais.message.AisMessage m, int sequence) {
        try {
            return List.of(Vdm.createSentences(m, sequence));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String numbered(String line, long n) {
        CommentBlock block = new CommentBlock();
        block.addString("s", "ais-feeder");
        block.addInt("n", (int) n);
        return block.encode() + line;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
