package org.gongkai.publication;

import org.gongkai.publication.application.Applicant;
import org.gongkai.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gongkai.publication");

    @Test
    void domainCodeIsFreeOfWebAndPersistence() {
        ArchitectureRules.domainIsFreeOfWebAndPersistence("org.gongkai.publication").check(classes);
    }

    @Test
    void applicationServicesAreFreeOfWeb() {
        ArchitectureRules.applicationServicesAreFreeOfWeb("org.gongkai.publication").check(classes);
    }

    @Test
    void applicationServicesReachStorageThroughRepositories() {
        ArchitectureRules.applicationServicesReachStorageThroughRepositories("org.gongkai.publication").check(classes);
    }

    @Test
    void doesNotImportOtherServices() {
        ArchitectureRules.doesNotImportOtherServices("publication").check(classes);
    }

    @Test
    void scheduledJobsTakeALockFirst() {
        ArchitectureRules.scheduledJobsTakeALockFirst().check(classes);
    }

    @Test
    void publicRoutesNeverTouchTheApplicantsIdentityOrContact() {
        ArchitectureRules.publicControllersNeverCall(Applicant.class, "name", "identityDocument", "contact")
                .orShould().dependOnClassesThat().areAssignableTo(Applicant.Contact.class)
                .because("an applicant's name, identity document and contact never leave through a public answer")
                .check(classes);
    }

    @Test
    void featuresDependOnEachOtherInOneDirectionOnly() {
        ArchitectureRules.featuresAreFreeOfCycles("org.gongkai.publication").check(classes);
    }
}
