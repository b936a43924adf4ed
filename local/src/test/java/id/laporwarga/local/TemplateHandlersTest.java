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
