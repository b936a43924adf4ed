package id.laporwarga.domain.intake;

import id.laporwarga.domain.port.NearbyCases;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the open complaints of the same category within the tenant's distance and time window of a case
 * ({@code policies.intake.duplicateRadiusMeters}, {@code duplicateWindowHours}): offered on submission and at the
 * triage desk, to be merged into a master. Through {@link NearbyCases} (an index of grid cells), never a scan.
 */
public final class Duplicates {
    private final NearbyCases nearby;

    public Duplicates(NearbyCases nearby) {
        this.nearby = nearby;
    }

    /** One candidate, nearest first. */
    public record Candidate(ReportCase reportCase, double distanceMeters) {
    }

    public List<Candidate> of(Tenant tenant, ReportCase c) {
        if (c.kind() != CaseKind.COMPLAINT || c.location() == null || c.status().isTerminal()
                || c.intake() != null && c.intake().restricted()) {
            return List.of();
        }
        IntakePolicy policy = tenant.policies().intake();
        int radius = Math.min(policy.duplicateRadiusMeters(), GridCells.MAX_RADIUS_METERS);
        Instant created = c.createdAt() == null ? Instant.now() : c.createdAt();
        Instant since = created.minus(Duration.ofHours(policy.duplicateWindowHours()));
        return nearby.openIn(tenant.id(), c.category(), GridCells.around(c.location(), radius), since,
                        c.caseId()).stream()
                .filter(o -> !o.caseId().equals(c.caseId()) && o.location() != null && !o.status().isTerminal())
                .filter(o -> o.intake() == null || o.intake().masterCaseId() == null)
                .filter(o -> o.createdAt() == null || !o.createdAt().isAfter(created.plus(
                        Duration.ofHours(policy.duplicateWindowHours()))))
                .map(o -> new Candidate(o, o.location().distanceMetersTo(c.location())))
                .filter(x -> x.distanceMeters() <= radius)
                .sorted(Comparator.comparingDouble(Candidate::distanceMeters))
                .toList();
    }
}
