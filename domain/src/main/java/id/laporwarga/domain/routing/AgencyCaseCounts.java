package id.laporwarga.domain.routing;

import id.laporwarga.domain.report.CaseStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The city's counts for one agency (SIKeMas: "93 reports, 53 resolved, the rest belong to vertical agencies").
 * {@code received}: every case assigned to it in the period; {@code resolved}: resolved, closed or approved;
 * {@code referredExternal}: referred to a vertical institution; {@code open}: still waiting for someone;
 * {@code overdue}: open cases whose current step's deadline has passed.
 */
public record AgencyCaseCounts(long received, long open, long resolved, long referredExternal, long overdue) {
    private static final Set<CaseStatus> RESOLVED = EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED,
            CaseStatus.APPROVED, CaseStatus.KECAMATAN_ISSUED);
    private static final Set<CaseStatus> NOT_OPEN = EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED,
            CaseStatus.APPROVED, CaseStatus.KECAMATAN_ISSUED, CaseStatus.REFERRED_EXTERNAL, CaseStatus.REJECTED);

    public static final AgencyCaseCounts ZERO = new AgencyCaseCounts(0, 0, 0, 0, 0);

    /** Adds one case: its status, the deadline of the step it waits in (null if none) and the overdue flag. */
    public AgencyCaseCounts plus(CaseStatus status, Instant deadline, boolean flaggedOverdue, Instant now) {
        boolean open = !NOT_OPEN.contains(status);
        boolean late = open && (flaggedOverdue || (deadline != null && deadline.isBefore(now)));
        return new AgencyCaseCounts(received + 1, open ? this.open + 1 : this.open,
                RESOLVED.contains(status) ? resolved + 1 : resolved,
                status == CaseStatus.REFERRED_EXTERNAL ? referredExternal + 1 : referredExternal,
                late ? overdue + 1 : overdue);
    }

    public AgencyCaseCounts plus(AgencyCaseCounts o) {
        return new AgencyCaseCounts(received + o.received, open + o.open, resolved + o.resolved,
                referredExternal + o.referredExternal, overdue + o.overdue);
    }
}
