package id.laporwarga.domain.workflow;

import id.laporwarga.domain.report.ReportCase;
import java.time.Instant;

/**
 * The deadline action of a step the platform routes from ({@code VERIFIED}: its event was never handled, e.g. the
 * routing message ended in a dead-letter queue): the routing move made now, as route-to-agency would have made it
 * (the responsible party from {@code CaseRouter}, the owner's alert in the same write).
 */
@FunctionalInterface
public interface DeadlineRouting {
    /**
     * Routes {@code c} (as stored) now.
     *
     * @return the routing move's event, or null when the case needed no routing any more
     * @throws id.laporwarga.domain.error.DomainException VERSION_CONFLICT when the case changed meanwhile
     */
    TransitionEvent route(ReportCase c, Instant now);
}
