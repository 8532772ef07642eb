package cn.hnsw.ledger.warning;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DocumentAccess;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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

import java.util.List;

/** 通知方式配置 (the enterprise's channels per warning kind) and its notices (站内通知 and the SMS/e-mail log). */
@RestController
@RequestMapping("/api/ledger/v1")
@PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
class WarningNotificationController {

    private final WarningNotifications notifications;

    WarningNotificationController(WarningNotifications notifications) {
        this.notifications = notifications;
    }

    record SettingRequest(boolean inApp, boolean sms, boolean email, @Size(max = 5) List<String> smsRecipients,
                          @Size(max = 5) List<String> emailRecipients) {
    }

    @GetMapping("/warning-notification-settings")
    List<WarningNotifications.Setting> settings() {
        return notifications.settings(enterprise());
    }

    @PutMapping("/warning-notification-settings/{kind}")
    WarningNotifications.Setting save(@PathVariable String kind, @Valid @RequestBody SettingRequest r) {
        return notifications.save(enterprise(), new WarningNotifications.Setting(kind, r.inApp(), r.sms(), r.email(),
                r.smsRecipients(), r.emailRecipients(), true), Actors.current().username());
    }

    @DeleteMapping("/warning-notification-settings/{kind}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@PathVariable String kind) {
        if (!WarningNotifications.KINDS.contains(kind)) {
            throw new HnswException(LedgerErrorCode.NOTIFICATION_SETTING_INVALID, "未知预警类型 " + kind, "unknown warning kind " + kind);
        }
        notifications.reset(enterprise(), kind);
    }

    @GetMapping("/warning-notifications")
    List<WarningNotifications.Notice> notices(@RequestParam(required = false) String channel,
                                              @RequestParam(defaultValue = "false") boolean unread) {
        return notifications.notices(enterprise(), channel, unread);
    }

    @PostMapping("/warning-notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable long id) {
        notifications.markRead(enterprise(), id);
    }

    private static String enterprise() {
        return DocumentAccess.ownEnterprise(Actors.current());
    }
}
