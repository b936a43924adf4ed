package id.laporwarga.domain.geotag;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.StateMachine;
import id.laporwarga.domain.workflow.Transition;
import id.laporwarga.domain.workflow.TransitionEvent;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records one photo's check on its case and, once every photo has one, makes the catalogue's photo-check move
 * ({@value WorkflowCatalog#VERIFY}, through {@link StateMachine}) to the verdict: VERIFIED when all passed, otherwise the
 * worst photo verdict (NEEDS_REVIEW or REJECTED).
 */
public final class CaseVerdicts {
    /** The catalogue's photo-check move. */
    public static final String ACTION = WorkflowCatalog.VERIFY;
    public static final String ACTOR_ROLE = "SYSTEM";

    private CaseVerdicts() {
    }

    /**
     * The case to store.
     *
     * @param updated    the case with the check recorded (version + 1)
     * @param verdict    the case verdict, when this check completed the case (else empty)
     * @param event      the verdict move's event, when this check completed the case (else empty)
     */
    public record Applied(ReportCase updated, Optional<CaseStatus> verdict, Optional<TransitionEvent> event) {
        public Applied(ReportCase updated, Optional<CaseStatus> verdict) {
            this(updated, verdict, Optional.empty());
        }
    }

    /**
     * Records {@code check} for {@code photoId}. Returns empty when there is nothing to write: the photo is unknown or
     * already has a check (a verdict once recorded never changes).
     */
    public static Optional<Applied> apply(ReportCase c, String photoId, GeotagRules.Evaluation evaluation, Tenant tenant,
                                          Instant now) {
        Objects.requireNonNull(evaluation, "evaluation");
        Optional<Photo> target = c.photos().stream().filter(p -> p.photoId().equals(photoId)).findFirst();
        if (target.isEmpty() || target.get().check() != null) {
            return Optional.empty();
        }
        List<Photo> photos = c.photos().stream()
                .map(p -> p.photoId().equals(photoId) ? p.withCheck(evaluation.check()) : p)
                .toList();
        List<String> reasons = mergeReasons(c.verificationReasons(), evaluation.reasons());
        ReportCase recorded = new ReportCase.Builder(c).photos(photos).verificationReasons(reasons).build();
        boolean complete = photos.stream().allMatch(p -> p.check() != null);
        StateMachine machine = StateMachine.forTenant(tenant);
        Optional<ActionRule> verify = machine.find(c.kind(), c.status(), ACTION).filter(a -> a.allows(Role.SYSTEM));
        if (!complete || verify.isEmpty()) {
            return Optional.of(new Applied(c.amend(b -> b.photos(photos).verificationReasons(reasons), now), Optional.empty()));
        }
        Verdict worst = photos.stream().map(p -> p.check().verdict()).reduce(Verdict.PASS, Verdict::worst);
        CaseStatus to = switch (worst) {
            case PASS -> CaseStatus.VERIFIED;
            case NEEDS_REVIEW -> CaseStatus.NEEDS_REVIEW;
            case REJECTED -> CaseStatus.REJECTED;
        };
        String note = citizenNote(recorded, tenant, Locale.forLanguageTag("id"));
        Transition moved = machine.apply(recorded, verify.get(), to, HistoryEntry.SYSTEM, Role.SYSTEM, note, now,
                StateMachine.Amendment.NONE);
        return Optional.of(new Applied(moved.after(), Optional.of(to), Optional.of(moved.event())));
    }

    /**
     * Whether the case holds a geotag verdict: all photos checked and the photo check was the case's last move (its
     * status is the verdict).
     */
    public static boolean hasVerdict(ReportCase c) {
        if (c.photos().isEmpty() || !c.photos().stream().allMatch(p -> p.check() != null) || c.history().isEmpty()) {
            return false;
        }
        HistoryEntry last = c.history().get(c.history().size() - 1);
        return ACTION.equals(last.action()) && last.to() == c.status();
    }

    /** The event announcing the case's verdict status, or null when the status is not a verdict. */
    public static String eventType(CaseStatus status) {
        return switch (status) {
            case VERIFIED -> CaseEvent.VERIFIED;
            case NEEDS_REVIEW -> CaseEvent.NEEDS_REVIEW;
            case REJECTED -> CaseEvent.REJECTED;
            default -> null;
        };
    }

    /**
     * What the citizen is told about the verification, one sentence per reason (empty when every photo passed), e.g.
     * "Foto diambil di luar wilayah Kota Kotamobagu."
     */
    public static List<LocalizedText> citizenMessages(ReportCase c, Tenant tenant) {
        List<LocalizedText> out = new ArrayList<>();
        for (String code : c.verificationReasons()) {
            GeotagReason reason = GeotagReason.fromCode(code);
            if (reason == null) {
                continue;
            }
            Object argument = switch (reason) {
                case OUTSIDE_JURISDICTION -> tenant.name();
                case LOCATION_MISMATCH -> c.photos().stream()
                        .map(Photo::check).filter(Objects::nonNull)
                        .map(PhotoCheck::distanceMeters).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).map(d -> Long.toString(Math.round(d))).orElse("?");
                case STALE_PHOTO -> tenant.policies().geotag().maxPhotoAgeHours();
                default -> null;
            };
            out.add(reason.message(argument));
        }
        return out;
    }

    private static String citizenNote(ReportCase c, Tenant tenant, Locale locale) {
        List<LocalizedText> messages = citizenMessages(c, tenant);
        if (messages.isEmpty()) {
            return "Lokasi dan waktu foto sesuai laporan.";
        }
        return messages.stream().map(m -> m.in(locale)).collect(Collectors.joining(" "));
    }

    private static List<String> mergeReasons(List<String> existing, List<GeotagReason> added) {
        Set<String> all = new LinkedHashSet<>(existing);
        added.forEach(r -> all.add(r.name()));
        return all.stream()
                .sorted(Comparator.comparingInt(code -> {
                    GeotagReason r = GeotagReason.fromCode(code);
                    return r == null ? Integer.MAX_VALUE : r.ordinal();
                }))
                .toList();
    }
}
