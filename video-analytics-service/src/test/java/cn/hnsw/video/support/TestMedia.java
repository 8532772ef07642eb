package cn.hnsw.video.support;

import cn.hnsw.video.face.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Test pictures and clips made from the photographs shipped in {@code @vladmandic/face-api} (MIT; the build decodes
 * them to {@code target/face-samples}) and clips generated here with FFmpeg, with known content.
 */
public final class TestMedia {

    private TestMedia() {
    }

    public static RgbImage sample(String name) {
        return RgbImage.readRaw(Path.of("target", "face-samples", name + ".rgb"));
    }

    /** A region of a photograph, widened by {@code margin} × its size on each side, clipped to the image. */
    public static BufferedImage region(RgbImage img, int x, int y, int w, int h, double margin) {
        int mx = (int) (w * margin);
        int my = (int) (h * margin);
        int x0 = Math.max(0, x - mx);
        int y0 = Math.max(0, y - my);
        int x1 = Math.min(img.width(), x + w + mx);
        int y1 = Math.min(img.height(), y + h + my);
        BufferedImage full = img.toBufferedImage();
        BufferedImage copy = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_3BYTE_BGR);
        copy.getGraphics().drawImage(full.getSubimage(x0, y0, x1 - x0, y1 - y0), 0, 0, null);
        return copy;
    }

    /**
     * The face in {@code (x, y, w, h)} alone on a grey ground: the region widened by 40 %, everything further than
     * 12 % of the face size from the box painted over, so neighbours in a group photo do not show.
     */
    public static BufferedImage isolated(RgbImage img, int x, int y, int w, int h) {
        BufferedImage out = region(img, x, y, w, h, 0.4);
        int ox = Math.max(0, x - (int) (w * 0.4));
        int oy = Math.max(0, y - (int) (h * 0.4));
        int kx0 = x - (int) (w * 0.12) - ox;
        int ky0 = y - (int) (h * 0.12) - oy;
        int kx1 = x + w + (int) (w * 0.12) - ox;
        int ky1 = y + h + (int) (h * 0.12) - oy;
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, out.getWidth(), Math.max(0, ky0));
        g.fillRect(0, ky1, out.getWidth(), out.getHeight());
        g.fillRect(0, 0, Math.max(0, kx0), out.getHeight());
        g.fillRect(kx1, 0, out.getWidth(), out.getHeight());
        g.dispose();
        return out;
    }

    /** The picture drawn at (x, y) on a grey canvas of the given size (a scene, not a close-up). */
    public static BufferedImage onCanvas(BufferedImage image, int width, int height, int x, int y) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(120, 122, 118));
        g.fillRect(0, 0, width, height);
        g.drawImage(image, x, y, null);
        g.dispose();
        return out;
    }

    public static byte[] jpeg(BufferedImage image) {
        return RgbImage.of(image).toJpeg();
    }

    /** The same picture mirrored, brighter and smaller: a different shot of the same face. */
    public static BufferedImage variant(BufferedImage src, double scale, float brightness) {
        int w = (int) (src.getWidth() * scale);
        int h = (int) (src.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(w, 0);
        t.scale(-scale, scale);
        g.drawImage(src, t, null);
        g.dispose();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                Color c = new Color(out.getRGB(x, y));
                out.setRGB(x, y, new Color(clamp(c.getRed() * brightness), clamp(c.getGreen() * brightness),
                        clamp(c.getBlue() * brightness)).getRGB());
            }
        }
        return out;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    /** A picture placed at a position that may change with the frame number. */
    public record Sprite(BufferedImage image, IntFunction<int[]> position) {
    }

    /** Writes an MPEG-4 clip of {@code frames} frames at {@code fps}: grey background with the sprites drawn on it. */
    public static Path clip(Path file, int width, int height, int fps, int frames, List<Sprite> sprites) {
        return clip(file, width, height, fps, frames, i -> {
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = frame.createGraphics();
            g.setColor(new Color(110, 112, 108));
            g.fillRect(0, 0, width, height);
            for (Sprite s : sprites) {
                int[] p = s.position().apply(i);
                g.drawImage(s.image(), p[0], p[1], null);
            }
            g.dispose();
            return frame;
        });
    }

    /** Writes an MPEG-4 clip whose frame {@code i} is {@code painter.apply(i)}. */
    public static Path clip(Path file, int width, int height, int fps, int frames, IntFunction<BufferedImage> painter) {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(fps);
            recorder.setVideoQuality(2);
            recorder.setGopSize(fps);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                recorder.record(converter.convert(painter.apply(i)));
            }
            recorder.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write test clip " + file, e);
        }
        return file;
    }
}
