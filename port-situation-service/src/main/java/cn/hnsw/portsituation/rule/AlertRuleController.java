package cn.hnsw.portsituation.rule;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** 预警规则维护 — alert rules as data; a condition that does not parse is refused on save and nothing is stored. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/alert-rules")
class AlertRuleController {

    private final AlertRuleRepository rules;
    private final RuleBook book;
    private final Clock clock;

    AlertRuleController(AlertRuleRepository rules, RuleBook book, Clock clock) {
        this.rules = rules;
        this.book = book;
        this.clock = clock;
    }

    record RuleRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
                       @NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn,
                       @NotNull RuleScope scope, @NotBlank @Size(max = 1000) String condition,
                       @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String alertType,
                       @NotNull Alert.Level level, @Min(0) @Max(86400) int cooldownSeconds, boolean enabled) {
    }

    record RuleView(UUID id, String code, String nameZh, String nameEn, RuleScope scope, String condition,
                    String alertType, Alert.Level level, long cooldownSeconds, boolean enabled, String updatedAt,
                    String updatedBy) {
        static RuleView of(AlertRule r) {
            return new RuleView(r.id(), r.code(), r.nameZh(), r.nameEn(), r.scope(), r.condition().text(),
                    r.alertType(), r.level(), r.cooldown().toSeconds(), r.enabled(), r.updatedAt().toString(),
                    r.updatedBy());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','maritime-officer','border-officer')")
    List<RuleView> list() {
        return rules.findAll().stream().map(RuleView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    RuleView create(@Valid @RequestBody RuleRequest request) {
        return save(UUID.randomUUID(), request);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    RuleView update(@PathVariable UUID id, @Valid @RequestBody RuleRequest request) {
        rules.find(id).orElseThrow(() -> new HnswException(RuleErrorCode.RULE_NOT_FOUND, id));
        return save(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    void delete(@PathVariable UUID id) {
        if (!rules.delete(id)) {
            throw new HnswException(RuleErrorCode.RULE_NOT_FOUND, id);
        }
        book.reload();
    }

    private RuleView save(UUID id, RuleRequest request) {
        RuleCondition condition = RuleCondition.compile(request.condition(), request.scope());
        if (rules.codeTaken(request.code(), id)) {
            throw new HnswException(RuleErrorCode.RULE_CODE_TAKEN, request.code());
        }
        AlertRule rule = new AlertRule(id, request.code(), request.nameZh(), request.nameEn(), request.scope(),
                condition, request.alertType(), request.level(), Duration.ofSeconds(request.cooldownSeconds()),
                request.enabled(), clock.instant(), Actors.current().username());
        rules.save(rule);
        book.reload();
        return RuleView.of(rule);
    }
}
