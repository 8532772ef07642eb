package cn.hnsw.customs.declaration;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 报关单关联赋值数据项设置 (FP 219, 224): everyone reads the remark fill setting; operators keep it. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/remark-fill-setting")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
class RemarkFillController {

    private static final String KEEPERS = "hasAnyRole('sw-operator', 'platform-admin')";

    private final RemarkFillSettings settings;

    RemarkFillController(RemarkFillSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    RemarkFillSettings.Setting get() {
        return settings.find().orElseThrow(() -> new HnswException(CustomsErrorCode.REMARK_FILL_INVALID, "未设置", "not set"));
    }

    @PutMapping
    @PreAuthorize(KEEPERS)
    RemarkFillSettings.Setting save(@RequestBody RemarkFillSettings.Change change) {
        return settings.save(change, Actors.current().username());
    }

    @GetMapping("/history")
    @PreAuthorize(KEEPERS)
    List<RemarkFillSettings.LogEntry> history() {
        return settings.history();
    }
}
