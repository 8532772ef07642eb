package cn.hnsw.portsituation.livevideo;

import cn.hnsw.common.web.HnswException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The live picture behind a signed playback address ({@code /v1/public/live-video/streams/{camera}?exp=&sig=}, open
 * without a token: the signature is the permission): the service takes the camera's live stream from its platform
 * (HTTP motion JPEG, on the platform's private network) and passes it on to the browser byte for byte, for at most
 * {@code seconds} (1–60; the browser opens a new address to go on). A wrong or expired address is a 403 problem, a
 * stream the platform does not give a 502 problem, both before any picture is sent.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/public/live-video/streams")
class LiveStreamController {

    private static final Logger log = LoggerFactory.getLogger(LiveStreamController.class);

    private final LiveVideoService service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    LiveStreamController(LiveVideoService service) {
        this.service = service;
    }

    @GetMapping("/{code}")
    void stream(@PathVariable String code, @RequestParam long exp, @RequestParam String sig,
                @RequestParam(defaultValue = "60") int seconds, @RequestParam(defaultValue = "10") int fps,
                HttpServletResponse response) throws IOException {
        LiveVideoService.Upstream upstream = service.open(code, exp, sig);
        URI uri = URI.create(upstream.uri() + (upstream.uri().getRawQuery() == null ? "?" : "&") + "seconds="
                + Math.max(1, Math.min(seconds, 60)) + "&fps=" + Math.max(1, Math.min(fps, 25)));
        HttpResponse<InputStream> live;
        try {
            live = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new HnswException(LiveVideoErrorCode.STREAM_UNAVAILABLE, code, "unreachable / 无法连接");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HnswException(LiveVideoErrorCode.STREAM_UNAVAILABLE, code, "interrupted / 已中断");
        }
        String type = live.headers().firstValue("Content-Type").orElse("");
        if (live.statusCode() != 200 || !type.startsWith("multipart/x-mixed-replace")) {
            live.body().close();
            throw new HnswException(LiveVideoErrorCode.STREAM_UNAVAILABLE, code, "HTTP " + live.statusCode());
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-store");
        log.info("event=live-video-stream camera={}", code);
        long bytes = 0;
        try (InputStream in = live.body()) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
                bytes += n;
            }
        } catch (IOException e) {
            // the browser closed the picture (or the platform dropped it): nothing more to pass on
            log.debug("event=live-video-stream-closed camera={} bytes={}", code, bytes);
        }
    }
}
