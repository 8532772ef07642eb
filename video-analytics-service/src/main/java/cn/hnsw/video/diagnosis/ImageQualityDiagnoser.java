package cn.hnsw.video.diagnosis;

import cn.hnsw.video.face.RgbImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Image-quality diagnosis of a camera: per-frame measures (sharpness, colour, contrast, brightness, stripes, snow,
 * occlusion, signal) and measures over consecutive frames (freeze, jitter, uncommanded PTZ drift), each compared with
 * its threshold in {@link DiagnosisStandards}. A fault is reported when it holds for most of the frames seen.
 */
public final class ImageQualityDiagnoser {

    static final int WIDTH = 256;

    /** The measures of one frame (and of its step from the previous frame). */
    public record Measures(double laplacianVariance, double meanLuma, double lumaStd, double colorCast,
            double stripeRatio, double snowShare, double occludedShare, double uniformShare, double frameDiff,
            double shiftX, double shiftY) {
    }

    /** The verdict over all frames seen: faults and the median measures. */
    public record Diagnosis(Set<VideoFault> faults, Map<String, Double> measures, int frames) {
    }

    private final DiagnosisStandards standards;
    private final List<Measures> seen = new ArrayList<>();
    private final EnumMap<VideoFault, Integer> votes = new EnumMap<>(VideoFault.class);
    private float[] previous;
    private int w;
    private int h;

    public ImageQualityDiagnoser(DiagnosisStandards standards) {
        this.standards = standards;
    }

    public Measures accept(RgbImage frame) {
        w = WIDTH;
        h = Math.max(8, Math.round((float) frame.height() * WIDTH / frame.width()));
        float[] luma = new float[w * h];
        double sumA = 0;
        double sumB = 0;
        float[] ca = new float[w * h];
        float[] cb = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = Math.min(frame.width() - 1, (int) ((x + 0.5) * frame.width() / w));
                int sy = Math.min(frame.height() - 1, (int) ((y + 0.5) * frame.height() / h));
                int r = frame.get(sx, sy, 0);
                int g = frame.get(sx, sy, 1);
                int b = frame.get(sx, sy, 2);
                luma[y * w + x] = (float) (0.299 * r + 0.587 * g + 0.114 * b);
                // opponent colour axes: red-green and yellow-blue
                double a = r - g;
                double bb = 0.5 * (r + g) - b;
                sumA += a;
                sumB += bb;
                ca[y * w + x] = (float) a;
                cb[y * w + x] = (float) bb;
            }
        }
        int n = w * h;
        double meanA = sumA / n;
        double meanB = sumB / n;
        // equivalent-circle method: distance of the mean chroma from neutral over the spread of chroma around it
        double spread = 0;
        for (int i = 0; i < n; i++) {
            spread += Math.hypot(ca[i] - meanA, cb[i] - meanB);
        }
        spread /= n;
        double cast = Math.hypot(meanA, meanB) / Math.max(spread, 1);
        double mean = 0;
        for (float v : luma) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (float v : luma) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / n);
        Measures m = new Measures(laplacianVariance(luma), mean, std, cast, stripeRatio(luma), snowShare(luma),
                occludedShare(luma), uniformShare(luma), previous == null ? Double.NaN : frameDiff(luma, previous),
                0, 0);
        if (previous != null) {
            int[] shift = shift(previous, luma);
            m = new Measures(m.laplacianVariance(), m.meanLuma(), m.lumaStd(), m.colorCast(), m.stripeRatio(),
                    m.snowShare(), m.occludedShare(), m.uniformShare(), m.frameDiff(), shift[0], shift[1]);
        }
        previous = luma;
        seen.add(m);
        for (VideoFault f : faults(m)) {
            votes.merge(f, 1, Integer::sum);
        }
        return m;
    }

    private Set<VideoFault> faults(Measures m) {
        Set<VideoFault> f = EnumSet.noneOf(VideoFault.class);
        boolean signalLost = m.uniformShare() > standards.get("SIGNAL_LOSS");
        if (signalLost) {
            f.add(VideoFault.SIGNAL_LOSS);
            return f;
        }
        if (m.occludedShare() > standards.get("OCCLUSION")) {
            f.add(VideoFault.OCCLUSION);
        }
        if (m.snowShare() > standards.get("SNOW")) {
            f.add(VideoFault.SNOW);
        } else if (m.laplacianVariance() < standards.get("BLUR") && m.lumaStd() >= standards.get("LOW_CONTRAST")) {
            f.add(VideoFault.BLUR);
        }
        if (m.colorCast() > standards.get("COLOR_CAST")) {
            f.add(VideoFault.COLOR_CAST);
        }
        if (m.lumaStd() < standards.get("LOW_CONTRAST") && !f.contains(VideoFault.OCCLUSION)) {
            f.add(VideoFault.LOW_CONTRAST);
        }
        if (m.meanLuma() < standards.get("BRIGHTNESS_LOW") || m.meanLuma() > standards.get("BRIGHTNESS_HIGH")) {
            f.add(VideoFault.BRIGHTNESS);
        }
        if (m.stripeRatio() > standards.get("STRIPES")) {
            f.add(VideoFault.STRIPES);
        }
        if (!Double.isNaN(m.frameDiff()) && m.frameDiff() < standards.get("FREEZE")) {
            f.add(VideoFault.FREEZE);
        }
        return f;
    }

    /** How many frames were seen. */
    public int frames() {
        return seen.size();
    }

    /** The faults that held in more than half of the frames, and for motion faults the pattern over the window. */
    public Diagnosis diagnosis() {
        Set<VideoFault> faults = EnumSet.noneOf(VideoFault.class);
        int frames = seen.size();
        votes.forEach((fault, count) -> {
            int base = fault == VideoFault.FREEZE ? frames - 1 : frames;
            if (base > 0 && count * 2 > base) {
                faults.add(fault);
            }
        });
        if (frames >= 4 && !faults.contains(VideoFault.SIGNAL_LOSS)) {
            // jitter: large shifts that keep changing direction; PTZ loss: a steady drift in one direction
            double meanAbs = 0;
            double meanX = 0;
            double meanY = 0;
            int steps = 0;
            for (Measures m : seen.subList(1, frames)) {
                meanAbs += Math.hypot(m.shiftX(), m.shiftY());
                meanX += m.shiftX();
                meanY += m.shiftY();
                steps++;
            }
            meanAbs /= steps;
            double drift = Math.hypot(meanX / steps, meanY / steps);
            if (drift > standards.get("PTZ_FAILURE") && drift > 0.6 * meanAbs) {
                faults.add(VideoFault.PTZ_FAILURE);
            } else if (meanAbs > standards.get("JITTER") && drift < 0.5 * meanAbs) {
                faults.add(VideoFault.JITTER);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        medians.put("laplacianVariance", median(seen, Measures::laplacianVariance));
        medians.put("meanLuma", median(seen, Measures::meanLuma));
        medians.put("lumaStd", median(seen, Measures::lumaStd));
        medians.put("colorCast", median(seen, Measures::colorCast));
        medians.put("stripeRatio", median(seen, Measures::stripeRatio));
        medians.put("snowShare", median(seen, Measures::snowShare));
        medians.put("occludedShare", median(seen, Measures::occludedShare));
        medians.put("uniformShare", median(seen, Measures::uniformShare));
        return new Diagnosis(faults, medians, frames);
    }

    /** The median of one measure over the frames seen (a plain loop: frames whose measure is NaN are left out). */
    private static double median(List<Measures> seen, java.util.function.Function<Measures, Double> measure) {
        double[] v = new double[seen.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = measure.apply(seen.get(i));
        }
        return median(v);
    }

    private static double median(double[] v) {
        double[] s = java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    private double laplacianVariance(float[] g) {
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double lap = 4 * g[i] - g[i - 1] - g[i + 1] - g[i - w] - g[i + w];
                s += lap;
                s2 += lap * lap;
                n++;
            }
        }
        return s2 / n - (s / n) * (s / n);
    }

    /** Periodic horizontal or vertical banding: strongest periodic component of the row/column means vs the median. */
    private double stripeRatio(float[] g) {
        double[] rows = new double[h];
        double[] cols = new double[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rows[y] += g[y * w + x] / w;
                cols[x] += g[y * w + x] / h;
            }
        }
        return Math.max(periodicity(rows), periodicity(cols));
    }

    private static double periodicity(double[] signal) {
        int n = signal.length;
        double mean = java.util.Arrays.stream(signal).average().orElse(0);
        // remove the slow trend (scene content) with a moving average, keep the fine periodic part
        double[] detail = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int c = 0;
            for (int k = Math.max(0, i - 8); k <= Math.min(n - 1, i + 8); k++) {
                s += signal[k];
                c++;
            }
            detail[i] = signal[i] - s / c;
        }
        double[] mags = new double[n / 2];
        for (int f = 2; f < n / 2; f++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * f * i / n;
                re += detail[i] * Math.cos(a);
                im += detail[i] * Math.sin(a);
            }
            mags[f] = Math.hypot(re, im);
        }
        int from = Math.max(2, n / 12);
        double max = 0;
        double sum = 0;
        for (int f = from; f < n / 2; f++) {
            max = Math.max(max, mags[f]);
            sum += mags[f];
        }
        double avg = sum / Math.max(1, n / 2 - from);
        return mean == 0 ? 0 : max / Math.max(avg, 0.05 * n);
    }

    /** Isolated impulses: pixels far from all four neighbours. */
    private double snowShare(float[] g) {
        int count = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                float v = g[i];
                double nb = (g[i - 1] + g[i + 1] + g[i - w] + g[i + w]) / 4.0;
                double spread = Math.max(Math.max(Math.abs(g[i - 1] - nb), Math.abs(g[i + 1] - nb)),
                        Math.max(Math.abs(g[i - w] - nb), Math.abs(g[i + w] - nb)));
                if (Math.abs(v - nb) > 45 && spread < Math.abs(v - nb) * 0.8) {
                    count++;
                }
                n++;
            }
        }
        return (double) count / n;
    }

    /** Dark, flat 16×16 blocks: something in front of the lens. */
    private double occludedShare(float[] g) {
        int blocks = 0;
        int dark = 0;
        int lit = 0;
        for (int by = 0; by + 16 <= h; by += 16) {
            for (int bx = 0; bx + 16 <= w; bx += 16) {
                double s = 0;
                double s2 = 0;
                for (int y = by; y < by + 16; y++) {
                    for (int x = bx; x < bx + 16; x++) {
                        double v = g[y * w + x];
                        s += v;
                        s2 += v * v;
                    }
                }
                double mean = s / 256;
                double sd = Math.sqrt(Math.max(0, s2 / 256 - mean * mean));
                blocks++;
                if (mean < 35 && sd < 6) {
                    dark++;
                } else if (mean >= 60) {
                    lit++;
                }
            }
        }
        // a picture that is dark all over is a brightness fault, not something in front of the lens
        return blocks == 0 || lit < 0.2 * blocks ? 0 : (double) dark / blocks;
    }

    /** Share of pixels equal (±2) to the frame's most common value: a blank, blue or black screen. */
    private double uniformShare(float[] g) {
        int[] hist = new int[256];
        for (float v : g) {
            hist[Math.max(0, Math.min(255, Math.round(v)))]++;
        }
        int best = 0;
        for (int v = 0; v < 256; v++) {
            int s = 0;
            for (int k = Math.max(0, v - 2); k <= Math.min(255, v + 2); k++) {
                s += hist[k];
            }
            best = Math.max(best, s);
        }
        return (double) best / g.length;
    }

    private double frameDiff(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    /** Global shift between two frames by exhaustive block matching on the central area (±12 px). */
    private int[] shift(float[] prev, float[] cur) {
        int r = 12;
        double best = Double.MAX_VALUE;
        int bx = 0;
        int by = 0;
        for (int dy = -r; dy <= r; dy += 1) {
            for (int dx = -r; dx <= r; dx += 1) {
                double s = 0;
                int n = 0;
                for (int y = r; y < h - r; y += 2) {
                    for (int x = r; x < w - r; x += 2) {
                        s += Math.abs(cur[y * w + x] - prev[(y + dy) * w + x + dx]);
                        n++;
                    }
                }
                s /= n;
                if (s < best) {
                    best = s;
                    bx = dx;
                    by = dy;
                }
            }
        }
        // content moved by (-bx, -by) from prev to cur
        return new int[] {-bx, -by};
    }
}
