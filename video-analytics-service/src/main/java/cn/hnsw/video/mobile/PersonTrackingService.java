package cn.hnsw.video.mobile;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.library.FaceBaseRecordRepository.FaceBaseRecord;
import cn.hnsw.video.library.FaceLibraryService;
import cn.hnsw.video.library.FaceLibraryService.Candidate;
import cn.hnsw.video.library.FaceLibraryService.Sighting;
import cn.hnsw.video.library.FeatureLibraryType;
import cn.hnsw.video.support.VideoErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * 移动单兵 人员跟踪 (FP 1148 人脸基础信息库集成, 1149 人员身份展示): an officer photographs a person with the phone; the
 * face is searched in the face base library (1:N on the service's index) and the answer shows who it is (name,
 * person code, masked ID number, source, similarity) with the other close candidates, and where the person was seen
 * in the last hours (captures of the same face, newest first, with the camera's name and place). Without a match the
 * sightings of the photographed face itself are shown, so an unknown person can still be followed.
 */
@Service
public class PersonTrackingService {

    private final FaceLibraryService library;
    private final CameraService cameras;

    public PersonTrackingService(FaceLibraryService library, CameraService cameras) {
        this.library = library;
        this.cameras = cameras;
    }

    /** The identity shown to the officer; the ID number is masked. */
    public record Identity(UUID faceBaseRecordId, String personCode, String name, String idNoMasked, String source,
            double distance, double similarity) {
    }

    /** One recent sighting. */
    public record RecentSighting(UUID captureId, UUID cameraId, String cameraName, String deviceCode, String location,
            String portCode, Double latitude, Double longitude, Instant capturedAt, double similarity) {
    }

    public record Tracking(boolean identified, Identity identity, List<Identity> otherCandidates,
            List<RecentSighting> sightings, double threshold, Instant since) {
    }

    public Tracking track(byte[] photo, Double threshold, int hours, int limit) {
        if (hours < 1 || hours > 24 * 30 || (threshold != null && !(threshold > 0 && threshold <= 1.5))) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, hours + "h/" + threshold);
        }
        float[] face = library.identifyDescriptor(photo);
        List<Candidate> candidates = library.identify(face, FeatureLibraryType.FACE_BASE, 3, threshold, false);
        double t = threshold == null ? cn.hnsw.video.face.FaceEngine.DEFAULT_MATCH_DISTANCE : threshold;
        List<Identity> matched = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.match() && c.faceBaseRecordId() != null && matched.stream()
                    .noneMatch(m -> m.faceBaseRecordId().equals(c.faceBaseRecordId()))) {
                FaceBaseRecord r = library.record(c.faceBaseRecordId());
                matched.add(new Identity(r.id(), r.personCode(), r.name(), mask(r.idNo()), r.source(), c.distance(),
                        c.similarity()));
            }
        }
        Instant since = Instant.now().minus(Duration.ofHours(hours));
        Identity best = matched.isEmpty() ? null : matched.get(0);
        float[] query = best == null ? face : library.descriptorOf(best.faceBaseRecordId());
        List<Sighting> seen = new ArrayList<>(library.searchCaptures(query, null, since, Instant.now().plusSeconds(1),
                threshold, limit));
        seen.sort(Comparator.comparing(Sighting::capturedAt).reversed());
        Map<UUID, Camera> byId = new HashMap<>();
        List<RecentSighting> sightings = new ArrayList<>();
        for (Sighting s : seen) {
            Camera c = s.cameraId() == null ? null : byId.computeIfAbsent(s.cameraId(), cameras::get);
            sightings.add(new RecentSighting(s.captureId(), s.cameraId(), c == null ? null : c.name(), s.deviceCode(),
                    c == null ? null : c.location(), c == null ? null : c.portCode(), c == null ? null : c.latitude(),
                    c == null ? null : c.longitude(), s.capturedAt(), s.similarity()));
        }
        return new Tracking(best != null, best, matched.size() > 1 ? matched.subList(1, matched.size()) : List.of(),
                sightings, t, since);
    }

    static String mask(String idNo) {
        if (idNo == null || idNo.length() < 8) {
            return idNo == null ? null : "****";
        }
        return idNo.substring(0, 4) + "*".repeat(idNo.length() - 8) + idNo.substring(idNo.length() - 4);
    }
}
