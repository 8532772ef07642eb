package cn.hnsw.passenger.tax;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.passenger.payment.PaymentChannel;
import cn.hnsw.passenger.payment.PaymentChannelAdapter;
import cn.hnsw.passenger.payment.PaymentChannels;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 线上缴税录入, 三方协议 (preview, text settings, signing) and 税款查询. */
@RestController
@RequestMapping("${hnsw.api.base}/v1")
class TaxController {

    static final String ANY = "hasAnyRole('traveler','customs-officer','customs-reviewer','customs-finance','sw-operator','platform-admin')";

    private final TaxService taxes;
    private final PaymentChannels channels;

    TaxController(TaxService taxes, PaymentChannels channels) {
        this.taxes = taxes;
        this.channels = channels;
    }

    record TaxView(UUID id, String taxNo, UUID declarationId, String port, List<TaxLine> lines, BigDecimal total,
                   TaxPaymentStatus status, Instant assessedAt, Instant enteredAt, Instant paidAt, String paidChannel,
                   Map<String, Object> agreement) {
    }

    record EntryRequest(BigDecimal confirmedTotal) {
    }

    record SignRequest(PaymentChannel channel, int textVersion, boolean consent) {
    }

    record ChannelView(PaymentChannel channel, String nameZh, String nameEn) {
    }

    @GetMapping("/taxes")
    @PreAuthorize(ANY)
    PageResponse<TaxView> search(@RequestParam(required = false) String taxNo,
                                 @RequestParam(required = false) TaxPaymentStatus status,
                                 @RequestParam(required = false) String port,
                                 @RequestParam(required = false) BigDecimal minTotal,
                                 @RequestParam(required = false) BigDecimal maxTotal,
                                 @RequestParam(required = false) Instant from,
                                 @RequestParam(required = false) Instant to,
                                 @RequestParam(required = false) String travelerId,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return taxes.search(Actors.current(), new TaxRepository.Filter(travelerId, taxNo, status, port, minTotal,
                maxTotal, from, to), PageQuery.of(page, size)).map(t -> view(t, false));
    }

    @GetMapping("/taxes/{id}")
    @PreAuthorize(ANY)
    TaxView detail(@PathVariable UUID id) {
        return view(taxes.visible(Actors.current(), id), true);
    }

    @PostMapping("/taxes/{id}/entry")
    @PreAuthorize("hasRole('traveler')")
    TaxView enter(@PathVariable UUID id, @RequestBody EntryRequest request) {
        return view(taxes.enter(Actors.current(), id, request.confirmedTotal()), true);
    }

    @GetMapping("/taxes/{id}/agreement")
    @PreAuthorize(ANY)
    TaxService.AgreementPreview preview(@PathVariable UUID id, @RequestParam PaymentChannel channel) {
        PaymentChannelAdapter adapter = channels.require(channel);
        return taxes.previewAgreement(Actors.current(), id, adapter.channel().nameZh(), adapter.channel().nameEn());
    }

    @PostMapping("/taxes/{id}/agreement")
    @PreAuthorize("hasRole('traveler')")
    TaxService.SignedAgreement sign(@PathVariable UUID id, @RequestBody SignRequest request) {
        if (request.channel() == null) {
            throw new cn.hnsw.common.web.HnswException(TaxErrorCode.CHANNEL_DISABLED, "null");
        }
        PaymentChannelAdapter adapter = channels.require(request.channel());
        CurrentActor traveler = Actors.current();
        TaxPayment t = taxes.visible(traveler, id);
        return taxes.signAgreement(traveler, id, request.channel().name(), request.textVersion(), request.consent(),
                request.channel().nameZh(), request.channel().nameEn(),
                (agreementId, signedAt) -> adapter.sendAgreementReceipt(agreementId, t.taxNo(), signedAt));
    }

    @GetMapping("/agreement-text")
    @PreAuthorize(ANY)
    AgreementText agreementText() {
        return taxes.agreementText();
    }

    @PutMapping("/agreement-text")
    @PreAuthorize("hasAnyRole('customs-finance','customs-officer','platform-admin')")
    Map<String, Object> saveAgreementText(@RequestBody AgreementText text) {
        return Map.of("version", taxes.saveAgreementText(text, Actors.current()), "text", taxes.agreementText());
    }

    @GetMapping("/settings/tax-entry")
    @PreAuthorize(ANY)
    TaxEntrySettings taxEntrySettings() {
        return taxes.taxEntrySettings();
    }

    @PutMapping("/settings/tax-entry")
    @PreAuthorize("hasAnyRole('customs-finance','customs-officer','platform-admin')")
    Map<String, Object> saveTaxEntrySettings(@RequestBody TaxEntrySettings settings) {
        return Map.of("version", taxes.saveTaxEntrySettings(settings, Actors.current()), "settings",
                taxes.taxEntrySettings());
    }

    @GetMapping("/payment-channels")
    @PreAuthorize(ANY)
    List<ChannelView> paymentChannels() {
        return channels.enabled().stream().map(c -> new ChannelView(c, c.nameZh(), c.nameEn())).toList();
    }

    private TaxView view(TaxPayment t, boolean withAgreement) {
        return new TaxView(t.id(), t.taxNo(), t.declarationId(), t.port(), t.lines(), t.total(), t.status(),
                t.assessedAt(), t.enteredAt(), t.paidAt(), t.paidChannel(),
                withAgreement ? taxes.agreementOf(t.id()) : null);
    }
}
