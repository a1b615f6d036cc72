package org.gongkai.catalogue;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.gongkai.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gongkai.catalogue");

    @Test
    void domainCodeIsFreeOfWebAndPersistence() {
        ArchitectureRules.domainIsFreeOfWebAndPersistence("org.gongkai.catalogue").check(classes);
    }

    @Test
    void applicationServicesAreFreeOfWeb() {
        ArchitectureRules.applicationServicesAreFreeOfWeb("org.gongkai.catalogue").check(classes);
    }

    @Test
    void applicationServicesReachStorageThroughRepositories() {
        ArchitectureRules.applicationServicesReachStorageThroughRepositories("org.gongkai.catalogue").check(classes);
    }

    @Test
    void doesNotImportOtherServices() {
        ArchitectureRules.doesNotImportOtherServices("catalogue").check(classes);
    }

    /** version is the core; proposal, table and seed build on it, and version knows none of them. */
    @Test
    void featuresDependOnEachOtherInOneDirectionOnly() {
        slices().matching("org.gongkai.catalogue.(*)..").should().beFreeOfCycles().check(classes);
    }
}
