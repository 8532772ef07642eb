package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.tradewindow.pilot.NoticeSettingsRepository.DepartmentAccount;
import cn.hnsw.tradewindow.pilot.NoticeSettingsRepository.MessageTemplate;
import cn.hnsw.tradewindow.pilot.NoticeSettingsRepository.NotificationConfig;
import cn.hnsw.tradewindow.support.Xlsx;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
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

import java.time.Clock;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;

/**
 * 消息配置管理 (S1 FP 398–412), 部门账号管理 (FP 393–397) and the exports of the 区外试点企业（产品）清单
 * (FP 334): message templates, notification configuration, department accounts, the notification records with
 * resend, each editable by provincial users and operators and exported as Excel (fastexcel).
 */
@RestController
@RequestMapping("/api/trade-window/v1")
class NoticeSettingsController {

    private static final String CONFIGURERS = "hasAnyRole('gov-provincial-dept','gov-province','sw-operator','platform-admin')";
    private static final String OFFICIALS = "hasAnyRole('gov-county-unit','gov-county','gov-provincial-dept','gov-province','sw-operator','platform-admin','customs-officer')";

    private final NoticeSettingsRepository settings;
    private final PilotRecordsRepository records;
    private final NoticeDispatcher dispatcher;
    private final PilotApprovalService pilot;
    private final Clock clock;

    NoticeSettingsController(NoticeSettingsRepository settings, PilotRecordsRepository records,
                             NoticeDispatcher dispatcher, PilotApprovalService pilot, Clock clock) {
        this.settings = settings;
        this.records = records;
        this.dispatcher = dispatcher;
        this.pilot = pilot;
        this.clock = clock;
    }

    // --- message templates ------------------------------------------------------------------------------------

    record TemplateRequest(@NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn,
                           @NotBlank @Size(max = 500) String contentZh, @NotBlank @Size(max = 500) String contentEn) {
    }

    @GetMapping("/message-templates")
    @PreAuthorize(CONFIGURERS)
    List<MessageTemplate> templates() {
        return settings.templates();
    }

    @PutMapping("/message-templates/{code}")
    @PreAuthorize(CONFIGURERS)
    MessageTemplate saveTemplate(@PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String code,
                                 @Valid @RequestBody TemplateRequest r) {
        return settings.saveTemplate(new MessageTemplate(code, r.nameZh(), r.nameEn(), r.contentZh(), r.contentEn(),
                null, null), Actors.current().username(), clock.instant());
    }

    @DeleteMapping("/message-templates/{code}")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTemplate(@PathVariable String code) {
        settings.deleteTemplate(code);
    }

    @GetMapping("/message-templates/export")
    @PreAuthorize(CONFIGURERS)
    ResponseEntity<byte[]> exportTemplates() {
        return xlsx("message-templates", "消息内容模板", List.of("编码 Code", "名称 Name", "Name", "中文内容 Chinese text",
                        "English text", "修改人 Changed by", "修改时间 Changed at"), settings.templates(),
                t -> new Object[]{t.code(), t.nameZh(), t.nameEn(), t.contentZh(), t.contentEn(), t.updatedBy(),
                        t.updatedAt().toString()});
    }

    // --- notification configuration ---------------------------------------------------------------------------

    record ConfigRequest(@NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn,
                         @NotBlank @Size(max = 40) String templateCode, boolean toUnit, boolean sms,
                         boolean enabled) {
    }

    @GetMapping("/notification-configs")
    @PreAuthorize(CONFIGURERS)
    List<NotificationConfig> configs() {
        return settings.configs();
    }

    /** Events are the notices the service sends: TASK, STATUS, COPY, WARN_DUE_SOON, WARN_OVERDUE. */
    @PutMapping("/notification-configs/{event}")
    @PreAuthorize(CONFIGURERS)
    NotificationConfig saveConfig(@PathVariable @Pattern(regexp = "TASK|STATUS|COPY|WARN_DUE_SOON|WARN_OVERDUE") String event,
                                  @Valid @RequestBody ConfigRequest r) {
        return settings.saveConfig(new NotificationConfig(event, r.nameZh(), r.nameEn(), r.templateCode(), r.toUnit(),
                r.sms(), r.enabled(), null, null), Actors.current().username(), clock.instant());
    }

    @DeleteMapping("/notification-configs/{event}")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteConfig(@PathVariable String event) {
        settings.deleteConfig(event);
    }

    @GetMapping("/notification-configs/export")
    @PreAuthorize(CONFIGURERS)
    ResponseEntity<byte[]> exportConfigs() {
        return xlsx("notification-configs", "消息通知配置", List.of("事件 Event", "名称 Name", "Name", "模板 Template",
                        "统一待办 To-do", "短信 SMS", "启用 Enabled", "修改人 Changed by"), settings.configs(),
                c -> new Object[]{c.event(), c.nameZh(), c.nameEn(), c.templateCode(), yes(c.toUnit()), yes(c.sms()),
                        yes(c.enabled()), c.updatedBy()});
    }

    // --- department accounts ----------------------------------------------------------------------------------

    record AccountRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,99}") String username,
                          @NotBlank @Size(max = 100) String displayName,
                          @NotBlank @Pattern(regexp = "/government/.+") @Size(max = 300) String orgPath,
                          @NotBlank @Pattern(regexp = "gov-county-unit|gov-county|gov-provincial-dept|gov-province") String role,
                          @Pattern(regexp = "1\\d{10}") String mobile, boolean enabled) {
    }

    @GetMapping("/department-accounts")
    @PreAuthorize(CONFIGURERS)
    List<DepartmentAccount> accounts(@RequestParam(required = false) String orgPath) {
        return settings.accounts(orgPath);
    }

    @PostMapping("/department-accounts")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.CREATED)
    DepartmentAccount addAccount(@Valid @RequestBody AccountRequest r) {
        return settings.insertAccount(new DepartmentAccount(UUID.randomUUID(), r.username(), r.displayName(),
                r.orgPath(), r.role(), r.mobile(), r.enabled(), null, null), Actors.current().username(), clock.instant());
    }

    @PutMapping("/department-accounts/{id}")
    @PreAuthorize(CONFIGURERS)
    DepartmentAccount updateAccount(@PathVariable UUID id, @Valid @RequestBody AccountRequest r) {
        DepartmentAccount existing = settings.account(id)
                .orElseThrow(() -> new HnswException(PilotErrorCode.ACCOUNT_NOT_FOUND, id));
        if (!existing.username().equals(r.username())) {
            throw new HnswException(CommonErrorCode.INVALID_PARAMETER, "username");
        }
        return settings.updateAccount(new DepartmentAccount(id, r.username(), r.displayName(), r.orgPath(), r.role(),
                r.mobile(), r.enabled(), null, null), Actors.current().username(), clock.instant());
    }

    @DeleteMapping("/department-accounts/{id}")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAccount(@PathVariable UUID id) {
        settings.deleteAccount(id);
    }

    @GetMapping("/department-accounts/export")
    @PreAuthorize(CONFIGURERS)
    ResponseEntity<byte[]> exportAccounts() {
        return xlsx("department-accounts", "部门账号", List.of("账号 Username", "姓名 Name", "部门 Organisation",
                        "角色 Role", "手机 Mobile", "启用 Enabled"), settings.accounts(null),
                a -> new Object[]{a.username(), a.displayName(), a.orgPath(), a.role(), a.mobile(), yes(a.enabled())});
    }

    // --- notification records and the approved pilot list ----------------------------------------------------

    /** 重发: a FAILED notice goes back to PENDING and is sent at once. */
    @PostMapping("/pilot-notifications/{id}/resend")
    @PreAuthorize(CONFIGURERS)
    List<PilotRecordsRepository.NotificationRecord> resend(@PathVariable UUID id) {
        if (!records.resendNotification(id)) {
            throw new HnswException(PilotErrorCode.NOTIFICATION_NOT_RESENDABLE);
        }
        dispatcher.dispatchAll();
        return records.notifications(null).stream().filter(n -> n.id().equals(id)).toList();
    }

    @GetMapping("/pilot-notifications/export")
    @PreAuthorize(CONFIGURERS)
    ResponseEntity<byte[]> exportNotifications() {
        return xlsx("notifications", "通知消息记录", List.of("渠道 Channel", "接收方 Recipient", "业务 Business",
                        "类别 Kind", "内容 Content", "状态 Status", "时间 Time"), records.notifications(null),
                n -> new Object[]{n.channel(), n.recipient(), n.businessId(), n.kind(), n.content(), n.status(),
                        n.createdAt().toString()});
    }

    /** 下载导出区外试点企业（产品）信息 (FP 334). */
    @GetMapping("/pilot-list/export")
    @PreAuthorize(OFFICIALS)
    ResponseEntity<byte[]> exportPilotList() {
        return xlsx("pilot-list", "区外试点企业（产品）清单", List.of("统一社会信用代码 USCC", "企业名称 Enterprise",
                        "市县 Region", "产品 Products", "办件编号 Case number", "批准时间 Approved at"),
                pilot.approvedList(), a -> new Object[]{a.enterpriseUscc(), a.enterpriseName(), a.regionCode(),
                        a.productSummary(), a.caseNumber(), a.decidedAt() == null ? null : a.decidedAt().toString()});
    }

    private static String yes(boolean b) {
        return b ? "是 Yes" : "否 No";
    }

    private static <T> ResponseEntity<byte[]> xlsx(String file, String sheet, List<String> headers, List<T> rows,
                                                   Function<T, Object[]> cells) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(Xlsx.CONTENT_TYPE))
                .body(Xlsx.write(sheet, headers, rows, cells));
    }
}
