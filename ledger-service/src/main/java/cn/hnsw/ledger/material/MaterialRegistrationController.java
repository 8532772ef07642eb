package cn.hnsw.ledger.material;

import cn.hnsw.common.security.Actors;
import cn.hnsw.ledger.document.DocumentService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** 岛内自产料件认定校验 / 认定符合性查询 and the registrations' statistics of the enterprise's own materials. */
@RestController
@RequestMapping("/api/ledger/v1")
class MaterialRegistrationController {

    private final MaterialRegistrations registrations;
    private final DocumentService documents;

    MaterialRegistrationController(MaterialRegistrations registrations, DocumentService documents) {
        this.registrations = registrations;
        this.documents = documents;
    }

    /** The recognition check as it stands now: readable by whoever may read the registration. */
    @GetMapping("/documents/{id}/recognition")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer')")
    MaterialRegistrations.Recognition recognition(@PathVariable long id) {
        return registrations.recognise(documents.read(Actors.current(), id));
    }

    @GetMapping("/material-registrations/statistics")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Map<String, Object> statistics() {
        return registrations.statistics(Actors.current().enterprise());
    }
}
