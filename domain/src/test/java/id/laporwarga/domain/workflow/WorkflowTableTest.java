package id.laporwarga.domain.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.tenant.SlaPolicy;
import org.junit.jupiter.api.Test;

class WorkflowTableTest {
    private final WorkflowCatalog defaults = WorkflowCatalog.defaults(SlaPolicy.defaults());

    /** A move added to or deleted from the catalogue changes the table: docs/workflows.md must follow. */
    @Test
    void docsShowTheBuiltInCatalogue() {
        WorkflowDocs.check("defaults", defaults, "mvn -B -pl domain -am test -Dtest=WorkflowTableTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WorkflowDocs.UPDATE_PROPERTY + "=true");
    }

    @Test
    void oneRowPerMoveAndStateItLeadsTo() {
        String table = WorkflowTable.markdown(defaults);
        long expected = 0;
        for (Workflow w : defaults.workflows()) {
            expected += w.entries().stream().mapToLong(a -> a.targets().size()).sum();
            expected += w.steps().stream().flatMap(s -> s.actions().stream()).mapToLong(a -> a.targets().size()).sum();
        }
        long rows = table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| state ")).count();
        assertEquals(expected, rows);
        assertTrue(table.contains("| `ROUTED` | AGENCY_STAFF @ ASSIGNED_AGENCY | 5 working days | escalate (alert CITY_ADMIN)"
                + " | `acknowledge` | AGENCY_STAFF | `ACKNOWLEDGED` | 10 working days |"), table);
        assertTrue(table.contains("| `RESOLVED` | CITIZEN @ REPORTER | 10 working days | close → CLOSED | `close` | SYSTEM"
                + " | `CLOSED` (end) | — |"), table);
    }
}
