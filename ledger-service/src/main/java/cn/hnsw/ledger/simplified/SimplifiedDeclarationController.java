package cn.hnsw.ledger.simplified;

import cn.hnsw.common.security.Actors;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.document.DocumentView;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 简化申报数据: list (待入账 with {@code pending=true}), detail, and 入账 into the ledger. */
@RestController
@RequestMapping("/api/ledger/v1/simplified-declarations")
class SimplifiedDeclarationController {

    static final String READERS = "hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer',"
            + "'gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')";

    private final SimplifiedDeclarations declarations;
    private final DocumentService documents;

    SimplifiedDeclarationController(SimplifiedDeclarations declarations, DocumentService documents) {
        this.declarations = declarations;
        this.documents = documents;
    }

    @GetMapping
    @PreAuthorize(READERS)
    List<SimplifiedDeclarations.Declaration> list(@RequestParam(required = false) Long ledgerId,
                                                  @RequestParam(defaultValue = "false") boolean pending) {
        return declarations.list(Actors.current(), ledgerId, pending);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    SimplifiedDeclarations.Declaration get(@PathVariable long id) {
        return declarations.get(Actors.current(), id);
    }

    @PostMapping("/{id}/booking")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    DocumentView book(@PathVariable long id) {
        return documents.view(declarations.book(Actors.current(), id));
    }
}
