package id.laporwarga.local;

import java.lang.System.Logger.Level;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./lapor-local} ({@code mvn -pl local exec:exec}): starts the {@link DevStack} with the command line's
 * options ({@link DevStackOptions#defaults()}: ports 3000/8000/5000 and the environment), prints the
 * {@link DevStackBanner banner} and runs until Ctrl-C or SIGTERM, which stop everything.
 */
public final class DevStackMain {
    private static final System.Logger LOG = System.getLogger(DevStackMain.class.getName());

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$-7s %3$s - %5$s%6$s%n");
        }
        DevStackOptions options = DevStackOptions.defaults();
        long start = System.nanoTime();
        DevStack local;
        try {
            local = DevStack.start(options);
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("lapor-local could not start: " + e.getMessage());
            LOG.log(Level.DEBUG, "start-up failure", e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the local stack ...");
            local.close();
            stopped.countDown();
            System.out.println("stopped.");
            System.out.flush();
            // Ctrl-C is the normal way to stop: exit 0 (not 130) so that `mvn exec:exec` does not report a failure;
            // everything this process started is closed above.
            Runtime.getRuntime().halt(0);
        }, "lapor-local-shutdown"));
        DevStackBanner.print(local, System.out, (System.nanoTime() - start) / 1_000_000);
        stopped.await();
    }
}
