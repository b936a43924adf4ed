package id.laporwarga.domain.port;

import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.report.ReportCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change of a case as a single write (one transaction): the case (optimistic on its version), the outbox events
 * announcing the change, and, for a consumer of an event, its processed mark ({@code (consumer, eventId)}), so that
 * the consumer's effect happens exactly once however often the event is delivered.
 */
public record CaseWrite(ReportCase changed, List<OutboxEvent> events, ProcessedMark processed) {
    public CaseWrite {
        Objects.requireNonNull(changed, "changed");
        events = events == null ? List.of() : List.copyOf(events);
        if (events.stream().map(OutboxEvent::eventId).distinct().count() != events.size()) {
            throw new IllegalArgumentException("two outbox events with one id in the write of " + changed.caseId());
        }
    }

    /** A consumer's record that it handled an event: written once, with the consumer's case change. */
    public record ProcessedMark(String consumer, String eventId) {
        public ProcessedMark {
            Objects.requireNonNull(consumer, "consumer");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /** A change nobody else hears of (e.g. one photo's check of several). */
    public static CaseWrite of(ReportCase changed) {
        return new CaseWrite(changed, List.of(), null);
    }

    public static CaseWrite of(ReportCase changed, List<OutboxEvent> events) {
        return new CaseWrite(changed, events, null);
    }

    /** The same write, plus {@code event}. */
    public CaseWrite and(OutboxEvent event) {
        List<OutboxEvent> all = new ArrayList<>(events);
        all.add(event);
        return new CaseWrite(changed, all, processed);
    }

    /** The same write, as {@code consumer}'s handling of {@code eventId}. */
    public CaseWrite processedBy(String consumer, String eventId) {
        return new CaseWrite(changed, events, new ProcessedMark(consumer, eventId));
    }
}
