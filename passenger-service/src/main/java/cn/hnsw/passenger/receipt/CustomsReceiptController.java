package cn.hnsw.passenger.receipt;

import cn.hnsw.common.security.Actors;
import cn.hnsw.passenger.declaration.BaggageDeclaration;
import cn.hnsw.passenger.declaration.DeclarationService;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customs receipt inbox (sealed JSON or XML envelope, pushed by customs with a machine token), the receipts of a
 * declaration (pull), and the operators' failed-receipt list.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1")
class CustomsReceiptController {

    private final ReceiptService receipts;
    private final DeclarationService declarations;

    CustomsReceiptController(ReceiptService receipts, DeclarationService declarations) {
        this.receipts = receipts;
        this.declarations = declarations;
    }

    @PostMapping(value = "/customs/receipts", consumes = {"application/json", "application/xml", "text/xml",
            "application/*+json", "application/*+xml"})
    ReceiptService.Result receive(@RequestBody byte[] body) {
        return receipts.receive(Actors.current(), body);
    }

    @GetMapping("/declarations/{id}/receipts")
    @PreAuthorize("hasAnyRole('traveler','customs-officer','customs-reviewer','customs-finance','sw-operator','platform-admin')")
    List<CustomsReceipt> forDeclaration(@PathVariable UUID id) {
        BaggageDeclaration d = declarations.visible(Actors.current(), id);
        return receipts.forDeclaration(d.conversationId());
    }

    @GetMapping("/customs/receipts/failed")
    @PreAuthorize("hasAnyRole('sw-operator','platform-admin','customs-officer')")
    List<CustomsReceipt> failed(@RequestParam(defaultValue = "100") int limit) {
        return receipts.failed(Math.max(1, Math.min(limit, 500)));
    }

    @PostMapping("/customs/receipts/{id}/retry")
    @PreAuthorize("hasAnyRole('sw-operator','platform-admin')")
    ReceiptService.Result retry(@PathVariable UUID id) {
        return receipts.retry(id);
    }
}
