package cn.hnsw.bench.passenger;

import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.InMemoryReplayGuard;
import cn.hnsw.common.crypto.KeyStoreTool;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.Pkcs12CipherDevice;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 旅客申报负载测量 — a bounded loopback load driver for the passenger clearance path (issue 4's closing note):
 * <ol>
 *   <li>declarations/s sustained through the gateway ({@code POST /api/passenger/v1/declarations}) with p50/p99 of
 *       the accepted submissions;</li>
 *   <li>declaration → receipt applied: for a sample of the declarations, the time from the submission to the moment
 *       the declaration shows a customs decision (the customs simulator's delay should be set to 0 first), p50/p95;</li>
 *   <li>seal-only throughput in the same run: {@code MessageSealer.seal} of a declaration-sized payload on as many
 *       threads as the load used, with throw-away keys, so the two figures come from the same machine state.</li>
 * </ol>
 * Bounded: at most 20,000 declarations, 64 in flight, 600 s; loopback targets only.
 */
public final class DeclarationLoadDriver {

    static final int MAX_DECLARATIONS = 20_000;
    static final int MAX_CONCURRENCY = 64;
    static final int MAX_SECONDS = 600;

    private static final String USAGE = """
            usage: DeclarationLoadDriver --base URL --token-file FILE [options]
              --base URL           the passenger API base, e.g. http://127.0.0.1:8080/api/passenger (gateway)
              --token-file FILE    a traveler's bearer token
              --declarations N     declarations to submit (default 2000, at most %d)
              --concurrency C      submissions in flight (default 16, at most %d)
              --receipt-sample K   how many of them to follow until the customs receipt is applied (default 200)
              --latency-declarations K  then, once the load has drained, K declarations at a fixed rate, each
                                   followed to its receipt (default 100; 0 skips)
              --latency-rate R     their rate per second (default 5)
              --seal-seconds S     seconds of seal-only measurement (default 10)
              --max-seconds S      stop after S seconds (default 300, at most %d)
            """.formatted(MAX_DECLARATIONS, MAX_CONCURRENCY, MAX_SECONDS);

    record Options(URI base, String token, int declarations, int concurrency, int receiptSample, int sealSeconds,
                   Duration maxTime, int latencyDeclarations, double latencyRate) {
    }

    private DeclarationLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || Arrays.asList(args).contains("--help")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        Options o = parse(args);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(o.concurrency())).build();
        long deadline = System.nanoTime() + o.maxTime().toNanos();

        // warm-up: a tenth of the load, not measured
        submitAll(http, o, Math.max(1, o.declarations() / 10), deadline, null);
        ConcurrentLinkedQueue<String[]> created = new ConcurrentLinkedQueue<>();
        Result load = submitAll(http, o, o.declarations(), deadline, created);
        System.out.printf("declarations: %d accepted, %d failed in %.2f s → %.1f declarations/s%n", load.latencies.length,
                load.errors, load.seconds, load.latencies.length / load.seconds);
        System.out.printf("submission latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(pct(load.latencies, 0.50)),
                ms(pct(load.latencies, 0.99)), ms(load.latencies.length == 0 ? 0 : load.latencies[load.latencies.length - 1]));

        long[] receipt = followReceipts(http, o, new ArrayList<>(created), deadline);
        System.out.printf("declaration → receipt applied, burst (%d followed of the load): p50 %.0f ms, p95 %.0f ms, "
                + "max %.0f ms%n", receipt.length, ms(pct(receipt, 0.50)), ms(pct(receipt, 0.95)),
                ms(receipt.length == 0 ? 0 : receipt[receipt.length - 1]));
        if (o.latencyDeclarations() > 0) {
            List<String[]> all = new ArrayList<>(created);
            if (!all.isEmpty()) {
                // the backlog has drained once the last declaration of the load has its decision
                followReceipts(http, new Options(o.base(), o.token(), 1, 1, 1, 1, o.maxTime(), 0, 1),
                        List.<String[]>of(all.get(all.size() - 1)), deadline);
            }
            long[] paced = pacedLatency(http, o, deadline);
            System.out.printf("declaration → receipt applied, paced (%d at %.1f/s after the load drained): p50 %.0f ms, "
                    + "p95 %.0f ms, max %.0f ms (goal p95 < 2000 ms)%n", paced.length, o.latencyRate(),
                    ms(pct(paced, 0.50)), ms(pct(paced, 0.95)), ms(paced.length == 0 ? 0 : paced[paced.length - 1]));
        }

        double seals = sealOnly(o.concurrency(), o.sealSeconds());
        System.out.printf("seal-only (MessageSealer.seal, %d threads, %d s): %.1f seals/s%n", o.concurrency(),
                o.sealSeconds(), seals);
        System.out.printf("ratio declarations/s ÷ seal-only: %.2f (goal ≥ 0.5); goal ≥ 300 declarations/s: %s%n",
                load.latencies.length / load.seconds / seals, load.latencies.length / load.seconds >= 300 ? "met" : "not met");
        System.exit(load.errors > 0 ? 1 : 0);
    }

    record Result(long[] latencies, int errors, double seconds) {
    }

    static Result submitAll(HttpClient http, Options o, int n, long deadline, ConcurrentLinkedQueue<String[]> created)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(o.concurrency());
        CountDownLatch done = new CountDownLatch(n);
        long[] latencies = new long[n];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (System.nanoTime() > deadline) {
                done.countDown();
                continue;
            }
            inFlight.acquire();
            int index = i;
            long sent = System.nanoTime();
            http.sendAsync(post(o, "/v1/declarations", body(index)), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        long took = System.nanoTime() - sent;
                        if (e == null && r.statusCode() == 201) {
                            latencies[ok.getAndIncrement()] = took;
                            if (created != null) {
                                created.add(new String[] {field(r.body(), "id"), Long.toString(sent)});
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                        inFlight.release();
                        done.countDown();
                    });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] measured = Arrays.copyOf(latencies, ok.get());
        Arrays.sort(measured);
        return new Result(measured, errors.get(), seconds);
    }

    /** Polls a sample of the declarations until each shows a customs decision; the latency counts from submission. */
    static long[] followReceipts(HttpClient http, Options o, List<String[]> created, long deadline)
            throws IOException, InterruptedException {
        List<String[]> sample = created.subList(0, Math.min(o.receiptSample(), created.size()));
        long[] latencies = new long[sample.size()];
        boolean[] seen = new boolean[sample.size()];
        int remaining = sample.size();
        while (remaining > 0 && System.nanoTime() < deadline) {
            for (int i = 0; i < sample.size(); i++) {
                if (seen[i]) {
                    continue;
                }
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(o.base() + "/v1/declarations/"
                        + sample.get(i)[0])).header("Authorization", "Bearer " + o.token()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                String status = field(r.body(), "status");
                if (status != null && !status.equals("QUEUED") && !status.equals("SENT")) {
                    // the receipt was applied at the latest now; the driver polls, so this is an upper bound
                    latencies[i] = System.nanoTime() - Long.parseLong(sample.get(i)[1]);
                    seen[i] = true;
                    remaining--;
                }
            }
            Thread.sleep(20);
        }
        long[] done = new long[sample.size() - remaining];
        int j = 0;
        for (int i = 0; i < sample.size(); i++) {
            if (seen[i]) {
                done[j++] = latencies[i];
            }
        }
        Arrays.sort(done);
        return done;
    }

    /**
     * The latency a traveller sees when the platform is not overloaded: declarations submitted one by one at a fixed
     * rate, each polled every 20 ms from its submission until it shows a customs decision (an upper bound by the
     * polling step). Runs after the load phase, whose backlog must have drained first.
     */
    static long[] pacedLatency(HttpClient http, Options o, long deadline) throws InterruptedException {
        long[] latencies = new long[o.latencyDeclarations()];
        AtomicInteger seen = new AtomicInteger();
        java.util.concurrent.ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
        CountDownLatch finished = new CountDownLatch(o.latencyDeclarations());
        long periodNanos = (long) (1e9 / o.latencyRate());
        for (int i = 0; i < o.latencyDeclarations(); i++) {
            int index = MAX_DECLARATIONS + i;
            timer.schedule(() -> {
                long sent = System.nanoTime();
                http.sendAsync(post(o, "/v1/declarations", body(index)), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((r, e) -> {
                            if (e != null || r.statusCode() != 201) {
                                finished.countDown();
                                return;
                            }
                            String id = field(r.body(), "id");
                            poll(http, o, timer, id, sent, deadline, latencies, seen, finished);
                        });
            }, i * periodNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        finished.await(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), java.util.concurrent.TimeUnit.MILLISECONDS);
        timer.shutdownNow();
        long[] done = Arrays.copyOf(latencies, seen.get());
        Arrays.sort(done);
        return done;
    }

    private static void poll(HttpClient http, Options o, java.util.concurrent.ScheduledExecutorService timer, String id,
                             long sent, long deadline, long[] latencies, AtomicInteger seen, CountDownLatch finished) {
        if (System.nanoTime() > deadline) {
            finished.countDown();
            return;
        }
        http.sendAsync(HttpRequest.newBuilder(URI.create(o.base() + "/v1/declarations/" + id))
                        .header("Authorization", "Bearer " + o.token()).GET().build(), HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, e) -> {
                    String status = e == null ? field(r.body(), "status") : null;
                    if (status != null && !status.equals("QUEUED") && !status.equals("SENT")) {
                        latencies[seen.getAndIncrement()] = System.nanoTime() - sent;
                        finished.countDown();
                    } else {
                        timer.schedule(() -> poll(http, o, timer, id, sent, deadline, latencies, seen, finished), 20,
                                java.util.concurrent.TimeUnit.MILLISECONDS);
                    }
                });
    }

    /** Seal-only throughput with throw-away keys: what one sealed declaration costs the CPU. */
    static double sealOnly(int threads, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("bench-keys");
        char[] password = "bench-only".toCharArray();
        KeyStoreTool.generateStores(dir, "hnsw-platform", List.of("customs-smart-supervision"), password,
                Duration.ofDays(1), "bench");
        MessageSealer sealer = new MessageSealer(Pkcs12CipherDevice.load(dir.resolve("platform.p12"), password),
                InMemoryKeyDirectory.fromTrustStore(dir.resolve("trust.p12"), password),
                new InMemoryReplayGuard(Clock.systemUTC(), 16), Clock.systemUTC());
        byte[] payload = body(0).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2_000; i++) {
            sealer.seal(payload, "hnsw-platform", "customs-smart-supervision");
        }
        AtomicLong count = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    sealer.seal(payload, "hnsw-platform", "customs-smart-supervision");
                    count.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, java.util.concurrent.TimeUnit.SECONDS);
        return count.get() / (double) seconds;
    }

    static String body(int i) {
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        return """
                {"port":"MEILAN_AIRPORT","departureDate":"%s","transportMode":"AIR","ticketNo":"HU%04d",
                 "travelerName":"压测旅客","documentNo":"460100199001011234",
                 "items":[{"category":"FOOD","name":"椰子糖","quantity":"3","unit":"袋","value":"90.00","currency":"CNY"},
                          {"category":"VALUABLES","name":"机械手表","quantity":"1","unit":"只","value":"%d.00","currency":"CNY"}]}
                """.formatted(day, i % 10_000, 3000 + (i % 7) * 1000);
    }

    private static HttpRequest post(Options o, String path, String json) {
        return HttpRequest.newBuilder(URI.create(o.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + o.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static final Pattern FIELD = Pattern.compile("\"(id|status)\"\\s*:\\s*\"([^\"]*)\"");

    static String field(String json, String name) {
        Matcher m = FIELD.matcher(json == null ? "" : json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }

    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static Options parse(String[] args) throws IOException {
        URI base = null;
        String token = null;
        int n = 2000;
        int c = 16;
        int sample = 200;
        int seal = 10;
        int max = 300;
        int latencyN = 100;
        double latencyRate = 5;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--base" -> { base = URI.create(value.replaceAll("/+$", "")); i++; }
                case "--token-file" -> { token = Files.readString(Path.of(value)).trim(); i++; }
                case "--declarations" -> { n = Integer.parseInt(value); i++; }
                case "--concurrency" -> { c = Integer.parseInt(value); i++; }
                case "--receipt-sample" -> { sample = Integer.parseInt(value); i++; }
                case "--seal-seconds" -> { seal = Integer.parseInt(value); i++; }
                case "--max-seconds" -> { max = Integer.parseInt(value); i++; }
                case "--latency-declarations" -> { latencyN = Integer.parseInt(value); i++; }
                case "--latency-rate" -> { latencyRate = Double.parseDouble(value); i++; }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (base == null || token == null) {
            throw new IllegalArgumentException("--base and --token-file are required");
        }
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("only loopback targets are allowed: " + base.getHost());
        }
        if (n < 1 || n > MAX_DECLARATIONS || c < 1 || c > MAX_CONCURRENCY || max < 1 || max > MAX_SECONDS
                || seal < 1 || seal > 60 || sample < 0 || latencyN < 0 || latencyN > 2_000 || latencyRate <= 0
                || latencyRate > 100) {
            throw new IllegalArgumentException("out of bounds: see --help");
        }
        return new Options(base, token, n, c, sample, seal, Duration.ofSeconds(max), latencyN, latencyRate);
    }
}
