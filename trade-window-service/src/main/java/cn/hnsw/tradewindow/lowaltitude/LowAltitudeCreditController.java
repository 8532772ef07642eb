package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.Actors;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeCreditService.Correction;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeCreditService.CreditReport;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeCreditService.Notice;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeCreditService.Warning;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeCreditService.WarningModel;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeRepository.Report;
import cn.hnsw.tradewindow.support.Docx;
import cn.hnsw.tradewindow.support.Xlsx;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
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

import java.util.List;
import java.util.function.Function;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * S2 government end: warning models and warnings, credit reports, the negative list, credit-data corrections,
 * notices, and the Excel exports of reports, warnings, the negative list and notices.
 */
@RestController
@Validated
@RequestMapping("/api/trade-window/v1/low-altitude")
class LowAltitudeCreditController {

    private final LowAltitudeCreditService credit;
    private final LowAltitudeReportingService reporting;
    private final LowAltitudePrints prints;

    LowAltitudeCreditController(LowAltitudeCreditService credit, LowAltitudeReportingService reporting,
                                LowAltitudePrints prints) {
        this.credit = credit;
        this.reporting = reporting;
        this.prints = prints;
    }

    // --- warning models and warnings --------------------------------------------------------------------------

    record ModelRequest(@Min(1) @Max(366) int windowDays, @Min(1) int maxFlightsPerAircraft,
                        @Min(1) int maxRefusedPerSubject, @Min(1) int maxItemsPerFlight, boolean enabled) {
    }

    @GetMapping("/warning-models")
    List<WarningModel> models() {
        return credit.models(Actors.current());
    }

    @PutMapping("/warning-models/{activity}")
    WarningModel saveModel(@PathVariable @Pattern(regexp = "CARGO|PASSENGER") String activity,
                           @Valid @RequestBody ModelRequest r) {
        return credit.saveModel(Actors.current(), new WarningModel(activity, r.windowDays(), r.maxFlightsPerAircraft(),
                r.maxRefusedPerSubject(), r.maxItemsPerFlight(), r.enabled(), null, null));
    }

    @GetMapping("/warning-models/{activity}/data")
    List<Map<String, Object>> modelData(@PathVariable @Pattern(regexp = "CARGO|PASSENGER") String activity) {
        return credit.modelData(Actors.current(), activity);
    }

    @PostMapping("/warnings/scan")
    Map<String, Integer> scan() {
        credit.models(Actors.current()); // reviewers only
        return Map.of("raised", credit.scan());
    }

    @GetMapping("/warnings")
    List<Warning> warnings(@RequestParam(required = false) @Pattern(regexp = "CARGO|PASSENGER") String activity,
                           @RequestParam(required = false) @Pattern(regexp = "NEW|PROCESSED") String status,
                           @RequestParam(required = false) UUID subjectId) {
        return credit.warnings(Actors.current(), activity, status, subjectId);
    }

    record ProcessRequest(@NotBlank @Size(max = 1000) String note) {
    }

    @PostMapping("/warnings/{id}/processing")
    Warning process(@PathVariable UUID id, @Valid @RequestBody ProcessRequest r) {
        return credit.process(Actors.current(), id, r.note());
    }

    record DeleteRequest(@NotNull @Size(max = 500) List<UUID> ids) {
    }

    @PostMapping("/warnings/deletion")
    Map<String, Integer> deleteWarnings(@Valid @RequestBody DeleteRequest r) {
        return Map.of("deleted", credit.deleteWarnings(Actors.current(), r.ids()));
    }

    @GetMapping("/warnings/export")
    ResponseEntity<byte[]> exportWarnings(@RequestParam(required = false) @Pattern(regexp = "CARGO|PASSENGER") String activity,
                                          @RequestParam(required = false) @Pattern(regexp = "NEW|PROCESSED") String status) {
        return xlsx("low-altitude-warnings", "预警信息", List.of("活动 Activity", "规则 Rule", "报送主体 Subject",
                        "观测值 Observed", "阈值 Threshold", "说明 Detail", "状态 Status", "时间 Time", "处理人 Processed by"),
                credit.warnings(Actors.current(), activity, status, null),
                w -> new Object[]{w.activity(), w.rule(), w.subjectName(), w.observed(), w.threshold(), w.detail(),
                        w.status(), w.createdAt(), w.processedBy()});
    }

    // --- credit reports and the negative list -----------------------------------------------------------------

    @PostMapping("/subjects/{id}/credit-reports")
    @ResponseStatus(HttpStatus.CREATED)
    CreditReport generateReport(@PathVariable UUID id) {
        return credit.generateReport(Actors.current(), id);
    }

    @GetMapping("/credit-reports")
    List<CreditReport> creditReports(@RequestParam(required = false) UUID subjectId) {
        return credit.reports(Actors.current(), subjectId);
    }

    @GetMapping("/negative-list")
    List<Map<String, Object>> negativeList() {
        return credit.negativeList(Actors.current());
    }

    @GetMapping("/negative-list/export")
    ResponseEntity<byte[]> exportNegativeList() {
        return xlsx("low-altitude-negative-list", "负面清单", List.of("报送主体 Subject", "类别 Kind",
                        "证件号 Certificate", "评分 Score", "原因 Reason", "列入时间 Listed at"), credit.negativeList(Actors.current()),
                n -> new Object[]{n.get("name"), n.get("kind"), n.get("certificate_no"), n.get("score"), n.get("reason"),
                        n.get("listed_at")});
    }

    // --- credit-data corrections ------------------------------------------------------------------------------

    record CorrectionRequest(@NotNull UUID subjectId, @NotNull UUID recordId, @NotBlank @Size(max = 2000) String reason,
                             @Size(max = 2000) String evidence) {
    }

    record CorrectionChange(@NotBlank @Size(max = 2000) String reason, @Size(max = 2000) String evidence) {
    }

    record CorrectionDecision(boolean approve, @NotBlank @Size(max = 1000) String opinion) {
    }

    @PostMapping("/credit-corrections")
    @ResponseStatus(HttpStatus.CREATED)
    Correction draft(@Valid @RequestBody CorrectionRequest r) {
        return credit.draft(Actors.current(), r.subjectId(), r.recordId(), r.reason(), r.evidence());
    }

    @GetMapping("/credit-corrections")
    List<Correction> corrections(@RequestParam(required = false) String status) {
        return credit.corrections(Actors.current(), status);
    }

    @PutMapping("/credit-corrections/{id}")
    Correction modify(@PathVariable UUID id, @Valid @RequestBody CorrectionChange r) {
        return credit.modify(Actors.current(), id, r.reason(), r.evidence());
    }

    @DeleteMapping("/credit-corrections/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        credit.delete(Actors.current(), id);
    }

    @PostMapping("/credit-corrections/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    Correction copy(@PathVariable UUID id) {
        return credit.copy(Actors.current(), id);
    }

    @PostMapping("/credit-corrections/{id}/declaration")
    Correction declare(@PathVariable UUID id) {
        return credit.declare(Actors.current(), id);
    }

    @PostMapping("/credit-corrections/{id}/revocation")
    Correction revoke(@PathVariable UUID id) {
        return credit.revoke(Actors.current(), id);
    }

    @PostMapping("/credit-corrections/{id}/review")
    Correction decide(@PathVariable UUID id, @Valid @RequestBody CorrectionDecision r) {
        return credit.decide(Actors.current(), id, r.approve(), r.opinion());
    }

    record ChangeRequest(@NotBlank @Size(max = 2000) String reason, @Size(max = 2000) String evidence,
                         @NotBlank @Size(max = 1000) String why) {
    }

    record ChangeDecision(boolean accept, @NotBlank @Size(max = 1000) String opinion) {
    }

    /** 变更申请 (FP 383) of a declared correction. */
    @PostMapping("/credit-corrections/{id}/change-requests")
    @ResponseStatus(HttpStatus.CREATED)
    LowAltitudeCreditService.CorrectionChangeRequest requestChange(@PathVariable UUID id,
                                                                   @Valid @RequestBody ChangeRequest r) {
        return credit.requestChange(Actors.current(), id, r.reason(), r.evidence(), r.why());
    }

    @GetMapping("/credit-corrections/{id}/change-requests")
    List<LowAltitudeCreditService.CorrectionChangeRequest> changes(@PathVariable UUID id) {
        return credit.changes(Actors.current(), id);
    }

    @PostMapping("/credit-corrections/{id}/change-requests/decision")
    Correction decideChange(@PathVariable UUID id, @Valid @RequestBody ChangeDecision r) {
        return credit.decideChange(Actors.current(), id, r.accept(), r.opinion());
    }

    // --- notices ----------------------------------------------------------------------------------------------

    record NoticeRequest(@NotBlank @Pattern(regexp = "POLICY|ANNOUNCEMENT") String kind,
                         @NotBlank @Size(max = 200) String titleZh, @NotBlank @Size(max = 300) String titleEn,
                         @NotBlank @Size(max = 20000) String bodyZh, @NotBlank @Size(max = 20000) String bodyEn) {
    }

    @GetMapping("/notices")
    List<Notice> notices(@RequestParam(required = false) @Pattern(regexp = "POLICY|ANNOUNCEMENT") String kind) {
        return credit.notices(kind);
    }

    @GetMapping("/notices/{id}")
    Notice notice(@PathVariable UUID id) {
        return credit.notice(id);
    }

    @PostMapping("/notices")
    @ResponseStatus(HttpStatus.CREATED)
    Notice publish(@Valid @RequestBody NoticeRequest r) {
        return credit.publish(Actors.current(), r.kind(), r.titleZh(), r.titleEn(), r.bodyZh(), r.bodyEn());
    }

    @DeleteMapping("/notices/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteNotice(@PathVariable UUID id) {
        credit.deleteNotice(Actors.current(), id);
    }

    @GetMapping("/notices/export")
    ResponseEntity<byte[]> exportNotices(@RequestParam(required = false) @Pattern(regexp = "POLICY|ANNOUNCEMENT") String kind) {
        return xlsx("low-altitude-notices", "政策与公告", List.of("类别 Kind", "标题 Title", "Title",
                        "发布人 Published by", "发布时间 Published at"), credit.notices(kind),
                n -> new Object[]{n.kind(), n.titleZh(), n.titleEn(), n.publishedBy(), n.publishedAt()});
    }

    // --- report list export (FP 262, 272, 306) ----------------------------------------------------------------

    /**
     * 打印 and 导出 of the report list: {@code format} xlsx (Excel), docx (Word) or pdf; {@code print=true} answers the
     * PDF inline for the browser's print preview. Reporters get their own reports, reviewers all.
     */
    @GetMapping("/reports/export")
    ResponseEntity<byte[]> exportReports(@RequestParam(required = false) @Pattern(regexp = "CARGO|PASSENGER") String activity,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) @Pattern(regexp = "ORIGINAL|CORRECTION|WITHDRAWAL|SUPPLEMENT") String form,
                                         @RequestParam(defaultValue = "xlsx") @Pattern(regexp = "xlsx|docx|pdf") String format,
                                         @RequestParam(defaultValue = "false") boolean print) {
        List<Report> reports = reporting.reports(Actors.current(), activity, status, form);
        String f = print ? "pdf" : format;
        return LowAltitudeLogController.file("low-altitude-reports", f, print, switch (f) {
            case "docx" -> Docx.write("低慢小航空器活动报送信息 Low-altitude activity reports", LowAltitudePrints.REPORT_HEADERS,
                    reports, LowAltitudePrints::reportCells);
            case "pdf" -> prints.reportList(reports);
            default -> Xlsx.write("活动报送信息", LowAltitudePrints.REPORT_HEADERS, reports, LowAltitudePrints::reportCells);
        });
    }

    /** 下载/打印 one report (PDF): inline for the print preview, or as an attachment. */
    @GetMapping("/reports/{id}/print")
    ResponseEntity<byte[]> printReport(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download) {
        return LowAltitudeLogController.file("low-altitude-report-" + id, "pdf", !download,
                prints.report(Actors.current(), id));
    }

    /** 信用报告下载/打印 (PDF): for the subject's reporter or a reviewer. */
    @GetMapping("/credit-reports/{id}/print")
    ResponseEntity<byte[]> printCreditReport(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download) {
        return LowAltitudeLogController.file("low-altitude-credit-report-" + id, "pdf", !download,
                prints.creditReport(Actors.current(), id));
    }

    private static <T> ResponseEntity<byte[]> xlsx(String file, String sheet, List<String> headers, List<T> rows,
                                                   Function<T, Object[]> cells) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(Xlsx.CONTENT_TYPE))
                .body(Xlsx.write(sheet, headers, rows, cells));
    }
}
