package id.laporwarga.platform;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root and its sample-data folder. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root (template.yaml) not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path sampleData() {
        return repoRoot().resolve("sample-data");
    }
}
