package cn.hnsw.video.attribute;

import cn.hnsw.video.face.FaceEngine.FaceBox;
import cn.hnsw.video.face.RgbImage;
import java.util.EnumMap;
import java.util.Map;

/**
 * 上衣颜色 and 下衣颜色 — the colour of a person's upper clothing by region colour analysis: a torso region is placed under the
 * detected face (its size and position follow the face box: from 0.35 face heights under the chin, 1.2 face heights
 * tall, 1.4 face widths wide), every pixel is named in HSV (black, white, grey, red, orange, yellow, green, cyan, blue,
 * purple, pink, brown), and the most frequent name is the answer, with its share of the region. Skin-toned pixels
 * (a bare neck or arms in the region) are not counted. Less than 40 % of the region inside the frame, or fewer than
 * 200 counted pixels: no answer. No model is involved; how well it does on labelled photographs is in
 * docs/video-analytics.md.
 */
public final class ClothingColourAnalyzer {

    /** Colour names as officers search by them (FP 253–274: 上衣颜色). */
    public enum ColourName {
        BLACK, WHITE, GREY, RED, ORANGE, YELLOW, GREEN, CYAN, BLUE, PURPLE, PINK, BROWN
    }

    /** The dominant colour of a region and its share of the counted pixels. */
    public record RegionColour(ColourName colour, double share, int pixels) {
    }

    private ClothingColourAnalyzer() {
    }

    /** The upper-clothing colour under {@code face}, or null when too little of the torso is in the picture. */
    public static RegionColour upperClothing(RgbImage img, FaceBox face) {
        return bodyRegion(img, face, 0.35, 1.2, 1.4);
    }

    /**
     * 下衣颜色 — the colour of the lower clothing: a region over the thighs placed by the body's proportions (an adult
     * standing upright is about 7.5 face heights tall, the hips about 3 face heights under the chin): from 3.0 to 4.6
     * face heights under the chin, 1.1 face widths wide. Null when less than 40 % of it is in the picture (a face
     * camera often frames only head and shoulders).
     */
    public static RegionColour lowerClothing(RgbImage img, FaceBox face) {
        return bodyRegion(img, face, 3.0, 1.6, 1.1);
    }

    /** The dominant colour of a region under the face: {@code below}, {@code tall} and {@code wide} in face sizes. */
    static RegionColour bodyRegion(RgbImage img, FaceBox face, double below, double tall, double wide) {
        double cx = face.x() + face.width() / 2;
        double top = face.bottom() + below * face.height();
        double height = tall * face.height();
        double width = wide * face.width();
        int x0 = (int) Math.round(cx - width / 2);
        int y0 = (int) Math.round(top);
        int x1 = (int) Math.round(cx + width / 2);
        int y1 = (int) Math.round(top + height);
        int cx0 = Math.max(0, x0);
        int cy0 = Math.max(0, y0);
        int cx1 = Math.min(img.width(), x1);
        int cy1 = Math.min(img.height(), y1);
        double area = (double) (x1 - x0) * (y1 - y0);
        if (cx1 <= cx0 || cy1 <= cy0 || (cx1 - cx0) * (double) (cy1 - cy0) < 0.4 * area) {
            return null;
        }
        return dominant(img, cx0, cy0, cx1, cy1);
    }

    /** The most frequent colour name of the region [x0, x1) × [y0, y1), skin tones left out. */
    public static RegionColour dominant(RgbImage img, int x0, int y0, int x1, int y1) {
        Map<ColourName, Integer> counts = new EnumMap<>(ColourName.class);
        int counted = 0;
        // a sampling step keeps the cost bounded on large faces
        int step = Math.max(1, (int) Math.sqrt((double) (x1 - x0) * (y1 - y0) / 20_000));
        float[] hsv = new float[3];
        for (int y = y0; y < y1; y += step) {
            for (int x = x0; x < x1; x += step) {
                int r = img.get(x, y, 0);
                int g = img.get(x, y, 1);
                int b = img.get(x, y, 2);
                java.awt.Color.RGBtoHSB(r, g, b, hsv);
                if (skin(r, g, b, hsv)) {
                    continue;
                }
                counts.merge(name(hsv[0] * 360, hsv[1], hsv[2]), 1, Integer::sum);
                counted++;
            }
        }
        if (counted < 200 / (step * step) + 1) {
            return null;
        }
        Map.Entry<ColourName, Integer> best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new RegionColour(best.getKey(), (double) best.getValue() / counted, counted);
    }

    /** Names one pixel from hue (degrees), saturation and value (0–1). */
    static ColourName name(double hue, double s, double v) {
        if (v < 0.22) {
            return ColourName.BLACK;
        }
        if (s < 0.18) {
            return v > 0.75 ? ColourName.WHITE : v < 0.35 ? ColourName.BLACK : ColourName.GREY;
        }
        if (hue < 15 || hue >= 340) {
            return v < 0.45 && s < 0.6 ? ColourName.BROWN : s < 0.45 && v > 0.8 ? ColourName.PINK : ColourName.RED;
        }
        if (hue < 40) {
            return v < 0.6 ? ColourName.BROWN : ColourName.ORANGE;
        }
        if (hue < 70) {
            return v < 0.5 ? ColourName.BROWN : ColourName.YELLOW;
        }
        if (hue < 165) {
            return ColourName.GREEN;
        }
        if (hue < 195) {
            return ColourName.CYAN;
        }
        if (hue < 255) {
            return ColourName.BLUE;
        }
        if (hue < 290) {
            return ColourName.PURPLE;
        }
        return v > 0.6 && s < 0.7 ? ColourName.PINK : ColourName.PURPLE;
    }

    /** Skin by the classic RGB rule (Kovac et al., uniform daylight), so bare necks and arms do not vote. */
    static boolean skin(int r, int g, int b, float[] hsv) {
        return r > 95 && g > 40 && b > 20 && Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 15
                && Math.abs(r - g) > 15 && r > g && r > b;
    }
}
