package cn.hnsw.customs.secondline;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.SaveResult;
import cn.hnsw.customs.declaration.SubmissionResult;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 二线内销 API: verification lists (pull, check, generate a declaration), their rules, the consolidated declaration,
 * arrival reports of supervised sites, data subscriptions and the comprehensive query. Enterprises act on their own
 * records; officers and operators read all and keep the rules and the sites.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/second-line")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
class SecondLineController {

    private static final String RULE_KEEPERS = "hasAnyRole('customs-officer', 'sw-operator', 'platform-admin')";

    private final SecondLineService lists;
    private final ConsolidatedDeclarationService consolidated;
    private final ArrivalReportService arrivals;
    private final SubscriptionService subscriptions;
    private final SecondLineQueryService query;
    private final SecondLineStatistics statistics;
    private final SecondLineExports exports;

    SecondLineController(SecondLineService lists, ConsolidatedDeclarationService consolidated,
                         ArrivalReportService arrivals, SubscriptionService subscriptions, SecondLineQueryService query,
                         SecondLineStatistics statistics, SecondLineExports exports) {
        this.statistics = statistics;
        this.exports = exports;
        this.lists = lists;
        this.consolidated = consolidated;
        this.arrivals = arrivals;
        this.subscriptions = subscriptions;
        this.query = query;
    }

    record PullRequest(String listNo, LocalDate from, LocalDate to) {
    }

    @PostMapping("/verification-lists/pulls")
    SecondLineService.PullResult pull(@RequestBody PullRequest request) {
        return lists.pull(Actors.current(), request.listNo(), request.from(), request.to());
    }

    @GetMapping("/verification-lists/pulls")
    List<VerificationListRepository.PullRecord> pulls() {
        return lists.pulls(Actors.current());
    }

    @GetMapping("/verification-lists")
    PageResponse<VerificationList> search(@RequestParam(required = false) String enterprise,
                                          @RequestParam(required = false) String listType,
                                          @RequestParam(required = false) VerificationList.Status status,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return lists.search(Actors.current(), enterprise, listType, status, from, to, PageQuery.of(page, size));
    }

    @GetMapping("/verification-lists/{id}")
    VerificationList get(@PathVariable UUID id) {
        return lists.get(Actors.current(), id);
    }

    @PostMapping("/verification-lists/{id}/check")
    VerificationList recheck(@PathVariable UUID id) {
        return lists.recheck(Actors.current(), id);
    }

    @PostMapping("/verification-lists/{id}/declaration")
    @ResponseStatus(HttpStatus.CREATED)
    SaveResult generate(@PathVariable UUID id,
                        @RequestParam(defaultValue = "SECOND_LINE_DOMESTIC_SALE") cn.hnsw.customs.declaration.DeclarationType type) {
        return lists.generateDeclaration(Actors.current(), id, type);
    }

    /** 调取规则查询 (FP 263–269): conditions and paging. */
    @GetMapping("/rules/fill")
    PageResponse<SecondLineRules.FillRule> fillRules(@RequestParam(required = false) String scope,
                                                     @RequestParam(required = false) Boolean enabled,
                                                     @RequestParam(required = false) String q,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        return lists.fillRules(scope, enabled, q, PageQuery.of(page, size));
    }

    @GetMapping("/rules/fill/{id}/history")
    @PreAuthorize(RULE_KEEPERS)
    List<SecondLineRules.LogEntry> fillRuleHistory(@PathVariable String id) {
        return lists.ruleHistory(SecondLineService.FILL, id);
    }

    @PostMapping("/rules/fill")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RULE_KEEPERS)
    SecondLineRules.FillRule addFillRule(@RequestBody SecondLineRules.FillRule rule) {
        return lists.addFillRule(fillRule(rule.id(), rule), Actors.current().username());
    }

    @PutMapping("/rules/fill/{id}")
    @PreAuthorize(RULE_KEEPERS)
    SecondLineRules.FillRule saveFillRule(@PathVariable String id, @RequestBody SecondLineRules.FillRule rule) {
        return lists.saveFillRule(fillRule(id, rule), Actors.current().username());
    }

    record Enabling(boolean enabled) {
    }

    @PutMapping("/rules/fill/{id}/enabled")
    @PreAuthorize(RULE_KEEPERS)
    SecondLineRules.FillRule enableFillRule(@PathVariable String id, @RequestBody Enabling enabling) {
        return lists.enableFillRule(id, enabling.enabled(), Actors.current().username());
    }

    @DeleteMapping("/rules/fill/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(RULE_KEEPERS)
    void deleteFillRule(@PathVariable String id) {
        lists.deleteFillRule(id, Actors.current().username());
    }

    private static SecondLineRules.FillRule fillRule(String id, SecondLineRules.FillRule rule) {
        return new SecondLineRules.FillRule(id, rule.scope(), rule.targetField(), rule.sourceField(),
                rule.constant(), rule.onlyIfBlank(), rule.enabled(), rule.sort(), rule.descriptionZh(),
                rule.descriptionEn(), 0, null, null);
    }

    @GetMapping("/rules/write-off")
    List<SecondLineRules.WriteOffRule> writeOffRules() {
        return lists.writeOffRules();
    }

    record WriteOffChange(String basis, String moment, boolean allowPartial, boolean enabled) {
    }

    @PutMapping("/rules/write-off/{listType}")
    @PreAuthorize(RULE_KEEPERS)
    SecondLineRules.WriteOffRule changeWriteOff(@PathVariable String listType, @RequestBody WriteOffChange change) {
        return lists.changeWriteOffRule(listType, change.basis(), change.moment(), change.allowPartial(),
                change.enabled(), Actors.current().username());
    }

    @GetMapping("/rules/write-off/{listType}/history")
    @PreAuthorize(RULE_KEEPERS)
    List<SecondLineRules.LogEntry> writeOffHistory(@PathVariable String listType) {
        return lists.ruleHistory(SecondLineService.WRITE_OFF, listType);
    }

    /** 核注清单校验规则查询 (FP 281–287): conditions and paging. */
    @GetMapping("/rules/checks")
    PageResponse<SecondLineRules.ListCheck> checks(@RequestParam(required = false) String family,
                                                   @RequestParam(required = false) Boolean enabled,
                                                   @RequestParam(required = false) String q,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size) {
        return lists.checks(family, enabled, q, PageQuery.of(page, size));
    }

    @GetMapping("/rules/checks/{code}/history")
    @PreAuthorize(RULE_KEEPERS)
    List<SecondLineRules.LogEntry> checkHistory(@PathVariable String code) {
        return lists.ruleHistory(SecondLineService.CHECK, code);
    }

    record CheckChange(boolean enabled, String parameter, String messageZh, String messageEn) {
    }

    record NewCheck(String code, String kind, boolean enabled, String messageZh, String messageEn, String parameter) {
    }

    @PostMapping("/rules/checks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RULE_KEEPERS)
    SecondLineRules.ListCheck addCheck(@RequestBody NewCheck check) {
        return lists.addCheck(check.code(), check.kind(), check.enabled(), check.messageZh(), check.messageEn(),
                check.parameter(), Actors.current().username());
    }

    @PutMapping("/rules/checks/{code}")
    @PreAuthorize(RULE_KEEPERS)
    SecondLineRules.ListCheck changeCheck(@PathVariable String code, @RequestBody CheckChange change) {
        return lists.changeCheck(code, change.enabled(), change.parameter(), change.messageZh(), change.messageEn(),
                Actors.current().username());
    }

    @DeleteMapping("/rules/checks/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(RULE_KEEPERS)
    void deleteCheck(@PathVariable String code) {
        lists.deleteCheck(code, Actors.current().username());
    }

    record ConsolidationRequest(String period, String ledgerNo) {
    }

    @PostMapping("/consolidated-lists")
    @ResponseStatus(HttpStatus.CREATED)
    ConsolidatedList consolidate(@RequestBody ConsolidationRequest request) {
        return consolidated.build(Actors.current(), request.period(), request.ledgerNo());
    }

    @GetMapping("/consolidated-lists")
    List<ConsolidatedList> consolidatedLists(@RequestParam(required = false) String enterprise) {
        return consolidated.list(Actors.current(), enterprise);
    }

    @GetMapping("/consolidated-lists/{id}")
    Map<String, Object> consolidatedList(@PathVariable UUID id) {
        return consolidated.detail(Actors.current(), id);
    }

    @PostMapping("/consolidated-lists/{id}/submission")
    ConsolidatedList submitConsolidated(@PathVariable UUID id) {
        return consolidated.submit(Actors.current(), id);
    }

    @PostMapping("/consolidated-lists/{id}/declaration")
    SubmissionResult declareConsolidated(@PathVariable UUID id) {
        return consolidated.declare(Actors.current(), id);
    }

    @GetMapping("/sites")
    List<ArrivalReportRepository.Site> sites() {
        return arrivals.sites();
    }

    @PutMapping("/sites/{code}")
    @PreAuthorize(RULE_KEEPERS)
    ArrivalReportRepository.Site saveSite(@PathVariable String code, @RequestBody ArrivalReportRepository.Site site) {
        return arrivals.saveSite(new ArrivalReportRepository.Site(code, site.nameZh(), site.nameEn(), site.customsCode(),
                site.operatorUscc(), site.operatorName(), site.enabled()), Actors.current().username());
    }

    @PostMapping("/arrival-reports")
    @ResponseStatus(HttpStatus.CREATED)
    ArrivalReport createArrival(@RequestBody ArrivalReportService.ArrivalRequest request) {
        return arrivals.create(Actors.current(), request);
    }

    @PutMapping("/arrival-reports/{id}")
    ArrivalReport updateArrival(@PathVariable UUID id, @RequestBody ArrivalReportService.ArrivalRequest request) {
        return arrivals.update(Actors.current(), id, request);
    }

    @PostMapping("/arrival-reports/{id}/declaration")
    ArrivalReport declareArrival(@PathVariable UUID id) {
        return arrivals.declare(Actors.current(), id);
    }

    @GetMapping("/arrival-reports")
    List<ArrivalReport> arrivals(@RequestParam(required = false) String siteCode) {
        return arrivals.list(Actors.current(), siteCode);
    }

    @GetMapping("/arrival-reports/{id}")
    Map<String, Object> arrival(@PathVariable UUID id) {
        return arrivals.detail(Actors.current(), id);
    }

    record SubscriptionRequest(SubscriptionService.Content content, LocalDate validFrom, LocalDate validTo) {
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionService.Subscription subscribe(@RequestBody SubscriptionRequest request) {
        return subscriptions.subscribe(Actors.current(), request.content(), request.validFrom(), request.validTo());
    }

    @GetMapping("/subscriptions")
    List<SubscriptionService.Subscription> subscriptionsOf(@RequestParam(required = false) String enterprise) {
        return subscriptions.list(Actors.current(), enterprise);
    }

    record Extension(LocalDate validTo) {
    }

    @PostMapping("/subscriptions/{id}/extension")
    SubscriptionService.Subscription extend(@PathVariable UUID id, @RequestBody Extension extension) {
        return subscriptions.extend(Actors.current(), id, extension.validTo());
    }

    @PostMapping("/subscriptions/{id}/cancellation")
    SubscriptionService.Subscription cancel(@PathVariable UUID id) {
        return subscriptions.cancel(Actors.current(), id);
    }

    @GetMapping("/subscriptions/{id}/deliveries")
    List<SubscriptionService.Delivery> deliveries(@PathVariable UUID id) {
        return subscriptions.deliveries(Actors.current(), id);
    }

    @GetMapping("/subscriptions/{id}/monitor")
    SubscriptionService.Monitor monitor(@PathVariable UUID id) {
        return subscriptions.monitor(Actors.current(), id, java.time.Instant.now());
    }

    @GetMapping("/query")
    PageResponse<SecondLineQueryService.Row> query(@RequestParam(required = false) String enterprise,
                                                   @RequestParam(required = false) String preEntryNo,
                                                   @RequestParam(required = false) String customsNo,
                                                   @RequestParam(required = false) String verificationListNo,
                                                   @RequestParam(required = false) String status,
                                                   @RequestParam(required = false) String arrivalStatus,
                                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size) {
        return query.query(Actors.current(), new SecondLineQueryService.Filter(enterprise, preEntryNo, customsNo,
                verificationListNo, status, arrivalStatus, from, to), PageQuery.of(page, size));
    }

    /** 二线报关单统计 (FP 442–455): one dimension; {@code period} MONTH|QUARTER|YEAR for the PERIOD dimension. */
    @GetMapping("/statistics")
    SecondLineStatistics.Result statistics(@RequestParam String dimension,
                                           @RequestParam(required = false) String period,
                                           @RequestParam(required = false) String enterprise,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return statistics.count(Actors.current(), dimension, period, enterprise, from, to);
    }

    /** 统计结果导出Excel (FP 456): the dimensions asked for (all when none), one sheet each. */
    @GetMapping("/statistics/export")
    ResponseEntity<byte[]> exportStatistics(@RequestParam(required = false) List<String> dimension,
                                            @RequestParam(required = false) String period,
                                            @RequestParam(required = false) String enterprise,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return xlsx(statistics.export(Actors.current(), dimension, period, enterprise, from, to), "二线报关单统计.xlsx");
    }

    /** 调取结果导出 (FP 253, 994): the pulled lists (same filters as the list) and the pull records. */
    @GetMapping("/verification-lists/export")
    ResponseEntity<byte[]> exportLists(@RequestParam(required = false) String enterprise,
                                       @RequestParam(required = false) String listType,
                                       @RequestParam(required = false) VerificationList.Status status,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return xlsx(exports.verificationLists(Actors.current(), enterprise, listType, status, from, to), "核注清单调取结果.xlsx");
    }

    /** 订阅记录导出 (FP 470). */
    @GetMapping("/subscriptions/export")
    ResponseEntity<byte[]> exportSubscriptions(@RequestParam(required = false) String enterprise) {
        return xlsx(exports.subscriptions(Actors.current(), enterprise), "二线报关单订阅记录.xlsx");
    }

    private static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
