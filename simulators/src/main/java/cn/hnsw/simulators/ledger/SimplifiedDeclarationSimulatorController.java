package cn.hnsw.simulators.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators of the local stack and browser tests lodge a simplified declaration with the 金关二期 simulator, which
 * pushes it (and its receipt) sealed to the platform's ledger inbox.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/customs-simulators/simplified-declarations")
class SimplifiedDeclarationSimulatorController {

    private final SimplifiedDeclarationPusher pusher;

    SimplifiedDeclarationSimulatorController(SimplifiedDeclarationPusher pusher) {
        this.pusher = pusher;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    SimplifiedDeclarationPusher.Pushed lodge(@RequestBody SimplifiedDeclarationPusher.Request request) {
        return pusher.push(request);
    }
}
