package cn.hnsw.video.camera;

import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.support.VideoErrorCode;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 设备接入 — cameras: register, change, remove, find; their live snapshot. */
@Service
public class CameraService {

    public static final String SNAPSHOT_BUCKET = "video-snapshots";
    /** Alert clips: {@code clips/<alertId>.mp4}, the sampled frames from a few seconds before a hit to after it. */
    public static final String CLIP_BUCKET = "video-clips";

    private final CameraRepository cameras;
    private final ObjectStorage storage;

    public CameraService(CameraRepository cameras, ObjectStorage storage) {
        this.cameras = cameras;
        this.storage = storage;
    }

    @Transactional
    public Camera register(Camera c) {
        if (cameras.deviceCodeTaken(c.deviceCode(), null)) {
            throw new HnswException(VideoErrorCode.DEVICE_CODE_TAKEN, c.deviceCode());
        }
        cameras.insert(c);
        return get(c.id());
    }

    @Transactional
    public Camera change(Camera c) {
        get(c.id());
        if (cameras.deviceCodeTaken(c.deviceCode(), c.id())) {
            throw new HnswException(VideoErrorCode.DEVICE_CODE_TAKEN, c.deviceCode());
        }
        cameras.update(c);
        return get(c.id());
    }

    @Transactional
    public void remove(UUID id) {
        get(id);
        try {
            cameras.delete(id);
        } catch (DataIntegrityViolationException kept) {
            // captures, alerts and tasks keep their camera as evidence: the camera stays, the transaction rolls back
            throw new HnswException(VideoErrorCode.CAMERA_IN_USE, List.of(), kept, id);
        }
    }

    public Camera get(UUID id) {
        return cameras.find(id).orElseThrow(() -> new HnswException(VideoErrorCode.CAMERA_NOT_FOUND, id));
    }

    public PageResponse<Camera> page(String q, PageQuery page) {
        return PageResponse.of(cameras.page(q, page), page, cameras.count(q));
    }

    public byte[] snapshot(UUID id) {
        Camera c = get(id);
        if (c.lastSnapshotKey() == null) {
            throw new HnswException(VideoErrorCode.CAMERA_NOT_FOUND, id);
        }
        return storage.get(SNAPSHOT_BUCKET, c.lastSnapshotKey());
    }
}
