package id.laporwarga.domain.port;

import id.laporwarga.domain.report.Reporter;
import java.util.Optional;

/**
 * The reporter's contact (name, phone) of a case, kept apart from the case: its own item, written in the submission's
 * transaction ({@link CaseRepository#create}) and readable only by the officials' function (the other functions'
 * roles are denied it). Read only where {@link id.laporwarga.domain.auth.AccessPolicy#canSeeReporter} allows.
 */
public interface ReporterContacts {
    Optional<Reporter> find(String caseId);
}
