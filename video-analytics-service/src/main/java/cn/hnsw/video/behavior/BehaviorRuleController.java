package cn.hnsw.video.behavior;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.support.VideoErrorCode;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Per-camera behaviour region and thresholds. */
@RestController
@RequestMapping("/api/video-analytics/v1/cameras/{id}/behavior-rules")
@PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
class BehaviorRuleController {

    private final BehaviorRuleRepository rules;
    private final CameraService cameras;

    BehaviorRuleController(BehaviorRuleRepository rules, CameraService cameras) {
        this.rules = rules;
        this.cameras = cameras;
    }

    @GetMapping
    BehaviorRules get(@PathVariable UUID id) {
        cameras.get(id);
        return rules.forCamera(id);
    }

    @PutMapping
    BehaviorRules save(@PathVariable UUID id, @RequestBody BehaviorRules r) {
        cameras.get(id);
        if (r.region() == null || r.region().length != 4 || r.runningSpeed() <= 0 || r.loiterSeconds() <= 0
                || r.crowdCount() < 2 || r.violentEnergy() <= 0 || r.violentEnergy() > 1 || r.staticSeconds() <= 0
                || r.minBlobArea() <= 0) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, "behavior-rules");
        }
        rules.save(id, r);
        return rules.forCamera(id);
    }
}
