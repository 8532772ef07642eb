package cn.hnsw.passenger.tax;

import cn.hnsw.common.crypto.Sm3;
import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.passenger.clearance.ClearanceLog;
import cn.hnsw.passenger.customs.CustomsClearanceGateway;
import cn.hnsw.passenger.customs.TechnicalAck;
import cn.hnsw.passenger.declaration.DeclarationService;
import cn.hnsw.passenger.partner.PartnerRefusedException;
import cn.hnsw.passenger.partner.PartnerUnavailableException;
import cn.hnsw.passenger.settings.SettingStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 线上缴税: assessment from customs' receipt, the traveler's tax entry, and the tripartite agreement. */
@Service
public class TaxService {

    public static final String AGREEMENT_SETTINGS = "agreement";

    static final String TAX_ENTRY_SETTINGS = "tax-entry";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TaxRepository taxes;
    private final SettingStore settings;
    private final CustomsClearanceGateway customs;
    private final ClearanceLog clearanceLog;
    private final OutboxPublisher outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public TaxService(TaxRepository taxes, SettingStore settings, CustomsClearanceGateway customs,
                      ClearanceLog clearanceLog, OutboxPublisher outbox, JdbcTemplate jdbc, Clock clock) {
        this.taxes = taxes;
        this.settings = settings;
        this.customs = customs;
        this.clearanceLog = clearanceLog;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Called when customs' receipt says tax is due, in the receipt's transaction; once per declaration. */
    public TaxPayment assess(UUID declarationId, String travelerId, String port, List<TaxLine> lines,
                             BigDecimal total) {
        return taxes.findByDeclaration(declarationId).orElseGet(() -> {
            TaxPayment t = TaxPayment.assess(newTaxNo(), declarationId, travelerId, port, lines,
                    total.setScale(2, java.math.RoundingMode.HALF_UP), clock.instant());
            taxes.insert(t);
            return t;
        });
    }

    public TaxPayment visible(CurrentActor actor, UUID id) {
        TaxPayment t = taxes.find(id).orElseThrow(() -> new HnswException(TaxErrorCode.TAX_NOT_FOUND));
        if (!DeclarationService.isOfficer(actor) && !t.travelerId().equals(actor.userId())) {
            throw new HnswException(TaxErrorCode.TAX_NOT_FOUND);
        }
        return t;
    }

    /** 税款查询: own taxes for a traveler, all for officers; never older than three years. */
    public PageResponse<TaxPayment> search(CurrentActor actor, TaxRepository.Filter f, PageQuery page) {
        Instant threeYears = LocalDate.now(clock.withZone(DeclarationService.CHINA)).minusYears(3)
                .atStartOfDay(DeclarationService.CHINA).toInstant();
        Instant from = f.from() == null || f.from().isBefore(threeYears) ? threeYears : f.from();
        TaxRepository.Filter scoped = new TaxRepository.Filter(
                DeclarationService.isOfficer(actor) ? f.travelerId() : actor.userId(), f.taxNo(), f.status(), f.port(),
                f.minTotal(), f.maxTotal(), from, f.to());
        return PageResponse.of(taxes.search(scoped, page), page, taxes.count(scoped));
    }

    /** 线上缴税录入: the traveler confirms the assessed amount; the tax entry goes to customs sealed. */
    @Transactional(noRollbackFor = HnswException.class)
    public TaxPayment enter(CurrentActor traveler, UUID id, BigDecimal confirmedTotal) {
        TaxPayment t = ownLocked(traveler, id);
        taxEntrySettings().check(t, clock.instant());
        t.enter(confirmedTotal, clock.instant());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("taxNo", t.taxNo());
        message.put("declarationId", t.declarationId().toString());
        message.put("total", t.total());
        message.put("lines", t.lines());
        message.put("enteredAt", t.enteredAt().toString());
        TechnicalAck ack = sendToCustoms("TAX_ENTRY", t.taxNo(), message);
        taxes.update(t);
        clearanceLog.record(t.declarationId(), "TAX_ENTERED", "TAX_DUE", traveler.username(),
                "确认缴税 " + t.total().toPlainString() + " 元，已加签加密发送海关（回执 " + ack.messageId() + "）",
                "Tax entry of CNY " + t.total().toPlainString() + " signed, encrypted and sent to customs");
        return t;
    }

    public record AgreementPreview(int textVersion, String titleZh, String titleEn, String bodyZh, String bodyEn,
                                   String taxNo, BigDecimal amount) {
    }

    /** 线上缴税申报校验设置 in force: the newest an officer saved, else {@link TaxEntrySettings#DEFAULT}. */
    public TaxEntrySettings taxEntrySettings() {
        return settings.current(TAX_ENTRY_SETTINGS, TaxEntrySettings.class).map(SettingStore.Versioned::content)
                .orElse(TaxEntrySettings.DEFAULT);
    }

    @Transactional
    public int saveTaxEntrySettings(TaxEntrySettings newSettings, CurrentActor officer) {
        if (newSettings == null) {
            throw new HnswException(cn.hnsw.common.web.CommonErrorCode.MALFORMED_REQUEST, "empty body");
        }
        java.util.List<cn.hnsw.common.web.FieldViolation> v = newSettings.violations();
        if (!v.isEmpty()) {
            throw new HnswException(cn.hnsw.common.web.CommonErrorCode.VALIDATION_FAILED, v, null);
        }
        return settings.save(TAX_ENTRY_SETTINGS, new TaxEntrySettings(
                newSettings.maxOnlineTotal().setScale(2, java.math.RoundingMode.UNNECESSARY),
                newSettings.entryValidDays()), officer.username());
    }

    public AgreementText agreementText() {
        return currentAgreement().content();
    }

    private SettingStore.Versioned<AgreementText> currentAgreement() {
        return settings.current(AGREEMENT_SETTINGS, AgreementText.class)
                .orElse(new SettingStore.Versioned<>(0, AgreementText.DEFAULT, "system", Instant.EPOCH));
    }

    @Transactional
    public int saveAgreementText(AgreementText text, CurrentActor officer) {
        if (text == null || blank(text.titleZh()) || blank(text.titleEn()) || blank(text.bodyZh())
                || blank(text.bodyEn()) || text.bodyZh().length() > 5000 || text.bodyEn().length() > 5000) {
            throw new HnswException(TaxErrorCode.SETTINGS_INVALID, "title and body in both languages, at most 5000 characters");
        }
        return settings.save(AGREEMENT_SETTINGS, text, officer.username());
    }

    /** 协议预览: the agreement as the traveler will sign it. */
    public AgreementPreview previewAgreement(CurrentActor traveler, UUID id, String channelNameZh, String channelNameEn) {
        TaxPayment t = visible(traveler, id);
        SettingStore.Versioned<AgreementText> text = currentAgreement();
        AgreementText a = text.content();
        String amount = t.total().toPlainString();
        return new AgreementPreview(text.version(), a.titleZh(), a.titleEn(),
                a.fill(a.bodyZh(), t.taxNo(), amount, channelNameZh), a.fill(a.bodyEn(), t.taxNo(), amount, channelNameEn),
                t.taxNo(), t.total());
    }

    public record SignedAgreement(UUID agreementId, String taxNo, Instant signedAt, String customsReceipt,
                                  String bankReceipt) {
    }

    /**
     * 签署确认: the traveler signs the text version they read; the signed receipt goes to customs (FP 44) and,
     * through {@code bankReceipt}, to the bank of the chosen channel (FP 45).
     */
    @Transactional(noRollbackFor = HnswException.class)
    public SignedAgreement signAgreement(CurrentActor traveler, UUID id, String channel, int textVersion,
                                         boolean consent, String channelNameZh, String channelNameEn,
                                         java.util.function.BiFunction<String, Instant, Boolean> bankReceipt) {
        if (!consent) {
            throw new HnswException(TaxErrorCode.AGREEMENT_NOT_CONSENTED);
        }
        TaxPayment t = ownLocked(traveler, id);
        SettingStore.Versioned<AgreementText> text = currentAgreement();
        if (text.version() != textVersion) {
            throw new HnswException(TaxErrorCode.AGREEMENT_TEXT_OUTDATED, text.version());
        }
        t.agreementSigned();
        Instant now = clock.instant();
        UUID agreementId = UUID.randomUUID();
        AgreementPreview preview = previewAgreement(traveler, id, channelNameZh, channelNameEn);
        String digest = HexFormat.of().formatHex(Sm3.digest((preview.bodyZh() + "\n" + preview.bodyEn())
                .getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("agreementId", agreementId.toString());
        message.put("taxNo", t.taxNo());
        message.put("channel", channel);
        message.put("textVersion", textVersion);
        message.put("textDigestSm3", digest);
        message.put("signedAt", now.toString());
        String customsOutcome;
        try {
            customsOutcome = customs.send("AGREEMENT_RECEIPT", t.taxNo(), message).accepted() ? "SENT" : "REJECTED";
        } catch (PartnerUnavailableException | PartnerRefusedException e) {
            customsOutcome = "FAILED";
        }
        String bankOutcome = bankReceipt.apply(agreementId.toString(), now) ? "SENT" : "FAILED";
        jdbc.update("""
                INSERT INTO tripartite_agreement (id, tax_payment_id, traveler_id, channel, text_version, text_digest,
                    signed_at, customs_receipt, bank_receipt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tax_payment_id) DO NOTHING""", agreementId, t.id(), t.travelerId(), channel,
                textVersion, digest, Timestamp.from(now), customsOutcome, bankOutcome);
        taxes.update(t);
        clearanceLog.record(t.declarationId(), "AGREEMENT_SIGNED", "TAX_DUE", traveler.username(),
                "签署三方协议（" + channelNameZh + "），回执海关：" + customsOutcome + "，回执银行：" + bankOutcome,
                "Tripartite agreement signed (" + channelNameEn + "); receipt to customs: " + customsOutcome
                        + ", to the bank: " + bankOutcome);
        return new SignedAgreement(agreementId, t.taxNo(), now, customsOutcome, bankOutcome);
    }

    public TaxPayment find(UUID id) {
        return taxes.find(id).orElseThrow(() -> new HnswException(TaxErrorCode.TAX_NOT_FOUND));
    }

    /** Locks the tax payment for a payment order or a credit. */
    public TaxPayment lockForPayment(UUID id) {
        return taxes.lock(id).orElseThrow(() -> new HnswException(TaxErrorCode.TAX_NOT_FOUND));
    }

    public void requirePayable(TaxPayment t) {
        t.requirePayable();
    }

    /**
     * Credits a payment: true the first time; false when the tax was already paid (by another order), which never
     * credits twice. Tells customs the tax is paid so that it releases the articles.
     */
    public boolean credit(TaxPayment t, String channel) {
        if (!t.credit(channel, clock.instant())) {
            return false;
        }
        taxes.update(t);
        String topic = EventTopics.topic("passenger", "tax-paid");
        outbox.publish(topic, "TaxPayment", t.id().toString(), topic, Map.of("taxId", t.id().toString(),
                "taxNo", t.taxNo(), "declarationId", t.declarationId().toString(), "total", t.total(),
                "channel", channel));
        return true;
    }

    /** After the credit commits: customs learns the tax is paid (TAX_PAID); it answers with a release receipt. */
    public void notifyCustomsPaid(TaxPayment t, UUID conversationId, int revision) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("conversationId", conversationId.toString());
        message.put("revision", revision);
        message.put("taxNo", t.taxNo());
        message.put("declarationId", t.declarationId().toString());
        message.put("total", t.total());
        message.put("paidAt", t.paidAt() == null ? clock.instant().toString() : t.paidAt().toString());
        message.put("channel", t.paidChannel());
        try {
            sendToCustoms("TAX_PAID", t.taxNo(), message);
        } catch (HnswException e) {
            // logged in the message log by the gateway; customs can still be told by an operator resend
        }
    }

    public Map<String, Object> agreementOf(UUID taxId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id, channel, text_version, text_digest, signed_at, customs_receipt, bank_receipt "
                        + "FROM tripartite_agreement WHERE tax_payment_id = ?", taxId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private TechnicalAck sendToCustoms(String type, String businessId, Map<String, Object> message) {
        try {
            TechnicalAck ack = customs.send(type, businessId, message);
            if (!ack.accepted()) {
                throw new HnswException(TaxErrorCode.CUSTOMS_UNAVAILABLE);
            }
            return ack;
        } catch (PartnerUnavailableException | PartnerRefusedException e) {
            throw new HnswException(TaxErrorCode.CUSTOMS_UNAVAILABLE);
        }
    }

    private TaxPayment ownLocked(CurrentActor traveler, UUID id) {
        TaxPayment t = taxes.lock(id).orElseThrow(() -> new HnswException(TaxErrorCode.TAX_NOT_FOUND));
        if (!t.travelerId().equals(traveler.userId())) {
            throw new HnswException(TaxErrorCode.TAX_NOT_FOUND);
        }
        return t;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String newTaxNo() {
        return "TX" + LocalDate.now(clock.withZone(DeclarationService.CHINA)).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%010d", RANDOM.nextLong(10_000_000_000L));
    }

    static Instant truncate(Instant i) {
        return i.truncatedTo(ChronoUnit.MILLIS);
    }
}
