package id.laporwarga.domain.geotag;

import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.tenant.GeotagPolicy;
import id.laporwarga.domain.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tenant's geotag policy applied to one photo. Every failing rule is reported; the photo's verdict is the worst
 * of them and its {@code reason} the most serious.
 *
 * <ul>
 *   <li>no usable GPS: NEEDS_REVIEW ({@code NO_GPS}); REJECTED for RT activity reports (and for complaints when the
 *       tenant says so);</li>
 *   <li>GPS outside the tenant's outline: REJECTED ({@code OUTSIDE_JURISDICTION});</li>
 *   <li>GPS farther than {@code maxDistanceMeters} from the reported location: NEEDS_REVIEW ({@code LOCATION_MISMATCH});</li>
 *   <li>captured after the upload (beyond {@link #CLOCK_SKEW} of camera clock drift): NEEDS_REVIEW ({@code FUTURE_PHOTO});
 *       captured more than {@code maxPhotoAgeHours} before submission: NEEDS_REVIEW ({@code STALE_PHOTO}); no capture
 *       time: NEEDS_REVIEW ({@code NO_CAPTURE_TIME});</li>
 *   <li>not an image, broken, of another size than declared, or larger than allowed: REJECTED ({@code INVALID_IMAGE}).</li>
 * </ul>
 */
public final class GeotagRules {
    /** Phone clocks drift; a capture time this much after the upload is still believed. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private record Finding(GeotagReason reason, Verdict verdict) {
    }

    /** The check of one photo with every reason found (most serious first). */
    public record Evaluation(PhotoCheck check, List<GeotagReason> reasons) {
    }

    public Evaluation evaluate(PhotoMetadata metadata, ReportCase reportCase, Tenant tenant, Instant uploadedAt,
                               long bytesRead, Instant now) {
        GeotagPolicy policy = tenant.policies().geotag();
        List<Finding> findings = new ArrayList<>();
        GeoPoint gps = metadata.location();
        Double distance = null;
        if (gps == null) {
            boolean reject = reportCase.kind() == CaseKind.RT_ACTIVITY ? policy.rejectRtActivityWithoutGps()
                    : policy.rejectComplaintWithoutGps();
            findings.add(new Finding(GeotagReason.NO_GPS, reject ? Verdict.REJECTED : Verdict.NEEDS_REVIEW));
        } else {
            if (reportCase.location() != null) {
                distance = Math.round(gps.distanceMetersTo(reportCase.location()) * 10) / 10.0;
            }
            if (!tenant.boundaryIndex().contains(gps)) {
                findings.add(new Finding(GeotagReason.OUTSIDE_JURISDICTION, Verdict.REJECTED));
            } else if (distance != null && distance > policy.maxDistanceMeters()) {
                findings.add(new Finding(GeotagReason.LOCATION_MISMATCH, Verdict.NEEDS_REVIEW));
            }
        }
        Instant captured = metadata.capturedAt(tenant.zone());
        if (captured == null) {
            findings.add(new Finding(GeotagReason.NO_CAPTURE_TIME, Verdict.NEEDS_REVIEW));
        } else {
            Instant upload = uploadedAt != null ? uploadedAt : now;
            Instant submitted = reportCase.createdAt() != null ? reportCase.createdAt() : upload;
            if (captured.isAfter(upload.plus(CLOCK_SKEW))) {
                findings.add(new Finding(GeotagReason.FUTURE_PHOTO, Verdict.NEEDS_REVIEW));
            } else if (captured.isBefore(submitted.minus(Duration.ofHours(policy.maxPhotoAgeHours())))) {
                findings.add(new Finding(GeotagReason.STALE_PHOTO, Verdict.NEEDS_REVIEW));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.verdict()).reversed()
                .thenComparing(f -> f.reason().ordinal()));
        Verdict verdict = findings.stream().map(Finding::verdict).reduce(Verdict.PASS, Verdict::worst);
        String reason = findings.isEmpty() ? null : findings.get(0).reason().name();
        return new Evaluation(new PhotoCheck(verdict, reason, gps, distance, captured, bytesRead, now),
                findings.stream().map(Finding::reason).toList());
    }

    /** The check of an object that is not a usable image. */
    public Evaluation invalid(long bytesRead, Instant now) {
        return new Evaluation(new PhotoCheck(Verdict.REJECTED, GeotagReason.INVALID_IMAGE.name(), null, null, null,
                bytesRead, now), List.of(GeotagReason.INVALID_IMAGE));
    }
}
