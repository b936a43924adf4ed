package id.laporwarga.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds files of this repository from wherever a test or benchmark runs (a module directory or the root). Everything
 * the tests read lives inside the repository: {@code sample-data/} holds the sample tenant, its boundaries and points,
 * the real test photos and the SAM schema, each with its PROVENANCE.md.
 */
public final class RepositoryFiles {
    private RepositoryFiles() {
    }

    /** The repository root: the nearest directory at or above the working directory holding {@code template.yaml}. */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root (template.yaml) not found at or above " + start);
    }

    /** A path below the repository root; refuses anything that would leave the repository. */
    public static Path resolve(String relative) {
        Path root = root();
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException(relative + " is outside the repository");
        }
        return p;
    }

    public static Path sampleData() {
        return resolve("sample-data");
    }

    /** A real test photo of {@code sample-data/photos} (see its PROVENANCE.md and expected.csv). */
    public static Path photo(String name) {
        return sampleData().resolve("photos").resolve(name);
    }

    public static byte[] photoBytes(String name) {
        return bytes(photo(name));
    }

    public static Path templateYaml() {
        return resolve("template.yaml");
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
