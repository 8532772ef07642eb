package cn.hnsw.passenger.clearance;

import cn.hnsw.common.security.Actors;
import cn.hnsw.passenger.declaration.BaggageDeclaration;
import cn.hnsw.passenger.declaration.DeclarationService;
import cn.hnsw.passenger.partner.PartnerMessageLog;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 个人海关通关信息查询: a declaration's clearance timeline; officers also see its partner message log. */
@RestController
@RequestMapping("${hnsw.api.base}/v1")
class ClearanceController {

    private final DeclarationService declarations;
    private final ClearanceLog clearanceLog;
    private final PartnerMessageLog messageLog;
    private final AccessLog accessLog;

    ClearanceController(DeclarationService declarations, ClearanceLog clearanceLog, PartnerMessageLog messageLog,
                        AccessLog accessLog) {
        this.declarations = declarations;
        this.clearanceLog = clearanceLog;
        this.messageLog = messageLog;
        this.accessLog = accessLog;
    }

    @GetMapping("/declarations/{id}/timeline")
    @PreAuthorize("hasAnyRole('traveler','customs-officer','customs-reviewer','customs-finance','sw-operator','platform-admin')")
    ClearanceTimeline timeline(@PathVariable UUID id, jakarta.servlet.http.HttpServletRequest request) {
        BaggageDeclaration d = declarations.visible(Actors.current(), id);
        accessLog.read(cn.hnsw.common.audit.AuditContext.clientIp(request), "CLEARANCE_TIMELINE", "BAGGAGE_DECLARATION", id.toString(), d.declarationNo());
        return new ClearanceTimeline(d.id(), d.declarationNo(), d.status().name(), clearanceLog.steps(d.id()));
    }

    @GetMapping("/declarations/{id}/messages")
    @PreAuthorize("hasAnyRole('customs-officer','sw-operator','platform-admin')")
    List<PartnerMessageLog.Entry> messages(@PathVariable UUID id) {
        BaggageDeclaration d = declarations.visible(Actors.current(), id);
        List<PartnerMessageLog.Entry> entries = new java.util.ArrayList<>(messageLog.forBusiness(d.id().toString()));
        entries.addAll(messageLog.forBusiness(d.conversationId().toString()));
        return entries;
    }

    @GetMapping("/partner-messages/failures")
    @PreAuthorize("hasAnyRole('sw-operator','platform-admin')")
    List<PartnerMessageLog.Entry> failures(@RequestParam(defaultValue = "100") int limit) {
        return messageLog.failures(Math.max(1, Math.min(limit, 500)));
    }
}
