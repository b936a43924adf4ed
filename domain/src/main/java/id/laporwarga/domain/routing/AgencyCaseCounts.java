package id.laporwarga.domain.routing;

import id.laporwarga.domain.report.CaseStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * The city's counts for one agency (SIKeMas: "93 reports, 53 resolved, the rest belong to vertical agencies").
 * {@code received}: every case assigned to it in the period; {@code resolved}: resolved, closed or approved;
 * {@code referredExternal}: referred to a vertical institution; {@code open}: still waiting for someone;
 * {@code overdue}: open cases whose current step's deadline has passed; {@code reporters}: the people behind the
 * received cases (a master counts once, with its merged supporters: "me too"); {@code byChannel}: the cases per channel
 * they came through ({@code APP}, {@code WEB}, {@code SMS}, ..., Luwu Timur's "SP4N-LAPOR! or social media?"). A
 * supporter merged into a master (MERGED) is not a case of its own here.
 */
public record AgencyCaseCounts(long received, long open, long resolved, long referredExternal, long overdue,
                               long reporters, Map<String, Long> byChannel) {
    public AgencyCaseCounts {
        byChannel = byChannel == null ? Map.of() : Map.copyOf(byChannel);
    }

    public AgencyCaseCounts(long received, long open, long resolved, long referredExternal, long overdue) {
        this(received, open, resolved, referredExternal, overdue, received, Map.of());
    }

    private static final Set<CaseStatus> RESOLVED = EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED,
            CaseStatus.APPROVED, CaseStatus.KECAMATAN_ISSUED);
    private static final Set<CaseStatus> NOT_OPEN = EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED,
            CaseStatus.APPROVED, CaseStatus.KECAMATAN_ISSUED, CaseStatus.REFERRED_EXTERNAL, CaseStatus.REJECTED,
            CaseStatus.MERGED);

    public static final AgencyCaseCounts ZERO = new AgencyCaseCounts(0, 0, 0, 0, 0);

    /** Adds one case: its status, the deadline of the step it waits in (null if none) and the overdue flag. */
    public AgencyCaseCounts plus(CaseStatus status, Instant deadline, boolean flaggedOverdue, Instant now) {
        return plus(status, deadline, flaggedOverdue, now, null, 0);
    }

    /**
     * Adds one case that came through {@code channel} (null: not counted per channel) with {@code supporters} merged
     * into it; a MERGED supporter itself adds nothing (its master counts it).
     */
    public AgencyCaseCounts plus(CaseStatus status, Instant deadline, boolean flaggedOverdue, Instant now,
                                 String channel, long supporters) {
        if (status == CaseStatus.MERGED) {
            return this;
        }
        boolean open = !NOT_OPEN.contains(status);
        boolean late = open && (flaggedOverdue || (deadline != null && deadline.isBefore(now)));
        Map<String, Long> channels = byChannel;
        if (channel != null) {
            channels = new TreeMap<>(byChannel);
            channels.merge(channel, 1L, Long::sum);
        }
        return new AgencyCaseCounts(received + 1, open ? this.open + 1 : this.open,
                RESOLVED.contains(status) ? resolved + 1 : resolved,
                status == CaseStatus.REFERRED_EXTERNAL ? referredExternal + 1 : referredExternal,
                late ? overdue + 1 : overdue, reporters + 1 + Math.max(0, supporters), channels);
    }

    public AgencyCaseCounts plus(AgencyCaseCounts o) {
        Map<String, Long> channels = new TreeMap<>(byChannel);
        o.byChannel.forEach((k, v) -> channels.merge(k, v, Long::sum));
        return new AgencyCaseCounts(received + o.received, open + o.open, resolved + o.resolved,
                referredExternal + o.referredExternal, overdue + o.overdue, reporters + o.reporters, channels);
    }
}
