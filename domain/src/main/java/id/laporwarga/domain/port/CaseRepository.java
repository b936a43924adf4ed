package id.laporwarga.domain.port;

import id.laporwarga.domain.report.ReportCase;
import java.util.Optional;

/**
 * Storage of cases. Implementations must make {@link #create} atomic and {@link #write} one optimistic transaction of
 * the case, its outbox events and a consumer's processed mark (the transactional outbox: an event is stored if and only
 * if the change it announces is).
 */
public interface CaseRepository {

    /**
     * Stores a new case under an idempotency key, atomically with the key, the tracking code and the reporter's
     * contact (its own item, only when {@code contact} is not null; the case itself carries none). If the key was used
     * before with the same {@code requestHash}, returns the stored case with {@code created=false}; with another hash
     * throws {@code IDEMPOTENCY_KEY_REUSED}. Nothing secret is stored: the reporter's secret is derived, never kept
     * ({@link id.laporwarga.domain.report.ReporterSecrets}).
     *
     * @param contact the name and phone the reporter left, or null
     * @throws TrackingCodeTakenException when the tracking code exists already (caller picks another and retries)
     */
    default CreateResult create(ReportCase newCase, id.laporwarga.domain.report.Reporter contact,
                                String idempotencyKey) {
        return create(newCase, contact, idempotencyKey, java.util.List.of());
    }

    /**
     * {@link #create(ReportCase, id.laporwarga.domain.report.Reporter, String)} with the submission's outbox events
     * (its case event: the first step's entry, which alerts whoever acts in it), written in the same transaction; a
     * replay ({@code created=false}) writes none.
     */
    CreateResult create(ReportCase newCase, id.laporwarga.domain.report.Reporter contact, String idempotencyKey,
                        java.util.List<id.laporwarga.domain.outbox.OutboxEvent> events);

    Optional<ReportCase> findById(String caseId);

    Optional<ReportCase> findByTrackingCode(String trackingCode);

    /**
     * Writes {@code changed} only if the stored version is {@code changed.version() - 1} (a change nobody else hears
     * of: {@link #write} with no outbox event).
     *
     * @throws id.laporwarga.domain.error.DomainException with {@code VERSION_CONFLICT} otherwise
     */
    default ReportCase update(ReportCase changed) {
        return write(CaseWrite.of(changed));
    }

    /**
     * Writes the case (only if the stored version is {@code version - 1}), its outbox events (each only if no event
     * with its id exists) and the processed mark (only if absent) in one transaction: all of it or nothing.
     *
     * @throws id.laporwarga.domain.error.DomainException with {@code VERSION_CONFLICT} when the case changed meanwhile
     *                                                    (or one of the events was written before)
     * @throws AlreadyProcessedException                  when the consumer's processed mark exists: the event was
     *                                                    handled before, nothing was written
     */
    ReportCase write(CaseWrite write);

    /** Whether {@code consumer} handled {@code eventId} before (its processed mark exists). */
    boolean processed(String consumer, String eventId);

    record CreateResult(ReportCase reportCase, boolean created) {
    }

    /** The consumer's processed mark of the event exists: its effect happened before. */
    final class AlreadyProcessedException extends RuntimeException {
        public AlreadyProcessedException(String consumer, String eventId) {
            super(consumer + " processed " + eventId + " before", null, false, false);
        }
    }

    final class TrackingCodeTakenException extends RuntimeException {
        public TrackingCodeTakenException(String code) {
            super("tracking code taken: " + code);
        }
    }
}
