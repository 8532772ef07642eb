package cn.hnsw.customs.declaration;

import cn.hnsw.common.security.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 复制/删除校验规则设置 (FP 90, 103, 190): everyone reads them; operators keep them. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/declaration-action-rules")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
class ActionRuleController {

    private static final String KEEPERS = "hasAnyRole('sw-operator', 'platform-admin')";

    private final ActionRules rules;

    ActionRuleController(ActionRules rules) {
        this.rules = rules;
    }

    @GetMapping
    List<ActionRules.Rule> all() {
        return rules.all();
    }

    @PutMapping("/{action}/{type}")
    @PreAuthorize(KEEPERS)
    ActionRules.Rule save(@PathVariable ActionRules.Action action, @PathVariable DeclarationType type,
                          @RequestBody ActionRules.Change change) {
        return rules.save(action, type, change, Actors.current().username());
    }

    @DeleteMapping("/{action}/{type}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(KEEPERS)
    void delete(@PathVariable ActionRules.Action action, @PathVariable DeclarationType type) {
        rules.delete(action, type, Actors.current().username());
    }

    @GetMapping("/{action}/{type}/history")
    @PreAuthorize(KEEPERS)
    List<ActionRules.LogEntry> history(@PathVariable ActionRules.Action action, @PathVariable DeclarationType type) {
        return rules.history(action, type);
    }
}
