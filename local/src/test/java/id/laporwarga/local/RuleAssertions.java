package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** For the template rules' "each rule catches its violation" tests: violations are lines starting with a logical id. */
final class RuleAssertions {
    private RuleAssertions() {
    }

    /** Each expected violation is reported (as the start of a line), and nothing else. */
    static void assertExactly(List<String> expected, List<String> violations) {
        assertIncludes(expected, violations);
        assertEquals(expected.size(), violations.size(), () -> String.join("\n", violations));
    }

    /** Each expected violation is reported (as the start of a line); others may be too. */
    static void assertIncludes(List<String> expected, List<String> violations) {
        for (String e : expected) {
            assertTrue(violations.stream().anyMatch(v -> v.startsWith(e)),
                    () -> "expected a violation starting with \"" + e + "\" in:\n  " + String.join("\n  ", violations));
        }
    }
}
