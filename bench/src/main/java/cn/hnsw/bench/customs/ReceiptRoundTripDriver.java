package cn.hnsw.bench.customs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 回执往返时延 — against a running customs-service and the simulators (business delay 0): temp-saves N direct-release
 * declarations of 20 items, declares them one after the other, and waits for each to be RELEASED. Prints declarations
 * validated + declared per second (first submission to the last technical receipt) and the receipt round trip
 * (submission to the business receipt's arrival, server timestamps) p50/p95/max.
 *
 * <pre>java -cp bench/target/benchmarks.jar cn.hnsw.bench.customs.ReceiptRoundTripDriver \
 *   --url http://127.0.0.1:8085/api/customs --token-file declarant.token --enterprise 91460106MA5T8K3R0A --count 200</pre>
 * The enterprise needs the qualification and HS 3907610000 on the whitelist (operator screen 零关税参考数据).
 * Loopback targets only; at most 2000 declarations.
 */
public final class ReceiptRoundTripDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ReceiptRoundTripDriver() {
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        String token = null;
        String enterprise = null;
        int count = 100;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--token-file" -> token = Files.readString(Path.of(args[i + 1])).trim();
                case "--enterprise" -> enterprise = args[i + 1];
                case "--count" -> count = Math.min(2000, Integer.parseInt(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null || token == null || enterprise == null) {
            throw new IllegalArgumentException("--url, --token-file and --enterprise are required");
        }
        Result result = run(url, token, enterprise, count);
        System.out.println(result);
    }

    /** What one run measured. */
    public record Result(int declarations, double declaredPerSecond, long p50Millis, long p95Millis, long maxMillis,
                         long technicalP50Millis, long technicalP95Millis) {
        @Override
        public String toString() {
            return String.format("declarations=%d validated+declared/s=%.1f receipt round trip ms: p50=%d p95=%d max=%d"
                            + " (of which submission to technical receipt: p50=%d p95=%d)",
                    declarations, declaredPerSecond, p50Millis, p95Millis, maxMillis, technicalP50Millis,
                    technicalP95Millis);
        }
    }

    public static Result run(String url, String token, String enterprise, int count) throws Exception {
        String host = URI.create(url).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            throw new IllegalArgumentException("loopback targets only");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode saved = call(url + "/v1/declarations", token, "POST", declaration(enterprise));
            ids.add(saved.path("declaration").path("id").asText());
        }
        Instant start = Instant.now();
        for (String id : ids) {
            call(url + "/v1/declarations/" + id + "/submission", token, "POST", null);
        }
        List<Long> roundTrips = new ArrayList<>();
        List<Long> technicalTrips = new ArrayList<>();
        Instant lastTechnical = start;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        for (String id : ids) {
            while (true) {
                JsonNode doc = call(url + "/v1/declarations/" + id, token, "GET", null);
                if (doc.path("status").asText().equals("RELEASED")) {
                    Instant submitted = Instant.parse(doc.path("submittedAt").asText());
                    for (JsonNode r : call(url + "/v1/declarations/" + id + "/receipts", token, "GET", null)) {
                        Instant at = Instant.parse(r.path("receivedAt").asText());
                        if (r.path("kind").asText().equals("BUSINESS")) {
                            roundTrips.add(Duration.between(submitted, at).toMillis());
                        } else if (r.path("kind").asText().equals("TECHNICAL")) {
                            technicalTrips.add(Duration.between(submitted, at).toMillis());
                            if (at.isAfter(lastTechnical)) {
                                lastTechnical = at;
                            }
                        }
                    }
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("declaration " + id + " not released within 10 minutes");
                }
                Thread.sleep(20);
            }
        }
        roundTrips.sort(Long::compare);
        technicalTrips.sort(Long::compare);
        double seconds = Math.max(0.001, Duration.between(start, lastTechnical).toMillis() / 1000.0);
        return new Result(count, count / seconds, percentile(roundTrips, 0.50), percentile(roundTrips, 0.95),
                roundTrips.getLast(), percentile(technicalTrips, 0.50), percentile(technicalTrips, 0.95));
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static JsonNode call(String url, String token, String method, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static JsonNode declaration(String enterprise) {
        ObjectNode h = JSON.createObjectNode().put("declareCustoms", "6400").put("entryExitCustoms", "6400")
                .put("supervisionMode", "0110").put("levyNature", "101").put("transportMode", "2")
                .put("vesselName", "COSCO HAIKOU").put("voyageNo", "2611E").put("billOfLadingNo", "HNBL2026110001")
                .put("domesticTraderUscc", enterprise).put("domesticTraderName", "海南企业").put("declarantUscc", enterprise)
                .put("declarantName", "海南企业").put("tradingCountry", "SGP").put("departureCountry", "SGP")
                .put("portCode", "SGSIN").put("transactionMode", "1").put("packageType", "22").put("packages", 120)
                .put("grossWeight", "5400.5").put("netWeight", "5200");
        ArrayNode items = JSON.createArrayNode();
        for (int i = 0; i < 20; i++) {
            items.addObject().put("hsCode", "3907610000").put("name", "聚酯切片").put("quantity", "100").put("unit", "035")
                    .put("unitPrice", "2").put("totalPrice", "200.00").put("currency", "USD").put("originCountry", "SGP")
                    .put("levyMode", "3").put("grossWeight", "12").put("netWeight", "10");
        }
        ObjectNode root = JSON.createObjectNode().put("declarationType", "DIRECT_RELEASE");
        root.set("header", h);
        root.set("items", items);
        return root;
    }
}
