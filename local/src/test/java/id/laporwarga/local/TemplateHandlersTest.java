package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.emulators.SamTemplate;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: every {@code Handler} of template.yaml names a class on this module's classpath (the local module
 * depends on every function module) with the method it names, and with the (ApplicationContextBuilder) constructor
 * the local runner and the tests use.
 */
class TemplateHandlersTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.findRepositoryTemplate());

    @Test
    void everyHandlerClassExistsWithItsMethod() {
        List<String> problems = new ArrayList<>();
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            try {
                Class<?> type = Class.forName(f.handlerClass());
                boolean hasMethod = Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(f.handlerMethod())
                        && (m.getParameterCount() == 2 || m.getParameterCount() == 3));
                if (!hasMethod) {
                    problems.add(f.logicalId() + ": " + f.handlerClass() + " has no public " + f.handlerMethod()
                            + "(event, Context) method");
                }
            } catch (ClassNotFoundException e) {
                problems.add(f.logicalId() + ": class " + f.handlerClass() + " not found");
            }
        }
        assertTrue(problems.isEmpty(), () -> "handlers of template.yaml:\n  " + String.join("\n  ", problems));
    }

    /**
     * {@code sam build} calls {@code make build-<LogicalId>} for functions with {@code BuildMethod: makefile}; the
     * Makefile must have that target and package the module the handler class lives in.
     */
    @Test
    void everyMakefileBuiltFunctionHasItsMakeTarget() throws Exception {
        String makefile = java.nio.file.Files.readString(TEMPLATE.path().getParent().resolve("Makefile"));
        List<String> problems = new ArrayList<>();
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            Object metadata = TEMPLATE.resource(f.logicalId()).metadata();
            if (!(metadata instanceof java.util.Map<?, ?> m) || !"makefile".equals(m.get("BuildMethod"))) {
                problems.add(f.logicalId() + ": not built with Metadata: BuildMethod: makefile");
                continue;
            }
            var target = java.util.regex.Pattern.compile("(?m)^build-" + f.logicalId() + ":\\s*\\n\\s*\\$\\(call lambda_package,([a-z-]+)\\)")
                    .matcher(makefile);
            if (!target.find()) {
                problems.add(f.logicalId() + ": no 'build-" + f.logicalId() + "' target in the Makefile");
                continue;
            }
            String module = target.group(1);
            String expectedPackage = "id.laporwarga.function." + module.replace("-", "") + ".";
            if (!f.handlerClass().startsWith(expectedPackage)) {
                problems.add(f.logicalId() + ": the Makefile packages functions/" + module + " but the handler is "
                        + f.handlerClass());
            }
        }
        assertTrue(problems.isEmpty(), () -> "Makefile vs template.yaml:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyHandlerCanBeBuiltByTheLocalRunner() {
        List<String> problems = new ArrayList<>();
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            try {
                Class<?> type = Class.forName(f.handlerClass());
                type.getConstructor();
                type.getConstructor(ApplicationContextBuilder.class);
            } catch (ClassNotFoundException e) {
                problems.add(f.logicalId() + ": class " + f.handlerClass() + " not found");
            } catch (NoSuchMethodException e) {
                problems.add(f.logicalId() + ": " + f.handlerClass() + " needs public () and (ApplicationContextBuilder)"
                        + " constructors");
            }
        }
        assertTrue(problems.isEmpty(), () -> "handlers of template.yaml:\n  " + String.join("\n  ", problems));
    }
}
