package id.laporwarga.domain.tenant;

import id.laporwarga.domain.intake.IntakePolicy;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.scoring.ScoringPolicy;
import id.laporwarga.domain.workflow.Workflow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Per-tenant rules, as data with sensible defaults. Each capability owns one part:
 * geotag checks, SLAs and the working calendar, workflows and scoring.
 */
public record TenantPolicies(GeotagPolicy geotag, SlaPolicy sla, List<LocalDate> holidays, String triageAgencyId,
                             ScoringPolicy scoring, Map<CaseKind, Workflow> workflows, IntakePolicy intake) {
    public TenantPolicies {
        intake = intake == null ? IntakePolicy.defaults() : intake;
        workflows = workflows == null ? Map.of() : Map.copyOf(workflows);
        geotag = geotag == null ? GeotagPolicy.defaults() : geotag;
        sla = sla == null ? SlaPolicy.defaults() : sla;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        scoring = scoring == null ? ScoringPolicy.defaults() : scoring;
    }

    /** With the default intake rules ({@link IntakePolicy#defaults()}). */
    public TenantPolicies(GeotagPolicy geotag, SlaPolicy sla, List<LocalDate> holidays, String triageAgencyId,
                          ScoringPolicy scoring, Map<CaseKind, Workflow> workflows) {
        this(geotag, sla, holidays, triageAgencyId, scoring, workflows, null);
    }

    /** Without a scoring policy: the default (Makassar-like) scheme applies. */
    public TenantPolicies(GeotagPolicy geotag, SlaPolicy sla, List<LocalDate> holidays, String triageAgencyId) {
        this(geotag, sla, holidays, triageAgencyId, null, null, null);
    }

    /** Without workflow overrides: the built-in workflows of {@code WorkflowCatalog} apply. */
    public TenantPolicies(GeotagPolicy geotag, SlaPolicy sla, List<LocalDate> holidays, String triageAgencyId,
                          ScoringPolicy scoring) {
        this(geotag, sla, holidays, triageAgencyId, scoring, null, null);
    }

    public static TenantPolicies defaults() {
        return new TenantPolicies(null, null, null, null);
    }
}
