package cn.hnsw.portsituation;

import cn.hnsw.testsupport.arch.HnswArchitectureRules;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the shape of ARCHITECTURE.md §4. */
class ArchitectureTest {

    @Test
    void followsThePlatformShape() {
        HnswArchitectureRules.check("cn.hnsw.portsituation", new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.hnsw.portsituation"));
    }
}
