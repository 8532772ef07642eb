package cn.hnsw.ledger.equipment;

import cn.hnsw.common.security.Actors;
import cn.hnsw.ledger.document.DocumentAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * 零关税交通工具及游艇账册信息 and 零关税自用生产设备账册信息 (FP 1890–1897): the enterprise's own ledgers as customs keeps
 * them, read through {@link EquipmentLedgerGateway}, list and detail; read-only (no parameter names another enterprise).
 */
@RestController
@RequestMapping("/api/ledger/v1/equipment-ledgers")
class EquipmentLedgerController {

    private final EquipmentLedgerGateway gateway;

    EquipmentLedgerController(EquipmentLedgerGateway gateway) {
        this.gateway = gateway;
    }

    /** A ledger in the list: its head and item count, not its items. */
    record Listing(EquipmentLedgerKind kind, String kindZh, String kindEn, List<Map<String, Object>> ledgers,
                   String source, String messageId) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Listing list(@RequestParam EquipmentLedgerKind kind) {
        EquipmentLedgerGateway.Answer a = gateway.query(DocumentAccess.ownEnterprise(Actors.current()), kind, null);
        List<Map<String, Object>> heads = a.ledgers().stream().map(l -> {
            Map<String, Object> head = new java.util.LinkedHashMap<>(l);
            head.remove("items");
            return head;
        }).toList();
        return new Listing(kind, kind.nameZh(), kind.nameEn(), heads, a.source(), a.messageId());
    }

    @GetMapping("/{kind}/{ledgerNo}")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Map<String, Object> detail(@PathVariable EquipmentLedgerKind kind, @PathVariable String ledgerNo) {
        EquipmentLedgerGateway.Answer a = gateway.query(DocumentAccess.ownEnterprise(Actors.current()), kind, ledgerNo);
        Map<String, Object> ledger = new java.util.LinkedHashMap<>(a.ledgers().stream()
                .filter(l -> ledgerNo.equals(l.get("ledgerNo"))).findFirst()
                .orElseThrow(() -> new cn.hnsw.common.web.HnswException(
                        cn.hnsw.ledger.errors.LedgerErrorCode.EQUIPMENT_LEDGER_NOT_FOUND, ledgerNo)));
        ledger.put("kind", kind);
        ledger.put("kindZh", kind.nameZh());
        ledger.put("kindEn", kind.nameEn());
        ledger.put("source", a.source());
        ledger.put("messageId", a.messageId());
        return ledger;
    }
}
