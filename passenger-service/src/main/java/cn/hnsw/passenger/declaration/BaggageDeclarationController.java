package cn.hnsw.passenger.declaration;

import cn.hnsw.passenger.clearance.AccessLog;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.passenger.settings.SettingStore;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 出岛人员行李物品申报 / 修改 / 删除 / 查询, and the officers' validation and display settings. */
@RestController
@RequestMapping("${hnsw.api.base}/v1")
class BaggageDeclarationController {

    static final String TRAVELER = "hasRole('traveler')";
    static final String ANY = "hasAnyRole('traveler','customs-officer','customs-reviewer','customs-finance','sw-operator','platform-admin')";
    static final String OFFICER = "hasAnyRole('customs-officer','customs-reviewer','customs-finance','sw-operator','platform-admin')";
    static final String RULE_EDITOR = "hasAnyRole('customs-officer','platform-admin')";
    static final String DISPLAY_SETTINGS = "display";
    static final List<String> DEFAULT_DISPLAY = List.of("declarationNo", "status", "port", "departureDate",
            "transportMode", "ticketNo", "items", "decisionReason", "taxDue", "updatedAt");

    private final DeclarationService service;
    private final SettingStore settings;
    private final AccessLog accessLog;

    BaggageDeclarationController(DeclarationService service, SettingStore settings, AccessLog accessLog) {
        this.service = service;
        this.settings = settings;
        this.accessLog = accessLog;
    }

    record DeletionRequest(String reason) {
    }

    record PreviewResponse(boolean valid, List<FieldViolation> violations, DeclarationContent content) {
    }

    record DisplaySettings(List<String> fields) {
    }

    @PostMapping("/declarations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(TRAVELER)
    DeclarationView submit(@RequestBody DeclarationContent content) {
        return DeclarationView.of(service.submit(Actors.current(), content), null);
    }

    @PostMapping("/declarations/preview")
    @PreAuthorize(TRAVELER)
    PreviewResponse preview(@RequestBody DeclarationContent content) {
        List<FieldViolation> violations = service.preview(content);
        return new PreviewResponse(violations.isEmpty(), violations, content);
    }

    @PutMapping("/declarations/{id}")
    @PreAuthorize(TRAVELER)
    DeclarationView modify(@PathVariable UUID id, @RequestBody DeclarationContent content) {
        return DeclarationView.of(service.modify(Actors.current(), id, content), null);
    }

    @PostMapping("/declarations/{id}/deletion")
    @PreAuthorize(TRAVELER)
    DeclarationView delete(@PathVariable UUID id, @RequestBody(required = false) DeletionRequest request) {
        return DeclarationView.of(service.requestDeletion(Actors.current(), id,
                request == null ? null : request.reason()), null);
    }

    @GetMapping("/declarations/{id}")
    @PreAuthorize(ANY)
    DeclarationView detail(@PathVariable UUID id) {
        CurrentActor actor = Actors.current();
        BaggageDeclaration d = service.visible(actor, id);
        return DeclarationView.of(d, DeclarationService.isOfficer(actor) ? service.dispatchState(id) : null);
    }

    @GetMapping("/declarations")
    @PreAuthorize(ANY)
    PageResponse<DeclarationView> list(@RequestParam(required = false) DeclarationStatus status,
                                       @RequestParam(required = false) SecondLinePort port,
                                       @RequestParam(required = false) LocalDate from,
                                       @RequestParam(required = false) LocalDate to,
                                       @RequestParam(required = false) String declarationNo,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       jakarta.servlet.http.HttpServletRequest request) {
        PageResponse<DeclarationView> found = service.search(Actors.current(),
                        new DeclarationRepository.Filter(null, status, port, from, to, declarationNo),
                        PageQuery.of(page, size))
                .map(d -> DeclarationView.of(d, null));
        accessLog.read(cn.hnsw.common.audit.AuditContext.clientIp(request), "CLEARANCE_QUERY", "BAGGAGE_DECLARATION",
                declarationNo, "status=" + status + " port=" + port + " from=" + from + " to=" + to + " found="
                        + found.totalElements());
        return found;
    }

    @PostMapping("/declarations/{id}/dispatch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('sw-operator','platform-admin')")
    void resend(@PathVariable UUID id) {
        service.retryDispatch(id, Actors.current());
    }

    @GetMapping("/validation-settings")
    @PreAuthorize(ANY)
    ValidationSettings validationSettings() {
        return service.validationSettings();
    }

    @PutMapping("/validation-settings")
    @PreAuthorize(RULE_EDITOR)
    Map<String, Object> saveValidationSettings(@RequestBody ValidationSettings newSettings) {
        int version = service.saveValidationSettings(newSettings, Actors.current());
        return Map.of("version", version, "settings", service.validationSettings());
    }

    @GetMapping("/display-settings")
    @PreAuthorize(ANY)
    DisplaySettings displaySettings() {
        return settings.current(DISPLAY_SETTINGS, DisplaySettings.class).map(SettingStore.Versioned::content)
                .orElse(new DisplaySettings(DEFAULT_DISPLAY));
    }

    @PutMapping("/display-settings")
    @PreAuthorize(RULE_EDITOR)
    DisplaySettings saveDisplaySettings(@RequestBody DisplaySettings display) {
        List<String> known = Arrays.stream(DeclarationView.class.getRecordComponents()).map(c -> c.getName()).toList();
        if (display.fields() == null || display.fields().isEmpty() || !known.containsAll(display.fields())) {
            throw new cn.hnsw.common.web.HnswException(DeclarationErrorCode.SETTINGS_INVALID,
                    "fields must be a non-empty subset of " + known);
        }
        settings.save(DISPLAY_SETTINGS, display, Actors.current().username());
        return display;
    }
}
