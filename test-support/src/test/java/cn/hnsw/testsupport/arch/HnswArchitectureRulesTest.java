package cn.hnsw.testsupport.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class HnswArchitectureRulesTest {

    static final JavaClasses BAD = new ClassFileImporter().importPackages("cn.hnsw.archfixture", "cn.hnsw.ledger.fixture");
    static final JavaClasses GOOD = new ClassFileImporter().importPackages("cn.hnsw.archgood");

    @Test
    void aServiceShapedByFeatureReachingOnlyItsOwnCodePasses() {
        assertThatCode(() -> HnswArchitectureRules.check("cn.hnsw.archgood", GOOD)).doesNotThrowAnyException();
    }

    @Test
    void eachRuleCatchesItsViolation() {
        assertThat(violations(HnswArchitectureRules.featurePackagesOnly("cn.hnsw.archfixture")))
                .contains("LooseHelper");
        assertThat(violations(HnswArchitectureRules.noLayerPackages("cn.hnsw.archfixture")))
                .contains("layer package 'controller'");
        assertThat(violations(HnswArchitectureRules.controllersUseOnlyTheirOwnFeaturesRepositories("cn.hnsw.archfixture")))
                .contains("DeclarationController reaches into another feature's repository cn.hnsw.archfixture.tax.TaxRepository");
        assertThat(violations(HnswArchitectureRules.domainFreeOfWebTypes("cn.hnsw.archfixture")))
                .contains("TaxAssessment").doesNotContain("DeclarationController");
        assertThat(violations(HnswArchitectureRules.noOtherServiceCode("cn.hnsw.archfixture")))
                .contains("cn.hnsw.ledger.fixture.LedgerPosting");
    }

    private static String violations(com.tngtech.archunit.lang.ArchRule rule) {
        return rule.evaluate(BAD).getFailureReport().toString();
    }
}
