package cn.hnsw.video.behavior;

import cn.hnsw.video.face.RgbImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Behaviour analysis on a stream of frames: background model (running average with a slow learning rate),
 * foreground blobs by connected components, nearest-centroid tracking, and from these the six behaviours. Works on a
 * grey picture scaled to {@link #WIDTH} pixels wide, so it costs little next to the face pipeline.
 */
public final class BehaviorAnalyzer {

    static final int WIDTH = 160;

    /** A behaviour found: what, when (media time) and a short description. */
    public record BehaviorEvent(BehaviorKind kind, long startMs, long endMs, String detail) {
    }

    private final BehaviorRules rules;
    private int w;
    private int h;
    private float[] background;
    private float[] initialBackground;
    private float[] previous;
    private long firstMs = -1;
    private final List<float[]> warmup = new ArrayList<>();
    private static final long WARMUP_MS = 1500;
    private final List<Track> tracks = new ArrayList<>();
    private int nextTrackId = 1;
    private final List<BehaviorEvent> events = new ArrayList<>();
    private long crowdSince = -1;
    private boolean crowdReported;
    private long violentSince = -1;
    private boolean violentReported;
    private final Map<Integer, Long> staticCellsSince = new HashMap<>();
    private final Map<Integer, Boolean> staticReported = new HashMap<>();

    private static final class Track {
        final int id;
        double x;
        double y;
        final long startMs;
        final double startX;
        final double startY;
        long lastMs;
        long fastSince = -1;
        long inRegionSince = -1;
        double entryX;
        double entryY;
        double path;
        boolean runningReported;
        boolean loiterReported;
        double speed;

        Track(int id, double x, double y, long ms) {
            this.id = id;
            this.x = x;
            this.y = y;
            this.startX = x;
            this.startY = y;
            this.startMs = ms;
            this.lastMs = ms;
        }
    }

    private record Blob(double cx, double cy, int area, int minX, int minY, int maxX, int maxY) {
    }

    public BehaviorAnalyzer(BehaviorRules rules) {
        this.rules = rules;
    }

    public List<BehaviorEvent> events() {
        return List.copyOf(events);
    }

    /** Feeds one frame at media time {@code ms}; returns the events it completed. */
    public List<BehaviorEvent> accept(RgbImage frame, long ms) {
        float[] grey = downscale(frame);
        int before = events.size();
        if (background == null) {
            // the empty scene is the per-pixel median of the first moments: people walking through drop out of it
            if (firstMs < 0) {
                firstMs = ms;
            }
            warmup.add(grey);
            if (ms - firstMs < WARMUP_MS) {
                return List.of();
            }
            background = median(warmup);
            initialBackground = background.clone();
            previous = grey;
            warmup.clear();
            return List.of();
        }
        boolean[] fg = new boolean[w * h];
        int strongChanges = 0;
        int regionPixels = 0;
        for (int i = 0; i < w * h; i++) {
            fg[i] = Math.abs(grey[i] - background[i]) > 25;
            if (inRegion(i % w, i / w)) {
                regionPixels++;
                if (Math.abs(grey[i] - previous[i]) > 40) {
                    strongChanges++;
                }
            }
        }
        List<Blob> blobs = blobs(fg);
        updateTracks(blobs, ms);
        checkCrowd(ms);
        checkViolent(ms, regionPixels == 0 ? 0 : (double) strongChanges / regionPixels);
        checkStatic(grey, fg, ms);
        // learn the background where nothing moves, slowly, so a person standing still is not absorbed at once
        for (int i = 0; i < w * h; i++) {
            float rate = fg[i] ? 0.002f : 0.05f;
            background[i] += rate * (grey[i] - background[i]);
        }
        previous = grey;
        return events.subList(before, events.size());
    }

    private static float[] median(List<float[]> frames) {
        int n = frames.get(0).length;
        float[] out = new float[n];
        float[] column = new float[frames.size()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < column.length; k++) {
                column[k] = frames.get(k)[i];
            }
            java.util.Arrays.sort(column);
            out[i] = column[column.length / 2];
        }
        return out;
    }

    private float[] downscale(RgbImage img) {
        w = WIDTH;
        h = Math.max(1, Math.round((float) img.height() * WIDTH / img.width()));
        float[] g = new float[w * h];
        double sx = (double) img.width() / w;
        double sy = (double) img.height() / h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int x0 = (int) (x * sx);
                int y0 = (int) (y * sy);
                int x1 = Math.max(x0 + 1, (int) ((x + 1) * sx));
                int y1 = Math.max(y0 + 1, (int) ((y + 1) * sy));
                double sum = 0;
                int n = 0;
                for (int yy = y0; yy < y1; yy += 2) {
                    for (int xx = x0; xx < x1; xx += 2) {
                        sum += 0.299 * img.get(xx, yy, 0) + 0.587 * img.get(xx, yy, 1) + 0.114 * img.get(xx, yy, 2);
                        n++;
                    }
                }
                g[y * w + x] = (float) (sum / n);
            }
        }
        return g;
    }

    private boolean inRegion(double x, double y) {
        double[] r = rules.region();
        double fx = x / w;
        double fy = y / h;
        return fx >= r[0] && fx <= r[0] + r[2] && fy >= r[1] && fy <= r[1] + r[3];
    }

    private List<Blob> blobs(boolean[] fg) {
        int[] label = new int[w * h];
        List<Blob> out = new ArrayList<>();
        int minArea = (int) Math.max(4, rules.minBlobArea() * w * h);
        int[] stack = new int[w * h];
        int next = 1;
        for (int i = 0; i < w * h; i++) {
            if (!fg[i] || label[i] != 0) {
                continue;
            }
            int sp = 0;
            stack[sp++] = i;
            label[i] = next;
            long sx = 0;
            long sy = 0;
            int area = 0;
            int minX = w;
            int minY = h;
            int maxX = 0;
            int maxY = 0;
            while (sp > 0) {
                int p = stack[--sp];
                int px = p % w;
                int py = p / w;
                sx += px;
                sy += py;
                area++;
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                for (int d = 0; d < 4; d++) {
                    int nx = px + (d == 0 ? 1 : d == 1 ? -1 : 0);
                    int ny = py + (d == 2 ? 1 : d == 3 ? -1 : 0);
                    if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                        int q = ny * w + nx;
                        if (fg[q] && label[q] == 0) {
                            label[q] = next;
                            stack[sp++] = q;
                        }
                    }
                }
            }
            next++;
            if (area >= minArea) {
                out.add(new Blob((double) sx / area, (double) sy / area, area, minX, minY, maxX, maxY));
            }
        }
        return out;
    }

    private void updateTracks(List<Blob> blobs, long ms) {
        List<Track> matched = new ArrayList<>();
        double gate = 0.25 * w;
        for (Blob b : blobs) {
            Track best = null;
            double bestD = gate;
            for (Track t : tracks) {
                if (matched.contains(t)) {
                    continue;
                }
                double d = Math.hypot(t.x - b.cx(), t.y - b.cy());
                if (d < bestD) {
                    bestD = d;
                    best = t;
                }
            }
            if (best == null) {
                best = new Track(nextTrackId++, b.cx(), b.cy(), ms);
                tracks.add(best);
            } else {
                best.path += Math.hypot(b.cx() - best.x, b.cy() - best.y);
                double dt = (ms - best.lastMs) / 1000.0;
                if (dt > 0) {
                    double instant = Math.hypot(b.cx() - best.x, b.cy() - best.y) / w / dt;
                    best.speed = best.speed == 0 ? instant : 0.5 * best.speed + 0.5 * instant;
                }
                best.x = b.cx();
                best.y = b.cy();
                best.lastMs = ms;
            }
            matched.add(best);
            evaluate(best, ms);
        }
        tracks.removeIf(t -> ms - t.lastMs > 1500);
    }

    private void evaluate(Track t, long ms) {
        if (t.speed > rules.runningSpeed()) {
            if (t.fastSince < 0) {
                t.fastSince = ms;
            }
            if (!t.runningReported && ms - t.fastSince >= rules.runningMinSeconds() * 1000) {
                t.runningReported = true;
                events.add(new BehaviorEvent(BehaviorKind.RUNNING, t.fastSince, ms,
                        String.format(java.util.Locale.ROOT, "track %d at %.2f frame widths/s", t.id, t.speed)));
            }
        } else {
            t.fastSince = -1;
        }
        if (inRegion(t.x, t.y)) {
            if (t.inRegionSince < 0) {
                t.inRegionSince = ms;
                t.entryX = t.x;
                t.entryY = t.y;
            }
            // loitering: a person (it has moved about) who stays near where they came into the region;
            // people passing through move away from their entry point, an object left there never moves
            boolean stayedNear = Math.hypot(t.x - t.entryX, t.y - t.entryY) < 0.25 * w;
            boolean movedAbout = t.path > 0.1 * w && t.speed > 0.01;
            if (!t.loiterReported && stayedNear && movedAbout
                    && ms - t.inRegionSince >= rules.loiterSeconds() * 1000) {
                t.loiterReported = true;
                events.add(new BehaviorEvent(BehaviorKind.LOITERING, t.inRegionSince, ms,
                        "track " + t.id + " stayed " + (ms - t.inRegionSince) / 1000 + " s in the region"));
            }
        } else {
            t.inRegionSince = -1;
        }
    }

    private void checkCrowd(long ms) {
        long inRegion = tracks.stream().filter(t -> t.lastMs == ms && inRegion(t.x, t.y)).count();
        if (inRegion >= rules.crowdCount()) {
            if (crowdSince < 0) {
                crowdSince = ms;
            }
            if (!crowdReported && ms - crowdSince >= rules.crowdSeconds() * 1000) {
                crowdReported = true;
                events.add(new BehaviorEvent(BehaviorKind.CROWD, crowdSince, ms, inRegion + " people in the region"));
            }
        } else {
            crowdSince = -1;
            crowdReported = false;
        }
    }

    private void checkViolent(long ms, double energy) {
        if (energy > rules.violentEnergy()) {
            if (violentSince < 0) {
                violentSince = ms;
            }
            if (!violentReported && ms - violentSince >= rules.violentSeconds() * 1000) {
                violentReported = true;
                events.add(new BehaviorEvent(BehaviorKind.VIOLENT_MOTION, violentSince, ms,
                        String.format(java.util.Locale.ROOT, "motion energy %.2f", energy)));
            }
        } else {
            violentSince = -1;
            violentReported = false;
        }
    }

    /**
     * Static-object analysis on 8×8 cells: a cell that differs from the scene's first background and has not changed
     * between frames for the configured time holds a left object (it was empty at first) or marks a lost one (the
     * first background had something there that is gone). Which of the two is told by comparing the cell's texture
     * (variance) now with its texture in the first background.
     */
    private void checkStatic(float[] grey, boolean[] fg, long ms) {
        int cell = 8;
        for (int cy = 0; cy + cell <= h; cy += cell) {
            for (int cx = 0; cx + cell <= w; cx += cell) {
                if (!inRegion(cx + cell / 2.0, cy + cell / 2.0)) {
                    continue;
                }
                double diffInitial = 0;
                double diffPrev = 0;
                for (int y = cy; y < cy + cell; y++) {
                    for (int x = cx; x < cx + cell; x++) {
                        int i = y * w + x;
                        diffInitial += Math.abs(grey[i] - initialBackground[i]);
                        diffPrev += Math.abs(grey[i] - previous[i]);
                    }
                }
                diffInitial /= cell * cell;
                diffPrev /= cell * cell;
                int key = cy * w + cx;
                boolean changedAndStill = diffInitial > 25 && diffPrev < 3;
                if (changedAndStill) {
                    staticCellsSince.putIfAbsent(key, ms);
                    long since = staticCellsSince.get(key);
                    if (!staticReported.getOrDefault(key, false) && ms - since >= rules.staticSeconds() * 1000) {
                        staticReported.put(key, true);
                        boolean nowTextured = variance(grey, cx, cy, cell) > variance(initialBackground, cx, cy, cell);
                        if (!nearbyReported(key, cell)) {
                            events.add(new BehaviorEvent(nowTextured ? BehaviorKind.LEFT_BEHIND : BehaviorKind.ITEM_LOST,
                                    since, ms, String.format(java.util.Locale.ROOT, "at %.2f, %.2f of the frame",
                                            (cx + cell / 2.0) / w, (cy + cell / 2.0) / h)));
                        }
                    }
                } else {
                    staticCellsSince.remove(key);
                }
            }
        }
    }

    private boolean nearbyReported(int key, int cell) {
        int kx = key % w;
        int ky = key / w;
        for (Map.Entry<Integer, Boolean> e : staticReported.entrySet()) {
            int x = e.getKey() % w;
            int y = e.getKey() / w;
            if (e.getValue() && e.getKey() != key && Math.abs(x - kx) <= 3 * cell && Math.abs(y - ky) <= 3 * cell) {
                return true;
            }
        }
        return false;
    }

    private double variance(float[] g, int cx, int cy, int cell) {
        double s = 0;
        double s2 = 0;
        for (int y = cy; y < cy + cell; y++) {
            for (int x = cx; x < cx + cell; x++) {
                double v = g[y * w + x];
                s += v;
                s2 += v * v;
            }
        }
        int n = cell * cell;
        return s2 / n - (s / n) * (s / n);
    }
}
