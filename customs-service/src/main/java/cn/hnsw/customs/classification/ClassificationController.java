package cn.hnsw.customs.classification;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** 商品预归类 and 归类结果校验 for the screens: enterprises, officers and operators; the tariff table kept by operators. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/classification")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
class ClassificationController {

    private final ClassificationService service;

    ClassificationController(ClassificationService service) {
        this.service = service;
    }

    /** What a classification request carries. */
    record ClassifyRequest(@Size(max = 200) String name, @Size(max = 500) String specification, Integer limit) {
    }

    /** What a verification request carries. */
    record VerifyRequest(@NotNull @Size(min = 1) List<ClassificationService.ItemToVerify> items) {
    }

    @PostMapping("/suggestions")
    ClassificationService.Classification classify(@Valid @RequestBody ClassifyRequest request) {
        return service.classify(Actors.current(), request.name(), request.specification(),
                request.limit() == null ? 5 : request.limit());
    }

    @PostMapping("/verifications")
    List<ClassificationService.ItemVerification> verify(@Valid @RequestBody VerifyRequest request) {
        return service.verify(Actors.current(), request.items());
    }

    @GetMapping("/declarations/{id}")
    List<ClassificationService.ItemVerification> verifyDeclaration(@PathVariable UUID id) {
        return service.verifyDeclaration(Actors.current(), id);
    }

    @GetMapping("/logs")
    PageResponse<TariffRepository.LogEntry> logs(@RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        return service.logs(Actors.current(), PageQuery.of(page, size));
    }

    @GetMapping("/tariff")
    PageResponse<TariffCommodity> tariff(@RequestParam(required = false) String q,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return service.tariff(q, PageQuery.of(page, size));
    }

    @GetMapping("/tariff/{hsCode}")
    TariffCommodity commodity(@PathVariable String hsCode) {
        return service.commodity(hsCode);
    }

    @PutMapping("/tariff/{hsCode}")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    TariffCommodity save(@PathVariable String hsCode, @Valid @RequestBody TariffCommodity.Change change) {
        return service.saveCommodity(Actors.current(), hsCode, change);
    }
}
