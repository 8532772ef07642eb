package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.security.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** 流程中心: 待办, 已办, 签收, 抄送, 加签, 审批意见 by task, the diagram and the warning list. */
@RestController
@RequestMapping("/api/trade-window/v1/process-centre")
class ProcessCentreController {

    private final ProcessCentreService centre;
    private final PilotApprovalService pilot;

    ProcessCentreController(ProcessCentreService centre, PilotApprovalService pilot) {
        this.centre = centre;
        this.pilot = pilot;
    }

    record TaskDecision(@NotNull ApprovalStep.Decision decision, @NotBlank @Size(max = 2000) String opinion) {
    }

    record ExtraApprover(@NotBlank @Size(max = 200) String unitOrg, @Size(max = 500) String reason) {
    }

    @GetMapping("/pending")
    List<ProcessCentreService.TaskItem> pending() {
        return centre.pending(Actors.current());
    }

    @GetMapping("/done")
    List<ProcessCentreService.TaskItem> done() {
        return centre.done(Actors.current());
    }

    @GetMapping("/copies")
    List<PilotRecordsRepository.CaseCopy> copies() {
        return centre.copies(Actors.current());
    }

    @GetMapping("/warnings")
    @org.springframework.security.access.prepost.PreAuthorize(
            "hasAnyRole('gov-county-unit','gov-county','gov-provincial-dept','gov-province','sw-operator','platform-admin')")
    List<ProcessCentreService.TaskItem> warnings() {
        return centre.atRisk();
    }

    @PostMapping("/tasks/{taskId}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void claim(@PathVariable String taskId) {
        centre.claim(Actors.current(), taskId);
    }

    @PostMapping("/tasks/{taskId}/unclaim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unclaim(@PathVariable String taskId) {
        centre.unclaim(Actors.current(), taskId);
    }

    @PostMapping("/tasks/{taskId}/decision")
    PilotApplicationController.ApplicationView decide(@PathVariable String taskId,
                                                      @Valid @RequestBody TaskDecision request) {
        return PilotApplicationController.ApplicationView.of(
                pilot.decideTask(Actors.current(), taskId, request.decision(), request.opinion()));
    }

    @PostMapping("/tasks/{taskId}/extra-approvers")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addExtraApprover(@PathVariable String taskId, @Valid @RequestBody ExtraApprover request) {
        pilot.addExtraApprover(Actors.current(), taskId, request.unitOrg(), request.reason());
    }

    @GetMapping("/applications/{id}/trail")
    List<ProcessCentreService.TaskItem> trail(@PathVariable UUID id) {
        return centre.trail(Actors.current(), id);
    }

    @GetMapping(path = "/applications/{id}/diagram", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> diagram(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean termination) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                .body(centre.diagram(Actors.current(), id, termination));
    }
}
