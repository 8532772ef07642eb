package cn.hnsw.customs.screen;

import cn.hnsw.common.security.Actors;
import cn.hnsw.customs.declaration.DeclarationDocument;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 查询详情展示 by the operator's 查询详情设置 (FP 372, 828, 1113): the declaration's header fields and each goods
 * item's fields that the declaration type's DETAIL screen names, in its order, each with its labels; what the setting
 * leaves out is not sent. The same visibility as the declaration itself (another enterprise: 404).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/declarations")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
class DeclarationDetailController {

    private final DeclarationService declarations;
    private final ScreenConfigService screens;

    DeclarationDetailController(DeclarationService declarations, ScreenConfigService screens) {
        this.declarations = declarations;
        this.screens = screens;
    }

    record DetailField(String field, String labelZh, String labelEn, Object value) {
    }

    record Detail(UUID id, String preEntryNo, String declarationType, String status, String statusZh,
                  String statusEn, int settingVersion, List<DetailField> header, List<List<DetailField>> items) {
    }

    @GetMapping("/{id}/detail")
    Detail detail(@PathVariable UUID id) {
        DeclarationDocument d = declarations.get(Actors.current(), id);
        ScreenConfig config = screens.of(d.declarationType(), Screen.DETAIL);
        List<DetailField> header = new ArrayList<>();
        for (ScreenField f : config.section(Screen.Section.HEADER)) {
            header.add(new DetailField(f.field(), f.labelZh(), f.labelEn(), ScreenValues.value(d.header(), f.field())));
        }
        List<List<DetailField>> items = new ArrayList<>();
        for (DeclarationItem item : d.items()) {
            List<DetailField> fields = new ArrayList<>();
            for (ScreenField f : config.section(Screen.Section.ITEM)) {
                fields.add(new DetailField(f.field(), f.labelZh(), f.labelEn(), ScreenValues.value(item, f.field())));
            }
            items.add(fields);
        }
        return new Detail(d.id(), d.preEntryNo(), d.declarationType().name(), d.status().name(), d.status().nameZh(),
                d.status().nameEn(), config.version(), header, items);
    }
}
