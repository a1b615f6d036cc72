package org.gongkai.reporting;

import org.gongkai.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gongkai.reporting");

    @Test
    void domainCodeIsFreeOfWebAndPersistence() {
        ArchitectureRules.domainIsFreeOfWebAndPersistence("org.gongkai.reporting").check(classes);
    }

    @Test
    void applicationServicesAreFreeOfWeb() {
        ArchitectureRules.applicationServicesAreFreeOfWeb("org.gongkai.reporting").check(classes);
    }

    @Test
    void applicationServicesReachStorageThroughRepositories() {
        ArchitectureRules.applicationServicesReachStorageThroughRepositories("org.gongkai.reporting").check(classes);
    }

    @Test
    void doesNotImportOtherServices() {
        ArchitectureRules.doesNotImportOtherServices("reporting").check(classes);
    }

    @Test
    void scheduledJobsTakeALockFirst() {
        ArchitectureRules.scheduledJobsTakeALockFirst().check(classes);
    }

    @Test
    void featuresDependOnEachOtherInOneDirectionOnly() {
        ArchitectureRules.featuresAreFreeOfCycles("org.gongkai.reporting").check(classes);
    }
}
