package id.laporwarga.domain.intake;

import id.laporwarga.domain.auth.Role;
import java.util.Set;

/**
 * A tenant's intake rules ({@code policies.intake} of the tenant document).
 *
 * @param triageFirst          every report goes to the triage desk first (LAPOR! "disaring"); false = verified
 *                             reports go straight to the responsible agency
 * @param needsInfoWorkingDays how long a question to the reporter ({@code NEEDS_INFO}) waits before the report is
 *                             closed unanswered
 * @param whistleblowingRoles  the only roles that may see whistle-blowing reports
 * @param duplicateRadiusMeters  how near an open case of the same category must be to be offered as a duplicate
 * @param duplicateWindowHours how recent it must be
 */
public record IntakePolicy(boolean triageFirst, int needsInfoWorkingDays, Set<Role> whistleblowingRoles,
                           int duplicateRadiusMeters, int duplicateWindowHours) {
    public static final int DEFAULT_NEEDS_INFO_WORKING_DAYS = 10;

    public IntakePolicy {
        whistleblowingRoles = whistleblowingRoles == null || whistleblowingRoles.isEmpty()
                ? Set.of(Role.CITY_ADMIN) : Set.copyOf(whistleblowingRoles);
        needsInfoWorkingDays = needsInfoWorkingDays <= 0 ? DEFAULT_NEEDS_INFO_WORKING_DAYS : needsInfoWorkingDays;
        duplicateRadiusMeters = duplicateRadiusMeters <= 0 ? 50 : duplicateRadiusMeters;
        duplicateWindowHours = duplicateWindowHours <= 0 ? 24 : duplicateWindowHours;
    }

    public static IntakePolicy defaults() {
        return new IntakePolicy(false, DEFAULT_NEEDS_INFO_WORKING_DAYS, Set.of(Role.CITY_ADMIN), 50, 24);
    }
}
