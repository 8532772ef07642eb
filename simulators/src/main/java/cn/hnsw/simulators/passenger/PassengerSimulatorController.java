package cn.hnsw.simulators.passenger;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import cn.hnsw.common.web.HnswException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The passenger simulators' run-time settings: customs' decision delay and inspection rate, channels' delay. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/passenger-simulators/settings")
class PassengerSimulatorController {

    enum SettingsError implements EnumErrorCode {
        PASSENGER_SIMULATOR_SETTINGS_INVALID(HttpStatus.BAD_REQUEST, "模拟器设置不合法：{0}", "Invalid simulator settings: {0}");

        private final ErrorText text;

        SettingsError(HttpStatus status, String zh, String en) {
            this.text = new ErrorText(status, zh, en);
        }

        @Override
        public ErrorText text() {
            return text;
        }
    }

    private final PassengerSimulators simulators;

    PassengerSimulatorController(PassengerSimulators simulators) {
        this.simulators = simulators;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','internal-service')")
    PassengerSimulatorSettings get() {
        return simulators.settings();
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    PassengerSimulatorSettings put(@RequestBody PassengerSimulatorSettings settings) {
        String problem = settings.problem();
        if (problem != null) {
            throw new HnswException(SettingsError.PASSENGER_SIMULATOR_SETTINGS_INVALID, problem);
        }
        simulators.update(settings);
        return settings;
    }
}
