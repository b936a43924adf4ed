package id.laporwarga.function.reviewstep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.intake.Duplicates;
import id.laporwarga.domain.workflow.AgencyClock;
import id.laporwarga.domain.workflow.ServiceTimes;
import id.laporwarga.platform.http.UploadView;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON bodies of review-step's routes. Times in UTC plus the tenant's local time ({@link Time}). */
final class CaseViews {
    private CaseViews() {
    }

    /** {@code {"utc": ..., "local": "2026-05-20T09:00:00+08:00", "display": "20 Mei 2026 09:00 WITA"}} (null: null). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Time(String utc, String local, String display) {
        static Time of(Instant instant, ReportCase c) {
            if (instant == null) {
                return null;
            }
            ZoneId zone = c.timeZone() == null ? IndonesianTime.WIB : ZoneId.of(c.timeZone());
            return new Time(instant.toString(), IndonesianTime.isoLocal(instant, zone), IndonesianTime.display(instant, zone));
        }
    }

    /** A line of the inbox. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Summary(String caseId, String trackingCode, String kind, String category, String status, String statusLabel,
                   long version, Time createdAt, Time deadlineAt, boolean overdue, String rtId,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String kecamatan,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String kelurahan,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String agencyId, List<String> actions,
                   String reportClass, String channel) {
        static Summary of(ReportCase c, List<ActionRule> actions, Locale locale) {
            var intake = c.intakeOrLegacy();
            return new Summary(c.caseId(), c.trackingCode(), c.kind().name(), c.category(), c.status().name(),
                    c.status().label().in(locale), c.version(), Time.of(c.createdAt(), c), Time.of(c.deadlineAt(), c),
                    c.overdue(), c.rtId(), c.area() == null ? null : c.area().kecamatanName(),
                    c.area() == null ? null : c.area().kelurahanName(),
                    c.assignment() == null ? null : c.assignment().agencyId(), actions.stream().map(ActionRule::name).toList(),
                    c.reportClass().name(), intake.channel() == null ? null : intake.channel().name());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Inbox(List<Summary> items, String nextPage) {
    }

    /**
     * The full view for an official allowed to see the case: presigned photo links, checks, assignment, history,
     * allowed actions and per-tier timings; the reporter only where the access rule allows; the upload of an action.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Detail(@JsonUnwrapped Summary summary, String description, String privacy,
                  @JsonInclude(JsonInclude.Include.NON_NULL) LatLon location,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Area area,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Person reporter, List<PhotoView> photos,
                  List<Attachment> attachments, List<String> verificationReasons,
                  @JsonInclude(JsonInclude.Include.NON_NULL) AssignmentView assignment, List<Step> history,
                  Timings timings, @JsonInclude(JsonInclude.Include.NON_NULL) UploadView upload, Clock clock,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String filedBy, int reporters,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String masterCaseId, List<Similar> duplicates) {
        /**
         * @param reporter the contact item, already read only where {@code AccessPolicy.canSeeReporter} allows
         * @param audit    whether the caller (the city admin) also gets links to the pinned originals
         */
        static Detail of(ReportCase c, Reporter reporter, boolean audit, List<ActionRule> actions, PhotoUploads links,
                         List<String> attachmentKeys, PhotoUploads.UploadTicket upload, Locale locale,
                         AgencyClock.Times clock, List<Similar> duplicates) {
            var a = c.area();
            return new Detail(Summary.of(c, actions, locale), c.description(),
                    c.privacy() == null ? null : c.privacy().name(), LatLon.of(c.location()),
                    a == null ? null : new Area(a.kecamatanCode(), a.kecamatanName(), a.kelurahanCode(), a.kelurahanName(),
                            a.kelurahanMatch() == null ? null : a.kelurahanMatch().name()),
                    reporter == null ? null : new Person(reporter.name(), reporter.phone(), reporter.email()),
                    c.photos().stream().map(p -> PhotoView.of(p, c, links, audit)).toList(),
                    attachmentKeys.stream().map(k -> new Attachment(k.substring(k.lastIndexOf('/') + 1),
                            links.presignDownload(k))).toList(),
                    c.verificationReasons(), AssignmentView.of(c.assignment(), c),
                    c.history().stream().map(h -> Step.of(h, c)).toList(), Timings.of(c),
                    upload == null ? null : UploadView.of(upload), Clock.of(clock), c.intakeOrLegacy().filedBy(),
                    c.intakeOrLegacy().reporters(), c.intakeOrLegacy().masterCaseId(), duplicates);
        }
    }

    /**
     * Whose clock ran while the case waited ({@link AgencyClock}), in minutes: the assigned agency's (its SLA time:
     * stopped by a hand-back, not running at the triage desk or while the reporter is asked), the triage desk's, the
     * reporter's.
     */
    /** An open report of the same category nearby, offered to the triage desk to merge ({@code masterCaseId}). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Similar(String caseId, String trackingCode, String status, long distanceMeters, String createdAt,
                   int reporters) {
        static Similar of(Duplicates.Candidate d) {
            ReportCase c = d.reportCase();
            return new Similar(c.caseId(), c.trackingCode(), c.status().name(), Math.round(d.distanceMeters()),
                    c.createdAt() == null ? null : c.createdAt().toString(), c.intakeOrLegacy().reporters());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Clock(long agencyMinutes, long triageDeskMinutes, long reporterMinutes) {
        static Clock of(AgencyClock.Times t) {
            return new Clock(t.agency().toMinutes(), t.triageDesk().toMinutes(), t.reporter().toMinutes());
        }
    }

    @Serdeable
    record LatLon(double lat, double lon) {
        static LatLon of(GeoPoint p) {
            return p == null ? null : new LatLon(p.lat(), p.lon());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Area(String kecamatanCode, String kecamatanName, String kelurahanCode, String kelurahanName,
                String kelurahanMatch) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Person(String name, String phone, String email) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PhotoView(String photoId, String contentType, String url,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String originalUrl,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Check check) {
        /**
         * {@code url}: the EXIF-stripped copy made at verification (null before the check, or when no copy exists);
         * {@code originalUrl} (audit only): the original, at the version the check pinned, never a later write.
         */
        static PhotoView of(Photo p, ReportCase c, PhotoUploads links, boolean audit) {
            PhotoCheck k = p.check();
            String view = k == null || k.viewKey() == null ? null : links.presignDownload(k.viewKey());
            String original = audit && k != null ? links.presignDownload(p.objectKey(), k.objectVersion()) : null;
            return new PhotoView(p.photoId(), p.contentType(), view, original, Check.of(k, c));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Check(String verdict, String reason, @JsonInclude(JsonInclude.Include.NON_NULL) LatLon readLocation,
                 Double distanceMeters, Time capturedAt, Time checkedAt) {
        static Check of(PhotoCheck k, ReportCase c) {
            return k == null ? null : new Check(k.verdict() == null ? null : k.verdict().name(), k.reason(),
                    LatLon.of(k.readLocation()), k.distanceMeters(), Time.of(k.capturedAt(), c), Time.of(k.checkedAt(), c));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Attachment(String name, String url) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AssignmentView(String agencyId, String agencyName, boolean external, Time routedAt, Time dueAt) {
        static AssignmentView of(Assignment a, ReportCase c) {
            return a == null ? null : new AssignmentView(a.agencyId(), a.agencyName(), a.external(),
                    Time.of(a.routedAt(), c), Time.of(a.dueAt(), c));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Step(Time at, String actorId, String actorRole, String action, String from, String to, String note) {
        static Step of(HistoryEntry h, ReportCase c) {
            return new Step(Time.of(h.at(), c), h.actorId(), h.actorRole(), h.action(),
                    h.from() == null ? null : h.from().name(), h.to() == null ? null : h.to().name(), h.note());
        }
    }

    /** Time spent per tier (from the history) and end to end. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Timings(List<Tier> tiers, Long endToEndSeconds) {
        static Timings of(ReportCase c) {
            ServiceTimes.CaseTimes t = ServiceTimes.of(c);
            return new Timings(t.tiers().stream().map(tier -> new Tier(tier.status() == null ? null : tier.status().name(),
                    Time.of(tier.enteredAt(), c), Time.of(tier.leftAt(), c), tier.seconds())).toList(), t.endToEndSeconds());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Tier(String status, Time enteredAt, Time leftAt, Long seconds) {
    }

    /** The reporter's confirm/reopen answer. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CitizenAnswer(String trackingCode, String status, String statusLabel, Time updatedAt) {
        static CitizenAnswer of(ReportCase c, Locale locale) {
            return new CitizenAnswer(c.trackingCode(), c.status().name(), c.status().label().in(locale),
                    Time.of(c.updatedAt(), c));
        }
    }

    /** {@code GET /v1/admin/service-times}: measured service-request times per tier and end to end. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ServiceTimesReport(String tenant, String from, String to, int cases, Long targetMinutes,
                              Double withinTargetShare, Stats endToEnd, Map<String, Stats> tiers) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Stats(int count, double medianMinutes, double p90Minutes, double meanMinutes) {
        static Stats of(ServiceTimes.Stats s) {
            return new Stats(s.count(), s.medianMinutes(), s.p90Minutes(), s.meanMinutes());
        }
    }
}
