package id.laporwarga.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds references from the repository's sources, scripts, build files and docs to paths outside the repository: a
 * data folder next to the checkout, a machine's home or work directory, a relative path that climbs above the
 * repository root. A fresh clone has none of those, so such a reference is a test or script that only works on the
 * machine it was written on.
 */
public final class OutsideReferences {
    /** One offending line. */
    public record Finding(Path file, int line, String text, String rule) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + rule + ": " + text.strip();
        }
    }

    private record Rule(String name, Pattern pattern, boolean codeOnly) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("a data folder beside the checkout", Pattern.compile("\\.\\./shared\\b|\\bshared/data\\b"), false),
            new Rule("a sibling of the repository root", Pattern.compile("resolveSibling\\(\\s*\"shared"), true),
            new Rule("a machine-specific absolute path",
                    Pattern.compile("(?<![\\w.])/(work|root|Users)/|(?<![\\w.])/home/\\w|/tmp/bash[_]jobs"), false),
            new Rule("a relative path that climbs out of the working directory",
                    Pattern.compile("(Path\\.of|Paths\\.get|resolve|new File)\\(\\s*\"\\.\\./"), true),
            new Rule("a script path that climbs above its directory", Pattern.compile("(^|[\\s\"'=])\\.\\./"), false));

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".idea", ".jqwik-database");
    private static final Set<String> TEXT_SUFFIXES = Set.of(".java", ".xml", ".yaml", ".yml", ".toml", ".json",
            ".properties", ".sh", ".md", ".txt", ".csv", ".html", ".js", ".mjs", ".css", ".sql");

    private OutsideReferences() {
    }

    /** Every finding under {@code root}. */
    public static List<Finding> scan(Path root) {
        List<Finding> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> root.relativize(p).toString().split("[/\\\\]").length > 0)
                    .filter(p -> !skipped(root.relativize(p)))
                    .filter(OutsideReferences::isText)
                    .forEach(p -> out.addAll(scanFile(root.relativize(p), read(p))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The findings of one file's text ({@code relative} decides which rules apply). */
    public static List<Finding> scanFile(Path relative, String text) {
        List<Finding> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        boolean code = relative.toString().endsWith(".java");
        boolean script = isScript(relative);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Rule rule : RULES) {
                boolean scriptRule = rule.name().startsWith("a script path");
                if ((rule.codeOnly() && !code) || (scriptRule && !script)) {
                    continue;
                }
                if (rule.pattern().matcher(lines[i]).find()) {
                    out.add(new Finding(relative, i + 1, lines[i], rule.name()));
                }
            }
        }
        return out;
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isScript(Path relative) {
        String name = relative.getFileName().toString();
        return name.endsWith(".sh") || name.equals("Makefile") || name.startsWith("lapor-")
                || relative.toString().replace('\\', '/').equals(".ci/run");
    }

    private static boolean isText(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return isScript(p.getFileName()) || (dot >= 0 && TEXT_SUFFIXES.contains(name.substring(dot)))
                || p.endsWith(Path.of(".ci", "run"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (MalformedInputException e) {
            return null; // not UTF-8 text
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
