package cn.hnsw.customs.validation;

import cn.hnsw.common.security.Actors;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 校验规则管理 (FP 675–681, 142–147, 281–287): the rules are data that customs and operators change. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/validation-rules")
class ValidationRuleController {

    private final ValidationRuleService service;

    ValidationRuleController(ValidationRuleService service) {
        this.service = service;
    }

    @GetMapping
    List<ValidationRule> rules() {
        return service.rules();
    }

    @GetMapping("/{code}")
    ValidationRuleService.RuleDetails details(@PathVariable String code) {
        return service.details(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('customs-officer', 'sw-operator', 'platform-admin')")
    ValidationRule add(@Valid @RequestBody NewRule rule) {
        return service.add(rule, Actors.current().username());
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('customs-officer', 'sw-operator', 'platform-admin')")
    void delete(@PathVariable String code) {
        service.delete(code, Actors.current().username());
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAnyRole('customs-officer', 'sw-operator', 'platform-admin')")
    ValidationRule change(@PathVariable String code, @Valid @RequestBody RuleChange change) {
        return service.change(code, change, Actors.current().username());
    }
}
