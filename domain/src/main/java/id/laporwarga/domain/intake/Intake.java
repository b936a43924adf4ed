package id.laporwarga.domain.intake;

import id.laporwarga.domain.auth.Role;
import java.util.Set;

/**
 * How a case came in and what it is: its report class, its channel, the staff member who filed it on a citizen's
 * behalf (null when the citizen filed it), the roles that alone may see it (a whistle-blowing report: the tenant's
 * named roles, copied at filing; empty = the usual area rules), and while the case waits on the reporter
 * ({@code NEEDS_INFO}) the seconds that were left of the paused step's deadline.
 */
public record Intake(ReportClass reportClass, Channel channel, String filedBy, Set<Role> restrictedTo,
                     Long pausedRemainingSeconds) {
    public Intake {
        restrictedTo = restrictedTo == null ? Set.of() : Set.copyOf(restrictedTo);
    }

    public static Intake of(ReportClass reportClass, Channel channel, String filedBy, Set<Role> restrictedTo) {
        return new Intake(reportClass, channel, filedBy, restrictedTo, null);
    }

    /** What a case stored before intake data existed counts as: a complaint filed in the app. */
    public static Intake legacy() {
        return new Intake(ReportClass.PENGADUAN, Channel.APP, null, Set.of(), null);
    }

    public Intake withPausedRemainingSeconds(Long seconds) {
        return new Intake(reportClass, channel, filedBy, restrictedTo, seconds);
    }

    public boolean restricted() {
        return !restrictedTo.isEmpty();
    }
}
