package cn.hnsw.common.admin;

import cn.hnsw.common.web.FieldViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MenuDraftTest {

    private static final List<String> ROLES = List.of("customs-officer", "customs-reviewer", "traveler");

    private static MenuDraft draft(String code, String path, Integer order, List<String> roles) {
        return new MenuDraft(null, code, "复核队列", "Review queue", path, "List", order, roles, true);
    }

    @Test
    void aWellFormedEntryPasses() {
        assertThat(draft("officer.passenger-review-queue", "/officer/passenger-review-queue", 24,
                List.of("customs-reviewer")).violations(ROLES)).isEmpty();
        assertThat(draft("officer", null, null, null).violations(ROLES)).as("route, order and roles are optional").isEmpty();
    }

    @Test
    void everyBadFieldIsReportedAtOnceInBothLanguages() {
        List<FieldViolation> v = new MenuDraft(null, "Review Queue", " ", "", "officer/queue", "x".repeat(65), -1,
                List.of("customs-officer", "partner-bank"), true).violations(ROLES);

        assertThat(v).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("code", "nameZh", "nameEn", "path", "icon", "sortOrder", "roles");
        assertThat(v).allSatisfy(f -> {
            assertThat(f.messageZh()).isNotBlank();
            assertThat(f.messageEn()).isNotBlank();
        });
        assertThat(v).filteredOn(f -> f.field().equals("roles")).extracting(FieldViolation::messageEn)
                .containsExactly("unknown role: partner-bank");
    }

    @Test
    void codesAreLowerCaseDottedOrHyphenatedWords() {
        assertThat(draft("traveler.tax", null, 0, List.of()).violations(ROLES)).isEmpty();
        for (String bad : List.of("1menu", "menu.", "menu..tax", "menu tax", "菜单", "a".repeat(65))) {
            assertThat(draft(bad, null, 0, List.of()).violations(ROLES)).as(bad).extracting(FieldViolation::field)
                    .containsExactly("code");
        }
    }
}
