package cn.hnsw.simulators.link;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * 合作方链路状态 — the partner links for the public status page. Public (listed in
 * {@code hnsw.security.public-paths}): it tells anyone whether customs or the banks answer, and nothing more. Not
 * cached, so a partner switched off shows as DOWN on the next refresh.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/partner-links")
public class PartnerLinkController {

    private final PartnerLinkService links;

    public PartnerLinkController(PartnerLinkService links) {
        this.links = links;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<List<PartnerLink>> links() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(links.links());
    }
}
