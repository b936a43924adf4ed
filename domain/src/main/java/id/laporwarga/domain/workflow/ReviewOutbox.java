package id.laporwarga.domain.workflow;

import id.laporwarga.domain.report.ReportCase;
import java.time.Instant;

/**
 * What the review workflow tells the outside world, after the change is stored. Implementations publish case events
 * ({@code case.status_changed}, and {@code case.rerouted} for ROUTE actions), the citizen notice (only when the
 * reporter left a contact) and the supervisor's alert (once per case and deadline).
 */
public interface ReviewOutbox {

    /** {@code after} was stored; {@code before} is the version it replaced. */
    void statusChanged(ReportCase before, ReportCase after, ActionRule action);

    /**
     * {@code overdue} missed the deadline of {@code step}: alert its supervisor, at most once per case and deadline.
     *
     * @return true if the alert went out now, false if it had gone out before
     */
    boolean overdue(ReportCase overdue, StepRule step, Instant now);
}
