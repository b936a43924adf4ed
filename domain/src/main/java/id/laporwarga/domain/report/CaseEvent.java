package id.laporwarga.domain.report;

import java.time.Instant;

/**
 * An event of the case-events topic as a consumer reads it (the relay publishes the body
 * {@code OutboxEvents.caseEvent} writes; these are its fields consumers rely on). The SNS message attributes carry
 * {@code eventType}, {@code tenant}, {@code kind}, {@code category}, {@code status} and {@code eventId} so subscribers
 * filter without parsing. {@code version} is the case version the event was produced from: (caseId, eventType,
 * version) is the event's id ({@link #dedupeId()}), on which consumers recognise a redelivery.
 */
public record CaseEvent(String eventType, String caseId, String tenantId, CaseKind kind, String category,
                        CaseStatus status, long version, Instant occurredAt) {
    public static final String VERIFIED = "case.verified";
    public static final String NEEDS_REVIEW = "case.needs_review";
    public static final String REJECTED = "case.rejected";
    public static final String REROUTED = "case.rerouted";

    public static CaseEvent of(String eventType, ReportCase c, Instant at) {
        return new CaseEvent(eventType, c.caseId(), c.tenantId(), c.kind(), c.category(), c.status(), c.version(), at);
    }

    /** Identity of this event for de-duplication of redeliveries. */
    public String dedupeId() {
        return caseId + "#" + eventType + "#" + version;
    }
}
