package cn.hnsw.customs.screen;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.DeclarationHook;
import cn.hnsw.customs.declaration.DeclarationItem;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

/**
 * 录入界面配置校验 (FP 143): a field the operator made required on the type's entry screen must be filled before the
 * declaration is declared; drafts may stay incomplete.
 */
@Component
class EntryScreenRequirement implements DeclarationHook {

    private final ScreenConfigService screens;

    EntryScreenRequirement(ScreenConfigService screens) {
        this.screens = screens;
    }

    @Override
    public void declaring(CustomsDeclaration declaration) {
        List<Function<String, Object>> items = declaration.items().stream()
                .<Function<String, Object>>map(i -> i::field).toList();
        List<String> missing = screens.missingRequired(declaration.type(), declaration.header()::field, items);
        if (!missing.isEmpty()) {
            throw new HnswException(ScreenErrorCode.SCREEN_REQUIRED_FIELD_MISSING, String.join("、", missing));
        }
    }
}
