package id.laporwarga.domain.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.ReportCase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** No service can move a case but through the state machine, which asks the workflow catalogue. */
class OneTransitionPathTest {
    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.laporwarga.domain");

    @Test
    void onlyTheStateMachineMovesACase() {
        noClasses().that().resideInAPackage("id.laporwarga.domain..")
                .and().doNotHaveFullyQualifiedName(StateMachine.class.getName())
                .should().callMethod(ReportCase.class, "transition", CaseStatus.class, String.class, String.class,
                        String.class, String.class, Instant.class, Instant.class)
                .because("every move is checked against the workflow catalogue (StateMachine)")
                .check(domain);
    }

    @Test
    void onlyTheStateMachineWritesHistory() {
        noClasses().that().resideInAPackage("id.laporwarga.domain..")
                .and().doNotHaveFullyQualifiedName(StateMachine.class.getName())
                .and().doNotHaveFullyQualifiedName(ReportCase.class.getName())
                // the builder rebuilds stored cases and fixtures (submittedAt); it is not called by any service
                .and().doNotHaveFullyQualifiedName(ReportCase.Builder.class.getName())
                .should().callConstructor(HistoryEntry.class, Instant.class, String.class, String.class, String.class,
                        CaseStatus.class, CaseStatus.class, String.class)
                .because("a history entry records a move of the catalogue")
                .check(domain);
    }

    @Test
    void noServiceWritesASubmissionEntryThroughTheBuilder() {
        noClasses().that().resideInAPackage("id.laporwarga.domain..")
                .should().callMethod(ReportCase.Builder.class, "submittedAt", Instant.class)
                .because("a submission's history entry is written by StateMachine.start")
                .check(domain);
    }
}
