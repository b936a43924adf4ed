package id.laporwarga.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.testkit.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Thin handlers: the functions' code (every class under {@code id.laporwarga.function}, handlers and their facades)
 * reaches AWS only through the domain's ports, so it imports no AWS SDK type, no storage key or storage adapter
 * class and no platform AWS adapter; and every handler class is at most {@value #MAX_HANDLER_LINES} lines.
 */
class HandlerArchitectureTest {
    static final int MAX_HANDLER_LINES = 80;
    private static final JavaClasses FUNCTIONS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.laporwarga.function");
    private static final DescribedPredicate<JavaClass> HANDLERS_AND_FUNCTION_CODE = DescribedPredicate.describe(
            "are handlers or function code", c -> c.isAssignableTo(RequestHandler.class)
                    || c.getPackageName().startsWith("id.laporwarga.function"));

    @Test
    void functionsImportNoSdkClient() {
        noClasses().that(HANDLERS_AND_FUNCTION_CODE)
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(FUNCTIONS);
    }

    @Test
    void functionsImportNoStorageKeyOrStorageAdapter() {
        noClasses().that(HANDLERS_AND_FUNCTION_CODE)
                .should().dependOnClassesThat().resideInAPackage("id.laporwarga.platform.store..")
                .check(FUNCTIONS);
    }

    @Test
    void functionsReachAwsAdaptersOnlyThroughDomainPorts() {
        noClasses().that(HANDLERS_AND_FUNCTION_CODE)
                .should().dependOnClassesThat(DescribedPredicate.describe("are platform AWS adapters",
                        c -> c.getPackageName().equals("id.laporwarga.platform.aws")
                                && !c.getName().startsWith(InitPhaseWarmup.class.getName())))
                .check(FUNCTIONS);
    }

    @Test
    void everyHandlerClassIsAtMost80Lines() {
        Set<String> handlers = new TreeSet<>();
        for (JavaClass c : FUNCTIONS) {
            if (c.isAssignableTo(RequestHandler.class) && c.isTopLevelClass()) {
                handlers.add(c.getName());
            }
        }
        Set<String> inTemplate = new TreeSet<>();
        SamTemplate.load(SamTemplate.findRepositoryTemplate()).functions().forEach(f -> inTemplate.add(f.handlerClass()));
        assertEquals(inTemplate, handlers, "the handler classes are the template's");

        List<String> tooLong = new ArrayList<>();
        for (String handler : handlers) {
            Path source = source(handler);
            int lines = RepositoryFiles.text(source).split("\n", -1).length - 1;
            if (lines > MAX_HANDLER_LINES) {
                tooLong.add(handler + ": " + lines + " lines");
            }
        }
        assertEquals(List.of(), tooLong, "handlers longer than " + MAX_HANDLER_LINES + " lines");
    }

    /** The source file of a class of {@code functions/<module>/src/main/java}. */
    static Path source(String className) {
        String relative = "src/main/java/" + className.replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(RepositoryFiles.resolve("functions"))) {
            Path found = modules.map(m -> m.resolve(relative)).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new AssertionError("no source for " + className));
            assertTrue(Files.size(found) > 0);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
