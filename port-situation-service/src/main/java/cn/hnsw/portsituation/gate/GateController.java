package cn.hnsw.portsituation.gate;

import cn.hnsw.portsituation.basedata.PortScope;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * 一体化卡口: the gates, their passes through the loop, and what each gate's screen displays. An officer registered as
 * a port user sees the gates and passes of their organisation's port only ({@link PortScope}).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/gates")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer')")
class GateController {

    private final GateRepository gates;
    private final GatePassRepository passes;
    private final PortScope scope;

    GateController(GateRepository gates, GatePassRepository passes, PortScope scope) {
        this.gates = gates;
        this.passes = passes;
        this.scope = scope;
    }

    @GetMapping
    List<Gate> list() {
        Predicate<String> visible = scope.visible();
        return gates.findAll().stream().filter(g -> visible.test(g.portCode())).toList();
    }

    @GetMapping("/passes")
    PageResponse<GatePassView> passes(@RequestParam(required = false) String portCode,
                                           @RequestParam(required = false) String gateCode,
                                           @RequestParam(required = false) PassState state,
                                           @RequestParam(required = false) String plateNumber,
                                           @RequestParam(required = false) Instant from,
                                           @RequestParam(required = false) Instant to,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        portCode = scope.limit(portCode);
        if (gateCode != null && !gateCode.isBlank()) {
            gates.find(gateCode.strip()).ifPresent(g -> scope.check(g.portCode()));
        }
        return PageResponse.of(passes.search(portCode, gateCode, state, plateNumber, from, to, query).stream()
                        .map(GatePassView::of).toList(), query,
                passes.count(portCode, gateCode, state, plateNumber, from, to));
    }

    @GetMapping("/passes/{id}")
    GatePassView pass(@PathVariable UUID id) {
        GatePass pass = passes.find(id).orElseThrow(() -> new HnswException(GateErrorCode.PASS_NOT_FOUND, id));
        scope.check(pass.gate().portCode());
        return GatePassView.of(pass);
    }

    /** 显示审核结果: the latest decisions a gate's screen shows. */
    @GetMapping("/{code}/display")
    List<GatePassView> display(@PathVariable String code) {
        Gate gate = gates.find(code).orElseThrow(() -> new HnswException(GateErrorCode.GATE_UNKNOWN, code));
        scope.check(gate.portCode());
        return passes.search(null, code, PassState.DISPLAYED, null, null, null, new PageQuery(0, 10)).stream()
                .map(GatePassView::of).toList();
    }
}
