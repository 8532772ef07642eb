package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.security.Actors;
import cn.hnsw.tradewindow.support.Pdf;
import cn.hnsw.tradewindow.support.TradeWindowFont;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 业务配置管理 and 企业名单管理 (S1 FP 216–265, 335–382): approving regions with lead unit and county government, the
 * 加签/会签 units, and the blacklist. Provincial users and operators change them; government users read them; enterprises read the approving regions to
 * choose theirs.
 */
@RestController
@RequestMapping("/api/trade-window/v1")
class PilotConfigController {

    private static final String OFFICIALS = "hasAnyRole('gov-county-unit','gov-county','gov-provincial-dept','gov-province','sw-operator','platform-admin','customs-officer')";

    private static final String CONFIGURERS = "hasAnyRole('gov-provincial-dept','gov-province','sw-operator','platform-admin')";

    private final RoutingRepository routing;
    private final PilotApprovalService service;
    private final PilotRecordsRepository records;
    private final TradeWindowFont font;
    private final Clock clock;

    PilotConfigController(RoutingRepository routing, PilotApprovalService service, PilotRecordsRepository records,
                          TradeWindowFont font, Clock clock) {
        this.routing = routing;
        this.service = service;
        this.records = records;
        this.font = font;
        this.clock = clock;
    }

    /** 通知消息记录 (FP 410–412): to-do notices, SMS and warnings with whether the partner took them; newest 200. */
    @GetMapping("/pilot-notifications")
    @PreAuthorize(CONFIGURERS)
    List<PilotRecordsRepository.NotificationRecord> notifications(
            @org.springframework.web.bind.annotation.RequestParam(required = false) String businessId) {
        return records.notifications(businessId);
    }

    record RegionRequest(@NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn,
                         @NotBlank @Pattern(regexp = "/government/.+") String countyGovOrg,
                         @NotBlank @Pattern(regexp = "/government/.+") String leadUnitOrg, boolean enabled) {
    }

    record UnitRequest(@NotBlank @Pattern(regexp = "CITY_EXTRA|PROVINCIAL_COUNTERSIGN|PROVINCIAL_EXTRA") String kind,
                       @Size(max = 64) String regionCode,
                       @NotBlank @Pattern(regexp = "/government/.+") String unitOrg,
                       @NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn) {
    }

    record BlacklistRequest(@NotBlank @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}") String enterpriseUscc,
                            @NotBlank @Size(max = 200) String enterpriseName,
                            @NotBlank @Size(max = 1000) String reason) {
    }

    @GetMapping("/pilot-routing/regions")
    List<RoutingRepository.Region> regions() {
        return routing.regions();
    }

    @PutMapping("/pilot-routing/regions/{code}")
    @PreAuthorize(CONFIGURERS)
    RoutingRepository.Region saveRegion(@PathVariable @Pattern(regexp = "[a-z][a-z0-9-]{1,63}") String code,
                                        @Valid @RequestBody RegionRequest r) {
        var region = new RoutingRepository.Region(code, r.nameZh(), r.nameEn(), r.countyGovOrg(), r.leadUnitOrg(),
                r.enabled());
        routing.saveRegion(region);
        return region;
    }

    @GetMapping("/pilot-routing/units")
    @PreAuthorize(OFFICIALS)
    List<RoutingRepository.RoutingUnit> units() {
        return routing.units();
    }

    @PostMapping("/pilot-routing/units")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> addUnit(@Valid @RequestBody UnitRequest u) {
        boolean city = "CITY_EXTRA".equals(u.kind());
        if (city != (u.regionCode() != null && !u.regionCode().isBlank())) {
            throw new cn.hnsw.common.web.HnswException(PilotErrorCode.REGION_NOT_APPROVING, String.valueOf(u.regionCode()));
        }
        if (city && routing.region(u.regionCode()).isEmpty()) {
            throw new cn.hnsw.common.web.HnswException(PilotErrorCode.REGION_NOT_APPROVING, u.regionCode());
        }
        return Map.of("id", routing.addUnit(u.kind(), city ? u.regionCode() : null, u.unitOrg(), u.nameZh(), u.nameEn()));
    }

    @DeleteMapping("/pilot-routing/units/{id}")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteUnit(@PathVariable long id) {
        if (!routing.deleteUnit(id)) {
            throw new cn.hnsw.common.web.HnswException(cn.hnsw.common.web.CommonErrorCode.NOT_FOUND);
        }
    }

    @GetMapping("/pilot-blacklist")
    @PreAuthorize(OFFICIALS)
    List<PilotRecordsRepository.BlacklistEntry> blacklist() {
        return service.blacklist();
    }

    /** 预览打印 the blacklist: each enterprise with its reason, when and by whom it was listed (PDF, inline). */
    @GetMapping("/pilot-blacklist/print")
    @PreAuthorize(OFFICIALS)
    ResponseEntity<byte[]> printBlacklist() {
        byte[] pdf = Pdf.table(font.font(), "加工增值试点黑名单 Pilot blacklist", List.of("企业 Enterprise",
                        "统一社会信用代码 USCC", "原因 Reason", "列入时间 Listed at", "列入人 Listed by"), service.blacklist(),
                b -> new Object[]{b.enterpriseName(), b.enterpriseUscc(), b.reason(), b.createdAt(), b.createdBy()},
                clock.instant());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("pilot-blacklist.pdf", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @PostMapping("/pilot-blacklist")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.CREATED)
    PilotRecordsRepository.BlacklistEntry addToBlacklist(@Valid @RequestBody BlacklistRequest r) {
        return service.addToBlacklist(Actors.current(), r.enterpriseUscc(), r.enterpriseName(), r.reason());
    }

    record BlacklistEditRequest(@NotBlank @Size(max = 1000) String reason,
                                @NotBlank @Size(max = 1000) String changeReason) {
    }

    /** 黑名单编辑: a new reason, with why it changed (both kept in the entry's history and the audit chain). */
    @PutMapping("/pilot-blacklist/{id}")
    @PreAuthorize(CONFIGURERS)
    PilotRecordsRepository.BlacklistEntry editBlacklist(@PathVariable UUID id, @Valid @RequestBody BlacklistEditRequest r) {
        return service.editBlacklistReason(Actors.current(), id, r.reason(), r.changeReason());
    }

    @GetMapping("/pilot-blacklist/{id}/history")
    @PreAuthorize(OFFICIALS)
    List<PilotApprovalService.BlacklistChangeCheck> blacklistHistory(@PathVariable UUID id) {
        return service.blacklistHistory(id);
    }

    /** 移出黑名单, with an optional reason (kept in the history). */
    @DeleteMapping("/pilot-blacklist/{id}")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeFromBlacklist(@PathVariable UUID id,
                             @RequestParam(name = "reason", required = false) @Size(max = 1000) String reason) {
        service.removeFromBlacklist(Actors.current(), id, reason);
    }
}
