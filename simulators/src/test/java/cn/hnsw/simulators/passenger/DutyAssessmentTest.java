package cn.hnsw.simulators.passenger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The duty table as data and the allowance rules the customs simulator applies. */
class DutyAssessmentTest {

    private static final DutyTable TABLE = DutyTable.load(new ObjectMapper());

    private static DutyAssessment.Article article(int i, String category, String quantity, String value) {
        return new DutyAssessment.Article(i, category, "物品" + i, new BigDecimal(quantity), new BigDecimal(value), "CNY");
    }

    @Test
    void theTableIsLoadedFromDataWithItsSource() {
        assertThat(TABLE.residentAllowanceCny()).isEqualByComparingTo("5000");
        assertThat(TABLE.source()).contains("2010年第54号").contains("税委会〔2019〕17号");
        assertThat(TABLE.categories()).containsKeys("TOBACCO_ALCOHOL", "VALUABLES", "FOOD", "MEDICINE", "OTHER_SPECIAL");
    }

    @Test
    void articlesWithinTheAllowanceAreFree() {
        DutyAssessment.Result r = DutyAssessment.assess(TABLE, List.of(article(0, "FOOD", "3", "1200.00"),
                article(1, "VALUABLES", "1", "3800.00")));
        assertThat(r.total()).isEqualByComparingTo("0");
        assertThat(r.exemptIndexes()).containsExactly(0, 1);
    }

    @Test
    void anIndivisibleArticleBeyondTheAllowanceIsTaxedInFullAndSmallerOnesStillFit() {
        DutyAssessment.Result r = DutyAssessment.assess(TABLE, List.of(article(0, "FOOD", "1", "1000.00"),
                article(1, "VALUABLES", "1", "8800.00"), article(2, "MEDICINE", "2", "300.00")));
        assertThat(r.lines()).hasSize(1);
        DutyAssessment.Line watch = r.lines().get(0);
        assertThat(watch.index()).isEqualTo(1);
        assertThat(watch.dutiableValue()).isEqualByComparingTo("8800.00");
        assertThat(watch.tax()).isEqualByComparingTo("1760.00");
        assertThat(r.exemptIndexes()).containsExactly(0, 2);
    }

    @Test
    void tobaccoAndAlcoholAreOutsideTheAllowanceAtFiftyPercent() {
        DutyAssessment.Result r = DutyAssessment.assess(TABLE, List.of(article(0, "TOBACCO_ALCOHOL", "2", "2398.00")));
        assertThat(r.total()).isEqualByComparingTo("1199.00");
        assertThat(r.lines().get(0).rate()).isEqualByComparingTo("0.50");
    }

    @Test
    void foreignCurrencyIsConvertedWithTheTablesRate() {
        DutyAssessment.Result r = DutyAssessment.assess(TABLE, List.of(new DutyAssessment.Article(0, "VALUABLES",
                "手提包", BigDecimal.ONE, new BigDecimal("1000.00"), "USD")));
        assertThat(r.lines().get(0).dutiableValue()).isEqualByComparingTo("7100.00");
        assertThat(r.total()).isEqualByComparingTo("1420.00");
    }
}
