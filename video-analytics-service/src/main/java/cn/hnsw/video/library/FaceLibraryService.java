package cn.hnsw.video.library;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.face.FaceEngine;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.recognition.FaceService;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.library.FaceBaseRecordRepository.FaceBaseRecord;
import cn.hnsw.video.library.FaceBaseRecordRepository.PersonOfInterest;
import cn.hnsw.video.library.FaceCaptureRepository.FaceCapture;
import cn.hnsw.video.library.FaceFeatureRepository.StoredFeature;
import cn.hnsw.video.library.VectorIndex.Neighbour;
import cn.hnsw.video.themes.VideoTypeService;
import cn.hnsw.video.support.VideoErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Face base library, persons of interest, the six feature libraries, and the searches over them. */
@Service
public class FaceLibraryService {

    public static final String FACE_BUCKET = "video-faces";

    private final FaceService faces;
    private final FaceBaseRecordRepository records;
    private final FaceFeatureRepository features;
    private final FaceCaptureRepository captures;
    private final VectorIndex index;
    private final ObjectStorage storage;

    private final VideoTypeService types;

    public FaceLibraryService(FaceService faces, FaceBaseRecordRepository records, FaceFeatureRepository features,
            FaceCaptureRepository captures, VectorIndex index, ObjectStorage storage, VideoTypeService types) {
        this.types = types;
        this.faces = faces;
        this.records = records;
        this.features = features;
        this.captures = captures;
        this.index = index;
        this.storage = storage;
    }

    /** 人脸信息入库: one face per photo, the photo to object storage, the descriptor to the FACE_BASE library. */
    @Transactional
    public FaceBaseRecord enrol(String personCode, String name, String idNo, String source, byte[] photo) {
        if (records.personCodeTaken(personCode)) {
            throw new HnswException(VideoErrorCode.PERSON_CODE_TAKEN, personCode);
        }
        RgbImage img = faces.decode(photo);
        AnalyzedFace face = faces.singleFace(img);
        UUID id = UUID.randomUUID();
        String key = "face-base/" + id + ".jpg";
        storage.put(FACE_BUCKET, key, photo, "image/jpeg");
        FaceBaseRecord record = new FaceBaseRecord(id, personCode, name, idNo, source, key, Instant.now());
        records.insert(record);
        store(new StoredFeature(UUID.randomUUID(), FeatureLibraryType.FACE_BASE, id, null, name, face.descriptor()));
        return record;
    }

    /** Writes the feature and adds it to the vector index once the transaction has committed. */
    public void store(StoredFeature feature) {
        features.insert(feature);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    index.add(feature);
                }
            });
        } else {
            index.add(feature);
        }
    }

    public java.util.Optional<FaceBaseRecord> findRecord(UUID id) {
        return records.find(id);
    }

    public FaceBaseRecord record(UUID id) {
        return records.find(id).orElseThrow(() -> new HnswException(VideoErrorCode.FACE_RECORD_NOT_FOUND, id));
    }

    public PageResponse<FaceBaseRecord> records(String q, PageQuery page) {
        return PageResponse.of(records.page(q, page), page, records.count(q));
    }

    public float[] descriptorOf(UUID faceBaseRecordId) {
        record(faceBaseRecordId);
        return features.byLibrary(FeatureLibraryType.FACE_BASE).stream()
                .filter(f -> faceBaseRecordId.equals(f.faceBaseRecordId())).findFirst()
                .orElseThrow(() -> new HnswException(VideoErrorCode.FACE_RECORD_NOT_FOUND, faceBaseRecordId))
                .descriptor();
    }

    /** A key-person category must be a key-person type (重点人员类型, FP 201): 400 otherwise. */
    public void requireCategory(String category) {
        types.require(VideoTypeService.KEY_PERSON, category);
    }

    /** 重点人员绑定人脸基础信息库 (FP 204): the person's descriptor joins the PERSON_OF_INTEREST library. */
    @Transactional
    public PersonOfInterest bindPersonOfInterest(UUID faceBaseRecordId, String category, String reason) {
        return bindPersonOfInterest(faceBaseRecordId, category, reason, Actors.current().username());
    }

    /**
     * 重点人员信息存储 from a data feed: the record of {@code personCode} bound as a person of interest of the
     * category unless it already is; false when nothing was added.
     */
    @Transactional
    public boolean bindImportedPerson(String personCode, String category, String reason, String by) {
        UUID id = records.idByPersonCode(personCode).orElse(null);
        if (id == null || records.isPerson(id, category)) {
            return false;
        }
        bindPersonOfInterest(id, category, reason, by);
        return true;
    }

    private PersonOfInterest bindPersonOfInterest(UUID faceBaseRecordId, String category, String reason, String by) {
        // the category is a key-person type (重点人员类型管理): a row, not free text
        types.require(VideoTypeService.KEY_PERSON, category);
        FaceBaseRecord record = record(faceBaseRecordId);
        PersonOfInterest p = new PersonOfInterest(UUID.randomUUID(), faceBaseRecordId, category, reason, by,
                Instant.now());
        records.insertPerson(p);
        store(new StoredFeature(UUID.randomUUID(), FeatureLibraryType.PERSON_OF_INTEREST, faceBaseRecordId, null,
                record.name() + " / " + category, descriptorOf(faceBaseRecordId)));
        return p;
    }

    public List<PersonOfInterest> persons() {
        return records.persons();
    }

    /** Adds a face to one of the feature libraries, from a face base record or from a photo. */
    @Transactional
    public StoredFeature addToLibrary(FeatureLibraryType library, UUID faceBaseRecordId, byte[] photo, String label) {
        float[] descriptor = faceBaseRecordId != null ? descriptorOf(faceBaseRecordId)
                : faces.singleFace(faces.decode(photo)).descriptor();
        StoredFeature f = new StoredFeature(UUID.randomUUID(), library, faceBaseRecordId, null, label, descriptor);
        store(f);
        return f;
    }

    /** 特征库修改: the entry's label (what an officer sees on a hit). */
    public StoredFeature relabel(FeatureLibraryType library, UUID id, String label) {
        if (features.relabel(library, id, label) == 0) {
            throw new HnswException(VideoErrorCode.LIBRARY_ENTRY_NOT_FOUND, library + "/" + id);
        }
        return features.byIds(List.of(id)).get(0);
    }

    /**
     * 特征库删除: the entry leaves the database and, once that has committed, the vector index. The face base library
     * keeps one descriptor per face base record and is not edited here (409).
     */
    @Transactional
    public void removeFromLibrary(FeatureLibraryType library, UUID id) {
        if (library == FeatureLibraryType.FACE_BASE) {
            throw new HnswException(VideoErrorCode.LIBRARY_ENTRY_FIXED, id);
        }
        if (features.delete(library, id) == 0) {
            throw new HnswException(VideoErrorCode.LIBRARY_ENTRY_NOT_FOUND, library + "/" + id);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    index.remove(id);
                }
            });
        } else {
            index.remove(id);
        }
    }

    public List<StoredFeature> library(FeatureLibraryType library) {
        return features.byLibrary(library);
    }

    /** Result of a 1:1 verification. */
    public record Verification(double distance, double similarity, double threshold, boolean match, String model) {
    }

    /** 1:1 人脸验证: the best face of each photo, or a photo against a face base record. */
    public Verification verify(byte[] photoA, byte[] photoB, UUID faceBaseRecordId, Double threshold) {
        double t = threshold(threshold);
        float[] a = faces.bestFace(faces.decode(photoA)).descriptor();
        float[] b = faceBaseRecordId != null ? descriptorOf(faceBaseRecordId)
                : faces.bestFace(faces.decode(photoB)).descriptor();
        double d = FaceEngine.distance(a, b);
        return new Verification(d, FaceService.similarity(d), t, d <= t, "FACE_API");
    }

    /**
     * 1:1 with the operator's YuNet + SFace models: the best face of each photo, cosine similarity of the normalised
     * features, match at a Euclidean distance ≤ {@code threshold} (default 1.128, the same decision as cosine ≥ 0.363).
     */
    public Verification verifyWithOperatorModels(byte[] photoA, byte[] photoB, Double threshold) {
        double t = threshold == null ? cn.hnsw.video.face.OperatorFaceModels.MATCH_DISTANCE : threshold(threshold);
        FaceService.OperatorComparison c = faces.compareWithOperatorModels(faces.decode(photoA), faces.decode(photoB));
        return new Verification(c.distance(), c.cosine(), t, c.distance() <= t, "OPERATOR");
    }

    /** One candidate of a 1:N search. */
    public record Candidate(UUID featureId, UUID faceBaseRecordId, UUID captureId, String label, double distance,
            double similarity, boolean match) {
    }

    /** 1:N 身份核查 / 人脸检索: the k nearest of a library; {@code exact} scans instead of walking the HNSW graph. */
    public List<Candidate> identify(byte[] photo, FeatureLibraryType library, int k, Double threshold, boolean exact) {
        return identify(faces.bestFace(faces.decode(photo)).descriptor(), library, k, threshold, exact);
    }

    public List<Candidate> identify(float[] query, FeatureLibraryType library, int k, Double threshold, boolean exact) {
        double t = threshold(threshold);
        List<Neighbour> near = exact ? index.exact(library, query, k) : index.nearest(library, query, k);
        Map<UUID, StoredFeature> byId = features.byIds(near.stream().map(Neighbour::featureId).toList()).stream()
                .collect(Collectors.toMap(StoredFeature::id, Function.identity()));
        List<Candidate> out = new ArrayList<>();
        for (Neighbour n : near) {
            StoredFeature f = byId.get(n.featureId());
            if (f != null) {
                out.add(new Candidate(f.id(), f.faceBaseRecordId(), f.captureId(), f.label(), n.distance(),
                        FaceService.similarity(n.distance()), n.distance() <= t));
            }
        }
        return out;
    }

    /** One pair found by N:M cross retrieval. */
    public record CrossPair(UUID leftFeatureId, String leftLabel, UUID rightFeatureId, String rightLabel, double distance,
            double similarity) {
    }

    /** N:M 交叉检索: every pair across two libraries closer than the threshold, closest first. */
    public List<CrossPair> cross(FeatureLibraryType left, FeatureLibraryType right, Double threshold, int limit) {
        double t = threshold(threshold);
        List<CrossPair> pairs = new ArrayList<>();
        List<StoredFeature> rights = features.byLibrary(right);
        for (StoredFeature l : features.byLibrary(left)) {
            for (StoredFeature r : rights) {
                if (l.id().equals(r.id())) {
                    continue;
                }
                double d = FaceEngine.distance(l.descriptor(), r.descriptor());
                if (d <= t) {
                    pairs.add(new CrossPair(l.id(), l.label(), r.id(), r.label(), d, FaceService.similarity(d)));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(CrossPair::distance));
        return pairs.size() > limit ? pairs.subList(0, limit) : pairs;
    }

    /** One capture found by search by image or trajectory. */
    public record Sighting(UUID captureId, UUID cameraId, String deviceCode, Instant capturedAt, double distance,
            double similarity, String snapshotKey) {
    }

    /** 以图搜脸: captures of this face, filtered by camera, time and similarity. */
    public List<Sighting> searchCaptures(float[] query, UUID cameraId, Instant from, Instant to, Double threshold,
            int limit) {
        double t = threshold(threshold);
        List<Neighbour> near = index.nearest(FeatureLibraryType.SNAPSHOT, query, Math.max(limit * 4, 100));
        Map<UUID, Double> distanceByFeature = new HashMap<>();
        near.forEach(n -> distanceByFeature.put(n.featureId(), n.distance()));
        List<StoredFeature> fs = features.byIds(near.stream().filter(n -> n.distance() <= t)
                .map(Neighbour::featureId).toList());
        Map<UUID, Double> distanceByCapture = new HashMap<>();
        fs.forEach(f -> distanceByCapture.put(f.captureId(), distanceByFeature.get(f.id())));
        List<Sighting> out = new ArrayList<>();
        for (FaceCapture c : captures.byIds(new ArrayList<>(distanceByCapture.keySet()))) {
            if ((cameraId == null || cameraId.equals(c.cameraId())) && (from == null || !c.capturedAt().isBefore(from))
                    && (to == null || c.capturedAt().isBefore(to))) {
                double d = distanceByCapture.get(c.id());
                out.add(new Sighting(c.id(), c.cameraId(), c.deviceCode(), c.capturedAt(), d, FaceService.similarity(d),
                        c.snapshotKey()));
            }
        }
        out.sort(Comparator.comparingDouble(Sighting::distance));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** 人员轨迹: where this person was seen, in time order. */
    public List<Sighting> trajectory(UUID faceBaseRecordId, Instant from, Instant to, Double threshold) {
        List<Sighting> s = new ArrayList<>(searchCaptures(descriptorOf(faceBaseRecordId), null, from, to, threshold, 500));
        s.sort(Comparator.comparing(Sighting::capturedAt));
        return s;
    }

    /** The descriptor of the most confident face of a query photo. */
    public float[] identifyDescriptor(byte[] photo) {
        return faces.bestFace(faces.decode(photo)).descriptor();
    }

    public byte[] photo(String key) {
        return storage.get(FACE_BUCKET, key);
    }

    private static double threshold(Double threshold) {
        double t = threshold == null ? FaceEngine.DEFAULT_MATCH_DISTANCE : threshold;
        if (!(t > 0 && t <= 2)) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, threshold);
        }
        return t;
    }
}
