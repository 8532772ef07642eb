package cn.hnsw.simulators.video;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.video.SimulatedCameraFleet.Device;
import cn.hnsw.simulators.video.SimulatedCameraFleet.Health;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated cameras' pictures and the operator's controls of their health.
 * <ul>
 *   <li>{@code GET /v1/public/camera-streams/{code}}: HTTP motion JPEG ({@code multipart/x-mixed-replace}), the
 *       non-standard HTTP stream many IP cameras serve and FFmpeg reads; a generated scene (a hall, a person walking
 *       across, the device code and time burnt in) at {@code fps} for {@code seconds} (at most 60); with
 *       {@code signalLossAfter=N} the pictures after N seconds are the flat blue of a lost video signal. 503 while the
 *       camera or its distribution point is not online. Open like a camera on a private network.</li>
 *   <li>{@code GET/PUT /v1/camera-platform/devices...}: the catalogue with health, and setting a device or point
 *       ONLINE / OFFLINE / FAULT with a reason (operators only).</li>
 * </ul>
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1")
class CameraStreamController {

    private static final Logger log = LoggerFactory.getLogger(CameraStreamController.class);
    private static final String BOUNDARY = "hnswframe";

    private final SimulatedCameraFleet fleet;

    CameraStreamController(SimulatedCameraFleet fleet) {
        this.fleet = fleet;
    }

    @GetMapping("/public/camera-streams/{code}")
    void stream(@PathVariable String code, @RequestParam(defaultValue = "10") int seconds,
                @RequestParam(defaultValue = "10") int fps, @RequestParam(required = false) Integer signalLossAfter,
                HttpServletResponse response) throws IOException {
        Device device = fleet.device(code).orElseThrow(() -> new HnswException(CameraErrorCode.DEVICE_NOT_FOUND, code));
        if (!fleet.streaming(code)) {
            throw new HnswException(CameraErrorCode.STREAM_UNAVAILABLE, code);
        }
        int rate = Math.max(1, Math.min(fps, 25));
        int frames = Math.max(1, Math.min(seconds, 60)) * rate;
        response.setContentType("multipart/x-mixed-replace;boundary=" + BOUNDARY);
        response.setHeader("X-Hnsw-Simulator", "camera-platform");
        response.setHeader("Cache-Control", "no-store");
        log.info("event=simulator-camera-stream device={} fps={} frames={}", code, rate, frames);
        OutputStream out = response.getOutputStream();
        long start = System.nanoTime();
        for (int i = 0; i < frames && fleet.streaming(code); i++) {
            boolean lost = signalLossAfter != null && i >= signalLossAfter * rate;
            byte[] jpeg = jpeg(lost ? noSignal() : scene(device, i, rate));
            out.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(jpeg);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // paced like a live camera
            long due = start + (i + 1) * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The catalogue with each device's health. */
    @GetMapping("/camera-platform/devices")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    List<Map<String, Object>> devices() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> s : fleet.statusReport()) {
            Map<String, Object> e = new LinkedHashMap<>(s);
            fleet.device((String) s.get("deviceCode")).ifPresent(d -> e.put("nameZh", d.nameZh()));
            out.add(e);
        }
        return out;
    }

    record StatusChange(@NotNull Health status, @Size(max = 200) String faultZh, @Size(max = 200) String faultEn) {
    }

    /** Sets a camera's or distribution point's health (a fault to demonstrate or test anomaly alerts). */
    @PutMapping("/camera-platform/devices/{code}/status")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    Map<String, Object> setStatus(@PathVariable String code, @Valid @RequestBody StatusChange change) {
        if (!fleet.known(code)) {
            throw new HnswException(CameraErrorCode.DEVICE_NOT_FOUND, code);
        }
        SimulatedCameraFleet.State s = fleet.set(code, change.status(), change.faultZh(), change.faultEn());
        log.info("event=simulator-camera-health device={} status={}", code, s.health());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deviceCode", code);
        out.put("status", s.health().name());
        out.put("since", s.since().toString());
        return out;
    }

    /** Every device and point back online. */
    @PostMapping("/camera-platform/reset")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    Map<String, Object> reset() {
        fleet.reset();
        return Map.of("reset", true);
    }

    /** A waiting hall with a person walking across it, the device code and the time in the corner. */
    static BufferedImage scene(Device device, int frame, int fps) {
        int w = 640;
        int h = 360;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(182, 190, 198), 0, h, new Color(96, 102, 110)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(70, 74, 80));
        g.setStroke(new BasicStroke(2f));
        for (int x = 0; x < w; x += 80) {
            g.drawLine(x, h / 2, x - 120, h);
        }
        double t = (double) frame / fps;
        int px = (int) ((40 + 60 * t) % (w + 40)) - 20;
        int py = 150;
        g.setColor(new Color(30, 60, 140));
        g.fillRoundRect(px - 22, py + 30, 44, 110, 16, 16);
        g.setColor(new Color(224, 186, 150));
        g.fillOval(px - 16, py - 4, 32, 36);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 14));
        g.drawString(device.code() + "  " + Instant.now().toString().substring(0, 19) + "Z", 10, 20);
        g.dispose();
        return img;
    }

    /** What an encoder sends when its camera's video signal is gone: a flat blue picture. */
    static BufferedImage noSignal() {
        BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0, 0, 160));
        g.fillRect(0, 0, 640, 360);
        g.dispose();
        return img;
    }

    static byte[] jpeg(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
