package cn.hnsw.simulators.port;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.video.CameraErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.imageio.ImageIO;
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

/**
 * The live pictures of the cameras of the simulated networked video platforms ({@link VideoPlatformSimulator}):
 * {@code GET /v1/public/camera-streams/platforms/{platform}/{device}?seconds=&fps=} is HTTP motion JPEG
 * ({@code multipart/x-mixed-replace}) of a generated gate scene (lanes, a barrier, a vehicle passing, the device code
 * and time burnt in) at {@code fps} (at most 25) for {@code seconds} (at most 60); 404 for a camera the platform does not
 * have, 503 for one that is offline. Open like a camera on the platform's private network (the public path of the
 * camera streams), which only the port service reaches: browsers get the picture through the service.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/public/camera-streams/platforms")
class PlatformCameraStreamController {

    private static final Logger log = LoggerFactory.getLogger(PlatformCameraStreamController.class);
    private static final String BOUNDARY = "hnswplatformframe";

    @GetMapping("/{platform}/{device}")
    void stream(@PathVariable String platform, @PathVariable String device,
                @RequestParam(defaultValue = "10") int seconds, @RequestParam(defaultValue = "10") int fps,
                HttpServletResponse response) throws IOException {
        if (VideoPlatformSimulator.index(platform, device) < 0) {
            throw new HnswException(CameraErrorCode.DEVICE_NOT_FOUND, device);
        }
        if (!VideoPlatformSimulator.live(platform, device)) {
            throw new HnswException(CameraErrorCode.STREAM_UNAVAILABLE, device);
        }
        int rate = Math.max(1, Math.min(fps, 25));
        int frames = Math.max(1, Math.min(seconds, 60)) * rate;
        response.setContentType("multipart/x-mixed-replace;boundary=" + BOUNDARY);
        response.setHeader("X-Hnsw-Simulator", "video-platform");
        response.setHeader("Cache-Control", "no-store");
        log.info("event=simulator-platform-camera-stream platform={} device={} fps={} frames={}", platform, device, rate,
                frames);
        OutputStream out = response.getOutputStream();
        long start = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            byte[] jpeg = jpeg(scene(device, i, rate));
            out.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(jpeg);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long wait = start + (i + 1) * 1_000_000_000L / rate - System.nanoTime();
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

    /** A gate seen from above the lanes: a barrier and a vehicle driving through, the device code and time. */
    static BufferedImage scene(String device, int frame, int fps) {
        int w = 640;
        int h = 360;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(120, 126, 132), 0, h, new Color(70, 74, 80)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(235, 235, 235));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{20f, 16f}, 0f));
        for (int x = 160; x < w; x += 160) {
            g.drawLine(x, 40, x, h);
        }
        double t = (double) frame / fps;
        int y = (int) ((40 * t * 3) % (h + 120)) - 100;
        boolean open = y > 120;
        g.setStroke(new BasicStroke(6f));
        g.setColor(new Color(220, 40, 40));
        g.drawLine(170, 150, open ? 190 : 300, open ? 60 : 150);
        g.setColor(new Color(40, 110, 190));
        g.fillRoundRect(200, y, 80, 110, 12, 12);
        g.setColor(new Color(30, 30, 30));
        g.fillRect(212, y + 10, 56, 22);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 14));
        g.drawString(device + "  " + Instant.now().toString().substring(0, 19) + "Z", 10, 20);
        g.dispose();
        return img;
    }

    static byte[] jpeg(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
