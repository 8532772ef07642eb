package cn.hnsw.video.plate;

import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.alert.WatchlistHitRepository.WatchlistHit;
import cn.hnsw.video.camera.CameraRepository;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.VideoErrorCode;
import cn.hnsw.video.watchlist.WatchlistService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * 车辆识别 — reads the plates in a camera frame, keeps the frame as the snapshot when a plate is read, and matches the
 * plates against the active risk-vehicle control tasks (FP 282–349).
 */
@Service
public class PlateRecognitionService {

    /** What one frame gave: the plates read and the alerts raised. */
    public record Recognition(UUID cameraId, Instant capturedAt, String snapshotKey, List<PlateReader.PlateRead> plates,
            List<WatchlistHit> hits) {
    }

    private final PlateReader reader;
    private final CameraRepository cameras;
    private final ObjectStorage storage;
    private final WatchlistService watchlists;

    public PlateRecognitionService(PlateReader reader, CameraRepository cameras, ObjectStorage storage,
            WatchlistService watchlists) {
        this.reader = reader;
        this.cameras = cameras;
        this.storage = storage;
        this.watchlists = watchlists;
    }

    /**
     * One frame of a camera's stream or of an offline video (camera null when the video belongs to none): the plates
     * read and the alerts raised; the frame is kept as the snapshot only when a plate is read.
     */
    public Recognition recogniseFrame(Camera camera, RgbImage frame, Instant at) {
        List<PlateReader.PlateRead> plates = reader.read(frame);
        UUID cameraId = camera == null ? null : camera.id();
        if (plates.isEmpty()) {
            return new Recognition(cameraId, at, null, plates, List.of());
        }
        String key = "plates/" + (cameraId == null ? "video" : cameraId) + "/" + at.toEpochMilli() + "-"
                + UUID.randomUUID() + ".jpg";
        storage.put(CameraService.SNAPSHOT_BUCKET, key, frame.toJpeg(), "image/jpeg");
        return new Recognition(cameraId, at, key, plates,
                watchlists.matchPlates(plates, camera, camera == null ? null : camera.deviceCode(), at, key));
    }

    public Recognition recognise(UUID cameraId, byte[] image, Instant capturedAt) {
        Camera camera = cameraId == null ? null
                : cameras.find(cameraId).orElseThrow(() -> new HnswException(VideoErrorCode.CAMERA_NOT_FOUND, cameraId));
        RgbImage frame = image == null ? null : RgbImage.decode(image);
        if (frame == null) {
            throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
        }
        Instant at = capturedAt == null ? Instant.now() : capturedAt;
        List<PlateReader.PlateRead> plates = reader.read(frame);
        if (plates.isEmpty()) {
            return new Recognition(cameraId, at, null, plates, List.of());
        }
        String key = "plates/" + (cameraId == null ? "upload" : cameraId) + "/" + at.toEpochMilli() + "-"
                + UUID.randomUUID() + ".jpg";
        storage.put(CameraService.SNAPSHOT_BUCKET, key, image, "image/jpeg");
        List<WatchlistHit> hits = watchlists.matchPlates(plates, camera, camera == null ? null : camera.deviceCode(),
                at, key);
        return new Recognition(cameraId, at, key, plates, hits);
    }
}
