package cn.hnsw.customs.declaration;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.exchange.ReceiptView;
import cn.hnsw.customs.validation.ValidationReport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 报关单 API for the four declaration modules: enterprises enter and declare their own declarations; customs
 * officers and single-window operators read all.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/declarations")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
class DeclarationController {

    private final DeclarationService service;
    private final PrintTemplates printTemplates;

    DeclarationController(DeclarationService service, PrintTemplates printTemplates) {
        this.service = service;
        this.printTemplates = printTemplates;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SaveResult create(@Valid @RequestBody DeclarationRequest request) {
        return service.create(Actors.current(), request);
    }

    @PutMapping("/{id}")
    SaveResult update(@PathVariable UUID id, @Valid @RequestBody DeclarationRequest request) {
        return service.update(Actors.current(), id, request);
    }

    @GetMapping
    PageResponse<DeclarationSummary> search(@RequestParam(required = false) DeclarationType type,
                                            @RequestParam(required = false) DeclarationStatus status,
                                            @RequestParam(required = false) String preEntryNo,
                                            @RequestParam(required = false) String billOfLadingNo,
                                            @RequestParam(required = false) String enterprise,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                            @RequestParam(required = false) String hsCode,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        return service.search(Actors.current(), new DeclarationSearch(enterprise, type, status, blankToNull(preEntryNo),
                blankToNull(billOfLadingNo), from, to, blankToNull(hsCode)), PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    DeclarationDocument get(@PathVariable UUID id) {
        return service.get(Actors.current(), id);
    }

    @GetMapping(value = "/{id}/print", produces = "text/html;charset=UTF-8")
    String print(@PathVariable UUID id) {
        return printTemplates.print(service.get(Actors.current(), id));
    }

    @GetMapping("/{id}/receipts")
    List<ReceiptView> receipts(@PathVariable UUID id) {
        return service.receiptsOf(Actors.current(), id);
    }

    @PostMapping("/{id}/copies")
    @ResponseStatus(HttpStatus.CREATED)
    SaveResult copy(@PathVariable UUID id) {
        return service.copy(Actors.current(), id);
    }

    @DeleteMapping("/{id}")
    DeclarationDocument delete(@PathVariable UUID id) {
        return service.delete(Actors.current(), id);
    }

    @PostMapping("/{id}/withdrawal")
    DeclarationDocument withdraw(@PathVariable UUID id) {
        return service.withdraw(Actors.current(), id);
    }

    @PostMapping("/{id}/prevalidation")
    ValidationReport prevalidate(@PathVariable UUID id) {
        return service.prevalidate(Actors.current(), id);
    }

    @PostMapping("/{id}/submission")
    SubmissionResult submit(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmWarnings) {
        return service.submit(Actors.current(), id, confirmWarnings);
    }

    /** 重新申报: an optional correction (the entry screen's data) is saved into the declaration before it is declared again. */
    @PostMapping("/{id}/resubmission")
    SubmissionResult resubmit(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmWarnings,
                              @Valid @RequestBody(required = false) DeclarationRequest correction) {
        return service.resubmit(Actors.current(), id, correction, confirmWarnings);
    }

    @PostMapping("/batch-submission")
    List<SubmissionResult> submitBatch(@Valid @RequestBody BatchSubmission request) {
        return service.submitBatch(Actors.current(), request.ids(), request.confirmWarnings());
    }

    /** The declarant's choice among several matching manifest records (FP 214). */
    record ManifestChoice(String candidateId) {
    }

    @PostMapping("/{id}/manifest-backfill")
    SaveResult backfill(@PathVariable UUID id, @RequestBody(required = false) ManifestChoice choice) {
        return service.backfillFromManifest(Actors.current(), id, choice == null ? null : choice.candidateId());
    }

    @GetMapping("/{id}/attached-documents")
    List<SupervisionDocuments.Document> attachedDocuments(@PathVariable UUID id) {
        return service.attachedDocuments(Actors.current(), id);
    }

    @PutMapping("/{id}/attached-documents")
    List<SupervisionDocuments.Document> replaceAttachedDocuments(@PathVariable UUID id,
                                                                 @RequestBody List<SupervisionDocuments.Document> documents) {
        return service.replaceAttachedDocuments(Actors.current(), id, documents);
    }

    @GetMapping("/{id}/manifest-candidates")
    List<DeclarationService.ManifestCandidate> manifestCandidates(@PathVariable UUID id) {
        return service.manifestCandidates(Actors.current(), id);
    }

    @PostMapping("/{id}/redistribution")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    DeclarationDocument redistribute(@PathVariable UUID id) {
        return service.redistribute(id);
    }

    record BatchSubmission(@NotEmpty @Size(max = DeclarationService.MAX_BATCH) List<UUID> ids, boolean confirmWarnings) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
