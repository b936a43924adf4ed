package id.laporwarga.local.e2e;

import id.laporwarga.local.DevStack;
import id.laporwarga.local.DevStackOptions;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link DevStack} (emulators, template.yaml provisioned, sample tenant onboarded, every function running, SQS
 * pollers on) for every end-to-end test class of the run: started by the first class that needs it, closed when the
 * test run ends (JUnit's root store). Classes use it with {@code @ExtendWith(SharedDevStack.class)} and
 * {@link #local()}.
 */
public final class SharedDevStack implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedDevStack.class);
    private static volatile DevStack local;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("stack", k -> new Running(), Running.class);
    }

    /** The running stack; only valid inside a class extended with this extension. */
    public static DevStack local() {
        if (local == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedDevStack.class)");
        }
        return local;
    }

    /** Closed with the root store at the end of the run (AutoCloseable since JUnit 5.13, CloseableResource before). */
    @SuppressWarnings("deprecation")
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        Running() {
            long start = System.nanoTime();
            local = DevStack.start(DevStackOptions.forTests()
                    .stackName("e2e-" + UUID.randomUUID().toString().substring(0, 6)));
            System.out.printf("e2e: local stack up in %d ms at %s%n", (System.nanoTime() - start) / 1_000_000,
                    local.baseUrl());
        }

        @Override
        public void close() {
            DevStack running = local;
            local = null;
            if (running != null) {
                running.close();
            }
        }
    }
}
