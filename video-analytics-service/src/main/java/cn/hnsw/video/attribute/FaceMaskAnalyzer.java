package cn.hnsw.video.attribute;

import cn.hnsw.video.face.FaceEngine.Landmarks;
import cn.hnsw.video.face.RgbImage;

/**
 * 人像口罩 — whether a face wears a mask, from its 68 landmarks and colour alone: the skin colour of the face is taken
 * from the band between the eyebrows and the eyes' lower lids (brow ridge, glabella and the skin under the eyes, which
 * a worn mask leaves bare), and the lower face (from under the nose to the chin, between the mouth corners widened by
 * a quarter of the mouth's width) is compared with it pixel by pixel in YCrCb chroma. A face whose lower face is mostly
 * not of its own skin's chroma wears a mask. No answer (null) when the reference band is not skin-coloured itself
 * (sunglasses, a hat's shadow, a grey-scale picture) or when the regions fall outside the picture. A mask of the
 * wearer's own skin tone is not seen; a dark full beard reads as a mask. How well it does is measured on the package
 * photographs with drawn masks (FaceMaskAnalyzerTest; docs/video-analytics.md).
 */
public final class FaceMaskAnalyzer {

    /** The lower face is called masked when less than this share of it has the face's skin chroma. */
    static final double MASKED_BELOW = 0.25;
    /** Chroma distance (Cr, Cb, 0–255) within which a pixel is of the reference skin. */
    static final double CHROMA_TOLERANCE = 18;

    /** The decision and what it rests on: the share of the lower face with the skin's chroma. */
    public record MaskReading(boolean masked, double skinShare) {
    }

    private FaceMaskAnalyzer() {
    }

    public static MaskReading read(RgbImage img, Landmarks lm) {
        return read(img, lm, CHROMA_TOLERANCE);
    }

    static MaskReading read(RgbImage img, Landmarks lm, double tolerance) {
        double[] xs = lm.xs();
        double[] ys = lm.ys();
        double faceWidth = xs[16] - xs[0];
        if (!(faceWidth > 8)) {
            return null;
        }
        // reference band: from the eyebrows' lower edge to just under the eyes, between the outer eye corners
        int rx0 = (int) Math.round(xs[36]);
        int rx1 = (int) Math.round(xs[45]);
        int ry0 = (int) Math.round(Math.max(ys[19], ys[24]) + 0.04 * faceWidth);
        int ry1 = (int) Math.round(Math.max(ys[41], ys[46]) + 0.06 * faceWidth);
        double[] ref = skinChroma(img, rx0, ry0, rx1, ry1, xs, ys);
        if (ref == null) {
            return null;
        }
        // lower face: under the nose down to the chin, between the widened mouth corners
        double mouthWidth = xs[54] - xs[48];
        int lx0 = (int) Math.round(xs[48] - 0.25 * mouthWidth);
        int lx1 = (int) Math.round(xs[54] + 0.25 * mouthWidth);
        int ly0 = (int) Math.round(ys[33] + 0.03 * faceWidth);
        int ly1 = (int) Math.round(ys[8] - 0.03 * faceWidth);
        if (lx0 < 0 || ly0 < 0 || lx1 > img.width() || ly1 > img.height() || lx1 - lx0 < 4 || ly1 - ly0 < 4) {
            return null;
        }
        int skin = 0;
        int all = 0;
        for (int y = ly0; y < ly1; y++) {
            for (int x = lx0; x < lx1; x++) {
                double[] c = crCb(img, x, y);
                all++;
                if (Math.hypot(c[0] - ref[0], c[1] - ref[1]) <= tolerance) {
                    skin++;
                }
            }
        }
        double share = (double) skin / all;
        return new MaskReading(share < MASKED_BELOW, share);
    }

    /**
     * The median Cr and Cb of the skin-toned pixels of the band (eyes themselves left out: within a tenth of the face
     * width of an eye's centre), or null when fewer than half of its pixels are skin-toned.
     */
    private static double[] skinChroma(RgbImage img, int x0, int y0, int x1, int y1, double[] xs, double[] ys) {
        if (x0 < 0 || y0 < 0 || x1 > img.width() || y1 > img.height() || x1 - x0 < 4 || y1 - y0 < 2) {
            return null;
        }
        double eyeRadius = 0.1 * (xs[16] - xs[0]);
        double lex = (xs[36] + xs[39]) / 2;
        double ley = (ys[37] + ys[40]) / 2;
        double rex = (xs[42] + xs[45]) / 2;
        double rey = (ys[43] + ys[46]) / 2;
        java.util.List<double[]> skin = new java.util.ArrayList<>();
        int all = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (Math.hypot(x - lex, y - ley) < eyeRadius || Math.hypot(x - rex, y - rey) < eyeRadius) {
                    continue;
                }
                all++;
                double[] c = crCb(img, x, y);
                // a loose YCrCb skin rule (Chai and Ngan), widened for shade: only to choose the reference pixels
                if (c[0] >= 133 && c[0] <= 180 && c[1] >= 70 && c[1] <= 130) {
                    skin.add(c);
                }
            }
        }
        if (all == 0 || skin.size() < 0.5 * all) {
            return null;
        }
        double[] cr = new double[skin.size()];
        double[] cb = new double[skin.size()];
        for (int i = 0; i < cr.length; i++) {
            cr[i] = skin.get(i)[0];
            cb[i] = skin.get(i)[1];
        }
        java.util.Arrays.sort(cr);
        java.util.Arrays.sort(cb);
        return new double[] {cr[cr.length / 2], cb[cb.length / 2]};
    }

    /** Cr and Cb of one pixel (ITU-R BT.601, full range). */
    static double[] crCb(RgbImage img, int x, int y) {
        int r = img.get(x, y, 0);
        int g = img.get(x, y, 1);
        int b = img.get(x, y, 2);
        double cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
        double cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
        return new double[] {cr, cb};
    }
}
