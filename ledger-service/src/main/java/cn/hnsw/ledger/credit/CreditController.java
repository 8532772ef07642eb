package cn.hnsw.ledger.credit;

import cn.hnsw.common.security.Actors;
import cn.hnsw.ledger.document.DocumentAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 首页-我的信用: the enterprise's own credit only (no parameter names another enterprise). */
@RestController
@RequestMapping("/api/ledger/v1/credit")
class CreditController {

    private final CreditService credit;

    CreditController(CreditService credit) {
        this.credit = credit;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    CreditService.CreditView mine() {
        return credit.current(DocumentAccess.ownEnterprise(Actors.current()));
    }

    /** 获取: fetch now from customs (refused with 503 when customs cannot be reached; the kept one stays). */
    @PostMapping("/refresh")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    CreditService.CreditView refresh() {
        return new CreditService.CreditView(credit.refresh(DocumentAccess.ownEnterprise(Actors.current())), false, null, null);
    }
}
