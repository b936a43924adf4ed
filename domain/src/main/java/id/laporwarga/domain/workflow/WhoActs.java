package id.laporwarga.domain.workflow;

import id.laporwarga.domain.auth.Role;
import java.util.Objects;

/**
 * Who must act in a step, as data: a role and the area it acts for (the case's RT, its kelurahan, its kecamatan, the
 * city, the agency the case is assigned to, the triage desk, an external institution, the reporter). Notification
 * routing and the inbox read it; {@link Role#SYSTEM} with {@link Scope#NONE} marks the steps the platform moves on by
 * itself (photo check, routing).
 */
public record WhoActs(Role role, Scope scope) {

    public enum Scope {
        /** The RT the case was filed for ({@code rtId}). */
        RT,
        /** The kelurahan/desa the case lies in. */
        KELURAHAN,
        /** The kecamatan the case lies in. */
        KECAMATAN,
        /** The whole city (kota/kabupaten). */
        CITY,
        /** The agency of the case's assignment. */
        ASSIGNED_AGENCY,
        /** The tenant's triage desk ({@code policies.triageAgencyId}). */
        TRIAGE_DESK,
        /** A vertical institution outside the Pemda (PDAM, PLN, BPN, police). */
        EXTERNAL_INSTITUTION,
        /** The reporter, proved by the secret returned at submission. */
        REPORTER,
        /** Nobody in particular: the platform itself. */
        NONE
    }

    public WhoActs {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
    }

    public static WhoActs of(Role role, Scope scope) {
        return new WhoActs(role, scope);
    }

    /** The platform itself (photo check, routing). */
    public static WhoActs system() {
        return new WhoActs(Role.SYSTEM, Scope.NONE);
    }

    /** The scope a role acts for when a step does not say: its own area. */
    public static Scope defaultScope(Role role) {
        return switch (role) {
            case RT_HEAD -> Scope.RT;
            case KELURAHAN -> Scope.KELURAHAN;
            case KECAMATAN -> Scope.KECAMATAN;
            case AGENCY_STAFF -> Scope.ASSIGNED_AGENCY;
            case CITIZEN -> Scope.REPORTER;
            case SYSTEM -> Scope.NONE;
            case CITY_ADMIN, ANALYST, PLATFORM_ADMIN -> Scope.CITY;
        };
    }

    @Override
    public String toString() {
        return role + (scope == Scope.NONE ? "" : " @ " + scope);
    }
}
