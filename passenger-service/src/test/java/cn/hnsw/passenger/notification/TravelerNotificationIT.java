package cn.hnsw.passenger.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hnsw.passenger.support.PassengerITBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Receipts reach the traveler by push (server-sent events, through Kafka) as well as by query — and only them. */
class TravelerNotificationIT extends PassengerITBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    /*
     * Each stream is read on a thread of its own and closed after the test: read on the common fork-join pool (one
     * worker on two cores) an open stream would block it for the rest of the JVM, and with it everything else that
     * completes there (the object-storage client's uploads, for one).
     */
    private final List<HttpClient> clients = new CopyOnWriteArrayList<>();
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sse-reader");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void closeStreams() {
        clients.forEach(HttpClient::shutdownNow);
        readers.shutdownNow();
    }

    private List<String> open(String token) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        clients.add(client);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/passenger/v1/notifications/stream")).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        readers.submit(() -> {
            client.send(request, HttpResponse.BodyHandlers.ofLines()).body().forEach(lines::add);
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.startsWith("event:ready")));
        return lines;
    }

    @Test
    void theOwnerHearsOfTheReceiptAtOnceAndNobodyElseDoes() {
        // the push listener has its partitions before anything is published
        await().atMost(Duration.ofSeconds(120)).until(() -> listeners.getListenerContainers().stream()
                .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
        String owner = traveler("push.owner");
        List<String> ownerStream = open(owner);
        List<String> otherStream = open(traveler("push.other"));

        JsonNode created = submit(owner, declaration(List.of(item("FOOD", "椰子糖", "3", "袋", "90.00"))));
        String no = created.path("declarationNo").asText();
        awaitCustomsGot(created.path("conversationId").asText(), 1);
        pushReceipt(sealedReceipt(created.path("conversationId").asText(), 1, "SUBMIT", "RELEASED",
                Map.of("items", List.of(Map.of("index", 0, "releaseStatus", "免税放行")))));

        await().atMost(Duration.ofSeconds(30)).until(() -> ownerStream.stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains(no) && l.contains("RELEASED")));
        assertThat(ownerStream).anyMatch(l -> l.startsWith("event:receipt"));
        assertThat(otherStream).noneMatch(l -> l.contains(no));
        assertThat(call("GET", "/v1/notifications/stream", officer("not.traveler", "customs-officer"), null)
                .statusCode()).isEqualTo(403);
    }
}
