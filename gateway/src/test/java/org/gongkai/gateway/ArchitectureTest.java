package org.gongkai.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    @Test
    void gatewayDoesNotImportServiceCode() {
        noClasses().that().resideInAPackage("org.gongkai.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gongkai.catalogue..", "org.gongkai.publication..",
                        "org.gongkai.consultation..", "org.gongkai.reporting..", "org.gongkai.support..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.gongkai.gateway"));
    }
}
