package id.laporwarga.domain.tenant;

import java.time.LocalDate;
import java.util.List;

/**
 * Per-tenant rules, as data with sensible defaults. Each capability owns one part:
 * geotag checks, SLAs and the working calendar, workflows and scoring.
 */
public record TenantPolicies(GeotagPolicy geotag, SlaPolicy sla, List<LocalDate> holidays, String triageAgencyId) {
    public TenantPolicies {
        geotag = geotag == null ? GeotagPolicy.defaults() : geotag;
        sla = sla == null ? SlaPolicy.defaults() : sla;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public static TenantPolicies defaults() {
        return new TenantPolicies(null, null, null, null);
    }
}
