package id.laporwarga.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Nothing in the repository refers to a path outside it: a fresh clone on any machine has all it needs. */
class SelfContainedRepositoryTest {

    @Test
    void noSourceScriptOrDocumentRefersOutsideTheRepository() {
        List<OutsideReferences.Finding> findings = OutsideReferences.scan(RepositoryFiles.root());
        assertEquals(List.of(), findings, () -> findings.stream().map(Object::toString)
                .collect(Collectors.joining("\n", "references outside the repository:\n", "")));
    }

    @Test
    void theScanCatchesEachKindOfOutsideReference() {
        String up = "..";
        assertEquals(1, OutsideReferences.scanFile(Path.of("A.java"),
                "Path p = root.resolve(\"" + up + "/shar" + "ed/data/photos/x.jpg\");").stream()
                .filter(f -> f.rule().startsWith("a data folder")).count());
        assertEquals(1, OutsideReferences.scanFile(Path.of("A.java"),
                "p.resolveSibling(\"shar" + "ed\")").size());
        assertEquals(1, OutsideReferences.scanFile(Path.of("docs/x.md"), "see /wo" + "rk/main/x").size());
        assertEquals(1, OutsideReferences.scanFile(Path.of("A.java"), "Path.of(\"" + up + "/other/file\")").size());
        assertEquals(1, OutsideReferences.scanFile(Path.of("lapor-x"), "cd " + up + "/elsewhere").size());
        assertEquals(List.of(), OutsideReferences.scanFile(Path.of("A.java"),
                "String attack = \"" + up + "/" + up + "/etc/passwd\"; // hostile input, not a path we read"));
        assertEquals(List.of(), OutsideReferences.scanFile(Path.of("docs/x.md"), "see [data model](" + up + "/docs/x.md)"));
    }

    @Test
    void theTestDataIsInsideTheRepository() {
        assertTrue(Files.isRegularFile(RepositoryFiles.photo("nikon-coolpix-p6000_gps.jpg")));
        assertTrue(Files.isRegularFile(RepositoryFiles.sampleData().resolve("photos/PROVENANCE.md")));
        assertTrue(Files.isRegularFile(RepositoryFiles.sampleData().resolve("kotamobagu/kotamobagu.points.csv")));
        assertTrue(Files.isRegularFile(RepositoryFiles.sampleData().resolve("schemas/sam.schema.json")));
        assertThrows(IllegalArgumentException.class, () -> RepositoryFiles.resolve(".." + "/x"));
    }
}
