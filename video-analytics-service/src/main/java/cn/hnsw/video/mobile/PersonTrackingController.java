package cn.hnsw.video.mobile;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.mobile.PersonTrackingService.Tracking;
import cn.hnsw.video.support.VideoErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Base64;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 移动单兵 人员跟踪: {@code POST /mobile/person-tracking {photoBase64, threshold?, hours?, limit?}}. Field officers
 * only (the single-officer app): reviewers, administrators without the officer role and enterprise users are refused.
 */
@RestController
@RequestMapping("/api/video-analytics/v1/mobile")
@PreAuthorize("hasRole('customs-officer')")
class PersonTrackingController {

    private final PersonTrackingService service;

    PersonTrackingController(PersonTrackingService service) {
        this.service = service;
    }

    record TrackingRequest(@NotBlank String photoBase64, Double threshold, @Min(1) @Max(720) Integer hours,
            @Min(1) @Max(200) Integer limit) {
    }

    @PostMapping("/person-tracking")
    Tracking track(@Valid @RequestBody TrackingRequest r) {
        byte[] photo;
        try {
            String b = r.photoBase64().startsWith("data:") && r.photoBase64().contains(",")
                    ? r.photoBase64().substring(r.photoBase64().indexOf(',') + 1) : r.photoBase64();
            photo = Base64.getMimeDecoder().decode(b);
        } catch (IllegalArgumentException e) {
            throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
        }
        return service.track(photo, r.threshold(), r.hours() == null ? 24 : r.hours(), r.limit() == null ? 20 : r.limit());
    }
}
