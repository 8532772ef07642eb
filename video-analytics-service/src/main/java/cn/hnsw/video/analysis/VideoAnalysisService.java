package cn.hnsw.video.analysis;

import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.alert.WatchlistHitRepository.WatchlistHit;
import cn.hnsw.video.camera.CameraRepository;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.camera.FfmpegClipEncoder;
import cn.hnsw.video.camera.VideoSourceAdapter;
import cn.hnsw.video.face.FaceEngine;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.face.FaceEngine.FaceBox;
import cn.hnsw.video.face.FaceTracker;
import cn.hnsw.video.recognition.FaceService;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.library.FaceCaptureRepository;
import cn.hnsw.video.library.FaceCaptureRepository.FaceCapture;
import cn.hnsw.video.library.FaceFeatureRepository.StoredFeature;
import cn.hnsw.video.library.FaceLibraryService;
import cn.hnsw.video.library.FeatureLibraryType;
import cn.hnsw.video.support.VideoErrorCode;
import cn.hnsw.video.watchlist.WatchlistKind;
import cn.hnsw.video.watchlist.WatchlistService;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import cn.hnsw.video.plate.PlateRecognitionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 视频结构化解析 — runs a camera's stream or an offline video through the face pipeline: each face becomes a capture
 * (snapshot in object storage, descriptor in the SNAPSHOT library) and is matched against the active watch-lists.
 * Faces are tracked from frame to frame ({@link FaceTracker}): a face is described, stored and matched when its track
 * starts and when its track is re-described (bigger, or after a while), not on every frame it is seen in.
 */
@Service
public class VideoAnalysisService {

    public static final String VIDEO_BUCKET = "video-offline";


    /** What one run found. */
    public record AnalysisReport(String source, int framesAnalysed, long mediaMillis, int faces, int hits,
            List<String> alertIds) {
    }

    private final VideoSourceAdapter sources;
    private final FaceService faces;
    private final FaceCaptureRepository captures;
    private final FaceLibraryService library;
    private final WatchlistService watchlists;
    private final CameraRepository cameras;
    private final CameraService cameraService;
    private final ObjectStorage storage;
    private final TransactionTemplate tx;
    private final double minFaceSide;
    private final PlateRecognitionService plates;
    private final long plateIntervalMs;
    private final FfmpegClipEncoder clips;
    private final double clipBeforeSeconds;
    private final double clipAfterSeconds;

    public VideoAnalysisService(VideoSourceAdapter sources, FaceService faces, FaceCaptureRepository captures,
            FaceLibraryService library, WatchlistService watchlists, CameraRepository cameras,
            CameraService cameraService, ObjectStorage storage, TransactionTemplate tx,
            @Value("${hnsw.video.face.min-face-side:40}") double minFaceSide, PlateRecognitionService plates,
            @Value("${hnsw.video.plate.interval-ms:1000}") long plateIntervalMs, FfmpegClipEncoder clips,
            @Value("${hnsw.video.clip.before-seconds:3}") double clipBeforeSeconds,
            @Value("${hnsw.video.clip.after-seconds:2}") double clipAfterSeconds) {
        this.clips = clips;
        this.clipBeforeSeconds = clipBeforeSeconds;
        this.clipAfterSeconds = clipAfterSeconds;
        this.plates = plates;
        this.plateIntervalMs = plateIntervalMs;
        this.sources = sources;
        this.faces = faces;
        this.captures = captures;
        this.library = library;
        this.watchlists = watchlists;
        this.cameras = cameras;
        this.cameraService = cameraService;
        this.storage = storage;
        this.tx = tx;
        this.minFaceSide = minFaceSide;
    }

    /** Reads the camera's source for at most {@code maxSeconds} of media time. */
    public AnalysisReport analyseCamera(UUID cameraId, int maxSeconds) {
        Camera camera = cameraService.get(cameraId);
        try {
            return analyse(camera.sourceUrl(), camera, camera.deviceCode(), Instant.now(), camera.sampleFps(),
                    maxSeconds, "camera");
        } catch (HnswException e) {
            cameras.markStatus(cameraId, "FAULT");
            throw e;
        }
    }

    /** 离线视频导入: stores the file, then analyses it as if it came from the camera (or device code) given. */
    public AnalysisReport analyseOffline(byte[] video, String fileName, UUID cameraId, String deviceCode,
            Instant recordedAt, double sampleFps, int maxSeconds) {
        Camera camera = cameraId == null ? null : cameraService.get(cameraId);
        String device = camera != null ? camera.deviceCode() : deviceCode;
        if (device == null || device.isBlank()) {
            throw new HnswException(VideoErrorCode.DEVICE_CODE_MISSING);
        }
        if (recordedAt == null) {
            throw new HnswException(VideoErrorCode.CAPTURE_TIME_MISSING);
        }
        String key = "offline/" + UUID.randomUUID() + "/" + (fileName == null ? "video" : fileName.replaceAll("[^A-Za-z0-9._-]", "_"));
        storage.put(VIDEO_BUCKET, key, video, "application/octet-stream");
        return TempVideoFile.with(video, "hnsw-offline-",
                file -> analyse(file, camera, device, recordedAt, sampleFps, maxSeconds, "offline:" + key));
    }

    private AnalysisReport analyse(String url, Camera camera, String deviceCode, Instant start, double fps,
            int maxSeconds, String source) {
        int[] faceCount = {0};
        long[] lastTs = {0};
        long[] lastSnapshotAt = {-1_000_000};
        List<String> alertIds = new ArrayList<>();
        FaceTracker tracker = faces.tracker();
        // plates are read only where a risk-vehicle task watches, at most once per interval of media time
        boolean readPlates = camera != null && watchlists.watchesPlates(camera.id());
        long[] lastPlateAt = {-1_000_000};
        // alert clips: the last sampled frames are kept; a hit starts a clip with them and the frames after it
        int before = Math.max(1, (int) Math.ceil(clipBeforeSeconds * fps));
        int after = Math.max(0, (int) Math.ceil(clipAfterSeconds * fps));
        java.util.ArrayDeque<RgbImage> recent = new java.util.ArrayDeque<>();
        List<PendingClip> pending = new ArrayList<>();
        int frames = sources.read(url, fps, maxSeconds * 1000L, frame -> {
            int hitsBefore = alertIds.size();
            recent.addLast(frame.image());
            if (recent.size() > before) {
                recent.removeFirst();
            }
            for (PendingClip p : pending) {
                p.frames().add(frame.image());
            }
            Instant at = start.plusMillis(frame.timestampMs());
            lastTs[0] = frame.timestampMs();
            String frameKey = null;
            if (camera != null && frame.timestampMs() - lastSnapshotAt[0] >= 1000) {
                frameKey = "live/" + camera.id() + ".jpg";
                storage.put(CameraService.SNAPSHOT_BUCKET, frameKey, frame.image().toJpeg(), "image/jpeg");
                lastSnapshotAt[0] = frame.timestampMs();
            }
            if (camera != null) {
                cameras.markSeen(camera.id(), at, frameKey);
            }
            if (readPlates && frame.timestampMs() - lastPlateAt[0] >= plateIntervalMs) {
                lastPlateAt[0] = frame.timestampMs();
                plates.recogniseFrame(camera, frame.image(), at).hits().forEach(h -> alertIds.add(h.alertId()));
            }
            for (FaceTracker.TrackedFace tracked : tracker.process(frame.image())) {
                AnalyzedFace face = tracked.described();
                // a face already described on its track was stored and matched then
                if (face == null || Math.min(face.box().width(), face.box().height()) < minFaceSide) {
                    continue;
                }
                faceCount[0]++;
                List<WatchlistHit> hits = record(frame.image(), face, camera, deviceCode, at, source);
                hits.forEach(h -> alertIds.add(h.alertId()));
            }
            if (alertIds.size() > hitsBefore) {
                pending.add(new PendingClip(List.copyOf(alertIds.subList(hitsBefore, alertIds.size())),
                        new ArrayList<>(recent), frame.timestampMs() + (long) (clipAfterSeconds * 1000)));
            }
            for (java.util.Iterator<PendingClip> it = pending.iterator(); it.hasNext(); ) {
                PendingClip p = it.next();
                if (frame.timestampMs() >= p.untilMs() || p.frames().size() >= before + after + 1) {
                    storeClip(p, fps);
                    it.remove();
                }
            }
            return true;
        });
        pending.forEach(p -> storeClip(p, fps));
        return new AnalysisReport(source, frames, lastTs[0], faceCount[0], alertIds.size(), alertIds);
    }

    /** A clip being gathered for the alerts of one frame, until {@code untilMs} of media time. */
    private record PendingClip(List<String> alertIds, List<RgbImage> frames, long untilMs) {
    }

    /** Encodes the clip once and stores it under each of its alerts ({@link CameraService#CLIP_BUCKET}). */
    private void storeClip(PendingClip p, double fps) {
        byte[] mp4 = clips.encode(p.frames(), fps);
        for (String alertId : p.alertIds()) {
            storage.put(CameraService.CLIP_BUCKET, "clips/" + alertId + ".mp4", mp4, "video/mp4");
        }
    }

    /** Stores one captured face and matches it; used by video runs and by the face-image intake interface. */
    public List<WatchlistHit> record(RgbImage frame, AnalyzedFace face, Camera camera, String deviceCode,
            Instant capturedAt, String source) {
        return recordCapture(frame, face, camera, deviceCode, capturedAt, source).hits();
    }

    /** One stored capture: its id, its snapshot in {@link CameraService#SNAPSHOT_BUCKET}, its attributes and hits. */
    public record RecordedFace(UUID captureId, String snapshotKey, String attributesJson, List<WatchlistHit> hits) {
    }

    /** As {@link #record}, returning what was stored as well as the watch-list hits (the analysis tasks keep both). */
    public RecordedFace recordCapture(RgbImage frame, AnalyzedFace face, Camera camera, String deviceCode,
            Instant capturedAt, String source) {
        return recordCapture(frame, face, camera, deviceCode, capturedAt, source, null);
    }

    /** As above, matched only against the active watch-lists of one kind when {@code only} is given (null: all). */
    public RecordedFace recordCapture(RgbImage frame, AnalyzedFace face, Camera camera, String deviceCode,
            Instant capturedAt, String source, WatchlistKind only) {
        UUID captureId = UUID.randomUUID();
        String key = "captures/" + capturedAt.toString().substring(0, 10) + "/" + captureId + ".jpg";
        storage.put(CameraService.SNAPSHOT_BUCKET, key, crop(frame, face.box()), "image/jpeg");
        FaceBox b = face.box();
        FaceCapture capture = new FaceCapture(captureId, camera == null ? null : camera.id(), deviceCode, capturedAt,
                new float[] {(float) b.x(), (float) b.y(), (float) b.width(), (float) b.height()}, b.score(), key,
                faces.attributesJson(frame, face), source);
        List<WatchlistHit> hits = tx.execute(status -> {
            captures.insert(capture);
            library.store(new StoredFeature(UUID.randomUUID(), FeatureLibraryType.SNAPSHOT, null, captureId,
                    deviceCode + "@" + capturedAt, face.descriptor()));
            return watchlists.match(capture, face.descriptor(), camera, only);
        });
        return new RecordedFace(captureId, key, capture.attributesJson(), hits);
    }

    /** The face with half its size of margin around it, as a JPEG. */
    static byte[] crop(RgbImage frame, FaceBox box) {
        double m = 0.5 * Math.max(box.width(), box.height());
        int x0 = (int) Math.max(0, Math.floor(box.x() - m));
        int y0 = (int) Math.max(0, Math.floor(box.y() - m));
        int x1 = (int) Math.min(frame.width(), Math.ceil(box.right() + m));
        int y1 = (int) Math.min(frame.height(), Math.ceil(box.bottom() + m));
        BufferedImage full = frame.toBufferedImage();
        return RgbImage.of(full.getSubimage(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0))).toJpeg();
    }

    /** The face engine's match distance, for callers that show it. */
    public static double defaultMatchDistance() {
        return FaceEngine.DEFAULT_MATCH_DISTANCE;
    }
}
