package id.laporwarga.domain.report;

import java.time.Instant;
import java.util.List;

/**
 * Where a case was routed: the agency (or the triage desk, or a kelurahan review chain), when, and the due date of the
 * first response. {@code deliveries} records each channel the alert went out on.
 */
public record Assignment(String agencyId, String agencyName, boolean external, Instant routedAt, Instant dueAt,
                         List<Delivery> deliveries) {
    public Assignment {
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    /** One alert publication: to which target, when, and whether it was accepted. */
    public record Delivery(String target, Instant at, boolean accepted, String messageId) {
    }
}
