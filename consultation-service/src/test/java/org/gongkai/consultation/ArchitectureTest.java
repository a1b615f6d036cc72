package org.gongkai.consultation;

import org.gongkai.consultation.comment.Comment;
import org.gongkai.consultation.comment.Contact;
import org.gongkai.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gongkai.consultation");

    @Test
    void domainCodeIsFreeOfWebAndPersistence() {
        ArchitectureRules.domainIsFreeOfWebAndPersistence("org.gongkai.consultation").check(classes);
    }

    @Test
    void applicationServicesAreFreeOfWeb() {
        ArchitectureRules.applicationServicesAreFreeOfWeb("org.gongkai.consultation").check(classes);
    }

    @Test
    void applicationServicesReachStorageThroughRepositories() {
        ArchitectureRules.applicationServicesReachStorageThroughRepositories("org.gongkai.consultation").check(classes);
    }

    @Test
    void doesNotImportOtherServices() {
        ArchitectureRules.doesNotImportOtherServices("consultation").check(classes);
    }

    @Test
    void featuresDependOnEachOtherInOneDirectionOnly() {
        ArchitectureRules.featuresAreFreeOfCycles("org.gongkai.consultation").check(classes);
    }

    @Test
    void publicRoutesAndReceiptsNeverTouchNameOrContact() {
        ArchitectureRules.publicControllersNeverCall(Comment.class, "contact", "authorName")
                .orShould().dependOnClassesThat().areAssignableTo(Contact.class)
                .because("name and contact are private: no public answer may carry them")
                .check(classes);
    }

    @Test
    void scheduledJobsTakeALockFirst() {
        ArchitectureRules.scheduledJobsTakeALockFirst().check(classes);
    }
}
