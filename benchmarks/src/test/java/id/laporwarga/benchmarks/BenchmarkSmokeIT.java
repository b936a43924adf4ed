package id.laporwarga.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.testkit.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark in smoke mode ({@code --smoke}: tiny sizes, one round), run as a user runs it, through
 * {@code ./lapor-bench} in a process of its own. A benchmark fails here when it throws (exit status not 0), when it
 * does not end by itself within its time, or when it prints a figure beyond the sanity bound of its target (or not at
 * all). The bounds are far looser than the targets where a figure depends on the machine (2 shared cores during a
 * build); exact figures (bytes read, AWS calls, package sizes, errors) are held to the target itself.
 *
 * <p>Runs in the integration-test phase (failsafe), after every module's {@code package}: cold-start-all measures
 * the functions' Lambda packages. Output of each run: {@code benchmarks/target/smoke/<name>.log}.
 */
class BenchmarkSmokeIT {
    private static final Pattern FIGURE = Pattern.compile("^" + Pattern.quote(Bench.FIGURE_PREFIX)
            + "(\\S+) = (-?[0-9.]+(?:E-?[0-9]+)?) ");
    private static final Pattern SCRIPT_ENTRY = Pattern.compile("^\\s+([a-z-]+)\\) MAIN=(\\w+)");
    private static final Set<String> SMOKED = Set.of("geotag-read", "score-rt", "submit-cold-start",
            "cold-start-all", "load", "tenants", "analytics-export");

    /** A figure's sanity bounds, both inclusive. */
    record Bound(String figure, double min, double max) {
        static Bound atMost(String figure, double max) {
            return new Bound(figure, Double.NEGATIVE_INFINITY, max);
        }

        static Bound atLeast(String figure, double min) {
            return new Bound(figure, min, Double.POSITIVE_INFINITY);
        }

        static Bound exactly(String figure, double value) {
            return new Bound(figure, value, value);
        }
    }

    @Test
    void everyBenchmarkOfTheScriptIsSmokeRunHere() throws IOException {
        Map<String, String> script = scriptEntries();
        Set<String> mains = new TreeSet<>();
        try (Stream<Path> sources = Files.list(RepositoryFiles.resolve("benchmarks/src/main/java/id/laporwarga/benchmarks"))) {
            for (Path p : sources.toList()) {
                if (Files.readString(p).contains("Bench.run(")) {
                    mains.add(p.getFileName().toString().replace(".java", ""));
                }
            }
        }
        assertEquals(new TreeSet<>(SMOKED), new TreeSet<>(script.keySet()), "./lapor-bench names vs smoke runs");
        assertEquals(mains, new TreeSet<>(script.values()), "benchmark mains (Bench.run) vs ./lapor-bench");
    }

    @Test
    @Tag("emulator")
    void geotagRead() {
        smoke("geotag-read", Duration.ofMinutes(4),
                Bound.atLeast("geotag-read.photoBytes", 4_500_000),
                Bound.atMost("geotag-read.rangedBytesRead", GeotagReadBenchmark.TARGET_BYTES_READ),
                Bound.atMost("geotag-read.rangedRequests", 2),
                // the handler really read the photo (0 was the figure of a photo rejected before being read)
                new Bound("geotag-read.handlerBytesRead", 1, GeotagReadBenchmark.TARGET_BYTES_READ),
                Bound.atMost("geotag-read.rangedMedianMs", 2_000),
                Bound.atMost("geotag-read.handlerMedianMs", 5_000));
    }

    @Test
    void analyticsExport() {
        smoke("analytics-export", Duration.ofMinutes(3),
                Bound.exactly("analytics-export.cases", 5_000),
                Bound.atMost("analytics-export.exportSeconds", 60),
                Bound.atMost("analytics-export.conversionSeconds", 60),
                Bound.atLeast("analytics-export.parquetBytes", 1),
                Bound.atLeast("analytics-export.parquetBytesRead", 1),
                // Parquet reads the query's columns only: well under the whole gzip file JSON Lines must read
                Bound.atMost("analytics-export.parquetReadShare", 0.5),
                Bound.atMost("analytics-export.packageMiB", AnalyticsExportBenchmark.PACKAGE_TARGET_MIB));
    }

    @Test
    void scoreRt() {
        smoke("score-rt", Duration.ofMinutes(3),
                Bound.atLeast("score-rt.reports", 20_000),
                // target 60 s for a million reports; 10x for a cold JIT on busy cores
                Bound.atMost("score-rt.secondsPerMillion", 10 * ScoreRtBenchmark.TARGET_SECONDS_PER_MILLION),
                Bound.atMost("score-rt.peakHeapMb", 512));
    }

    @Test
    @Tag("emulator")
    void submitColdStart() {
        smoke("submit-cold-start", Duration.ofMinutes(4),
                Bound.atMost("submit-cold-start.ratio", 4 * SubmitReportColdStartBenchmark.RATIO_TARGET),
                Bound.atMost("submit-cold-start.functionMs", 30_000),
                new Bound("submit-cold-start.awsCalls", 1, SubmitReportColdStartBenchmark.CALLS_TARGET));
    }

    /** How far beyond the package-size target a package may be before the smoke run fails (see coldStartAll). */
    static final double PACKAGE_OVERRUN_MIB = 0.5;

    @Test
    @Tag("emulator")
    void coldStartAll() {
        List<String> functions = SamTemplate.load(RepositoryFiles.templateYaml()).functions().stream()
                .map(SamTemplate.Function::logicalId).toList();
        List<Bound> bounds = new ArrayList<>();
        bounds.add(Bound.exactly("cold-start-all.functions", functions.size()));
        bounds.add(Bound.exactly("cold-start-all.skipped", 0));
        bounds.add(Bound.atMost("cold-start-all.slowestFunctionMs", 30_000));
        for (String f : functions) {
            bounds.add(Bound.atMost("cold-start-all." + f + ".ratio", 4 * ColdStartAllBenchmark.RATIO_TARGET));
            // the 20 MiB target is missed by up to 0.25 MiB since the Secrets Manager client joined (docs/performance.md):
            // the smoke run catches a package that grows beyond that, the benchmark prints "NOT met" until it shrinks
            bounds.add(Bound.atMost("cold-start-all." + f + ".packageMiB",
                    ColdStartAllBenchmark.SIZE_TARGET_BYTES / 1024.0 / 1024.0 + PACKAGE_OVERRUN_MIB));
        }
        smoke("cold-start-all", Duration.ofMinutes(8), bounds.toArray(Bound[]::new));
    }

    @Test
    @Tag("emulator")
    void tenants() {
        smoke("tenants", Duration.ofMinutes(8),
                Bound.exactly("tenants.onboarded", 12),
                Bound.atLeast("tenants.largestFileBytes", 1_500_000),
                Bound.atMost("tenants.indexItemBytes", 350 * 1024),
                // a fresh store reads the boundary files of the 6 tenants it touched, no other
                Bound.exactly("tenants.boundaryFilesRead", 6),
                Bound.atMost("tenants.locateP99Ms", 20 * TenantsBenchmark.LOCATE_P99_TARGET_MS),
                Bound.atMost("tenants.submitHeapMb", 2 * TenantsBenchmark.SUBMIT_HEAP_TARGET_MB),
                Bound.atMost("tenants.coldRatio", 4 * TenantsBenchmark.RATIO_TARGET),
                Bound.atMost("tenants.slowestJobSeconds", TenantsBenchmark.JOB_SECONDS_TARGET),
                Bound.atMost("tenants.jobPeakHeapMb", TenantsBenchmark.JOB_HEAP_TARGET_MB));
    }

    @Test
    @Tag("emulator")
    void load() {
        smoke("load", Duration.ofMinutes(4),
                Bound.exactly("load.errors", 0),
                Bound.exactly("load.casesNotMatchingAccepted", 0),
                Bound.atLeast("load.submits", 1),
                // targets 200/s and 50 ms after a warm JIT on idle cores; a 3 s run on a cold JIT while other builds
                // share the 2 cores measured 26/s and p99 420-470 ms: the bounds only catch what is broken
                Bound.atLeast("load.submitsPerSecond", LoadTest.TARGET_SUBMITS_PER_SECOND / 40),
                Bound.atMost("load.submitP99Ms", 40 * LoadTest.TARGET_P99_MS));
    }

    // ------------------------------------------------------------------ running one

    private static void smoke(String name, Duration timeout, Bound... bounds) {
        String output = runToTheEnd(name, timeout);
        Map<String, Double> figures = figures(output);
        List<String> problems = new ArrayList<>();
        for (Bound b : bounds) {
            Double v = figures.get(b.figure());
            if (v == null) {
                problems.add(b.figure() + " was not printed");
            } else if (v < b.min() || v > b.max()) {
                problems.add(b.figure() + " = " + v + " is outside [" + b.min() + ", " + b.max() + "]");
            }
        }
        if (!problems.isEmpty()) {
            fail(name + ": " + String.join("; ", problems) + "\n" + tail(output));
        }
    }

    /** Runs {@code ./lapor-bench <name> --smoke}; fails unless it ends by itself in time with status 0. */
    private static String runToTheEnd(String name, Duration timeout) {
        Path root = RepositoryFiles.root();
        Path log = root.resolve("benchmarks/target/smoke/" + name + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(root.resolve("lapor-bench").toString(), name, Bench.SMOKE)
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("LAPOR_BENCH_NO_BUILD", "1"); // the classpath and packages of this build
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(name + " did not end by itself within " + timeout + "\n" + tail(Files.readString(log)));
            }
            String output = Files.readString(log);
            assertEquals(0, p.exitValue(), name + " failed\n" + tail(output));
            assertTrue(output.contains(Bench.FIGURE_PREFIX), name + " printed no figure\n" + tail(output));
            System.out.printf("%s --smoke: %.1f s%n", name, (System.nanoTime() - start) / 1e9);
            return output;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Double> figures(String output) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = FIGURE.matcher(line);
            if (m.find()) {
                figures.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return figures;
    }

    /** {@code name -> main class} of the {@code case} in ./lapor-bench. */
    private static Map<String, String> scriptEntries() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RepositoryFiles.resolve("lapor-bench"))) {
            Matcher m = SCRIPT_ENTRY.matcher(line);
            if (m.find()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }
}
