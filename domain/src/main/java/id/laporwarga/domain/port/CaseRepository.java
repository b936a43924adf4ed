package id.laporwarga.domain.port;

import id.laporwarga.domain.report.ReportCase;
import java.util.Optional;

/** Storage of cases. Implementations must make {@link #create} atomic and {@link #update} optimistic. */
public interface CaseRepository {

    /**
     * Stores a new case under an idempotency key, atomically with the key and the tracking code.
     * If the key was used before with the same {@code requestHash}, returns the stored case and secret with
     * {@code created=false}; with another hash throws {@code IDEMPOTENCY_KEY_REUSED}.
     *
     * @throws TrackingCodeTakenException when the tracking code exists already (caller picks another and retries)
     */
    CreateResult create(ReportCase newCase, String idempotencyKey, String citizenSecret);

    Optional<ReportCase> findById(String caseId);

    Optional<ReportCase> findByTrackingCode(String trackingCode);

    /**
     * Writes {@code changed} only if the stored version is {@code changed.version() - 1}.
     *
     * @throws id.laporwarga.domain.error.DomainException with {@code VERSION_CONFLICT} otherwise
     */
    ReportCase update(ReportCase changed);

    record CreateResult(ReportCase reportCase, String citizenSecret, boolean created) {
    }

    final class TrackingCodeTakenException extends RuntimeException {
        public TrackingCodeTakenException(String code) {
            super("tracking code taken: " + code);
        }
    }
}
