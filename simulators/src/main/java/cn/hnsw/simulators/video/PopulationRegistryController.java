package cn.hnsw.simulators.video;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.video.PopulationRegistry.Person;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator switches of the population registry simulator: load records (the ID photos as base64, any bytes), switch
 * it unreachable or back, empty it.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/population-registry")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
class PopulationRegistryController {

    private final PopulationRegistry registry;

    PopulationRegistryController(PopulationRegistry registry) {
        this.registry = registry;
    }

    record PersonRequest(@NotBlank @Size(max = 64) String externalId, @Size(max = 64) String personCode,
            @Size(max = 128) String name, @Size(max = 64) String idNo, String photoBase64) {
    }

    /** Adds or replaces records by external id. */
    @PutMapping("/records")
    Map<String, Object> put(@Valid @RequestBody List<@Valid PersonRequest> persons) {
        List<Person> out = new ArrayList<>();
        for (PersonRequest p : persons) {
            byte[] photo;
            try {
                photo = p.photoBase64() == null ? null : Base64.getDecoder().decode(p.photoBase64());
            } catch (IllegalArgumentException e) {
                throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "photoBase64");
            }
            out.add(new Person(p.externalId(), p.personCode(), p.name(), p.idNo(), photo));
        }
        registry.put(out);
        return Map.of("total", registry.total());
    }

    record Reachability(@NotNull Boolean reachable) {
    }

    @PutMapping("/reachability")
    Map<String, Object> reachability(@Valid @RequestBody Reachability r) {
        registry.reachable(r.reachable());
        return Map.of("reachable", registry.reachable());
    }

    @PostMapping("/reset")
    Map<String, Object> reset() {
        registry.reset();
        return Map.of("reset", true);
    }
}
