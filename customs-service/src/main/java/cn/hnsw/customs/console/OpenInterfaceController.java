package cn.hnsw.customs.console;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.classification.ClassificationService;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import cn.hnsw.customs.declaration.DeclarationType;
import cn.hnsw.customs.importing.DeclarationImportService;
import cn.hnsw.customs.importing.ImportReport;
import cn.hnsw.customs.secondline.SubscriptionService;
import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.DeclarationRequest;
import cn.hnsw.customs.declaration.DeclarationService;
import cn.hnsw.customs.parameter.ClearanceParameterService;
import cn.hnsw.customs.parameter.ParameterEntry;
import cn.hnsw.customs.validation.ValidationReport;
import cn.hnsw.customs.validation.ValidationRuleService;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The open interfaces an enterprise's own systems call once the enterprise enabled the service in its console
 * (对企服务接口): parameter query, declaration pre-validation without storing, commodity pre-classification lookup.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/open")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin')")
class OpenInterfaceController {

    /** The pre-entry number a declaration validated through the open interface carries: it is never stored. */
    static final String UNSTORED = "000000000000000000";

    private final ServiceAccess access;
    private final ClearanceParameterService parameters;
    private final DeclarationService declarations;
    private final ValidationRuleService rules;
    private final ClassificationService classification;
    private final DeclarationImportService imports;
    private final SubscriptionService subscriptions;

    OpenInterfaceController(ServiceAccess access, ClearanceParameterService parameters, DeclarationService declarations,
                            ValidationRuleService rules, ClassificationService classification,
                            DeclarationImportService imports, SubscriptionService subscriptions) {
        this.classification = classification;
        this.imports = imports;
        this.subscriptions = subscriptions;
        this.access = access;
        this.parameters = parameters;
        this.declarations = declarations;
        this.rules = rules;
    }

    @GetMapping("/parameters/{table}/entries")
    PageResponse<ParameterEntry> entries(@PathVariable String table, @RequestParam(required = false) String q,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        access.requireEnabled(Actors.current(), EnterpriseService.PARAMETER_QUERY);
        return parameters.entries(table, null, q, PageQuery.of(page, size));
    }

    @PostMapping("/prevalidation")
    ValidationReport prevalidate(@Valid @RequestBody DeclarationRequest request) {
        CurrentActor actor = Actors.current();
        access.requireEnabled(actor, EnterpriseService.PRE_VALIDATION);
        String enterprise = EnterpriseScope.restrictionFor(actor).orElseThrow();
        return declarations.validateUnsaved(CustomsDeclaration.draft(UNSTORED, request.declarationType(),
                request.importExport() != null ? request.importExport() : request.declarationType().defaultDirection(),
                enterprise, actor.displayName(), request.header(), request.items(), null, Instant.now()));
    }

    @GetMapping("/classification/{hsCode}")
    Map<String, Object> classification(@PathVariable String hsCode) {
        CurrentActor actor = Actors.current();
        access.requireEnabled(actor, EnterpriseService.PRE_CLASSIFICATION);
        String enterprise = EnterpriseScope.restrictionFor(actor).orElseThrow();
        boolean valid = hsCode.matches("\\d{10}");
        return Map.of("hsCode", hsCode, "valid", valid,
                "chapter", valid ? hsCode.substring(0, 2) : "",
                "heading", valid ? hsCode.substring(0, 4) : "",
                "zeroTariffWhitelisted", valid && rules.lookups().whitelisted(enterprise, hsCode));
    }

    /** 商品编码预归类 by goods name (FP 535–542), for the enterprise's own systems. */
    @GetMapping("/classification")
    ClassificationService.Classification classify(@RequestParam String name,
                                                  @RequestParam(required = false) String specification,
                                                  @RequestParam(required = false) Integer limit) {
        CurrentActor actor = Actors.current();
        access.requireEnabled(actor, EnterpriseService.PRE_CLASSIFICATION);
        return classification.classify(actor, name, specification, limit == null ? 5 : limit);
    }

    /**
     * 二线报关单导入服务 for the enterprise's ERP (FP 556–562, 599–604): the same import as the screen's, with its
     * row-level report, answered only while the enterprise enabled the service. Second-line types only.
     */
    @PostMapping(value = "/declarations/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importWorkbook(@RequestParam DeclarationType declarationType, @RequestPart("file") MultipartFile file) {
        CurrentActor actor = Actors.current();
        access.requireEnabled(actor, EnterpriseService.DECLARATION_IMPORT);
        if (declarationType != DeclarationType.SECOND_LINE_DOMESTIC_SALE
                && declarationType != DeclarationType.SECOND_LINE_GENERAL) {
            throw new HnswException(CustomsErrorCode.IMPORT_FILE_INVALID, "二线报关单导入服务仅导入二线报关单 / second-line declarations only");
        }
        DeclarationImportService.checkWorkbookFile(file.getOriginalFilename(), file.isEmpty());
        try {
            return imports.importWorkbook(actor, declarationType, file.getInputStream(), file.getOriginalFilename());
        } catch (IOException e) {
            throw new HnswException(CustomsErrorCode.IMPORT_FILE_INVALID, "unreadable");
        }
    }

    /** What an ERP's subscription request carries. */
    record SubscriptionRequest(SubscriptionService.Content content, LocalDate validFrom, LocalDate validTo) {
    }

    /** 二线报关单订阅服务 for the enterprise's ERP (FP 569–574, 605–610): subscribe, answered only while enabled. */
    @PostMapping("/second-line/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionService.Subscription subscribe(@RequestBody SubscriptionRequest request) {
        CurrentActor actor = Actors.current();
        access.requireEnabled(actor, EnterpriseService.SUBSCRIPTION);
        return subscriptions.subscribe(actor, request.content(), request.validFrom(), request.validTo());
    }

    @GetMapping("/second-line/subscriptions")
    List<SubscriptionService.Subscription> subscriptionsOf() {
        CurrentActor actor = Actors.current();
        access.requireEnabled(actor, EnterpriseService.SUBSCRIPTION);
        return subscriptions.list(actor, null);
    }
}
