package cn.hnsw.video.intake;

import cn.hnsw.video.intake.CascadeDataService.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 数据服务级联接口: 查询检索 on a subordinate platform (officers and administrators) and 数据操作 on its records
 * (administrators), both through the sealed cascade link; the operations with their answers are listed.
 */
@RestController
@RequestMapping("/api/video-analytics/v1/face-cascade-links/{id}")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class CascadeDataController {

    private final CascadeDataService service;

    CascadeDataController(CascadeDataService service) {
        this.service = service;
    }

    record QueryRequest(Map<@Pattern(regexp = "[A-Za-z0-9_]{1,64}") String, @Size(max = 256) String> equals,
            @Min(1) @Max(200) Integer limit) {
    }

    record OperationRequest(@NotBlank String operation,
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_]+") String recordType,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String recordId, Map<String, Object> fields) {
    }

    @PostMapping("/queries")
    List<Map<String, Object>> query(@PathVariable UUID id, @Valid @RequestBody QueryRequest r) {
        return service.query(id, r.equals(), r.limit());
    }

    @PostMapping("/operations")
    @PreAuthorize("hasRole('platform-admin')")
    Operation operate(@PathVariable UUID id, @Valid @RequestBody OperationRequest r) {
        return service.operate(id, r.operation(), r.recordType(), r.recordId(), r.fields());
    }

    @GetMapping("/operations")
    List<Operation> operations(@PathVariable UUID id) {
        return service.operations(id);
    }
}
