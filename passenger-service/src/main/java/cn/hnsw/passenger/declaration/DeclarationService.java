package cn.hnsw.passenger.declaration;

import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.passenger.clearance.ClearanceLog;
import cn.hnsw.passenger.settings.SettingStore;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The declaration pipeline: validate against the settings in force → store with a pending request → (after commit)
 * the {@link CustomsDispatcher} seals and sends it → receipts move it on. Submit, modify and delete all take this path.
 */
@Service
public class DeclarationService {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String VALIDATION_SETTINGS = "validation";
    public static final List<String> OFFICER_ROLES = List.of(Roles.CUSTOMS_OFFICER, Roles.CUSTOMS_REVIEWER,
            Roles.CUSTOMS_FINANCE, Roles.SW_OPERATOR, Roles.PLATFORM_ADMIN);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DeclarationRepository declarations;
    private final SettingStore settings;
    private final ClearanceLog clearanceLog;
    private final OutboxPublisher outbox;
    private final CustomsDispatcher dispatcher;
    private final Clock clock;

    public DeclarationService(DeclarationRepository declarations, SettingStore settings, ClearanceLog clearanceLog,
                              OutboxPublisher outbox, CustomsDispatcher dispatcher, Clock clock) {
        this.declarations = declarations;
        this.settings = settings;
        this.clearanceLog = clearanceLog;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** The validation settings in force: the newest an officer saved, else the defaults below. */
    public ValidationSettings validationSettings() {
        return settings.current(VALIDATION_SETTINGS, ValidationSettings.class).map(SettingStore.Versioned::content)
                .orElse(DEFAULT_SETTINGS);
    }

    public static final ValidationSettings DEFAULT_SETTINGS = new ValidationSettings(
            java.util.Set.of("ticketNo", "travelerName", "item.value"),
            Map.of(ArticleCategory.TOBACCO_ALCOHOL, new BigDecimal("10"), ArticleCategory.MEDICINE, new BigDecimal("20")),
            List.of("象牙", "毒品", "枪支", "弹药", "濒危", "ivory", "narcotic", "firearm"),
            new BigDecimal("200000"), new BigDecimal("500000"), 50,
            Map.of("CNY", BigDecimal.ONE, "USD", new BigDecimal("7.10"), "HKD", new BigDecimal("0.91"),
                    "EUR", new BigDecimal("7.75")));

    @Transactional
    public int saveValidationSettings(ValidationSettings newSettings, CurrentActor officer) {
        List<String> problems = newSettings.problems();
        if (!problems.isEmpty()) {
            throw new HnswException(DeclarationErrorCode.SETTINGS_INVALID, String.join("; ", problems));
        }
        return settings.save(VALIDATION_SETTINGS, newSettings, officer.username());
    }

    /** 数据预览: what would be refused, without storing anything. */
    public List<FieldViolation> preview(DeclarationContent content) {
        return DeclarationValidator.validate(clean(content), validationSettings(), today());
    }

    @Transactional
    public BaggageDeclaration submit(CurrentActor traveler, DeclarationContent content) {
        DeclarationContent clean = clean(content);
        refuseIfInvalid(DeclarationValidator.validate(clean, validationSettings(), today()));
        BaggageDeclaration d = BaggageDeclaration.submit(traveler.userId(), newDeclarationNo(), clean, clock);
        declarations.insert(d);
        clearanceLog.record(d.id(), "SUBMITTED", d.status().name(), traveler.username(), "提交申报，等待发送海关",
                "Declaration submitted, waiting to be sent to customs");
        publish("declaration-submitted", d);
        dispatchAfterCommit();
        return d;
    }

    @Transactional
    public BaggageDeclaration modify(CurrentActor traveler, UUID id, DeclarationContent content) {
        BaggageDeclaration d = ownLocked(traveler, id);
        DeclarationContent clean = clean(content);
        refuseIfInvalid(DeclarationValidator.validate(clean, validationSettings(), today()));
        d.modify(clean, clock);
        declarations.update(d);
        clearanceLog.record(d.id(), "MODIFIED", d.status().name(), traveler.username(),
                "修改申报（第 " + d.revision() + " 版），等待发送海关",
                "Declaration modified (revision " + d.revision() + "), waiting to be sent to customs");
        publish("declaration-modified", d);
        dispatchAfterCommit();
        return d;
    }

    @Transactional
    public BaggageDeclaration requestDeletion(CurrentActor traveler, UUID id, String reason) {
        BaggageDeclaration d = ownLocked(traveler, id);
        refuseIfInvalid(DeclarationValidator.validateDeletion(reason, validationSettings()));
        d.requestDeletion(reason, clock);
        declarations.update(d);
        clearanceLog.record(d.id(), "DELETION_REQUESTED", d.status().name(), traveler.username(),
                "申请删除申报：" + (reason == null ? "" : reason), "Deletion requested: " + (reason == null ? "" : reason));
        publish("declaration-deletion-requested", d);
        dispatchAfterCommit();
        return d;
    }

    /** A traveler sees only their own declarations (another's id is "not found"); officers see all. */
    public BaggageDeclaration visible(CurrentActor actor, UUID id) {
        BaggageDeclaration d = declarations.find(id)
                .orElseThrow(() -> new HnswException(DeclarationErrorCode.DECLARATION_NOT_FOUND));
        if (!isOfficer(actor) && !d.ownedBy(actor.userId())) {
            throw new HnswException(DeclarationErrorCode.DECLARATION_NOT_FOUND);
        }
        return d;
    }

    public PageResponse<BaggageDeclaration> search(CurrentActor actor, DeclarationRepository.Filter filter,
                                                   PageQuery page) {
        DeclarationRepository.Filter scoped = isOfficer(actor) ? filter : new DeclarationRepository.Filter(
                actor.userId(), filter.status(), filter.port(), filter.from(), filter.to(), filter.declarationNo());
        return PageResponse.of(declarations.search(scoped, page), page, declarations.count(scoped));
    }

    public DeclarationRepository.DispatchState dispatchState(UUID id) {
        return declarations.dispatchState(id).orElse(new DeclarationRepository.DispatchState(0, null, false));
    }

    /** An operator releases a declaration whose message customs refused, after fixing the cause. */
    @Transactional
    public void retryDispatch(UUID id, CurrentActor operator) {
        if (!declarations.unblock(id)) {
            throw new HnswException(DeclarationErrorCode.DECLARATION_NOT_FOUND);
        }
        clearanceLog.record(id, "DISPATCH_RETRIED", "QUEUED", operator.username(), "运维人员重新发送", "Resent by an operator");
        dispatchAfterCommit();
    }

    /** The tax on the declaration was paid (called in the payment's transaction). */
    public void taxPaid(UUID declarationId) {
        BaggageDeclaration d = declarations.lock(declarationId)
                .orElseThrow(() -> new HnswException(DeclarationErrorCode.DECLARATION_NOT_FOUND));
        d.taxPaid(clock);
        declarations.update(d);
    }

    /** A declaration by id without an owner check, for the certificate and receipt features. */
    public java.util.Optional<BaggageDeclaration> find(UUID id) {
        return declarations.find(id);
    }

    public static boolean isOfficer(CurrentActor actor) {
        return actor.hasAnyRole(OFFICER_ROLES);
    }

    private BaggageDeclaration ownLocked(CurrentActor traveler, UUID id) {
        BaggageDeclaration d = declarations.lock(id)
                .orElseThrow(() -> new HnswException(DeclarationErrorCode.DECLARATION_NOT_FOUND));
        if (!d.ownedBy(traveler.userId())) {
            throw new HnswException(DeclarationErrorCode.DECLARATION_NOT_FOUND);
        }
        return d;
    }

    private void publish(String event, BaggageDeclaration d) {
        String topic = EventTopics.topic("passenger", event);
        outbox.publish(topic, "BaggageDeclaration", d.id().toString(), topic, Map.of(
                "declarationId", d.id().toString(), "declarationNo", d.declarationNo(),
                "port", d.content().port().name(), "status", d.status().name(), "revision", d.revision()));
    }

    private void dispatchAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.wake();
            }
        });
    }

    private static void refuseIfInvalid(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new HnswException(DeclarationErrorCode.DECLARATION_INVALID, violations, null);
        }
    }

    /** A traveler never sets customs' release annotation; currency defaults to CNY. */
    private static DeclarationContent clean(DeclarationContent c) {
        List<BaggageItem> items = new ArrayList<>();
        for (BaggageItem i : c.items()) {
            items.add(i == null ? null : new BaggageItem(i.category(), trim(i.name()), i.quantity(), trim(i.unit()),
                    i.value(), i.currency() == null || i.currency().isBlank() ? "CNY" : i.currency().trim(), null));
        }
        return new DeclarationContent(c.port(), c.departureDate(), c.transportMode(), trim(c.ticketNo()),
                trim(c.travelerName()), trim(c.documentNo()), items);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private String newDeclarationNo() {
        return "BD" + today().format(DAY) + String.format("%010d", RANDOM.nextLong(10_000_000_000L));
    }
}
