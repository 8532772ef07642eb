package cn.hnsw.tradewindow.repair;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 航空器、船舶维修复运享惠: applications, changes, documents, joint review, supervision, business analysis. */
@RestController
@RequestMapping("/api/trade-window/v1/repair-preferences")
class RepairPreferenceController {

    private final RepairPreferenceService service;
    private final RepairRecordPdf recordPdf;

    RepairPreferenceController(RepairPreferenceService service, RepairRecordPdf recordPdf) {
        this.service = service;
        this.recordPdf = recordPdf;
    }

    record CreateRequest(@NotBlank @Pattern(regexp = "AVIATION|SHIPPING") String kind,
                         @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,63}") String regionCode,
                         @NotBlank @Size(max = 200) String conveyance, @Pattern(regexp = "\\d{7}") String imoNumber) {
    }

    record ChangeRequest(@NotBlank @Size(max = 1000) String changeSummary, @Size(max = 200) String conveyance,
                         @Pattern(regexp = "\\d{7}") String imoNumber) {
    }

    record ReviewRequest(@NotNull Boolean approve, @NotBlank @Size(max = 2000) String opinion) {
    }

    record SupervisionRequest(@NotBlank @Pattern(regexp = "CUSTOMS_ASSISTANCE|AIRCRAFT_SELF_USE|SHIP_SELF_USE|ENTERPRISE_CHANGE|TAX_INFO") String kind,
                              @NotBlank @Size(max = 2000) String content) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RepairRepository.Application create(@Valid @RequestBody CreateRequest r) {
        return service.create(Actors.current(), new RepairPreferenceService.ApplicationInput(r.kind(), r.regionCode(),
                r.conveyance(), r.imoNumber()));
    }

    @GetMapping
    List<RepairPreferenceService.ApplicationView> list(@RequestParam(required = false) @Pattern(regexp = "DRAFT|PENDING|APPROVED|REJECTED") String status) {
        return service.list(Actors.current(), status);
    }

    @GetMapping("/{id}")
    RepairPreferenceService.ApplicationView get(@PathVariable UUID id) {
        return service.read(Actors.current(), id);
    }

    /** 预览打印 the qualification record (PDF): inline for the browser's print preview, or as an attachment. */
    @GetMapping("/{id}/record")
    ResponseEntity<byte[]> record(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download) {
        byte[] pdf = recordPdf.render(Actors.current(), id);
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename("repair-qualification-record-" + id + ".pdf", StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @PostMapping("/{id}/changes")
    @ResponseStatus(HttpStatus.CREATED)
    RepairRepository.Application change(@PathVariable UUID id, @Valid @RequestBody ChangeRequest r) {
        return service.change(Actors.current(), id, r.changeSummary(), r.conveyance(), r.imoNumber());
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    RepairRepository.Document upload(@PathVariable UUID id, @RequestParam("type") String type,
                                     @RequestParam("file") MultipartFile file) throws IOException {
        RepairDocumentType t;
        try {
            t = RepairDocumentType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED);
        }
        return service.upload(Actors.current(), id, t, file.getOriginalFilename(), file.getBytes());
    }

    @PostMapping("/{id}/documents/{documentId}/revocation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id, @PathVariable UUID documentId) {
        service.revoke(Actors.current(), id, documentId);
    }

    @DeleteMapping("/{id}/documents/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, @PathVariable UUID documentId) {
        service.deleteDocument(Actors.current(), id, documentId);
    }

    /** The document as a download (the preview is {@code /content}, inline). */
    @GetMapping("/{id}/documents/{documentId}/file")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID documentId) {
        RepairGuideAndAttachments.Content c = service.downloadDocument(Actors.current(), id, documentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(c.contentType())).body(c.bytes());
    }

    @PostMapping("/{id}/submission")
    RepairRepository.Application submit(@PathVariable UUID id) {
        return service.submit(Actors.current(), id);
    }

    @PostMapping("/{id}/reviews")
    RepairRepository.Application review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest r) {
        return service.review(Actors.current(), id, r.approve(), r.opinion());
    }

    @PostMapping("/{id}/supervision-records")
    @ResponseStatus(HttpStatus.CREATED)
    RepairRepository.SupervisionRecord supervise(@PathVariable UUID id, @Valid @RequestBody SupervisionRequest r) {
        return service.supervise(Actors.current(), id, r.kind(), r.content());
    }

    @GetMapping("/{id}/supervision-records")
    List<RepairRepository.SupervisionRecord> supervision(@PathVariable UUID id) {
        return service.supervision(Actors.current(), id);
    }

    @PostMapping("/{id}/supervision-records/{recordId}/revocation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeSupervision(@PathVariable UUID id, @PathVariable UUID recordId) {
        service.revokeSupervision(Actors.current(), id, recordId);
    }

    /**
     * 下载导出审核意见: the competent department's (行业主管单位) and the related unit's (有关单位) review of one
     * application, each with its result, opinion, who and when (Excel); readable by whoever may read the application.
     */
    @GetMapping("/{id}/reviews/export")
    ResponseEntity<byte[]> exportReviews(@PathVariable UUID id) {
        RepairRepository.Application a = service.read(Actors.current(), id).application();
        List<Object[]> rows = List.of(
                new Object[]{"行业主管单位 Competent department", a.competentOrg(), a.competentResult(), a.competentOpinion(),
                        a.competentBy(), a.competentAt() == null ? null : a.competentAt().toString()},
                new Object[]{"有关单位 Related unit", a.relatedOrg(), a.relatedResult(), a.relatedOpinion(), a.relatedBy(),
                        a.relatedAt() == null ? null : a.relatedAt().toString()});
        return xlsx("repair-reviews-" + id, "审核意见", List.of("审核单位 Reviewer", "单位 Organisation", "结论 Result",
                "意见 Opinion", "审核人 By", "时间 At"), rows, r -> r);
    }

    /**
     * 下载导出 the supervision records of one application, all or of one kind (海关协助需求, 航空器/船舶货物运营自用,
     * 享惠企业变更, 享惠企业纳税), revoked ones with their revocation time.
     */
    @GetMapping("/{id}/supervision-records/export")
    ResponseEntity<byte[]> exportSupervision(@PathVariable UUID id, @RequestParam(required = false)
            @Pattern(regexp = "CUSTOMS_ASSISTANCE|AIRCRAFT_SELF_USE|SHIP_SELF_USE|ENTERPRISE_CHANGE|TAX_INFO") String kind) {
        List<RepairRepository.SupervisionRecord> records = service.supervision(Actors.current(), id).stream()
                .filter(r -> kind == null || r.kind().equals(kind)).toList();
        return xlsx("repair-supervision-" + id, "享惠监管", List.of("类别 Kind", "内容 Content", "记录人 By",
                        "单位 Organisation", "时间 At", "撤销时间 Revoked at"), records,
                r -> new Object[]{r.kind(), r.content(), r.createdBy(), r.organization(), r.createdAt().toString(),
                        r.revokedAt() == null ? null : r.revokedAt().toString()});
    }

    private static <T> ResponseEntity<byte[]> xlsx(String file, String sheet, List<String> headers, List<T> rows,
                                                   java.util.function.Function<T, Object[]> cells) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(cn.hnsw.tradewindow.support.Xlsx.CONTENT_TYPE))
                .body(cn.hnsw.tradewindow.support.Xlsx.write(sheet, headers, rows, cells));
    }

    @GetMapping("/analysis")
    List<Map<String, Object>> analysis() {
        return service.analysis(Actors.current());
    }
}
