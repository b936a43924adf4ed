package id.laporwarga.domain.auth;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.report.ReportCase;

/**
 * Role + area rules: who may see a case at all. Whether a role may take a given action is the workflow's business
 * ({@link id.laporwarga.domain.workflow.Workflow}); an action needs both.
 *
 * <ul>
 *   <li>PLATFORM_ADMIN: every case of every tenant;</li>
 *   <li>CITY_ADMIN, ANALYST: every case of their tenant;</li>
 *   <li>KECAMATAN: cases located in their kecamatan; KELURAHAN: in their kelurahan;</li>
 *   <li>RT_HEAD: cases of their RT (the RT the report was filed for);</li>
 *   <li>AGENCY_STAFF: cases currently assigned to their agency.</li>
 * </ul>
 */
public final class AccessPolicy {
    private AccessPolicy() {
    }

    public static boolean canSee(Caller caller, ReportCase c) {
        if (caller.isPlatformAdmin()) {
            return true;
        }
        if (!caller.belongsTo(c.tenantId())) {
            return false;
        }
        return switch (caller.role()) {
            case CITY_ADMIN, ANALYST -> true;
            case KECAMATAN -> c.area() != null && caller.kecamatanCode().equals(c.area().kecamatanCode());
            case KELURAHAN -> c.area() != null && caller.kelurahanCode().equals(c.area().kelurahanCode());
            case RT_HEAD -> caller.rtId().equals(c.rtId());
            case AGENCY_STAFF -> c.assignment() != null && caller.agencyId().equals(c.assignment().agencyId());
            default -> false;
        };
    }

    /** FORBIDDEN unless {@link #canSee}. */
    public static void requireSee(Caller caller, ReportCase c) {
        if (!canSee(caller, c)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
    }

    /**
     * Whether the reporter's name and phone may be shown (and their item read at all):
     * <ul>
     *   <li>the tenant's CITY_ADMIN: always (for ANONYMOUS and CONFIDENTIAL cases as the audit of the reporter);</li>
     *   <li>a PUBLIC case: every official who can see the case, except analysts;</li>
     *   <li>CONFIDENTIAL and ANONYMOUS cases: nobody else (RT heads, kelurahan and kecamatan reviewers live next door
     *       to the reporter; agencies act on the case, not on the person).</li>
     * </ul>
     */
    public static boolean canSeeReporter(Caller caller, ReportCase c) {
        if (!canSee(caller, c) || caller.role() == Role.ANALYST) {
            return false;
        }
        if (caller.role() == Role.CITY_ADMIN) {
            return true;
        }
        return c.privacy() == null || c.privacy() == id.laporwarga.domain.report.Privacy.PUBLIC;
    }
}
