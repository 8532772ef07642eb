package cn.hnsw.bench.port;

import cn.hnsw.common.crypto.KeyStoreTool;
import cn.hnsw.portsituation.PortSituationServiceApplication;
import cn.hnsw.portsituation.ais.AisPipeline;
import cn.hnsw.portsituation.ais.AisReceiver;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import dk.dma.ais.message.AisMessage;
import dk.dma.ais.message.AisMessage1;
import dk.dma.ais.message.AisMessage5;
import dk.dma.ais.message.AisPosition;
import dk.dma.ais.message.IVesselPositionMessage;
import dk.dma.ais.sentence.Vdm;
import dk.dma.enav.model.geometry.Position;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Load driver for issue 7's closing note, everything in one run on one machine:
 * <ol>
 *   <li><b>decode-only</b>: DMA AisLib parsing and decoding the corpus (checksum, multi-sentence assembly, message
 *       decoding, position fields), one thread; measured before the service starts, again right before each pipeline
 *       round (the load of a shared machine changes by the second, so each round has its own paired ratio), and after;
 *       </li>
 *   <li><b>whole pipeline</b>: the same corpus over TCP into port-situation-service's NMEA receiver, on one connection
 *       and split by vessel over several (as several base stations send), the service running in this JVM on the real
 *       embedded PostgreSQL and Kafka of test-support — decode, track update, watch areas and rules, persistence of
 *       every position (track segments by binary COPY) and of the latest state — timed until the last position is
 *       written (and, for where the time goes, until the last one is applied to the tracks), with the CPU time of the
 *       receiving, lane and writer threads, of the whole JVM and of PostgreSQL per sentence;</li>
 *   <li><b>alert latency</b>: a ship sent into a restricted area, timed from the moment its sentence is written to the
 *       socket until the alert arrives on the browser's server-sent-events stream ({@code GET /v1/live}), through the
 *       outbox, Kafka, the alert consumer and the live push; p50/p90/p99 over the runs.</li>
 * </ol>
 * Arguments: {@code --vessels 500 --reports 400 --rounds 5 --alerts 200 --feeders 1,4}. Goals: pipeline ≥ 0.5 ×
 * decode-only and ≥ 20,000 sentences/s.
 */
public final class AisPipelineDriver {

    private AisPipelineDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int vessels = Integer.parseInt(opts.getOrDefault("vessels", "500"));
        int reports = Integer.parseInt(opts.getOrDefault("reports", "200"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
        int alertRuns = Integer.parseInt(opts.getOrDefault("alerts", "200"));
        int warmups = Integer.parseInt(opts.getOrDefault("warmup", "3"));
        List<Integer> feederCounts = Arrays.stream(opts.getOrDefault("feeders", "1,4").split(","))
                .map(String::strip).map(Integer::parseInt).toList();

        List<String> corpus = corpus(vessels, reports);
        System.out.printf("corpus: %,d sentences (%d vessels × %d position reports + static data)%n", corpus.size(),
                vessels, reports);

        // 1. decode-only
        for (int i = 0; i < 2; i++) {
            decodeOnly(corpus); // warm-up
        }
        double decodeRate = 0;
        for (int i = 0; i < rounds; i++) {
            decodeRate = Math.max(decodeRate, decodeOnly(corpus));
        }
        System.out.printf("decode-only (DMA AisLib, 1 thread): %,.0f sentences/s (best of %d); load average %.2f,"
                + " %d processors%n", decodeRate, rounds, loadAverage(), Runtime.getRuntime().availableProcessors());

        // 2. the service, in process, on the test infrastructure
        Path keys = Files.createTempDirectory("hnsw-bench-keys-");
        String password = "bench-password";
        KeyStoreTool.generateStores(keys, "hnsw-platform", List.of("gate-control", "ais-feeder"), password.toCharArray(),
                Duration.ofDays(1), "bench");
        // As arguments, not default properties: the service's application.yml would win over defaults.
        String[] serviceArgs = Map.ofEntries(Map.entry("server.port", "0"), Map.entry("hnsw.ais.tcp-port", "0"),
                        Map.entry("hnsw.ais.udp-port", "-1"), Map.entry("hnsw.ais.live-push-interval", "1s"),
                        Map.entry("hnsw.crypto.key-store", keys.resolve("platform.p12").toString()),
                        Map.entry("hnsw.crypto.key-store-password", password),
                        Map.entry("hnsw.crypto.trust-store", keys.resolve("trust.p12").toString()),
                        Map.entry("hnsw.crypto.trust-store-password", password),
                        Map.entry("hnsw.crypto.platform-key-id", "hnsw-platform"),
                        Map.entry("spring.flyway.locations", "filesystem:" + ownMigrations()),
                        // the bench class path carries Flowable for issue 8's driver; its engine has no place here
                        Map.entry("spring.autoconfigure.exclude", String.join(",",
                                "org.flowable.spring.boot.ProcessEngineAutoConfiguration",
                                "org.flowable.spring.boot.ProcessEngineServicesAutoConfiguration",
                                "org.flowable.spring.boot.app.AppEngineAutoConfiguration",
                                "org.flowable.spring.boot.app.AppEngineServicesAutoConfiguration",
                                "org.flowable.spring.boot.eventregistry.EventRegistryAutoConfiguration",
                                "org.flowable.spring.boot.eventregistry.EventRegistryServicesAutoConfiguration",
                                "org.flowable.spring.boot.idm.IdmEngineAutoConfiguration",
                                "org.flowable.spring.boot.idm.IdmEngineServicesAutoConfiguration",
                                "org.flowable.spring.boot.dmn.DmnEngineAutoConfiguration",
                                "org.flowable.spring.boot.dmn.DmnEngineServicesAutoConfiguration",
                                "org.flowable.spring.boot.cmmn.CmmnEngineAutoConfiguration",
                                "org.flowable.spring.boot.cmmn.CmmnEngineServicesAutoConfiguration",
                                "org.flowable.spring.boot.FlowableJpaAutoConfiguration",
                                "org.flowable.spring.boot.RestApiAutoConfiguration",
                                "org.flowable.spring.boot.EndpointAutoConfiguration",
                                "org.flowable.spring.boot.actuate.info.FlowableInfoAutoConfiguration",
                                "org.flowable.spring.boot.FlowableSecurityAutoConfiguration",
                                "org.flowable.spring.boot.ldap.FlowableLdapAutoConfiguration")),
                        Map.entry("logging.level.root", "WARN"))
                .entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext service = new SpringApplicationBuilder(PortSituationServiceApplication.class)
                .initializers(new TestInfrastructureInitializer())
                .run(serviceArgs);
        try {
            AisReceiver receiver = service.getBean(AisReceiver.class);
            AisPipeline pipeline = service.getBean(AisPipeline.class);
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            String api = "http://localhost:" + port + "/api/port-situation";
            String token = TestTokens.issuer().user("bench", "maritime-officer", "sw-operator").mint();

            // watch areas and a rule so that the pipeline does the work it does in production
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                double lat = 20.0 + i * 0.1;
                watchArea(http, api, token, """
                        {"code":"BENCH-CH-%d","nameZh":"航道%d","nameEn":"Channel %d","kind":"CHANNEL","speedLimitKnots":30,
                         "polygon":[[109.5,%f],[110.5,%f],[110.5,%f],[109.5,%f]],"level":"LOW","active":true}
                        """.formatted(i, i, i, lat, lat, lat + 0.05, lat + 0.05));
            }
            post(http, api + "/v1/alert-rules", token, """
                    {"code":"BENCH-RULE","nameZh":"超高速","nameEn":"Very fast","scope":"AIS_POSITION",
                     "condition":"sogKnots > 60","alertType":"very-fast","level":"LOW","cooldownSeconds":600,"enabled":true}
                    """);

            findPostmaster(service.getBean(javax.sql.DataSource.class));
            System.out.printf("service: %d lanes (track, watch areas, rules), %d writer threads; load average %.2f%n",
                    pipeline.lanes(), pipeline.writer().shards(), loadAverage());
            double pipelineRate = 0;
            for (int feeders : feederCounts) {
                for (int w = 0; w < warmups; w++) {
                    decodeOnly(corpus);
                    pipelineRound(receiver, pipeline, corpus, feeders); // warm-up (JIT, pools, table growth)
                }
                double best = 0;
                double appliedRate = 0;
                List<Double> pairedRatios = new ArrayList<>();
                List<Double> capacityRatios = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    // a decode-only round right before each pipeline round: this machine's load changes by the second
                    double decodeNow = decodeOnly(corpus);
                    double decodeCpu = lastDecodeCpuMicros;
                    decodeRate = Math.max(decodeRate, decodeNow);
                    Round round = pipelineRound(receiver, pipeline, corpus, feeders);
                    pairedRatios.add(round.writtenRate() / decodeNow);
                    double n = corpus.size() / 1e6;
                    // CPU a sentence of the whole machine's share the pipeline used (this JVM + PostgreSQL), against
                    // the CPU a sentence of decode-only: what the two would reach with the machine's cores to themselves
                    double pipelineCpu = (round.jvmCpuSeconds() + round.postgresCpuSeconds()) / n;
                    double capacity = CORES * decodeCpu / pipelineCpu;
                    capacityRatios.add(capacity);
                    System.out.printf("    CPU: decode-only %.2f µs a sentence (one thread), pipeline %.2f µs a sentence"
                            + " (JVM + PostgreSQL) → on %d cores to themselves the pipeline would reach %.2f ×"
                            + " decode-only%n", decodeCpu, pipelineCpu, CORES, capacity);
                    StringBuilder threads = new StringBuilder();
                    round.threadCpuSeconds().forEach((k, v) -> threads.append(String.format(" %s %.1f", k, v / n)));
                    System.out.printf("  %d feeder(s), round %d: decode-only %,.0f/s just before; pipeline %.2f s, applied"
                                    + " %,.0f/s, written %,.0f/s (ratio %.2f); CPU µs a sentence: JVM %.1f (%s),"
                                    + " PostgreSQL %.1f; %.0f points a track segment; load average %.2f%n", feeders,
                            i + 1, decodeNow, round.seconds(), round.appliedRate(), round.writtenRate(),
                            round.writtenRate() / decodeNow, round.jvmCpuSeconds() / n, threads.toString().strip(),
                            round.postgresCpuSeconds() / n, round.pointsPerSegment(), loadAverage());
                    best = Math.max(best, round.writtenRate());
                    appliedRate = Math.max(appliedRate, round.appliedRate());
                }
                System.out.printf("whole pipeline, %d feeder connection(s) (TCP → decode → track → watch/rules →"
                                + " PostgreSQL): %,.0f sentences/s (best of %d; applied to the tracks: %,.0f/s);"
                                + " ratio to the best decode-only so far %.2f; median ratio of the paired rounds %.2f;"
                                + " median CPU-based ratio %.2f%n",
                        feeders, best, rounds, appliedRate, best / decodeRate,
                        pairedRatios.stream().sorted().toList().get(pairedRatios.size() / 2),
                        capacityRatios.stream().sorted().toList().get(capacityRatios.size() / 2));
                pipelineRate = Math.max(pipelineRate, best);
            }
            // decode-only again, now that the service runs beside it: the ratio takes the best of both measurements
            double decodeAgain = 0;
            for (int i = 0; i < rounds; i++) {
                decodeAgain = Math.max(decodeAgain, decodeOnly(corpus));
            }
            System.out.printf("decode-only again, after the pipeline: %,.0f sentences/s; load average %.2f%n",
                    decodeAgain, loadAverage());
            decodeRate = Math.max(decodeRate, decodeAgain);
            System.out.printf("ratio pipeline / best decode-only: %.2f (goal ≥ 0.5); goal ≥ 20,000/s: %s%n",
                    pipelineRate / decodeRate, pipelineRate >= 20_000 ? "met" : "NOT met");

            // 3. alert latency to the browser stream
            double restrictedLat = 18.30;
            double restrictedLon = 109.60;
            watchArea(http, api, token, """
                    {"code":"BENCH-NOGO","nameZh":"禁航区","nameEn":"No-go","kind":"RESTRICTED",
                     "polygon":[[109.59,18.29],[109.61,18.29],[109.61,18.31],[109.59,18.31]],"level":"HIGH","active":true}
                    """);
            long[] latencies = alertLatencies(receiver.tcpPort(), api, token, alertRuns, restrictedLat, restrictedLon);
            Arrays.sort(latencies);
            System.out.printf("alert latency, sentence written → alert on the SSE stream, %d runs: p50 %.1f ms,"
                            + " p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", latencies.length,
                    pct(latencies, 50) / 1e6, pct(latencies, 90) / 1e6, pct(latencies, 99) / 1e6,
                    latencies[latencies.length - 1] / 1e6);
        } finally {
            service.close();
        }
        System.exit(0);
    }

    /** The machine's processors (the CPU-based ratio assumes the pipeline may use all of them, decode-only one). */
    static final int CORES = Runtime.getRuntime().availableProcessors();
    /** CPU time a sentence of the last decode-only round, µs (this thread's CPU time, so the machine's load aside). */
    static volatile double lastDecodeCpuMicros;

    static double decodeOnly(List<String> corpus) throws Exception {
        var threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threadBean.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long checksum = 0;
        Vdm vdm = new Vdm();
        for (String line : corpus) {
            int state = vdm.parse(line);
            if (state == 0) {
                AisMessage message = AisMessage.getInstance(vdm);
                if (message instanceof IVesselPositionMessage p && p.getValidPosition() != null) {
                    checksum += p.getSog() + (long) (p.getValidPosition().getLatitude() * 1000);
                } else {
                    checksum += message.getUserId();
                }
                vdm = new Vdm();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        lastDecodeCpuMicros = (threadBean.getCurrentThreadCpuTime() - cpuStart) / 1e3 / corpus.size();
        if (checksum == 42) {
            System.out.print("");
        }
        return corpus.size() / seconds;
    }

    /** One pass of the corpus through the service: sentences/s until applied (track, rules) and until written. */
    record Round(double appliedRate, double writtenRate, double jvmCpuSeconds, double postgresCpuSeconds,
                 double seconds, Map<String, Double> threadCpuSeconds, double pointsPerSegment) {
    }

    /**
     * The corpus split by vessel over {@code feeders} connections (as several AIS base stations would send it), all
     * written at once; one vessel's sentences stay on one connection, in order.
     */
    static Round pipelineRound(AisReceiver receiver, AisPipeline pipeline, List<String> corpus, int feeders)
            throws Exception {
        long writtenBefore = pipeline.writer().written();
        long segmentsBefore = pipeline.writer().segments();
        long fixesBefore = pipeline.fixes();
        long positions = corpus.stream().filter(l -> l.startsWith("!AIVDM,1,1,")).count();
        List<StringBuilder> parts = new ArrayList<>();
        for (int i = 0; i < feeders; i++) {
            parts.add(new StringBuilder());
        }
        int[] connection = connectionOf(corpus, feeders);
        for (int i = 0; i < corpus.size(); i++) {
            parts.get(connection[i]).append(corpus.get(i)).append("\r\n");
        }
        List<byte[]> payloads = parts.stream().map(p -> p.toString().getBytes(StandardCharsets.US_ASCII)).toList();
        Map<String, Double> threadCpu = threadCpuSeconds();
        double jvmCpu = jvmCpuSeconds();
        double pgCpu = postgresCpuSeconds();
        long start = System.nanoTime();
        long applied = 0;
        List<Socket> sockets = new ArrayList<>();
        Map<String, Double> threadCpuAfter;
        try {
            for (int i = 0; i < feeders; i++) {
                sockets.add(new Socket("127.0.0.1", receiver.tcpPort()));
            }
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < feeders; i++) {
                Socket socket = sockets.get(i);
                byte[] payload = payloads.get(i);
                senders.add(Thread.ofPlatform().start(() -> {
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(payload);
                        out.flush();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            long report = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pipeline.writer().written() - writtenBefore < positions) {
                if (applied == 0 && pipeline.fixes() - fixesBefore >= positions) {
                    applied = System.nanoTime();
                }
                if (System.nanoTime() > report) {
                    report = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    System.out.printf("  … fixes %,d, written %,d of %,d, backlog %,d, feeders %s%n", pipeline.fixes(),
                            pipeline.writer().written() - writtenBefore, positions, pipeline.writer().backlog(),
                            receiver.feeders().stream().map(f -> f.snapshot().toString()).toList());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("pipeline did not finish: " + (pipeline.writer().written() - writtenBefore));
                }
                Thread.sleep(1);
            }
            for (Thread t : senders) {
                t.join();
            }
            threadCpuAfter = threadCpuSeconds(); // while the connections' threads still live
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        long end = System.nanoTime();
        if (applied == 0) {
            applied = end;
        }
        double seconds = (end - start) / 1e9;
        Map<String, Double> threadDelta = new java.util.TreeMap<>();
        threadCpuAfter.forEach((k, v) -> threadDelta.put(k, v - threadCpu.getOrDefault(k, 0.0)));
        double pointsPerSegment = (double) (pipeline.writer().written() - writtenBefore)
                / Math.max(1, pipeline.writer().segments() - segmentsBefore);
        return new Round(corpus.size() / ((applied - start) / 1e9), corpus.size() / seconds,
                jvmCpuSeconds() - jvmCpu, postgresCpuSeconds() - pgCpu, seconds, threadDelta, pointsPerSegment);
    }

    /**
     * Which of {@code feeders} connections each corpus line goes to, by the MMSI of its message (decoded with the
     * library; the fragments of a multi-sentence message go together).
     */
    static int[] connectionOf(List<String> corpus, int feeders) throws Exception {
        int[] out = new int[corpus.size()];
        Vdm vdm = new Vdm();
        int groupStart = 0;
        for (int i = 0; i < corpus.size(); i++) {
            if (vdm.parse(corpus.get(i)) != 0) {
                continue;
            }
            int target = Math.floorMod(AisMessage.getInstance(vdm).getUserId(), feeders);
            for (int j = groupStart; j <= i; j++) {
                out[j] = target;
            }
            vdm = new Vdm();
            groupStart = i + 1;
        }
        return out;
    }

    /** CPU time of this JVM's threads, by kind: the AIS receivers, lanes and writers, and everything else. */
    static Map<String, Double> threadCpuSeconds() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Double> out = new java.util.TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long ns = threads.getThreadCpuTime(info.getThreadId());
            if (ns < 0) {
                continue;
            }
            String name = info.getThreadName();
            String kind = name.startsWith("ais-tcp-") ? "receive+decode" : name.startsWith("ais-lane-") ? "track+rules"
                    : name.startsWith("ais-position-writer") ? "writers" : "other";
            out.merge(kind, ns / 1e9, Double::sum);
        }
        return out;
    }

    /** CPU time of this JVM (every thread: the service, the embedded Kafka, this driver). */
    static double jvmCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** The embedded PostgreSQL's postmaster (first line of postmaster.pid in its data directory), once known. */
    static volatile ProcessHandle postmaster;

    static void findPostmaster(javax.sql.DataSource dataSource) {
        try (var c = dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            String pid = Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).getFirst().strip();
            postmaster = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
            System.out.printf("PostgreSQL postmaster: pid %s%n", pid);
        } catch (Exception e) {
            System.out.println("PostgreSQL's CPU time is not available: " + e);
        }
    }

    /**
     * CPU time of the embedded PostgreSQL: the postmaster, its live processes (backends, writers) and the processes it
     * has already reaped (autovacuum workers come and go between two readings: their time is in the postmaster's
     * cutime/cstime of {@code /proc/<pid>/stat}).
     */
    static double postgresCpuSeconds() {
        ProcessHandle pm = postmaster;
        if (pm == null) {
            return Double.NaN;
        }
        double live = java.util.stream.Stream.concat(java.util.stream.Stream.of(pm), pm.descendants())
                .map(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0))
                .reduce(0.0, Double::sum);
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pm.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14), in clock ticks (100 a second)
            return live + (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        } catch (Exception e) {
            return live;
        }
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static long[] alertLatencies(int tcpPort, String api, String token, int runs, double lat, double lon) throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(api + "/v1/live"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                String event = null;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && "alert".equals(event)) {
                        int i = line.indexOf("\"mmsi\":\"");
                        if (i > 0) {
                            String mmsi = line.substring(i + 8, line.indexOf('"', i + 8));
                            arrived.putIfAbsent(mmsi, System.nanoTime());
                        }
                    }
                }
            } catch (Exception e) {
                // stream closed at the end
            }
        });
        Thread.sleep(500);
        List<Long> latencies = new ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", tcpPort)) {
            OutputStream out = s.getOutputStream();
            for (int run = 0; run < runs + 20; run++) {
                int mmsi = 414_000_000 + run;
                // outside, then inside: the entry is the trigger
                write(out, position(mmsi, lat - 0.05, lon, 10));
                Thread.sleep(20);
                long sent = System.nanoTime();
                write(out, position(mmsi, lat, lon, 10));
                long deadline = sent + TimeUnit.SECONDS.toNanos(30);
                while (!arrived.containsKey(String.valueOf(mmsi)) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Long at = arrived.get(String.valueOf(mmsi));
                if (at == null) {
                    throw new IllegalStateException("no alert for " + mmsi + " within 30 s");
                }
                if (run >= 20) { // the first 20 warm up
                    latencies.add(at - sent);
                }
            }
        }
        stream.body().close();
        reader.interrupt();
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private static void write(OutputStream out, List<String> lines) throws Exception {
        out.write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String post(HttpClient http, String url, String token, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Draws a watch area and confirms it (a drawn area is a draft, which the AIS warnings do not watch). */
    private static void watchArea(HttpClient http, String api, String token, String json) throws Exception {
        String body = post(http, api + "/v1/ais/watch-areas", token, json);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        post(http, api + "/v1/ais/watch-areas/" + id.group(1) + "/confirmation", token, "{}");
    }

    /** Vessels spread over the Qiongzhou Strait and the west coast, each reporting {@code reports} times. */
    static List<String> corpus(int vessels, int reports) throws Exception {
        List<String> lines = new ArrayList<>(vessels * (reports + 2));
        for (int v = 0; v < vessels; v++) {
            int mmsi = 412_000_000 + v;
            AisMessage5 m5 = new AisMessage5();
            m5.setUserId(mmsi);
            m5.setName("BENCH " + v);
            m5.setCallsign("B" + v);
            m5.setShipType(v % 3 == 0 ? 60 : 70);
            m5.setDest("HAIKOU");
            lines.addAll(List.of(Vdm.createSentences(m5, v % 10)));
        }
        for (int r = 0; r < reports; r++) {
            for (int v = 0; v < vessels; v++) {
                double lat = 19.5 + (v % 50) * 0.02 + r * 0.0005;
                double lon = 109.0 + (v / 50) * 0.1 + r * 0.0003;
                lines.addAll(position(412_000_000 + v, lat, lon, 8 + v % 10));
            }
        }
        return lines;
    }

    static List<String> position(int mmsi, double lat, double lon, double sog) throws Exception {
        AisMessage1 m = new AisMessage1();
        m.setUserId(mmsi);
        m.setPos(new AisPosition(Position.create(lat, lon)));
        m.setSog((int) Math.round(sog * 10));
        m.setCog(450);
        m.setTrueHeading(45);
        return List.of(Vdm.createSentences(m, 0));
    }

    /**
     * Copies port-situation-service's own migrations (those from the code source of its V1) into a folder: the bench
     * class path also holds other services' migrations (ledger, customs) under {@code db/migration}.
     */
    static Path ownMigrations() throws Exception {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        String schema = resolver.getResource("classpath:db/migration/V1__portsituation_schema.sql").getURL().toString();
        String own = schema.substring(0, schema.indexOf("db/migration/"));
        Path dir = Files.createTempDirectory("hnsw-bench-port-migrations-");
        for (var r : resolver.getResources("classpath*:db/migration/*.sql")) {
            if (r.getURL().toString().startsWith(own)) {
                try (var in = r.getInputStream()) {
                    Files.copy(in, dir.resolve(r.getFilename()));
                }
            }
        }
        return dir;
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return out;
    }
}
