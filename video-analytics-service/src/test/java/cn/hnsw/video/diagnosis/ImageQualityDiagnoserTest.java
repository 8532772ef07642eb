package cn.hnsw.video.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.TestMedia;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each fault on clips made from a real photograph (face-api's sample4, MIT) with that one fault put in, the known
 * ground truth; the clean clip raises nothing. Thresholds are the seeded standards of V2.
 */
public class ImageQualityDiagnoserTest {

    static final DiagnosisStandards STANDARDS = new DiagnosisStandards(Map.ofEntries(Map.entry("BLUR", 400.0),
            Map.entry("COLOR_CAST", 1.5), Map.entry("LOW_CONTRAST", 18.0), Map.entry("BRIGHTNESS_LOW", 40.0),
            Map.entry("BRIGHTNESS_HIGH", 215.0), Map.entry("STRIPES", 11.0), Map.entry("FREEZE", 0.3),
            Map.entry("JITTER", 2.5), Map.entry("OCCLUSION", 0.35), Map.entry("SNOW", 0.05),
            Map.entry("PTZ_FAILURE", 1.5), Map.entry("SIGNAL_LOSS", 0.97)));

    static BufferedImage scene;
    public static final int W = 640;
    public static final int H = 427;

    @BeforeAll
    public static void load() {
        BufferedImage full = TestMedia.sample("sample4").toBufferedImage();
        scene = new BufferedImage(W + 200, H + 200, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scene.createGraphics();
        g.drawImage(full, 0, 0, W + 200, H + 200, null);
        g.dispose();
    }

    /** Frame i of a clean clip: the scene with sensor noise, a slight natural change per frame. */
    public static BufferedImage clean(int i) {
        return view(100, 100, i);
    }

    static BufferedImage view(int ox, int oy, int seed) {
        BufferedImage out = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.drawImage(scene.getSubimage(ox, oy, W, H), 0, 0, null);
        g.dispose();
        // sensor noise on every pixel, as a live camera has
        Random r = new Random(seed);
        int[] row = new int[W];
        for (int y = 0; y < H; y++) {
            out.getRGB(0, y, W, 1, row, 0, W);
            for (int x = 0; x < W; x++) {
                int rgb = row[x];
                int d = (int) Math.round(r.nextGaussian() * 2.5);
                row[x] = clampRgb(((rgb >> 16) & 255) + d, ((rgb >> 8) & 255) + d, (rgb & 255) + d);
            }
            out.setRGB(0, y, W, 1, row, 0, W);
        }
        return out;
    }

    static int clampRgb(int r, int g, int b) {
        return (Math.max(0, Math.min(255, r)) << 16) | (Math.max(0, Math.min(255, g)) << 8) | Math.max(0, Math.min(255, b));
    }

    static BufferedImage map(BufferedImage src, java.util.function.IntUnaryOperator perPixel) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                out.setRGB(x, y, perPixel.applyAsInt(src.getRGB(x, y)));
            }
        }
        return out;
    }

    static Set<VideoFault> diagnose(IntFunction<BufferedImage> clip) {
        ImageQualityDiagnoser d = new ImageQualityDiagnoser(STANDARDS);
        for (int i = 0; i < 8; i++) {
            d.accept(RgbImage.of(clip.apply(i)));
        }
        return d.diagnosis().faults();
    }

    @Test
    void aCleanPictureRaisesNothing() {
        assertThat(diagnose(ImageQualityDiagnoserTest::clean)).isEmpty();
    }

    @Test
    void blur() {
        assertThat(diagnose(i -> {
            BufferedImage small = new BufferedImage(W / 8, H / 8, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(clean(i), 0, 0, W / 8, H / 8, null);
            g.dispose();
            BufferedImage out = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D o = out.createGraphics();
            o.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            o.drawImage(small, 0, 0, W, H, null);
            o.dispose();
            return out;
        })).containsExactly(VideoFault.BLUR);
    }

    @Test
    void colourCast() {
        assertThat(diagnose(i -> map(clean(i), p -> clampRgb(((p >> 16) & 255) / 2, Math.min(255, ((p >> 8) & 255) + 40),
                (p & 255) / 2)))).containsExactly(VideoFault.COLOR_CAST);
    }

    @Test
    void lowContrast() {
        assertThat(diagnose(i -> map(clean(i), p -> clampRgb(100 + ((p >> 16) & 255) / 4,
                100 + ((p >> 8) & 255) / 4, 100 + (p & 255) / 4)))).containsExactly(VideoFault.LOW_CONTRAST);
    }

    @Test
    void tooDark() {
        assertThat(diagnose(i -> map(clean(i), p -> clampRgb(((p >> 16) & 255) / 6, ((p >> 8) & 255) / 6,
                (p & 255) / 6)))).contains(VideoFault.BRIGHTNESS);
    }

    @Test
    void stripes() {
        assertThat(diagnose(i -> {
            BufferedImage f = clean(i);
            BufferedImage out = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < H; y++) {
                int band = (y / 4) % 2 == 0 ? 40 : -40;
                for (int x = 0; x < W; x++) {
                    int p = f.getRGB(x, y);
                    out.setRGB(x, y, clampRgb(((p >> 16) & 255) + band, ((p >> 8) & 255) + band, (p & 255) + band));
                }
            }
            return out;
        })).contains(VideoFault.STRIPES);
    }

    @Test
    void frozenPicture() {
        BufferedImage still = clean(0);
        assertThat(diagnose(i -> still)).containsExactly(VideoFault.FREEZE);
    }

    @Test
    void jitterAndPtzDrift() {
        int[] jx = {0, 9, -8, 7, -9, 8, -7, 9};
        assertThat(diagnose(i -> view(100 + jx[i], 100 + jx[(i + 3) % 8], i))).containsExactly(VideoFault.JITTER);
        assertThat(diagnose(i -> view(40 + 14 * i, 100, i))).containsExactly(VideoFault.PTZ_FAILURE);
    }

    @Test
    void occlusion() {
        assertThat(diagnose(i -> {
            BufferedImage f = clean(i);
            Graphics2D g = f.createGraphics();
            g.setColor(new java.awt.Color(12, 10, 11));
            g.fillRect(0, 0, W * 3 / 5, H);
            g.dispose();
            return f;
        })).contains(VideoFault.OCCLUSION);
    }

    @Test
    void snow() {
        assertThat(diagnose(i -> {
            BufferedImage f = clean(i);
            Random r = new Random(100 + i);
            for (int k = 0; k < W * H / 4; k++) {
                f.setRGB(r.nextInt(W), r.nextInt(H), r.nextBoolean() ? 0xffffff : 0);
            }
            return f;
        })).contains(VideoFault.SNOW).doesNotContain(VideoFault.BLUR);
    }

    @Test
    void signalLoss() {
        assertThat(diagnose(i -> {
            BufferedImage f = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = f.createGraphics();
            g.setColor(new java.awt.Color(0, 0, 200));
            g.fillRect(0, 0, W, H);
            g.dispose();
            return f;
        })).containsExactly(VideoFault.SIGNAL_LOSS);
    }
}
