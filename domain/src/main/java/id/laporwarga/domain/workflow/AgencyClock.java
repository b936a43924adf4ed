package id.laporwarga.domain.workflow;

import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.ReportCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whose clock ran while a case waited, from its history and the workflow's {@link WhoActs}: the time in steps where the
 * assigned agency acts (its SLA time), where the triage desk acts, and where the case waited on the reporter
 * ({@code NEEDS_INFO}, a resolved complaint awaiting confirmation). The agency's clock stops when it hands a case back
 * ("bukan wewenang") and does not run while the desk or the reporter holds the case; a question to the reporter pauses
 * the desk's step deadline ({@code ReviewService}).
 */
public final class AgencyClock {
    private AgencyClock() {
    }

    /** Elapsed time per party, up to {@code now} for a case still waiting. */
    public record Times(Duration agency, Duration triageDesk, Duration reporter, Duration other) {
        public long agencyMinutes() {
            return agency.toMinutes();
        }
    }

    public static Times of(ReportCase c, Workflow workflow, Instant now) {
        Duration agency = Duration.ZERO, desk = Duration.ZERO, reporter = Duration.ZERO, other = Duration.ZERO;
        List<HistoryEntry> h = c.history();
        for (int i = 0; i < h.size(); i++) {
            HistoryEntry entered = h.get(i);
            if (entered.to() == null || entered.to().isTerminal()) {
                continue;
            }
            Instant end = i + 1 < h.size() ? h.get(i + 1).at() : now;
            if (end == null || entered.at() == null || end.isBefore(entered.at())) {
                continue;
            }
            Duration d = Duration.between(entered.at(), end);
            WhoActs who = workflow.step(entered.to()).map(StepRule::whoActs).orElse(WhoActs.system());
            switch (who.scope()) {
                case ASSIGNED_AGENCY -> agency = agency.plus(d);
                case TRIAGE_DESK -> desk = desk.plus(d);
                case REPORTER -> reporter = reporter.plus(d);
                default -> other = other.plus(d);
            }
        }
        return new Times(agency, desk, reporter, other);
    }
}
