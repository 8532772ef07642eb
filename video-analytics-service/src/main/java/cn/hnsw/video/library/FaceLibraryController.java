package cn.hnsw.video.library;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.library.FaceBaseRecordRepository.FaceBaseRecord;
import cn.hnsw.video.library.FaceBaseRecordRepository.PersonOfInterest;
import cn.hnsw.video.library.FaceFeatureRepository.StoredFeature;
import cn.hnsw.video.library.FaceLibraryService.Candidate;
import cn.hnsw.video.library.FaceLibraryService.CrossPair;
import cn.hnsw.video.library.FaceLibraryService.Sighting;
import cn.hnsw.video.library.FaceLibraryService.Verification;
import cn.hnsw.video.support.VideoErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Face base library, persons of interest, feature libraries, 1:1, 1:N, N:M, search by image and trajectory. */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class FaceLibraryController {

    private final FaceLibraryService service;

    FaceLibraryController(FaceLibraryService service) {
        this.service = service;
    }

    record EnrolRequest(@NotBlank @Size(max = 64) String personCode, @NotBlank @Size(max = 128) String name,
            @Size(max = 64) String idNo, @Size(max = 64) String source, @NotBlank String photoBase64) {
    }

    record FaceBaseRecordView(UUID id, String personCode, String name, String idNoMasked, String source,
            Instant createdAt) {
        static FaceBaseRecordView of(FaceBaseRecord r) {
            return new FaceBaseRecordView(r.id(), r.personCode(), r.name(), mask(r.idNo()), r.source(), r.createdAt());
        }
    }

    static String mask(String idNo) {
        if (idNo == null || idNo.length() < 8) {
            return idNo == null ? null : "****";
        }
        return idNo.substring(0, 4) + "*".repeat(idNo.length() - 8) + idNo.substring(idNo.length() - 4);
    }

    @PostMapping("/face-base-records")
    @ResponseStatus(HttpStatus.CREATED)
    FaceBaseRecordView enrol(@Valid @RequestBody EnrolRequest r) {
        return FaceBaseRecordView.of(service.enrol(r.personCode().trim(), r.name().trim(), r.idNo(),
                r.source() == null ? "manual" : r.source(), decode(r.photoBase64())));
    }

    @GetMapping("/face-base-records")
    PageResponse<FaceBaseRecordView> records(@RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.records(q, PageQuery.of(page, size)).map(FaceBaseRecordView::of);
    }

    @GetMapping("/face-base-records/{id}")
    FaceBaseRecordView record(@PathVariable UUID id) {
        return FaceBaseRecordView.of(service.record(id));
    }

    @GetMapping(value = "/face-base-records/{id}/photo", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> photo(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(service.photo(service.record(id).photoKey()));
    }

    record PersonRequest(@NotNull UUID faceBaseRecordId, @NotBlank @Size(max = 64) String category,
            @Size(max = 512) String reason) {
    }

    @PostMapping("/persons-of-interest")
    @ResponseStatus(HttpStatus.CREATED)
    PersonOfInterest bind(@Valid @RequestBody PersonRequest r) {
        return service.bindPersonOfInterest(r.faceBaseRecordId(), r.category(), r.reason());
    }

    @GetMapping("/persons-of-interest")
    List<PersonOfInterest> persons() {
        return service.persons();
    }

    record LibraryEntryRequest(UUID faceBaseRecordId, String photoBase64, @Size(max = 256) String label) {
    }

    record FeatureView(UUID id, FeatureLibraryType library, UUID faceBaseRecordId, UUID captureId, String label) {
        static FeatureView of(StoredFeature f) {
            return new FeatureView(f.id(), f.library(), f.faceBaseRecordId(), f.captureId(), f.label());
        }
    }

    @PostMapping("/feature-libraries/{library}/entries")
    @ResponseStatus(HttpStatus.CREATED)
    FeatureView addEntry(@PathVariable String library, @Valid @RequestBody LibraryEntryRequest r) {
        if (r.faceBaseRecordId() == null && (r.photoBase64() == null || r.photoBase64().isBlank())) {
            throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
        }
        return FeatureView.of(service.addToLibrary(library(library), r.faceBaseRecordId(),
                r.photoBase64() == null ? null : decode(r.photoBase64()), r.label()));
    }

    record LibraryEntryUpdate(@NotBlank @Size(max = 256) String label) {
    }

    @PutMapping("/feature-libraries/{library}/entries/{id}")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    FeatureView relabel(@PathVariable String library, @PathVariable UUID id, @Valid @RequestBody LibraryEntryUpdate r) {
        return FeatureView.of(service.relabel(library(library), id, r.label()));
    }

    @DeleteMapping("/feature-libraries/{library}/entries/{id}")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeEntry(@PathVariable String library, @PathVariable UUID id) {
        service.removeFromLibrary(library(library), id);
    }

    @GetMapping("/feature-libraries/{library}/entries")
    List<FeatureView> entries(@PathVariable String library) {
        return service.library(library(library)).stream().map(FeatureView::of).toList();
    }

    record VerificationRequest(@NotBlank String photoBase64, String otherPhotoBase64, UUID faceBaseRecordId,
            Double threshold, String model) {
    }

    @PostMapping("/face-verifications")
    Verification verify(@Valid @RequestBody VerificationRequest r) {
        if (r.faceBaseRecordId() == null && (r.otherPhotoBase64() == null || r.otherPhotoBase64().isBlank())) {
            throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
        }
        if (r.model() != null && !r.model().isBlank() && !"FACE_API".equals(r.model())) {
            if (!"OPERATOR".equals(r.model())) {
                throw new HnswException(VideoErrorCode.MODEL_INVALID, r.model());
            }
            if (r.faceBaseRecordId() != null || r.otherPhotoBase64() == null) {
                // the library holds face-api descriptors: the operator's model compares two photos only
                throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
            }
            return service.verifyWithOperatorModels(decode(r.photoBase64()), decode(r.otherPhotoBase64()),
                    r.threshold());
        }
        return service.verify(decode(r.photoBase64()), r.otherPhotoBase64() == null ? null
                : decode(r.otherPhotoBase64()), r.faceBaseRecordId(), r.threshold());
    }

    record IdentityCheckRequest(@NotBlank String photoBase64, String library, @Min(1) @Max(100) Integer topK,
            Double threshold, Boolean exact) {
    }

    @PostMapping("/identity-checks")
    List<Candidate> identify(@Valid @RequestBody IdentityCheckRequest r) {
        return service.identify(decode(r.photoBase64()), r.library() == null ? FeatureLibraryType.FACE_BASE
                : library(r.library()), r.topK() == null ? 5 : r.topK(), r.threshold(), Boolean.TRUE.equals(r.exact()));
    }

    record CrossRetrievalRequest(@NotBlank String left, @NotBlank String right, Double threshold,
            @Min(1) @Max(1000) Integer limit) {
    }

    @PostMapping("/cross-retrievals")
    List<CrossPair> cross(@Valid @RequestBody CrossRetrievalRequest r) {
        return service.cross(library(r.left()), library(r.right()), r.threshold(), r.limit() == null ? 100 : r.limit());
    }

    record FaceSearchRequest(@NotBlank String photoBase64, UUID cameraId, Instant from, Instant to, Double threshold,
            @Min(1) @Max(500) Integer limit) {
    }

    @PostMapping("/face-searches")
    List<Sighting> search(@Valid @RequestBody FaceSearchRequest r) {
        return service.searchCaptures(service.identifyDescriptor(decode(r.photoBase64())), r.cameraId(), r.from(),
                r.to(), r.threshold(), r.limit() == null ? 50 : r.limit());
    }

    @GetMapping("/face-base-records/{id}/trajectory")
    List<Sighting> trajectory(@PathVariable UUID id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) Double threshold) {
        return service.trajectory(id, from, to, threshold);
    }

    static FeatureLibraryType library(String name) {
        try {
            return FeatureLibraryType.valueOf(name.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new HnswException(VideoErrorCode.LIBRARY_INVALID, name);
        }
    }

    static byte[] decode(String base64) {
        try {
            String b = base64.contains(",") && base64.startsWith("data:") ? base64.substring(base64.indexOf(',') + 1)
                    : base64;
            return Base64.getMimeDecoder().decode(b);
        } catch (IllegalArgumentException e) {
            throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
        }
    }
}
