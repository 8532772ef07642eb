package cn.hnsw.simulators.customs;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customs simulators' run-time settings (receipt target, decisions, inspection rate) and the verification lists
 * H2018/金关二期 hold, for operators of the local stack and browser tests.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/customs-simulators")
class CustomsSimulatorController {

    private final CustomsSimulatorSettings settings;

    CustomsSimulatorController(CustomsSimulatorSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','internal-service')")
    CustomsSimulatorSettings.Behaviour settings() {
        return settings.behaviour();
    }

    @PutMapping("/settings")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    CustomsSimulatorSettings.Behaviour update(@RequestBody CustomsSimulatorSettings.Behaviour next) {
        settings.update(next);
        return settings.behaviour();
    }

    @PostMapping("/verification-lists")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    VerificationListRecord add(@RequestBody VerificationListRecord list) {
        settings.put(list);
        return list;
    }
}
