package id.laporwarga.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Launches a fresh JVM on this classpath and measures wall time from launch until it exits. */
final class ColdStart {
    /** Lambda's JAVA_TOOL_OPTIONS from template.yaml, so the children start like a function does. */
    static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED");

    private ColdStart() {
    }

    record Run(long millis, List<String> output) {
    }

    static Run run(Class<?> main, Map<String, String> env, String... args) throws Exception {
        return run(LAMBDA_JVM_FLAGS, System.getProperty("java.class.path"), main, env, args);
    }

    /** A fresh JVM with these flags and exactly this classpath (e.g. a function's Lambda package). */
    static Run run(List<String> jvmFlags, String classpath, Class<?> main, Map<String, String> env, String... args)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        }
        int exit = p.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException(main.getSimpleName() + " exited " + exit + ":\n" + String.join("\n", lines));
        }
        return new Run(millis, lines);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static String lineStartingWith(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length())).orElse("?");
    }
}
