package cn.hnsw.video.face;

import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.face.FaceEngine.FaceBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * 人脸跟踪 — follows faces from one frame of a stream to the next so that the expensive per-face work (68 landmarks and
 * the 128-d descriptor) runs once per track instead of once per frame. The detector runs on every frame; a detection
 * continues the track whose last box it overlaps most (IoU, greedy, best pair first). A face is described when its
 * track starts, again when it has grown to {@code regrowth} times the side it was described at (a better shot, the
 * person walking towards the camera), and again after {@code redescribeAfter} frames, so that a track that jumped to
 * another person is corrected within that many frames. All faces described in a frame go through the nets in one
 * batch. One tracker per stream; not thread-safe.
 */
public final class FaceTracker {

    /** A face of the current frame: its track, where it is, and its analysis when it was (re)described now. */
    public record TrackedFace(long trackId, FaceBox box, AnalyzedFace described) {
        public boolean isNew() {
            return described != null;
        }
    }

    private static final class Track {
        final long id;
        FaceBox box;
        int missed;
        int sinceDescribed;
        double describedSide;

        Track(long id, FaceBox box) {
            this.id = id;
            this.box = box;
        }
    }

    private final FaceEngine engine;
    private final double scoreThreshold;
    private final double minIou;
    private final int maxMissed;
    private final int redescribeAfter;
    private final double regrowth;
    private final List<Track> tracks = new ArrayList<>();
    private long nextId = 1;
    private long described;
    private long detections;

    /**
     * @param minIou          least overlap with a track's last box for a detection to continue it (0.3 suits
     *                        sampling at 5 fps or more; lower sampling rates start more tracks, which costs time only)
     * @param maxMissed       frames a track survives without a detection (a face hidden briefly keeps its track)
     * @param redescribeAfter frames after which a track's face is described again
     * @param regrowth        size factor over the described shot that triggers a new description
     */
    public FaceTracker(FaceEngine engine, double scoreThreshold, double minIou, int maxMissed, int redescribeAfter,
            double regrowth) {
        if (minIou <= 0 || minIou >= 1 || maxMissed < 0 || redescribeAfter < 1 || regrowth <= 1) {
            throw new IllegalArgumentException("tracker parameters out of range");
        }
        this.engine = engine;
        this.scoreThreshold = scoreThreshold;
        this.minIou = minIou;
        this.maxMissed = maxMissed;
        this.redescribeAfter = redescribeAfter;
        this.regrowth = regrowth;
    }

    /** The defaults used by the service: IoU 0.3, 5 missed frames, re-described every 50 frames or at 1.5× size. */
    public static FaceTracker withDefaults(FaceEngine engine, double scoreThreshold) {
        return new FaceTracker(engine, scoreThreshold, 0.3, 5, 50, 1.5);
    }

    /** Detects the faces of the next frame, continues or starts their tracks, and describes those that need it. */
    public List<TrackedFace> process(RgbImage frame) {
        List<FaceBox> boxes = engine.detect(frame, scoreThreshold);
        detections += boxes.size();
        Track[] owner = associate(boxes);
        List<FaceBox> toDescribe = new ArrayList<>();
        List<Integer> describedIndex = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Track t = owner[i];
            FaceBox box = boxes.get(i);
            if (t == null) {
                t = new Track(nextId++, box);
                tracks.add(t);
                owner[i] = t;
            } else {
                t.box = box;
                t.missed = 0;
                t.sinceDescribed++;
            }
            boolean fresh = t.describedSide == 0;
            if (fresh || t.sinceDescribed >= redescribeAfter || side(box) >= regrowth * t.describedSide) {
                toDescribe.add(box);
                describedIndex.add(i);
            }
        }
        AnalyzedFace[] analysed = new AnalyzedFace[boxes.size()];
        List<AnalyzedFace> faces = engine.describe(frame, toDescribe);
        for (int k = 0; k < faces.size(); k++) {
            int i = describedIndex.get(k);
            analysed[i] = faces.get(k);
            owner[i].sinceDescribed = 0;
            owner[i].describedSide = side(boxes.get(i));
        }
        described += faces.size();
        // tracks not seen in this frame age and are dropped after maxMissed frames
        for (Iterator<Track> it = tracks.iterator(); it.hasNext();) {
            Track t = it.next();
            if (!Arrays.asList(owner).contains(t) && ++t.missed > maxMissed) {
                it.remove();
            }
        }
        List<TrackedFace> out = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            out.add(new TrackedFace(owner[i].id, boxes.get(i), analysed[i]));
        }
        return out;
    }

    /** Greedy IoU matching: the best remaining (detection, track) pair first, each used once. */
    private Track[] associate(List<FaceBox> boxes) {
        Track[] owner = new Track[boxes.size()];
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = 0; j < tracks.size(); j++) {
                double iou = iou(boxes.get(i), tracks.get(j).box);
                if (iou >= minIou) {
                    pairs.add(new double[] {iou, i, j});
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(b[0], a[0]));
        boolean[] trackTaken = new boolean[tracks.size()];
        for (double[] p : pairs) {
            int i = (int) p[1];
            int j = (int) p[2];
            if (owner[i] == null && !trackTaken[j]) {
                owner[i] = tracks.get(j);
                trackTaken[j] = true;
            }
        }
        return owner;
    }

    /** Tracks alive now. */
    public int activeTracks() {
        return tracks.size();
    }

    /** Faces described since this tracker was made (the landmark and recognition nets ran this often). */
    public long described() {
        return described;
    }

    /** Faces detected since this tracker was made. */
    public long detections() {
        return detections;
    }

    static double side(FaceBox b) {
        return Math.min(b.width(), b.height());
    }

    static double iou(FaceBox a, FaceBox b) {
        double w = Math.max(0, Math.min(a.right(), b.right()) - Math.max(a.x(), b.x()));
        double h = Math.max(0, Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y()));
        double inter = w * h;
        double union = a.width() * a.height() + b.width() * b.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
