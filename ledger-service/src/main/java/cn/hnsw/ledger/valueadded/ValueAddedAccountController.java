package cn.hnsw.ledger.valueadded;

import cn.hnsw.common.security.Actors;
import cn.hnsw.ledger.document.DocumentAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The enterprise's own value-added accounting: its approved codes, the statistics over them, the result export. */
@RestController
@RequestMapping("/api/ledger/v1/value-added")
@PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
class ValueAddedAccountController {

    private final ValueAddedAccounts accounts;

    ValueAddedAccountController(ValueAddedAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/accounts")
    List<ValueAddedAccounts.Account> accounts() {
        return accounts.accounts(DocumentAccess.ownEnterprise(Actors.current()));
    }

    @GetMapping("/statistics")
    Map<String, Object> statistics() {
        return accounts.statistics(DocumentAccess.ownEnterprise(Actors.current()));
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("value-added-accounts.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(accounts.export(DocumentAccess.ownEnterprise(Actors.current())));
    }
}
