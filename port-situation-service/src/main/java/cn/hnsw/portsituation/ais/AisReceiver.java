package cn.hnsw.portsituation.ais;

import dk.dma.ais.message.AisMessage;
import dk.dma.ais.sentence.Sentence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receives NMEA 0183 AIVDM/AIVDO from AIS feeders over TCP (one line-oriented stream per feeder connection) and UDP
 * (each datagram one or more lines). A missing line number of the feeder's tag block is asked for again with
 * {@code $PHNSW,RESEND,<from>,<to>} on the same link (补发). Lines over 512 characters are garbage by definition
 * (NMEA allows 82 plus a tag block).
 */
public final class AisReceiver implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AisReceiver.class);
    private static final int MAX_LINE = 512;

    private final AisProperties properties;
    private final AisPipeline pipeline;
    private final Map<String, IntakeStats> stats = new ConcurrentHashMap<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket tcp;
    private volatile DatagramSocket udp;
    private volatile boolean running;

    public AisReceiver(AisProperties properties, AisPipeline pipeline) {
        this.properties = properties;
        this.pipeline = pipeline;
    }

    @Override
    public void start() {
        running = true;
        try {
            InetAddress bind = InetAddress.getByName(properties.bindAddress());
            if (properties.tcpPort() >= 0) {
                tcp = new ServerSocket();
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(bind, properties.tcpPort()), 50);
                Thread.ofPlatform().name("ais-tcp-accept").daemon().start(this::acceptLoop);
            }
            if (properties.udpPort() >= 0) {
                udp = new DatagramSocket(new InetSocketAddress(bind, properties.udpPort()));
                Thread.ofPlatform().name("ais-udp").daemon().start(this::udpLoop);
            }
            log.info("event=ais-receiver-started tcpPort={} udpPort={}", tcpPort(), udpPort());
        } catch (IOException e) {
            throw new IllegalStateException("AIS receiver could not bind", e);
        }
    }

    public int tcpPort() {
        return tcp == null ? -1 : tcp.getLocalPort();
    }

    public int udpPort() {
        return udp == null ? -1 : udp.getLocalPort();
    }

    public Collection<IntakeStats> feeders() {
        return stats.values();
    }

    private IntakeStats statsFor(InetAddress address, String channel) {
        String feeder = properties.feeders().getOrDefault(address.getHostAddress(),
                channel + "/" + address.getHostAddress());
        return stats.computeIfAbsent(feeder, IntakeStats::new);
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket socket = tcp.accept();
                connections.add(socket);
                // A feeder's link is a long-lived, busy stream: a platform thread of its own (feeders are few).
                Thread.ofPlatform().daemon().name("ais-tcp-" + socket.getRemoteSocketAddress()).start(() -> serve(socket));
            } catch (IOException e) {
                if (running) {
                    log.warn("event=ais-tcp-accept-failed error={}", e.toString());
                }
            }
        }
    }

    private void serve(Socket socket) {
        IntakeStats feederStats = statsFor(socket.getInetAddress(), "tcp");
        String feeder = feederStats.feeder();
        log.info("event=ais-feeder-connected feeder={} remote={}", feeder, socket.getRemoteSocketAddress());
        NmeaIntake intake = null;
        // Read straight into readLines' own 64 KiB chunk: a buffered stream in between would copy every byte once more.
        try (socket; InputStream in = socket.getInputStream()) {
            OutputStream out = socket.getOutputStream();
            intake = new NmeaIntake(feederStats, (from, to) -> requestResend(out, feeder, from, to));
            readLines(in, intake, feeder);
        } catch (IOException e) {
            if (running) {
                log.info("event=ais-feeder-disconnected feeder={} error={}", feeder, e.toString());
            }
        } finally {
            if (intake != null) {
                intake.close();
            }
            connections.remove(socket);
        }
    }

    /**
     * Splits the stream into lines straight from the read buffer (a line that straddles two reads is carried over),
     * offers each to the intake and hands what it decodes to the pipeline; after each read the feed is flushed, so
     * nothing waits for more input.
     */
    private void readLines(InputStream in, NmeaIntake intake, String feeder) throws IOException {
        AisPipeline.Feed feed = pipeline.feed(feeder);
        byte[] chunk = new byte[64 * 1024];
        byte[] carry = new byte[MAX_LINE];
        int carried = 0;
        boolean overlong = false;
        int n;
        while ((n = in.read(chunk)) != -1) {
            int start = 0;
            for (int i = lineEnd(chunk, 0, n); i >= 0; i = lineEnd(chunk, i + 1, n)) {
                int length = i - start;
                if (overlong || carried + length > MAX_LINE) {
                    intake.offer("\u0000");
                } else if (carried + length > 0) {
                    String line;
                    if (carried == 0) {
                        line = new String(chunk, start, length, StandardCharsets.ISO_8859_1);
                    } else {
                        System.arraycopy(chunk, start, carry, carried, length);
                        line = new String(carry, 0, carried + length, StandardCharsets.ISO_8859_1);
                    }
                    AisMessage message = intake.next(line);
                    if (message != null) {
                        feed.add(message);
                    }
                }
                carried = 0;
                overlong = false;
                start = i + 1;
            }
            int rest = n - start;
            if (!overlong && rest > 0) {
                if (carried + rest > MAX_LINE) {
                    overlong = true;
                    carried = 0;
                } else {
                    System.arraycopy(chunk, start, carry, carried, rest);
                    carried += rest;
                }
            }
            feed.flush();
        }
        feed.flush();
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = ONES * '\n';
    private static final long CRS = ONES * '\r';

    /**
     * The index of the first line feed or carriage return in {@code bytes[from, to)}, or -1. Reads eight bytes at a
     * time (a byte equal to the one sought gives a zero byte after XOR, found by the word-at-a-time zero-byte test;
     * in little-endian order the lowest flagged byte is the first match, as a borrow only runs upwards), instead of
     * testing every byte of a sentence twice.
     */
    static int lineEnd(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long lf = word ^ LFS;
            long cr = word ^ CRS;
            long found = ((lf - ONES) & ~lf | (cr - ONES) & ~cr) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static void requestResend(OutputStream out, String feeder, long from, long to) {
        String body = "$PHNSW,RESEND," + from + "," + to;
        try {
            String sentence = body + "*" + Sentence.getStringChecksum(Sentence.getChecksum(body)) + "\r\n";
            synchronized (out) {
                out.write(sentence.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            log.info("event=ais-resend-requested feeder={} from={} to={}", feeder, from, to);
        } catch (Exception e) {
            log.warn("event=ais-resend-request-failed feeder={} error={}", feeder, e.toString());
        }
    }

    private void udpLoop() {
        byte[] buffer = new byte[65_507];
        Map<SocketAddress, NmeaIntake> intakes = new ConcurrentHashMap<>();
        Map<String, AisPipeline.Feed> feeds = new ConcurrentHashMap<>();
        while (running) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                IntakeStats feederStats = statsFor(packet.getAddress(), "udp");
                SocketAddress from = packet.getSocketAddress();
                NmeaIntake intake = intakes.computeIfAbsent(from, a -> new NmeaIntake(feederStats,
                        (f, t) -> udpResend(a, feederStats.feeder(), f, t)));
                AisPipeline.Feed feed = feeds.computeIfAbsent(feederStats.feeder(), pipeline::feed);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
                for (String line : text.split("\r?\n")) {
                    if (line.length() > MAX_LINE) {
                        intake.offer("\u0000");
                    } else if (!line.isBlank()) {
                        intake.offer(line).ifPresent(feed::add);
                    }
                }
                feed.flush();
            } catch (IOException e) {
                if (running) {
                    log.warn("event=ais-udp-receive-failed error={}", e.toString());
                }
            }
        }
    }

    private void udpResend(SocketAddress to, String feeder, long from, long last) {
        String body = "$PHNSW,RESEND," + from + "," + last;
        try {
            byte[] data = (body + "*" + Sentence.getStringChecksum(Sentence.getChecksum(body)) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            udp.send(new DatagramPacket(data, data.length, to));
            log.info("event=ais-resend-requested feeder={} from={} to={}", feeder, from, last);
        } catch (Exception e) {
            log.warn("event=ais-resend-request-failed feeder={} error={}", feeder, e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (tcp != null) {
                tcp.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        if (udp != null) {
            udp.close();
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // After the web server and Kafka listeners (which start in the default phase) are up.
        return Integer.MAX_VALUE - 100;
    }
}
