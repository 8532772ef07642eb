package cn.hnsw.video.scene;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.analysistask.AnalysisTaskService;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.scene.SceneRepository.Scene;
import cn.hnsw.video.scene.SceneRepository.Venue;
import cn.hnsw.video.support.VideoErrorCode;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 监管场景配置管理 and 扩展性配置管理 (运行场所): venues hold scenes, scenes bind cameras and name the analysis kinds
 * that suit them; codes are unique; a venue that still holds scenes is not deleted.
 */
@Service
public class SceneService {

    private final SceneRepository repo;
    private final CameraService cameras;

    public SceneService(SceneRepository repo, CameraService cameras) {
        this.repo = repo;
        this.cameras = cameras;
    }

    public Venue createVenue(String code, String name, String portCode, String address) {
        if (repo.venueCodeTaken(code)) {
            throw new HnswException(VideoErrorCode.SCENE_CODE_TAKEN, code);
        }
        UUID id = UUID.randomUUID();
        repo.insertVenue(id, code, name, portCode, address, Actors.current().username());
        return venue(id);
    }

    public Venue updateVenue(UUID id, String name, String portCode, String address) {
        Venue v = venue(id);
        repo.updateVenue(id, name == null || name.isBlank() ? v.name() : name, portCode, address);
        return venue(id);
    }

    public void deleteVenue(UUID id) {
        Venue v = venue(id);
        if (!repo.deleteUnusedVenue(id)) {
            throw new HnswException(VideoErrorCode.VENUE_IN_USE, v.code());
        }
    }

    public Venue venue(UUID id) {
        return repo.venue(id).orElseThrow(() -> new HnswException(VideoErrorCode.SCENE_NOT_FOUND, id));
    }

    public List<Venue> venues(String portCode) {
        return repo.venues(portCode);
    }

    @Transactional
    public Venue bindScenes(UUID venueId, List<UUID> sceneIds) {
        venue(venueId);
        sceneIds.forEach(this::scene);
        repo.bindScenes(venueId, sceneIds);
        return venue(venueId);
    }

    public Scene createScene(String code, String name, SceneType type, List<String> kinds) {
        if (repo.sceneCodeTaken(code)) {
            throw new HnswException(VideoErrorCode.SCENE_CODE_TAKEN, code);
        }
        UUID id = UUID.randomUUID();
        repo.insertScene(id, code, name, type, checked(kinds), Actors.current().username());
        return scene(id);
    }

    private static List<String> checked(List<String> kinds) {
        return kinds == null ? List.of() : kinds.stream().map(k -> AnalysisTaskService.kind(k).name()).distinct().toList();
    }

    public Scene updateScene(UUID id, String name, SceneType type, List<String> kinds) {
        Scene s = scene(id);
        repo.updateScene(id, name == null || name.isBlank() ? s.name() : name, type == null ? s.sceneType() : type,
                kinds == null ? s.analysisKinds() : checked(kinds));
        return scene(id);
    }

    public void deleteScene(UUID id) {
        scene(id);
        repo.deleteScene(id);
    }

    public Scene scene(UUID id) {
        return repo.scene(id).orElseThrow(() -> new HnswException(VideoErrorCode.SCENE_NOT_FOUND, id));
    }

    public List<Scene> scenes(SceneType type, UUID cameraId) {
        return repo.scenes(type == null ? null : type.name(), cameraId);
    }

    @Transactional
    public Scene bindCameras(UUID sceneId, List<UUID> cameraIds) {
        scene(sceneId);
        cameraIds.forEach(cameras::get);
        repo.bindCameras(sceneId, cameraIds);
        return scene(sceneId);
    }
}
