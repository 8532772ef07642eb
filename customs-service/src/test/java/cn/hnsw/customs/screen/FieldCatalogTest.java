package cn.hnsw.customs.screen;

import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationSummary;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The catalog is the declaration model: every entered field is a real component the rules can read by name. */
class FieldCatalogTest {

    @Test
    void entryFieldsAreTheModelsComponentsAndEachIsReadableByName() {
        assertThat(FieldCatalog.section(Screen.Section.HEADER).keySet()).containsExactlyElementsOf(
                Arrays.stream(DeclarationHeader.class.getRecordComponents()).map(RecordComponent::getName)
                        .filter(n -> !n.equals("levyNatureConfirmed")).toList());
        DeclarationHeader header = DeclarationHeader.empty();
        FieldCatalog.section(Screen.Section.HEADER).keySet()
                .forEach(f -> assertThatCode(() -> header.field(f)).as(f).doesNotThrowAnyException());
        DeclarationItem item = new DeclarationItem(1, "3907610000", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        FieldCatalog.section(Screen.Section.ITEM).keySet()
                .forEach(f -> assertThatCode(() -> item.field(f)).as(f).doesNotThrowAnyException());
        assertThat(FieldCatalog.section(Screen.Section.ITEM)).containsKey("hsCode").doesNotContainKey("seq");
        assertThat(FieldCatalog.section(Screen.Section.RESULT)).hasSize(DeclarationSummary.class.getRecordComponents().length - 1);
        assertThat(FieldCatalog.section(Screen.Section.RESULT)).doesNotContainKey("id");
    }
}
