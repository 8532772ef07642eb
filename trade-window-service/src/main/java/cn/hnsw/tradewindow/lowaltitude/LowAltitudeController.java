package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.Actors;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeRepository.Report;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeRepository.Subject;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 低慢小航空器报送: subjects, reports and follow-up forms (reporter side), receipt, review and statistics (government). */
@RestController
@RequestMapping("/api/trade-window/v1/low-altitude")
class LowAltitudeController {

    private final LowAltitudeReportingService service;
    private final LowAltitudeNotices notices;

    LowAltitudeController(LowAltitudeReportingService service, LowAltitudeNotices notices) {
        this.service = service;
        this.notices = notices;
    }

    record SubjectRequest(@NotBlank @Pattern(regexp = "ENTERPRISE|INDIVIDUAL") String kind,
                          @NotBlank @Size(max = 200) String name, @Size(max = 64) String certificateNo,
                          @NotBlank @Pattern(regexp = "1\\d{10}|0\\d{2,3}-?\\d{7,8}") String contactPhone,
                          @NotBlank @Pattern(regexp = "B-[0-9A-Z]{4,5}(,B-[0-9A-Z]{4,5})*") String aircraftRegs,
                          @Size(max = 100) String operatorLicence, boolean submit) {
        LowAltitudeReportingService.SubjectInput input() {
            return new LowAltitudeReportingService.SubjectInput(name, certificateNo, contactPhone, aircraftRegs,
                    operatorLicence);
        }
    }

    record ReportRequest(@Size(max = 64) String airport, @Size(max = 32) String aircraftReg, LocalDate flightDate,
                         @NotNull JsonNode content) {
        LowAltitudeReportingService.ReportInput input() {
            return new LowAltitudeReportingService.ReportInput(airport, aircraftReg, flightDate, content);
        }
    }

    record OriginalRequest(@NotNull UUID subjectId, @NotBlank @Pattern(regexp = "CARGO|PASSENGER") String activity,
                           @NotBlank @Size(max = 64) String airport, @NotBlank @Size(max = 32) String aircraftReg,
                           @NotNull LocalDate flightDate, @NotNull JsonNode content) {
    }

    record FollowUpRequest(@NotBlank @Pattern(regexp = "CORRECTION|WITHDRAWAL|SUPPLEMENT") String form,
                           @Size(max = 64) String airport, @Size(max = 32) String aircraftReg, LocalDate flightDate,
                           @NotNull JsonNode content) {
    }

    record ReviewRequest(@NotBlank @Pattern(regexp = "APPROVED|RETURNED") String result,
                         @NotBlank @Size(max = 1000) String opinion) {
    }

    @PostMapping("/subjects")
    @ResponseStatus(HttpStatus.CREATED)
    Subject register(@Valid @RequestBody SubjectRequest r) {
        return service.registerSubject(Actors.current(), r.kind(), r.input(), r.submit());
    }

    @GetMapping("/subjects")
    List<Subject> subjects() {
        return service.subjects(Actors.current());
    }

    @GetMapping("/subjects/{id}")
    Subject subject(@PathVariable UUID id) {
        return service.subject(Actors.current(), id);
    }

    @PutMapping("/subjects/{id}")
    Subject change(@PathVariable UUID id, @Valid @RequestBody SubjectRequest r) {
        return service.changeSubject(Actors.current(), id, r.input());
    }

    @PostMapping("/subjects/{id}/submission")
    Subject submit(@PathVariable UUID id) {
        return service.submitSubject(Actors.current(), id);
    }

    @PostMapping("/subjects/{id}/revocation")
    Subject revoke(@PathVariable UUID id) {
        return service.revokeSubject(Actors.current(), id);
    }

    @DeleteMapping("/subjects/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSubject(@PathVariable UUID id) {
        service.deleteSubject(Actors.current(), id);
    }

    @GetMapping("/subjects/{id}/credit-records")
    List<Map<String, Object>> credit(@PathVariable UUID id) {
        return service.credit(Actors.current(), id);
    }

    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    Report create(@Valid @RequestBody OriginalRequest r) {
        return service.createReport(Actors.current(), r.subjectId(), r.activity(),
                new LowAltitudeReportingService.ReportInput(r.airport(), r.aircraftReg(), r.flightDate(), r.content()));
    }

    @PostMapping("/reports/{id}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    Report followUp(@PathVariable UUID id, @Valid @RequestBody FollowUpRequest r) {
        return service.createFollowUp(Actors.current(), id, r.form(),
                new LowAltitudeReportingService.ReportInput(r.airport(), r.aircraftReg(), r.flightDate(), r.content()));
    }

    @GetMapping("/reports")
    List<Report> reports(@RequestParam(required = false) @Pattern(regexp = "CARGO|PASSENGER") String activity,
                         @RequestParam(required = false) String status,
                         @RequestParam(required = false) @Pattern(regexp = "ORIGINAL|CORRECTION|WITHDRAWAL|SUPPLEMENT") String form) {
        return service.reports(Actors.current(), activity, status, form);
    }

    @GetMapping("/reports/{id}")
    Report report(@PathVariable UUID id) {
        return service.report(Actors.current(), id);
    }

    @PutMapping("/reports/{id}")
    Report edit(@PathVariable UUID id, @Valid @RequestBody ReportRequest r) {
        return service.editReport(Actors.current(), id, r.input());
    }

    @DeleteMapping("/reports/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.deleteReport(Actors.current(), id);
    }

    @PostMapping("/reports/{id}/declaration")
    Report declare(@PathVariable UUID id) {
        return service.declare(Actors.current(), id);
    }

    @PostMapping("/reports/{id}/review")
    Report review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest r) {
        return service.review(Actors.current(), id, r.result(), r.opinion());
    }

    @PostMapping("/reports/{id}/receipt")
    Report receipt(@PathVariable UUID id) {
        return service.sendReceipt(Actors.current(), id);
    }

    @PostMapping("/reports/{id}/receipt-application")
    Report applyReceipt(@PathVariable UUID id) {
        return service.applyReceipt(Actors.current(), id);
    }

    @GetMapping("/statistics/periods")
    Map<String, Object> periodStatistics() {
        return service.periodStatistics(Actors.current());
    }

    @GetMapping("/statistics")
    Map<String, Object> statistics() {
        return service.statistics(Actors.current());
    }

    /** The reporter's own notices (PC and mobile ends) sent from the notice templates. */
    @GetMapping("/my-notices")
    List<LowAltitudeNotices.Message> myNotices() {
        return notices.mine(Actors.current());
    }

    /** 通知订阅: the subscribable templates and the reporter's subscriptions to them. */
    @GetMapping("/my-subscriptions")
    List<LowAltitudeNotices.Subscription> mySubscriptions() {
        return notices.subscriptions(Actors.current());
    }

    @PutMapping("/my-subscriptions/{code}")
    List<LowAltitudeNotices.Subscription> subscribe(@PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String code) {
        return notices.subscribe(Actors.current(), code);
    }

    @DeleteMapping("/my-subscriptions/{code}")
    List<LowAltitudeNotices.Subscription> unsubscribe(@PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String code) {
        return notices.unsubscribe(Actors.current(), code);
    }
}
