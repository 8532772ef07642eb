package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.tradewindow.partner.SharedDataGateway;
import cn.hnsw.tradewindow.partner.SharedDataGateway.SharedDataKind;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** 加工增值试点申请 — enterprise side (申请, 材料, 提交, 撤回) and the approvers' opinions on an application. */
@RestController
@RequestMapping("/api/trade-window/v1")
class PilotApplicationController {

    private final PilotApprovalService service;
    private final SharedDataGateway sharedData;
    private final ApprovalRecordPdf recordPdf;

    PilotApplicationController(PilotApprovalService service, SharedDataGateway sharedData, ApprovalRecordPdf recordPdf) {
        this.service = service;
        this.sharedData = sharedData;
        this.recordPdf = recordPdf;
    }

    record CreateRequest(@NotBlank @Size(max = 64) String regionCode, @NotBlank @Size(max = 1000) String productSummary) {
    }

    record DecisionRequest(@NotNull ApprovalStep.Decision decision, @NotBlank @Size(max = 2000) String opinion) {
    }

    record WithdrawRequest(@Size(max = 500) String reason) {
    }

    record TerminationRequest(@NotBlank @Size(max = 2000) String discoveryRecord,
                              @NotBlank @Size(max = 1000) String blacklistReason) {
    }

    record CopyRequest(@NotBlank @Size(max = 200) String toOrg, @Size(max = 500) String note) {
    }

    record ApplicationView(UUID id, String enterpriseUscc, String enterpriseName, String regionCode,
                           String productSummary, PilotStatus status, String caseNumber, String currentStep,
                           String currentStepZh, String currentStepEn, Instant createdAt, Instant submittedAt,
                           Instant decidedAt) {
        static ApplicationView of(PilotApplication a) {
            String zh = null;
            String en = null;
            if (a.currentStep() != null) {
                List<ApprovalStep> steps = Arrays.stream(a.currentStep().split(",")).map(ApprovalStep::of).toList();
                zh = String.join("、", steps.stream().map(ApprovalStep::nameZh).toList());
                en = String.join(", ", steps.stream().map(ApprovalStep::nameEn).toList());
            }
            return new ApplicationView(a.id(), a.enterpriseUscc(), a.enterpriseName(), a.regionCode(),
                    a.productSummary(), a.status(), a.caseNumber(), a.currentStep(), zh, en, a.createdAt(),
                    a.submittedAt(), a.decidedAt());
        }
    }

    @GetMapping("/pilot-qualification")
    PilotApprovalService.QualificationPrompt qualification() {
        return service.qualification(Actors.current());
    }

    /** 企业共享信息: one of the seven shared data sets of the caller's own enterprise (officers: any enterprise). */
    @GetMapping("/shared-data/{kind}")
    SharedDataGateway.SharedDataSet sharedData(@PathVariable String kind,
                                               @RequestParam(required = false) String enterprise) {
        var actor = Actors.current();
        String uscc = EnterpriseScope.restrictionFor(actor).orElse(enterprise);
        if (uscc == null) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED);
        }
        SharedDataKind k;
        try {
            k = SharedDataKind.valueOf(kind.toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new HnswException(CommonErrorCode.NOT_FOUND);
        }
        return sharedData.fetch(uscc, k);
    }

    /** 预览打印 one shared data set (PDF, inline for the browser's print preview), or 下载导出 it as an attachment. */
    @GetMapping("/shared-data/{kind}/print")
    ResponseEntity<byte[]> printSharedData(@PathVariable String kind, @RequestParam(required = false) String enterprise,
                                           @RequestParam(defaultValue = "false") boolean download) {
        SharedDataGateway.SharedDataSet set = sharedData(kind, enterprise);
        byte[] pdf = recordPdf.sharedData(Actors.current(), set);
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename("shared-data-" + set.kind().name().toLowerCase() + ".pdf", StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @PostMapping("/pilot-applications")
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationView create(@Valid @RequestBody CreateRequest request) {
        return ApplicationView.of(service.create(Actors.current(), request.regionCode(), request.productSummary()));
    }

    @GetMapping("/pilot-applications")
    PageResponse<ApplicationView> list(@RequestParam(required = false) PilotStatus status,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return service.search(Actors.current(), status == null ? null : status.name(), PageQuery.of(page, size))
                .map(ApplicationView::of);
    }

    @GetMapping("/pilot-applications/{id}")
    ApplicationView get(@PathVariable UUID id) {
        return ApplicationView.of(service.read(Actors.current(), id));
    }

    @PostMapping(path = "/pilot-applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PilotDocument upload(@PathVariable UUID id, @RequestParam("type") String type,
                         @RequestParam("file") MultipartFile file) throws IOException {
        return service.upload(Actors.current(), id, DocumentType.parse(type), file.getOriginalFilename(),
                file.getBytes());
    }

    @GetMapping("/pilot-applications/{id}/documents")
    List<PilotDocument> documents(@PathVariable UUID id) {
        return service.documents(Actors.current(), id);
    }

    /** 预览/下载: inline for preview and print in the browser, or as an attachment. */
    @GetMapping("/pilot-applications/{id}/documents/{documentId}/content")
    ResponseEntity<byte[]> content(@PathVariable UUID id, @PathVariable UUID documentId,
                                   @RequestParam(defaultValue = "false") boolean download) {
        var c = service.content(Actors.current(), id, documentId);
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(c.document().fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(MediaType.parseMediaType(c.document().contentType())).body(c.content());
    }

    @PostMapping("/pilot-applications/{id}/documents/{documentId}/revocation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id, @PathVariable UUID documentId) {
        service.revoke(Actors.current(), id, documentId);
    }

    @DeleteMapping("/pilot-applications/{id}/documents/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, @PathVariable UUID documentId) {
        service.delete(Actors.current(), id, documentId);
    }

    @PostMapping("/pilot-applications/{id}/submission")
    ApplicationView submit(@PathVariable UUID id) {
        return ApplicationView.of(service.submit(Actors.current(), id));
    }

    @PostMapping("/pilot-applications/{id}/withdrawal")
    ApplicationView withdraw(@PathVariable UUID id, @Valid @RequestBody(required = false) WithdrawRequest request) {
        return ApplicationView.of(service.withdraw(Actors.current(), id, request == null ? null : request.reason()));
    }

    @PostMapping("/pilot-applications/{id}/opinions")
    ApplicationView decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request) {
        return ApplicationView.of(service.decide(Actors.current(), id, request.decision(), request.opinion()));
    }

    @GetMapping("/pilot-applications/{id}/opinions")
    List<ApprovalOpinion> opinions(@PathVariable UUID id) {
        return service.opinions(Actors.current(), id);
    }

    record AmendmentRequest(@NotBlank @Size(max = 2000) String opinion) {
    }

    /** 修改审核意见 (an amendment kept beside the original, see {@link PilotApprovalService#amendOpinion}). */
    @PostMapping("/pilot-applications/{id}/opinions/{opinionId}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    ApprovalOpinion amendOpinion(@PathVariable UUID id, @PathVariable UUID opinionId,
                                 @Valid @RequestBody AmendmentRequest request) {
        return service.amendOpinion(Actors.current(), id, opinionId, request.opinion());
    }

    /**
     * 下载导出审核意见: the opinions of an application and of its terminations, all or of one step (e.g. only the
     * city/county units' review, or the local customs' discovery record), each with who, when and its hash; readable
     * by whoever may read the application.
     */
    @GetMapping("/pilot-applications/{id}/opinions/export")
    ResponseEntity<byte[]> exportOpinions(@PathVariable UUID id,
                                          @RequestParam(required = false) @jakarta.validation.constraints.Pattern(
                                                  regexp = "[a-zA-Z]{3,64}") String step) {
        List<ApprovalOpinion> opinions = service.opinions(Actors.current(), id).stream()
                .filter(o -> step == null || o.step().equals(step)).toList();
        byte[] body = cn.hnsw.tradewindow.support.Xlsx.write("审核意见", List.of("类别 Case", "环节 Step", "单位 Unit",
                        "审核人 By", "结论 Decision", "意见 Opinion", "时间 At", "存证哈希 Hash"), opinions,
                o -> new Object[]{o.caseKind(), o.step(), o.unitOrg() == null ? "" : o.unitOrg(), o.actorName(),
                        o.decision(), o.opinion(), o.createdAt().toString(), o.recordHash()});
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("pilot-opinions-" + id + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(cn.hnsw.tradewindow.support.Xlsx.CONTENT_TYPE))
                .body(body);
    }

    @GetMapping("/pilot-applications/{id}/opinions/verification")
    List<PilotApprovalService.OpinionCheck> verify(@PathVariable UUID id) {
        return service.verifyOpinions(Actors.current(), id);
    }

    @PostMapping("/pilot-applications/{id}/copies")
    @ResponseStatus(HttpStatus.CREATED)
    PilotRecordsRepository.CaseCopy copy(@PathVariable UUID id, @Valid @RequestBody CopyRequest request) {
        return service.copyTo(Actors.current(), id, request.toOrg(), request.note());
    }

    @PostMapping("/pilot-applications/{id}/terminations")
    @ResponseStatus(HttpStatus.CREATED)
    PilotRecordsRepository.TerminationCase terminate(@PathVariable UUID id,
                                                     @Valid @RequestBody TerminationRequest request) {
        return service.startTermination(Actors.current(), id, request.discoveryRecord(), request.blacklistReason());
    }

    record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** 撤销市县单位发现记录 / 撤销属地海关发现记录, by the unit that started the termination, before any level decided. */
    @PostMapping("/pilot-applications/{id}/terminations/{terminationId}/withdrawal")
    PilotRecordsRepository.TerminationCase withdrawTermination(@PathVariable UUID id, @PathVariable UUID terminationId,
                                                              @Valid @RequestBody WithdrawalRequest request) {
        return service.withdrawTermination(Actors.current(), id, terminationId, request.reason());
    }

    /** 预览打印 the approval record (PDF): inline for the browser's print preview, or as an attachment. */
    @GetMapping("/pilot-applications/{id}/record")
    ResponseEntity<byte[]> record(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download) {
        byte[] pdf = recordPdf.render(Actors.current(), id);
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename("pilot-approval-record-" + id + ".pdf", StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @GetMapping("/pilot-applications/{id}/terminations")
    List<PilotRecordsRepository.TerminationCase> terminations(@PathVariable UUID id) {
        return service.terminations(Actors.current(), id);
    }

    /** 区外试点企业（产品）清单. */
    @GetMapping("/pilot-list")
    List<ApplicationView> approvedList() {
        if (Actors.current().isEnterpriseUser()) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        return service.approvedList().stream().map(ApplicationView::of).toList();
    }
}
