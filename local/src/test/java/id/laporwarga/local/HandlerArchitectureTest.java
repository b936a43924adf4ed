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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Thin handlers: the functions' code (every class under {@code id.laporwarga.function}, handlers and their facades)
 * reaches AWS only through the domain's ports, so it imports no AWS SDK type, no storage key or storage adapter
 * class and no platform AWS adapter; every handler class is at most {@value #MAX_HANDLER_LINES} lines, and most (at
 * least three in four) hold at most {@value #MOST_HANDLERS_CODE_LINES} lines of code (package, imports, comments and
 * blank lines aside).
 */
class HandlerArchitectureTest {
    static final int MAX_HANDLER_LINES = 80;
    static final int MOST_HANDLERS_CODE_LINES = 40;
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
    void mostHandlersHoldAtMost40LinesOfCode() {
        Map<String, Integer> codeLines = new TreeMap<>();
        for (String handler : templateHandlers()) {
            codeLines.put(handler, codeLines(RepositoryFiles.text(source(handler))));
        }
        long thin = codeLines.values().stream().filter(n -> n <= MOST_HANDLERS_CODE_LINES).count();
        assertTrue(thin * 4 >= codeLines.size() * 3L, "handlers with at most " + MOST_HANDLERS_CODE_LINES
                + " lines of code: " + thin + " of " + codeLines.size() + " " + codeLines);
    }

    @Test
    void codeLinesLeaveOutPackageImportsCommentsAndBlankLines() {
        String source = """
                package a.b;

                import c.D;
                /**
                 * A handler.
                 */
                final class H { // a class
                    /* one */ int x = 1;
                    // a comment
                    String s = "// not a comment";
                }
                """;
        assertEquals(4, codeLines(source));
    }

    /** Lines that hold code: not blank, not only a comment, not the package or an import. */
    static int codeLines(String source) {
        int count = 0;
        boolean inBlockComment = false;
        for (String raw : source.split("\n")) {
            String line = raw.strip();
            if (inBlockComment) {
                int end = line.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                inBlockComment = false;
                line = line.substring(end + 2).strip();
            }
            while (line.startsWith("/*")) {
                int end = line.indexOf("*/", 2);
                if (end < 0) {
                    inBlockComment = true;
                    line = "";
                    break;
                }
                line = line.substring(end + 2).strip();
            }
            if (line.isEmpty() || line.startsWith("//") || line.startsWith("package ") || line.startsWith("import ")) {
                continue;
            }
            count++;
        }
        return count;
    }

    private static Set<String> templateHandlers() {
        Set<String> handlers = new TreeSet<>();
        for (JavaClass c : FUNCTIONS) {
            if (c.isAssignableTo(RequestHandler.class) && c.isTopLevelClass()) {
                handlers.add(c.getName());
            }
        }
        Set<String> inTemplate = new TreeSet<>();
        SamTemplate.load(SamTemplate.findRepositoryTemplate()).functions().forEach(f -> inTemplate.add(f.handlerClass()));
        assertEquals(inTemplate, handlers, "the handler classes are the template's");
        return handlers;
    }

    @Test
    void everyHandlerClassIsAtMost80Lines() {
        List<String> tooLong = new ArrayList<>();
        for (String handler : templateHandlers()) {
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
