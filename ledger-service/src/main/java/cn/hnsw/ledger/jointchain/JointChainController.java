package cn.hnsw.ledger.jointchain;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** 联合加工增值产业链备案 API: declare, list, the partner's pending confirmations, confirm/refuse, cancel, void. */
@RestController
@RequestMapping("/api/ledger/v1/joint-chains")
class JointChainController {

    static final String READERS = "hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer',"
            + "'gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final JointChainService service;
    private final JointChainFiles files;

    JointChainController(JointChainService service, JointChainFiles files) {
        this.service = service;
        this.files = files;
    }

    record MemberBody(String enterprise, String enterpriseName, String step) {
    }

    record CreateChain(@NotBlank String name, String productHsCode, String productName,
                       @NotEmpty List<MemberBody> members) {
    }

    record Decision(boolean confirm, String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain create(@Valid @RequestBody CreateChain body) {
        return service.create(Actors.current(), new JointChainService.NewChain(body.name(), body.productHsCode(),
                body.productName(), body.members().stream()
                .map(m -> m == null ? null : new JointChainService.MemberInput(m.enterprise(), m.enterpriseName(), m.step()))
                .toList()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain update(@PathVariable long id, @Valid @RequestBody CreateChain body) {
        return service.update(Actors.current(), id, new JointChainService.NewChain(body.name(), body.productHsCode(),
                body.productName(), body.members().stream()
                .map(m -> m == null ? null : new JointChainService.MemberInput(m.enterprise(), m.enterpriseName(), m.step()))
                .toList()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    void delete(@PathVariable long id) {
        service.delete(Actors.current(), id);
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    java.util.Map<String, java.util.Map<String, Long>> statistics() {
        return service.statistics(Actors.current());
    }

    /** Government side (FP 3827–3831): officers only; enterprises see their own statistics above. */
    @GetMapping("/government-statistics")
    @PreAuthorize("hasAnyRole('customs-officer','customs-reviewer','gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')")
    Map<String, Object> governmentStatistics() {
        return service.governmentStatistics();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer','gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')")
    List<JointChain> list(@RequestParam(required = false) String role) {
        return service.list(Actors.current(), role);
    }

    @GetMapping("/confirmations")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    List<JointChain> pendingConfirmations() {
        return service.pendingConfirmations(Actors.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer','gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')")
    JointChain get(@PathVariable long id) {
        return service.get(Actors.current(), id);
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain decide(@PathVariable long id, @RequestBody Decision body) {
        return service.decide(Actors.current(), id, body.confirm(), body.reason());
    }

    /** 其他企业产业链确认信息修改: the member's decision changed in one step. */
    @org.springframework.web.bind.annotation.PutMapping("/{id}/decision")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain modifyDecision(@PathVariable long id, @RequestBody Decision body) {
        return service.modifyDecision(Actors.current(), id, body.confirm(), body.reason());
    }

    /** 联合加工增值备案校验查询: may the enterprise's cumulative code name this chain now? */
    @GetMapping("/check")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChainService.ChainCheck check(@org.springframework.web.bind.annotation.RequestParam String chainNo) {
        return service.check(Actors.current(), chainNo);
    }

    @PostMapping("/{id}/decision/cancel")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain cancelDecision(@PathVariable long id) {
        return service.cancelDecision(Actors.current(), id);
    }

    @PostMapping("/{id}/void")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain voidChain(@PathVariable long id) {
        return service.voidChain(Actors.current(), id);
    }

    /** 第三方企业社会信用信息获取 (FP 1614): the initiator fetches every member's credit grade from customs. */
    @PostMapping("/{id}/member-credit")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain fetchMemberCredit(@PathVariable long id) {
        return service.fetchMemberCredit(Actors.current(), id);
    }

    /** 海关审批对接 (FP 1618). */
    @PostMapping("/{id}/customs-approval")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain sendForApproval(@PathVariable long id) {
        return service.sendForApproval(Actors.current(), id);
    }

    /** 审批回执 and 异常原因查询 (FP 1619, 1626). */
    @GetMapping("/{id}/receipts")
    @PreAuthorize(READERS)
    List<Map<String, Object>> receipts(@PathVariable long id) {
        return service.receipts(Actors.current(), id);
    }

    /** 复制 (FP 1620). */
    @PostMapping("/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain copy(@PathVariable long id) {
        return service.copy(Actors.current(), id);
    }

    /** 导出 (FP 1622, 1635, 1637): the chains this user sees (role = initiated / confirming for an enterprise). */
    @GetMapping("/export")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> export(@RequestParam(required = false) String role) {
        return download(files.export(service.list(Actors.current(), role)), XLSX, "joint-chains.xlsx", false);
    }

    /** 模版下载 (FP 1623). */
    @GetMapping("/template")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    ResponseEntity<byte[]> template() {
        return download(files.template(), XLSX, "joint-chain-members-template.xlsx", false);
    }

    /** 导入 (FP 1624): a chain from the member template; a bad row refuses the whole file with every bad row named. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain importChain(@RequestParam("file") MultipartFile file, @RequestParam String name,
                           @RequestParam(required = false) String productHsCode,
                           @RequestParam(required = false) String productName) throws IOException {
        if (file.isEmpty()) {
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, "empty file");
        }
        JointChainFiles.Imported imported = files.read(file.getBytes());
        if (!imported.errors().isEmpty()) {
            throw new HnswException(LedgerErrorCode.EXCEL_ROWS_INVALID, imported.errors().stream()
                    .map(e -> new FieldViolation("row[" + e.row() + "]", "EXCEL_CELL_INVALID", e.messageZh(), e.messageEn()))
                    .toList(), null, imported.errors().size());
        }
        return service.create(Actors.current(), new JointChainService.NewChain(name, productHsCode, productName,
                imported.members()));
    }

    /** 打印 (FP 1625). */
    @GetMapping("/{id}/print")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> print(@PathVariable long id) {
        JointChain chain = service.get(Actors.current(), id);
        return download(files.print(chain, service.receipts(Actors.current(), id)), MediaType.APPLICATION_PDF,
                chain.chainNo() + ".pdf", true);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name, boolean inline) {
        ContentDisposition d = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, d.toString()).body(body);
    }
}
