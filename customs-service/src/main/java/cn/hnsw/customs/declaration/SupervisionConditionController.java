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

/** 商品监管条件 (FP 437, 893, 1178): everyone reads the commodities' licence conditions; operators keep them. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/supervision-conditions")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
class SupervisionConditionController {

    private static final String KEEPERS = "hasAnyRole('sw-operator', 'platform-admin')";

    private final SupervisionDocuments documents;

    SupervisionConditionController(SupervisionDocuments documents) {
        this.documents = documents;
    }

    @GetMapping
    List<SupervisionDocuments.Condition> all() {
        return documents.conditions();
    }

    @PutMapping("/{hsCode}")
    @PreAuthorize(KEEPERS)
    SupervisionDocuments.Condition save(@PathVariable String hsCode, @RequestBody SupervisionDocuments.ConditionChange change) {
        return documents.saveCondition(hsCode, change, Actors.current().username());
    }

    @DeleteMapping("/{hsCode}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(KEEPERS)
    void delete(@PathVariable String hsCode) {
        documents.deleteCondition(hsCode);
    }
}
