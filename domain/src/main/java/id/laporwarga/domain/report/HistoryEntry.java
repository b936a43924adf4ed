package id.laporwarga.domain.report;

import java.time.Instant;

/** One immutable line of a case's audit trail. {@code from} is null for the creation entry. */
public record HistoryEntry(Instant at, String actorId, String actorRole, String action, CaseStatus from,
                           CaseStatus to, String note) {
    public static final String SYSTEM = "system";
}
