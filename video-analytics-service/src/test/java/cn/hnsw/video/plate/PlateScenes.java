package cn.hnsw.video.plate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Makes the plate test scenes in {@code src/test/resources/plates/}: a car's rear on a noisy road, with a blue Chinese
 * plate rendered in a CJK font (white characters, the separator dot), and the same scene without a plate. The JPEGs are
 * committed (CI machines need not have a CJK font); run {@code main} on a machine with Noto CJK to make them again.
 */
public final class PlateScenes {

    private PlateScenes() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/plates");
        Files.createDirectories(out);
        ImageIO.write(scene("琼A·12345", 11), "jpg", out.resolve("qiong-a12345.jpg").toFile());
        ImageIO.write(scene("琼B·6D789", 12), "jpg", out.resolve("qiong-b6d789.jpg").toFile());
        ImageIO.write(scene(null, 13), "jpg", out.resolve("quiet-road.jpg").toFile());
    }

    static BufferedImage scene(String plate, long seed) {
        int w = 960;
        int h = 540;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Random r = new Random(seed);
        // road and sky
        g.setColor(new Color(150, 170, 190));
        g.fillRect(0, 0, w, h / 3);
        g.setColor(new Color(88, 88, 92));
        g.fillRect(0, h / 3, w, h);
        // the car's rear: body, window, lights, bumper
        g.setColor(new Color(200, 200, 205));
        g.fillRoundRect(250, 140, 460, 300, 40, 40);
        g.setColor(new Color(40, 50, 60));
        g.fillRoundRect(290, 160, 380, 100, 20, 20);
        g.setColor(new Color(190, 30, 30));
        g.fillRect(265, 290, 80, 40);
        g.fillRect(615, 290, 80, 40);
        g.setColor(new Color(60, 60, 60));
        g.fillRect(250, 410, 460, 30);
        if (plate != null) {
            // 440 × 140 mm, the plate's proportions
            int px = 330;
            int py = 320;
            int pw = 300;
            int ph = 96;
            g.setColor(new Color(12, 62, 160));
            g.fillRoundRect(px, py, pw, ph, 10, 10);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(2));
            g.drawRoundRect(px + 4, py + 4, pw - 8, ph - 8, 8, 8);
            Font font = new Font("Noto Sans CJK SC", Font.BOLD, 50);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int tw = fm.stringWidth(plate);
            g.drawString(plate, px + (pw - tw) / 2, py + (ph + fm.getAscent() - fm.getDescent()) / 2);
        }
        g.dispose();
        // sensor noise
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int n = (int) Math.round(r.nextGaussian() * 6);
                int rr = clamp(((rgb >> 16) & 0xff) + n);
                int gg = clamp(((rgb >> 8) & 0xff) + n);
                int bb = clamp((rgb & 0xff) + n);
                img.setRGB(x, y, (rr << 16) | (gg << 8) | bb);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
