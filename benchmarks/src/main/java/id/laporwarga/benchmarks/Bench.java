package id.laporwarga.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * What every benchmark main shares: its smoke mode, its figure lines and its exit.
 *
 * <ul>
 *   <li><b>Smoke mode</b> ({@code --smoke}): tiny sizes and one round, so that {@code mvn verify} can run every
 *       benchmark (BenchmarkSmokeIT) and fail when one throws, does not exit, or prints a figure beyond the sanity
 *       bound of its target.</li>
 *   <li><b>Figures</b>: besides its table, a benchmark prints each of its figures on a line of its own,
 *       {@code figure: <name> = <value> <unit>}, which the smoke run reads.</li>
 *   <li><b>Exit</b>: DynamoDB Local 2.6.1 leaves a non-daemon thread ({@code ShardRolloverJobScheduler}) behind even
 *       after its server was stopped, so a benchmark whose {@code main} returns would never end. {@link #run} ends the
 *       JVM once the figures are printed: status 0, or 1 when the benchmark threw (or what it returns).</li>
 * </ul>
 */
final class Bench {
    static final String SMOKE = "--smoke";
    static final String FIGURE_PREFIX = "figure: ";

    private Bench() {
    }

    /** A benchmark's body: {@code args} without {@code --smoke}; returns the process status (0 = ran to the end). */
    interface Body {
        int run(boolean smoke, String[] args) throws Exception;
    }

    /** Runs the benchmark and ends the JVM. */
    static void run(String[] args, Body body) {
        boolean smoke = Arrays.asList(args).contains(SMOKE);
        String[] rest = Arrays.stream(args).filter(a -> !SMOKE.equals(a)).toArray(String[]::new);
        int status;
        try {
            status = body.run(smoke, rest);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Prints one figure line on stdout. */
    static void figure(String name, double value, String unit) {
        figure(System.out, name, value, unit);
    }

    static void figure(PrintStream out, String name, double value, String unit) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
        out.println(FIGURE_PREFIX + name + " = " + number + " " + unit);
    }
}
