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

    record UnitEditRequest(@NotBlank @Pattern(regexp = "/government/.+") String unitOrg,
                           @NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn) {
    }

    /** 修改 a configured extra approver (加签) or countersign (会签) unit; tasks already offered keep their units. */
    @PutMapping("/pilot-routing/units/{id}")
    @PreAuthorize(CONFIGURERS)
    RoutingRepository.RoutingUnit editUnit(@PathVariable long id, @Valid @RequestBody UnitEditRequest u) {
        RoutingRepository.RoutingUnit unit = routing.unit(id).orElseThrow(
                () -> new cn.hnsw.common.web.HnswException(cn.hnsw.common.web.CommonErrorCode.NOT_FOUND));
        boolean taken = routing.units().stream().anyMatch(o -> o.id() != id && o.kind().equals(unit.kind())
                && java.util.Objects.equals(o.regionCode(), unit.regionCode()) && o.unitOrg().equals(u.unitOrg()));
        if (taken) {
            throw new cn.hnsw.common.web.HnswException(PilotErrorCode.ROUTING_UNIT_DUPLICATE, u.unitOrg());
        }
        routing.updateUnit(id, u.unitOrg(), u.nameZh(), u.nameEn());
        return routing.unit(id).orElseThrow();
    }

    /** 删除审批市县地区: only a region no application names (one that has any is disabled instead). */
    @DeleteMapping("/pilot-routing/regions/{code}")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRegion(@PathVariable String code) {
        if (routing.region(code).isEmpty()) {
            throw new cn.hnsw.common.web.HnswException(cn.hnsw.common.web.CommonErrorCode.NOT_FOUND);
        }
        if (routing.regionInUse(code)) {
            throw new cn.hnsw.common.web.HnswException(PilotErrorCode.REGION_IN_USE, code);
        }
        routing.deleteRegion(code);
    }

    /** 下载导出 the approving regions with their county government and lead unit (审批市县地区, 牵头单位, 市县政府设置). */
    @GetMapping("/pilot-routing/regions/export")
    @PreAuthorize(OFFICIALS)
    ResponseEntity<byte[]> exportRegions() {
        return xlsx("pilot-regions", "审批市县地区", List.of("编码 Code", "名称 Name", "Name", "市县政府 County government",
                        "牵头单位 Lead unit", "启用 Enabled"), routing.regions(),
                r -> new Object[]{r.code(), r.nameZh(), r.nameEn(), r.countyGovOrg(), r.leadUnitOrg(),
                        r.enabled() ? "是 Yes" : "否 No"});
    }

    /** 下载导出 the configured units, all or of one kind (市县其他单位加签, 省级牵头单位会签, 省级其他单位加签). */
    @GetMapping("/pilot-routing/units/export")
    @PreAuthorize(OFFICIALS)
    ResponseEntity<byte[]> exportUnits(@RequestParam(required = false)
                                       @Pattern(regexp = "CITY_EXTRA|PROVINCIAL_COUNTERSIGN|PROVINCIAL_EXTRA") String kind) {
        List<RoutingRepository.RoutingUnit> units = routing.units().stream()
                .filter(u -> kind == null || u.kind().equals(kind)).toList();
        return xlsx("pilot-units", "审批单位配置", List.of("类别 Kind", "地区 Region", "单位 Unit", "名称 Name", "Name"),
                units, u -> new Object[]{u.kind(), u.regionCode() == null ? "" : u.regionCode(), u.unitOrg(),
                        u.nameZh(), u.nameEn()});
    }

    /** 下载导出黑名单企业信息: every entry, removed ones with their removal time. */
    @GetMapping("/pilot-blacklist/export")
    @PreAuthorize(OFFICIALS)
    ResponseEntity<byte[]> exportBlacklist() {
        return xlsx("pilot-blacklist", "黑名单", List.of("企业 Enterprise", "统一社会信用代码 USCC", "原因 Reason",
                        "列入时间 Listed at", "列入人 Listed by", "移出时间 Removed at"), service.blacklist(),
                b -> new Object[]{b.enterpriseName(), b.enterpriseUscc(), b.reason(), b.createdAt().toString(),
                        b.createdBy(), b.removedAt() == null ? "" : b.removedAt().toString()});
    }

    /** 下载导出黑名单原因信息: the reasons an entry has had, each change with who, when, why and whether it is intact. */
    @GetMapping("/pilot-blacklist/{id}/history/export")
    @PreAuthorize(OFFICIALS)
    ResponseEntity<byte[]> exportBlacklistHistory(@PathVariable UUID id) {
        return xlsx("pilot-blacklist-reasons", "黑名单原因", List.of("操作 Action", "原因（前） Reason before",
                        "原因（后） Reason after", "变更理由 Why", "操作人 By", "时间 At", "SM3", "完整 Intact"),
                service.blacklistHistory(id),
                c -> new Object[]{c.change().action(), nz(c.change().reasonBefore()), nz(c.change().reasonAfter()),
                        nz(c.change().changeReason()), c.change().actorName(), c.change().changedAt().toString(),
                        c.change().sm3(), c.intact() ? "是 Yes" : "否 No"});
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <T> ResponseEntity<byte[]> xlsx(String file, String sheet, List<String> headers, List<T> rows,
                                                   java.util.function.Function<T, Object[]> cells) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(cn.hnsw.tradewindow.support.Xlsx.CONTENT_TYPE))
                .body(cn.hnsw.tradewindow.support.Xlsx.write(sheet, headers, rows, cells));
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
