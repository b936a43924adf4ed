package id.laporwarga.domain.intake;

import id.laporwarga.domain.auth.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a case came in and what it is: its report class, its channel, the staff member who filed it on a citizen's
 * behalf (null when the citizen filed it), the roles that alone may see it (a whistle-blowing report: the tenant's
 * named roles, copied at filing; empty = the usual area rules), while the case waits on the reporter
 * ({@code NEEDS_INFO}) the seconds that were left of the paused step's deadline, and duplicates: the master a
 * supporter was merged into ({@code masterCaseId}) or a master's supporters ({@code supporterCaseIds}, "me too").
 */
public record Intake(ReportClass reportClass, Channel channel, String filedBy, Set<Role> restrictedTo,
                     Long pausedRemainingSeconds, String masterCaseId, List<String> supporterCaseIds) {
    public Intake {
        restrictedTo = restrictedTo == null ? Set.of() : Set.copyOf(restrictedTo);
        supporterCaseIds = supporterCaseIds == null ? List.of() : List.copyOf(supporterCaseIds);
    }

    public static Intake of(ReportClass reportClass, Channel channel, String filedBy, Set<Role> restrictedTo) {
        return new Intake(reportClass, channel, filedBy, restrictedTo, null, null, List.of());
    }

    /** What a case stored before intake data existed counts as: a complaint filed in the app. */
    public static Intake legacy() {
        return new Intake(ReportClass.PENGADUAN, Channel.APP, null, Set.of(), null, null, List.of());
    }

    public Intake withPausedRemainingSeconds(Long seconds) {
        return new Intake(reportClass, channel, filedBy, restrictedTo, seconds, masterCaseId, supporterCaseIds);
    }

    /** This supporter merged into {@code master}. */
    public Intake mergedInto(String master) {
        return new Intake(reportClass, channel, filedBy, restrictedTo, pausedRemainingSeconds, master,
                supporterCaseIds);
    }

    /** This master with one more supporter (once per supporter). */
    public Intake withSupporter(String supporterCaseId) {
        if (supporterCaseIds.contains(supporterCaseId)) {
            return this;
        }
        List<String> all = new ArrayList<>(supporterCaseIds);
        all.add(supporterCaseId);
        return new Intake(reportClass, channel, filedBy, restrictedTo, pausedRemainingSeconds, masterCaseId, all);
    }

    /** The people behind the case: its reporter and its supporters. */
    public int reporters() {
        return 1 + supporterCaseIds.size();
    }

    public boolean restricted() {
        return !restrictedTo.isEmpty();
    }
}
