package cn.hnsw.customs.console;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.DeclarationRequest;
import cn.hnsw.customs.declaration.DeclarationService;
import cn.hnsw.customs.parameter.ClearanceParameterService;
import cn.hnsw.customs.parameter.ParameterEntry;
import cn.hnsw.customs.validation.ValidationReport;
import cn.hnsw.customs.validation.ValidationRuleService;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
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

    OpenInterfaceController(ServiceAccess access, ClearanceParameterService parameters, DeclarationService declarations,
                            ValidationRuleService rules) {
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
}
