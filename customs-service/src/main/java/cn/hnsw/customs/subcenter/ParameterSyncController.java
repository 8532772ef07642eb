package cn.hnsw.customs.subcenter;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 海口数据分中心 参数同步管理: states, runs, the automatic-update rule and the log ({@link SubCentreParameterSync}). */
@RestController
@RequestMapping("${hnsw.api.base}/v1/subcentre/parameter-sync")
class ParameterSyncController {

    private final SubCentreParameterSync sync;

    ParameterSyncController(SubCentreParameterSync sync) {
        this.sync = sync;
    }

    record RunRequest(List<String> tables) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
    List<SubCentreParameterSync.TableState> states() {
        return sync.states();
    }

    @PostMapping("/runs")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    List<SubCentreParameterSync.RunResult> run(@RequestBody(required = false) RunRequest request) {
        return sync.run(request == null ? null : request.tables(), Actors.current().username());
    }

    @GetMapping("/rule")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
    SubCentreParameterSync.Rule rule() {
        return sync.rule();
    }

    @PutMapping("/rule")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    SubCentreParameterSync.Rule changeRule(@RequestBody SubCentreParameterSync.RuleChange change) {
        return sync.changeRule(change, Actors.current().username());
    }

    @GetMapping("/log")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
    PageResponse<SubCentreParameterSync.LogEntry> log(@RequestParam(required = false) String table,
                                                      @RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer size) {
        return sync.log(table, PageQuery.of(page, size));
    }
}
