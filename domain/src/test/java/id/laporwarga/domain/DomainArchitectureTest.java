package id.laporwarga.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain is plain Java: no AWS SDK, no Lambda runtime, no Micronaut, no image parsing (a platform adapter). */
class DomainArchitectureTest {
    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.laporwarga.domain");

    @Test
    void domainDependsOnNoFrameworkOrCloudApi() {
        noClasses().that().resideInAPackage("id.laporwarga.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "io.micronaut..", "jakarta.inject..",
                        "com.drew..", "id.laporwarga.platform..", "id.laporwarga.function..")
                .check(domain);
    }
}
