package cn.hnsw.customs.subcenter;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import cn.hnsw.customs.validation.ValidationReport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 海口数据分中心 endpoints: the sealed distribution inbox (public path, the seal authenticates), the officers'
 * comprehensive query and statistics, and the enterprise-facing status interface (an enterprise sees its own only).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/subcentre")
class SubCentreController {

    private final HaikouDataSubCenter subCenter;

    SubCentreController(HaikouDataSubCenter subCenter) {
        this.subCenter = subCenter;
    }

    @PostMapping(value = "/distributions", consumes = {"application/json", "application/*+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] receive(@RequestBody byte[] sealedEnvelope) {
        return subCenter.receive(sealedEnvelope);
    }

    @GetMapping("/declarations")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
    PageResponse<SubCentreRecord> query(@RequestParam(required = false) String preEntryNo,
                                        @RequestParam(required = false) String customsNo,
                                        @RequestParam(required = false) String declarationType,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) String enterpriseUscc,
                                        @RequestParam(required = false) String enterpriseName,
                                        @RequestParam(required = false) String declareCustoms,
                                        @RequestParam(required = false) String hsCode,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                        @RequestParam(defaultValue = "false") boolean historical,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return subCenter.query(new SubCentreQuery(b(preEntryNo), b(customsNo), b(declarationType), b(status),
                b(enterpriseUscc), b(enterpriseName), b(declareCustoms), b(hsCode), from, to), historical,
                PageQuery.of(page, size));
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
    Map<String, Object> statistics(@RequestParam(defaultValue = "365") int days) {
        return subCenter.statistics(Math.max(1, Math.min(days, 3650)));
    }

    /** 对企服务接口 (FP 248, 932–940): status query of the caller's own declarations at the sub-centre. */
    @GetMapping("/enterprise/declarations")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin')")
    PageResponse<SubCentreRecord> enterpriseQuery(@RequestParam(required = false) String preEntryNo,
                                                  @RequestParam(defaultValue = "false") boolean historical,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size) {
        String own = EnterpriseScope.restrictionFor(Actors.current()).orElseThrow();
        return subCenter.query(new SubCentreQuery(b(preEntryNo), null, null, null, own, null, null, null, null, null),
                historical, PageQuery.of(page, size));
    }

    /** 技术回执 / 业务回执 the sub-centre keeps for one declaration (FP 903–914, 1188–1199). */
    @GetMapping("/declarations/{preEntryNo}/receipts")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
    List<SubCentreReceipt> receipts(@PathVariable String preEntryNo) {
        return subCenter.receipts(preEntryNo, Optional.empty());
    }

    /** 报关单校验 (FP 941–945, 1226–1230): run the pre-validation on a declaration the sub-centre holds. */
    @PostMapping("/declarations/{preEntryNo}/validation")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
    ValidationReport validate(@PathVariable String preEntryNo) {
        return subCenter.validate(preEntryNo);
    }

    /** 对企服务接口: the receipts of the caller's own declaration at the sub-centre. */
    @GetMapping("/enterprise/declarations/{preEntryNo}/receipts")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin')")
    List<SubCentreReceipt> enterpriseReceipts(@PathVariable String preEntryNo) {
        return subCenter.receipts(preEntryNo, Optional.of(EnterpriseScope.restrictionFor(Actors.current()).orElseThrow()));
    }

    private static String b(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
