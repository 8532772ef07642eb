package cn.hnsw.bench.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * 网关时延测量 — measures what the gateway adds to a call: the same authenticated GET, straight to a service and
 * through the gateway, in one run, the targets alternating request by request so that both see the same machine
 * state (JIT, GC, other load). Prints p50/p90/p99/max per target and the difference of each later target to the
 * first at p50 and p99.
 *
 * <p>Bounded on purpose: a fixed number of requests, a wall-clock limit, loopback targets only. It is a measuring
 * tool for one machine, not a load generator. Depends on nothing but the JDK, so it also runs as a single source
 * file: {@code java bench/src/main/java/cn/hnsw/bench/gateway/LatencyDriver.java ...}.
 */
public final class LatencyDriver {

    static final int MAX_REQUESTS = 100_000;
    static final int MAX_CONCURRENCY = 64;
    static final int MAX_WARMUP = 20_000;
    static final int MAX_SECONDS = 600;

    private static final String USAGE = """
            usage: LatencyDriver [options] DIRECT_URL GATEWAY_URL [MORE_URLS...]
              a URL may carry a label: direct=http://127.0.0.1:8081/api/passenger/v1/ping
              --token TOKEN        bearer token sent to every target
              --token-file FILE    read the bearer token from FILE (keeps it out of the shell history)
              --requests N         measured requests per target (default 2000, at most %d)
              --concurrency C      requests in flight at once, over all targets (default 4, at most %d)
              --warmup W           unmeasured requests per target first (default 500, at most %d)
              --max-seconds S      stop sending after S seconds, measured or not (default 120, at most %d)
            Targets must be loopback addresses (127.0.0.0/8, ::1, localhost).
            """.formatted(MAX_REQUESTS, MAX_CONCURRENCY, MAX_WARMUP, MAX_SECONDS);

    /** One URL to measure. */
    record Target(String label, URI uri) {
    }

    /** What the command line asked for, checked against the bounds. */
    record Options(List<Target> targets, String token, int requests, int concurrency, int warmup, Duration maxTime) {
    }

    /** The outcome for one target. */
    record Summary(Target target, long[] latenciesNanos, int errors) {

        long percentileNanos(double q) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            // nearest rank: the smallest value with at least q of the sample at or below it
            int rank = (int) Math.ceil(q * latenciesNanos.length);
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, rank - 1))];
        }

        long maxNanos() {
            return latenciesNanos.length == 0 ? 0 : latenciesNanos[latenciesNanos.length - 1];
        }
    }

    private LatencyDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
            return;
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LatencyDriver: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        List<Summary> summaries = run(options, System.out);
        print(summaries, options, System.out);
        boolean anyErrors = summaries.stream().anyMatch(s -> s.errors() > 0);
        System.exit(anyErrors ? 1 : 0);
    }

    static Options parse(String[] args) throws IOException {
        List<Target> targets = new ArrayList<>();
        String token = null;
        int requests = 2000;
        int concurrency = 4;
        int warmup = 500;
        int seconds = 120;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--token" -> token = value(args, ++i, arg);
                case "--token-file" -> token = Files.readString(Path.of(value(args, ++i, arg)), StandardCharsets.UTF_8).strip();
                case "--requests" -> requests = bounded(value(args, ++i, arg), arg, 1, MAX_REQUESTS);
                case "--concurrency" -> concurrency = bounded(value(args, ++i, arg), arg, 1, MAX_CONCURRENCY);
                case "--warmup" -> warmup = bounded(value(args, ++i, arg), arg, 0, MAX_WARMUP);
                case "--max-seconds" -> seconds = bounded(value(args, ++i, arg), arg, 1, MAX_SECONDS);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    targets.add(target(arg, targets.size()));
                }
            }
        }
        if (targets.size() < 2) {
            throw new IllegalArgumentException("give at least two URLs: the service directly, then through the gateway");
        }
        if (token != null && (token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new IllegalArgumentException("the token must be one printable word");
        }
        return new Options(List.copyOf(targets), token, requests, concurrency, warmup, Duration.ofSeconds(seconds));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int bounded(String value, String option, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number: " + value);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + n);
        }
        return n;
    }

    static Target target(String arg, int index) {
        String label = index == 0 ? "direct" : index == 1 ? "gateway" : "target-" + (index + 1);
        String url = arg;
        int eq = arg.indexOf('=');
        if (eq > 0 && !arg.substring(0, eq).contains(":")) {
            label = arg.substring(0, eq);
            url = arg.substring(eq + 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http and https URLs: " + url);
        }
        requireLoopback(uri);
        return new Target(label, uri);
    }

    /** Every address the host name resolves to must be on this machine: this tool never loads anyone else's. */
    static void requireLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("URL without a host: " + uri);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing a non-loopback target: " + host + " is " + address.getHostAddress());
            }
        }
    }

    static List<Summary> run(Options options, PrintStream log) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<HttpRequest> requests = options.targets().stream().map(t -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(t.uri()).GET().timeout(Duration.ofSeconds(30));
            if (options.token() != null) {
                b.header("Authorization", "Bearer " + options.token());
            }
            return b.build();
        }).toList();
        long deadline = System.nanoTime() + options.maxTime().toNanos();

        log.printf(Locale.ROOT, "warm-up: %d requests per target%n", options.warmup());
        phase(client, requests, options.warmup(), options.concurrency(), deadline, null, null);
        log.printf(Locale.ROOT, "measuring: %d requests per target, %d in flight, targets alternating%n",
                options.requests(), options.concurrency());
        int n = requests.size();
        AtomicLongArray[] latencies = new AtomicLongArray[n];
        for (int t = 0; t < n; t++) {
            latencies[t] = new AtomicLongArray(options.requests());
            for (int i = 0; i < options.requests(); i++) {
                latencies[t].set(i, -1);
            }
        }
        int[] errors = new int[n];
        phase(client, requests, options.requests(), options.concurrency(), deadline, latencies, errors);
        if (System.nanoTime() > deadline) {
            log.printf(Locale.ROOT, "stopped at the %d s limit; the figures cover the requests made until then%n",
                    options.maxTime().toSeconds());
        }

        List<Summary> summaries = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            long[] done = new long[options.requests()];
            int count = 0;
            for (int i = 0; i < options.requests(); i++) {
                long v = latencies[t].get(i);
                if (v >= 0) {
                    done[count++] = v;
                }
            }
            long[] sorted = Arrays.copyOf(done, count);
            Arrays.sort(sorted);
            summaries.add(new Summary(options.targets().get(t), sorted, errors[t]));
        }
        return summaries;
    }

    /**
     * Sends {@code perTarget} rounds; in round {@code r} the targets go in an order rotated by {@code r}, so that no
     * target always goes first. With {@code latencies} null the round is warm-up and nothing is recorded.
     */
    private static void phase(HttpClient client, List<HttpRequest> requests, int perTarget, int concurrency,
                              long deadline, AtomicLongArray[] latencies, int[] errors) throws InterruptedException {
        int n = requests.size();
        int total = perTarget * n;
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread thread = new Thread(r, "latency-driver");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            running.add(workers.submit(() -> {
                for (int k = next.getAndIncrement(); k < total && System.nanoTime() < deadline; k = next.getAndIncrement()) {
                    int round = k / n;
                    int target = (k % n + round) % n;
                    long started = System.nanoTime();
                    boolean ok;
                    try {
                        HttpResponse<Void> response = client.send(requests.get(target), HttpResponse.BodyHandlers.discarding());
                        ok = response.statusCode() / 100 == 2;
                    } catch (IOException e) {
                        ok = false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long took = System.nanoTime() - started;
                    if (latencies != null) {
                        // -2 marks an attempt that failed: counted, but kept out of the percentiles
                        latencies[target].set(round, ok ? took : -2);
                        if (!ok) {
                            synchronized (errors) {
                                errors[target]++;
                            }
                        }
                    }
                }
            }));
        }
        workers.shutdown();
        long waitNanos = Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(35);
        if (!workers.awaitTermination(waitNanos, TimeUnit.NANOSECONDS)) {
            workers.shutdownNow();
        }
        running.forEach(f -> f.cancel(true));
    }

    static void print(List<Summary> summaries, Options options, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-10s %7s %6s %9s %9s %9s %9s  %s%n",
                "target", "n", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms", "url");
        for (Summary s : summaries) {
            out.printf(Locale.ROOT, "%-10s %7d %6d %9.3f %9.3f %9.3f %9.3f  %s%n",
                    s.target().label(), s.latenciesNanos().length, s.errors(),
                    ms(s.percentileNanos(0.50)), ms(s.percentileNanos(0.90)), ms(s.percentileNanos(0.99)),
                    ms(s.maxNanos()), s.target().uri());
        }
        Summary base = summaries.getFirst();
        out.println();
        for (Summary s : summaries.subList(1, summaries.size())) {
            out.printf(Locale.ROOT, "added latency (%s - %s): p50 %+.3f ms, p99 %+.3f ms%n",
                    s.target().label(), base.target().label(),
                    ms(s.percentileNanos(0.50) - base.percentileNanos(0.50)),
                    ms(s.percentileNanos(0.99) - base.percentileNanos(0.99)));
        }
        if (summaries.stream().anyMatch(s -> s.errors() > 0)) {
            out.println("WARNING: some requests failed (non-2xx or I/O error); they are not in the percentiles");
        }
        out.printf(Locale.ROOT, "(%d in flight, %d warm-up requests per target; compare runs only from the same machine)%n",
                options.concurrency(), options.warmup());
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
