package cn.hnsw.common.storage;

import cn.hnsw.common.testapp.SampleApplication;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Object storage through the MinIO client against the real S3 server of the test JVM. */
@ServiceIntegrationTest(classes = SampleApplication.class)
class ObjectStorageIT {

    @Autowired
    ObjectStorage storage;

    @Test
    void storesReadsLinksAndDeletes() throws Exception {
        byte[] pdf = "%PDF-1.7 完税证明 tax-paid certificate".getBytes(StandardCharsets.UTF_8);
        storage.put("certificates", "2026/11/TC-0001.pdf", pdf, "application/pdf");
        assertThat(storage.exists("certificates", "2026/11/TC-0001.pdf")).isTrue();
        assertThat(storage.get("certificates", "2026/11/TC-0001.pdf")).isEqualTo(pdf);

        String url = storage.downloadUrl("certificates", "2026/11/TC-0001.pdf", Duration.ofMinutes(5));
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);

        storage.delete("certificates", "2026/11/TC-0001.pdf");
        assertThat(storage.exists("certificates", "2026/11/TC-0001.pdf")).isFalse();
        assertThat(storage.exists("no-such-bucket", "x")).isFalse();
    }
}
