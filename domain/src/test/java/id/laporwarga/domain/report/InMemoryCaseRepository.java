package id.laporwarga.domain.report;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.CaseWrite;
import id.laporwarga.domain.port.ReporterContacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Test double of the domain's {@link CaseRepository} port (not of an AWS API) with the port's documented semantics:
 * idempotent create; a write of the case (optimistic on version), its outbox events (each id once) and the processed
 * mark (once) all or nothing. The DynamoDB adapter is tested against DynamoDB Local. Hooks let a test inject a
 * concurrent change or a failure into the next write.
 */
public class InMemoryCaseRepository implements CaseRepository, ReporterContacts {
    public final Map<String, ReportCase> byId = new ConcurrentHashMap<>();
    /** Every outbox event written, in order (what the relay would publish). */
    public final List<OutboxEvent> outbox = new CopyOnWriteArrayList<>();
    /** {@code consumer#eventId} of every processed mark. */
    public final Set<String> processedMarks = ConcurrentHashMap.newKeySet();
    /** caseId -> the contact item written with the case (name and phone only). */
    public final Map<String, Reporter> contacts = new ConcurrentHashMap<>();
    private final Map<String, String[]> idempotencyKeys = new ConcurrentHashMap<>();
    /** Runs (once) before the next update, with the case about to be written. */
    public Consumer<ReportCase> beforeNextUpdate;
    /** Runs before every update; may throw to simulate an outage. */
    public Consumer<ReportCase> onEveryUpdate = c -> { };
    public int takenTrackingCodes;
    public int createCalls;
    public int conflicts;

    public ReportCase put(ReportCase c) {
        byId.put(c.caseId(), c);
        return c;
    }

    public ReportCase get(String caseId) {
        return byId.get(caseId);
    }

    @Override
    public synchronized CreateResult create(ReportCase c, Reporter contact, String key, List<OutboxEvent> events) {
        createCalls++;
        String[] existing = idempotencyKeys.get(key);
        if (existing != null) {
            if (!existing[0].equals(c.requestHash())) {
                throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
            }
            return new CreateResult(byId.get(existing[1]), false);
        }
        if (takenTrackingCodes > 0) {
            takenTrackingCodes--;
            throw new TrackingCodeTakenException(c.trackingCode());
        }
        idempotencyKeys.put(key, new String[] {c.requestHash(), c.caseId()});
        byId.put(c.caseId(), c);
        outbox.addAll(events);
        if (contact != null) {
            contacts.put(c.caseId(), new Reporter(contact.name(), contact.phone(), null));
        }
        return new CreateResult(c, true);
    }

    @Override
    public Optional<Reporter> find(String caseId) {
        return Optional.ofNullable(contacts.get(caseId));
    }

    @Override
    public Optional<ReportCase> findById(String caseId) {
        return Optional.ofNullable(byId.get(caseId));
    }

    @Override
    public Optional<ReportCase> findByTrackingCode(String trackingCode) {
        return byId.values().stream().filter(c -> trackingCode.equals(c.trackingCode())).findFirst();
    }

    @Override
    public ReportCase write(CaseWrite write) {
        ReportCase changed = write.changed();
        Consumer<ReportCase> hook = beforeNextUpdate;
        beforeNextUpdate = null;
        if (hook != null) {
            hook.accept(changed);
        }
        onEveryUpdate.accept(changed);
        synchronized (this) {
            CaseWrite.ProcessedMark mark = write.processed();
            if (mark != null && processedMarks.contains(mark.consumer() + "#" + mark.eventId())) {
                throw new AlreadyProcessedException(mark.consumer(), mark.eventId());
            }
            ReportCase stored = byId.get(changed.caseId());
            boolean eventExists = write.events().stream()
                    .anyMatch(e -> outbox.stream().anyMatch(o -> o.eventId().equals(e.eventId())));
            if (stored == null || stored.version() != changed.version() - 1 || eventExists) {
                conflicts++;
                throw new DomainException(ErrorCode.VERSION_CONFLICT);
            }
            byId.put(changed.caseId(), changed);
            outbox.addAll(write.events());
            if (mark != null) {
                processedMarks.add(mark.consumer() + "#" + mark.eventId());
            }
            return changed;
        }
    }

    @Override
    public boolean processed(String consumer, String eventId) {
        return processedMarks.contains(consumer + "#" + eventId);
    }

    /** The outbox events of one channel, in order. */
    public List<OutboxEvent> outbox(OutboxEvent.Channel channel) {
        return outbox.stream().filter(e -> e.channel() == channel).toList();
    }

    /** The case events of one type (e.g. {@code case.verified}), in order. */
    public List<OutboxEvent> caseEvents(String eventType) {
        return outbox.stream().filter(e -> e.channel() == OutboxEvent.Channel.CASE_EVENTS
                && e.eventType().equals(eventType)).toList();
    }
}
