package id.laporwarga.domain.workflow;

import static org.junit.jupiter.api.Assertions.fail;

import id.laporwarga.testkit.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps {@code docs/workflows.md} equal to the catalogue it documents: each catalogue has a generated section between
 * {@code <!-- generated:NAME -->} and {@code <!-- end generated:NAME -->}. A difference fails the test with the
 * command that regenerates the section ({@code -Dworkflows.update=true} rewrites it instead of failing).
 */
public final class WorkflowDocs {
    public static final String FILE = "docs/workflows.md";
    public static final String UPDATE_PROPERTY = "workflows.update";

    private WorkflowDocs() {
    }

    public static void check(String section, WorkflowCatalog catalog, String regenerate) {
        Path file = RepositoryFiles.resolve(FILE);
        String doc = read(file);
        String begin = "<!-- generated:" + section + " -->\n";
        String end = "<!-- end generated:" + section + " -->";
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        if (from < 0 || to < from) {
            fail(FILE + " has no section " + begin.strip() + " ... " + end);
        }
        String actual = doc.substring(from + begin.length(), to);
        String expected = "\n" + WorkflowTable.markdown(catalog);
        if (actual.equals(expected)) {
            return;
        }
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(file, doc.substring(0, from + begin.length()) + expected + doc.substring(to));
            System.out.println(FILE + ": section " + section + " regenerated");
            return;
        }
        fail(FILE + " (section " + section + ") differs from the workflow catalogue: " + firstDifference(actual, expected)
                + ". If the catalogue change is intended, regenerate the section with: " + regenerate);
    }

    private static String firstDifference(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String al = i < a.length ? a[i] : "(end)";
            String el = i < e.length ? e[i] : "(end)";
            if (!al.equals(el)) {
                return "line " + (i + 1) + " of the section is\n  " + al + "\nbut the catalogue gives\n  " + el + "\n";
            }
        }
        return "they differ";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
