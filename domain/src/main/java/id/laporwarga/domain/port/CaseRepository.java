package id.laporwarga.domain.port;

import id.laporwarga.domain.report.ReportCase;
import java.util.Optional;

/** Storage of cases. Implementations must make {@link #create} atomic and {@link #update} optimistic. */
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
    CreateResult create(ReportCase newCase, id.laporwarga.domain.report.Reporter contact, String idempotencyKey);

    Optional<ReportCase> findById(String caseId);

    Optional<ReportCase> findByTrackingCode(String trackingCode);

    /**
     * Writes {@code changed} only if the stored version is {@code changed.version() - 1}.
     *
     * @throws id.laporwarga.domain.error.DomainException with {@code VERSION_CONFLICT} otherwise
     */
    ReportCase update(ReportCase changed);

    record CreateResult(ReportCase reportCase, boolean created) {
    }

    final class TrackingCodeTakenException extends RuntimeException {
        public TrackingCodeTakenException(String code) {
            super("tracking code taken: " + code);
        }
    }
}
