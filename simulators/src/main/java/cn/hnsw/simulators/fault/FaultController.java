package cn.hnsw.simulators.fault;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerRegistry;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * 故障注入 — operators read and change a simulated partner's faults at run time, e.g. to switch it off for a fault
 * test. Changes are audited by common-lib's operation log (every PUT) and take effect on the next message.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/partners/{id}/faults")
@PreAuthorize("hasAnyRole('platform-admin', 'sw-operator')")
public class FaultController {

    private final PartnerRegistry registry;
    private final FaultService faults;
    private final ObjectReader requestReader;

    public FaultController(PartnerRegistry registry, FaultService faults, ObjectMapper objectMapper) {
        this.registry = registry;
        this.faults = faults;
        // PUT replaces every setting and absent fields mean "healthy", so a misspelt field ("latency" for
        // "latencyMs") must be refused: ignored, as the service-wide mapper would, it would silently heal the partner.
        this.requestReader = objectMapper.readerFor(FaultSettingsRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public PartnerFaultsResponse get(@PathVariable String id) {
        Partner partner = registry.require(id);
        return PartnerFaultsResponse.of(partner, faults.faultsOf(partner.id()), faults.now());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public PartnerFaultsResponse put(@PathVariable String id, @RequestBody byte[] body) {
        Partner partner = registry.require(id);
        FaultSettings settings = read(body).toSettings();
        PartnerFaults changed = faults.change(partner.id(), settings, Actors.current().username());
        return PartnerFaultsResponse.of(partner, changed, faults.now());
    }

    private FaultSettingsRequest read(byte[] body) {
        try {
            FaultSettingsRequest request = requestReader.readValue(body);
            if (request == null) {
                throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, "JSON");
            }
            return request;
        } catch (UnrecognizedPropertyException e) {
            throw new HnswException(FaultErrorCode.UNKNOWN_FAULT_SETTING, e.getPropertyName());
        } catch (IOException e) {
            throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, "JSON");
        }
    }
}
