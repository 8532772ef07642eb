package cn.hnsw.simulators.partner;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The simulated partner systems, for operators and for platform services that address them. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/partners")
public class PartnerController {

    private final PartnerRegistry registry;

    public PartnerController(PartnerRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('platform-admin', 'sw-operator', 'internal-service')")
    public List<Partner> partners() {
        return List.copyOf(registry.all());
    }
}
