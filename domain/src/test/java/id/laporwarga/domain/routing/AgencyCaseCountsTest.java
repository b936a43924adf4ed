package id.laporwarga.domain.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.laporwarga.domain.report.CaseStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgencyCaseCountsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

    @Test
    void countsEachStatusIntoItsBuckets() {
        AgencyCaseCounts c = AgencyCaseCounts.ZERO
                .plus(CaseStatus.ROUTED, NOW.plusSeconds(3600), false, NOW)          // open, on time
                .plus(CaseStatus.ROUTED, NOW.minusSeconds(1), false, NOW)            // open, overdue
                .plus(CaseStatus.IN_PROGRESS, null, true, NOW)                       // open, flagged overdue
                .plus(CaseStatus.RESOLVED, NOW.minusSeconds(3600), false, NOW)       // resolved: never overdue
                .plus(CaseStatus.CLOSED, null, false, NOW)
                .plus(CaseStatus.REFERRED_EXTERNAL, null, false, NOW);
        assertEquals(new AgencyCaseCounts(6, 3, 2, 1, 2), c);
        assertEquals(new AgencyCaseCounts(12, 6, 4, 2, 4), c.plus(c));
    }
}
