package id.laporwarga.domain.routing;

import id.laporwarga.domain.tenant.SlaPolicy;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;

/** Due dates of the first step after routing, from the tenant's SLA data. */
public final class DueDates {
    private DueDates() {
    }

    /**
     * The agency's (or review chain's) first response: plain hours when {@code firstResponseHours > 0}
     * (SIKeMas: 2x24 h), otherwise {@code firstResponseWorkingDays} working days (LAPOR!: 5), skipping weekends and the
     * tenant's holidays.
     */
    public static Instant firstResponse(SlaPolicy sla, WorkingCalendar calendar, Instant routedAt) {
        if (sla.firstResponseHours() > 0) {
            return calendar.plus(routedAt, Duration.ofHours(sla.firstResponseHours()));
        }
        return calendar.plusWorkingDays(routedAt, Math.max(1, sla.firstResponseWorkingDays()));
    }

    /** The triage desk's deadline to pick the right agency: {@code triageWorkingDays} working days. */
    public static Instant triage(SlaPolicy sla, WorkingCalendar calendar, Instant routedAt) {
        return calendar.plusWorkingDays(routedAt, Math.max(1, sla.triageWorkingDays()));
    }
}
