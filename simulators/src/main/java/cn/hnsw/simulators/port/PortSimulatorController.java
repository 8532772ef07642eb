package cn.hnsw.simulators.port;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.sealed.PushResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Operator controls of the port simulators: send a ship into an area, push one gate capture, see the gate boards. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/port")
@EnableConfigurationProperties(PortSimulatorProperties.class)
@PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
class PortSimulatorController {

    private final AisFeederSimulator ais;
    private final GateTrafficSimulator gates;
    private final GateControlBehavior boards;
    private final FacilityPlatformSimulator facilities;
    private final ContainerTerminalSimulator containers;
    private final DocumentFlowSimulator documents;
    private final PortBusinessSimulator business;

    PortSimulatorController(AisFeederSimulator ais, GateTrafficSimulator gates, GateControlBehavior boards,
                            FacilityPlatformSimulator facilities, ContainerTerminalSimulator containers,
                            DocumentFlowSimulator documents, PortBusinessSimulator business) {
        this.ais = ais;
        this.gates = gates;
        this.boards = boards;
        this.facilities = facilities;
        this.containers = containers;
        this.documents = documents;
        this.business = business;
    }

    record FaultRequest(String reason) {
    }

    record Intrusion(@DecimalMin("3.0") @DecimalMax("25.0") double latitude,
                     @DecimalMin("105.0") @DecimalMax("120.0") double longitude) {
    }

    record CaptureRequest(@NotBlank String gateCode, String plateNumber, Integer grossKg) {
    }

    /** Starts the AIS feed and the gate traffic now (the local stack starts with both off). */
    @PostMapping("/traffic")
    Map<String, Object> traffic() {
        ais.feed();
        gates.generate();
        feeds();
        return ais.status();
    }

    /** Starts the facility, container-terminal, document-flow and port business simulators now. */
    @PostMapping("/feeds")
    Map<String, Object> feeds() {
        facilities.generate();
        containers.generate();
        documents.generate();
        business.generate();
        return Map.of("facilities", facilities.facilities().size(), "containers", containers.consignments().size(),
                "simulator", true);
    }

    /** A facility reports a fault now and stays at fault until repaired. */
    @PostMapping("/facilities/{code}/fault")
    Map<String, Object> fault(@PathVariable String code, @RequestBody(required = false) FaultRequest request) {
        if (facilities.find(code).isEmpty()) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "code");
        }
        facilities.fault(code, request == null ? null : request.reason());
        return Map.of("facilityCode", code, "signal", "FAULT", "simulator", true);
    }

    @PostMapping("/facilities/{code}/repair")
    Map<String, Object> repair(@PathVariable String code) {
        if (facilities.find(code).isEmpty()) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "code");
        }
        facilities.repair(code);
        return Map.of("facilityCode", code, "signal", "RECOVERED", "simulator", true);
    }

    @GetMapping("/ais")
    Map<String, Object> aisStatus() {
        return ais.status();
    }

    @PostMapping("/ais/intrusions")
    Map<String, Object> intrude(@Valid @RequestBody Intrusion request) {
        SimulatedShip ship = ais.intrude(request.latitude(), request.longitude());
        return Map.of("mmsi", ship.mmsi(), "shipName", ship.name(), "simulator", true);
    }

    @PostMapping("/gates/captures")
    Map<String, Object> capture(@Valid @RequestBody CaptureRequest request) {
        if (!GateTrafficSimulator.GATES.contains(request.gateCode())) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "gateCode");
        }
        PushResult result = gates.send(GateTrafficSimulator.capture(request.gateCode(), request.plateNumber(),
                request.grossKg()));
        return Map.of("outcome", result.outcome().name(), "status", result.status(), "messageId",
                String.valueOf(result.messageId()), "simulator", true);
    }

    @GetMapping("/gates/boards")
    List<Map<String, Object>> boards() {
        return boards.boards();
    }
}
