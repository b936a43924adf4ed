package id.laporwarga.function.submitreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.laporwarga.domain.geotag.CaseVerdicts;
import id.laporwarga.domain.intake.Duplicates;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantEntry;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.platform.http.UploadView;
import io.micronaut.serde.annotation.Serdeable;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The JSON bodies of submit-report's routes. */
final class ReportViews {
    private static final List<String> ALL_KINDS = List.of("COMPLAINT", "RT_ACTIVITY", "SERVICE_REQUEST");

    private ReportViews() {
    }

    /** {@code POST /v1/reports}: the case, the reporter's secret (shown once) and the presigned uploads. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Submitted(String caseId, String trackingCode, String status, String statusLabel, String reporterSecret,
                     String tenant, @JsonInclude(JsonInclude.Include.NON_NULL) AreaNames area,
                     List<UploadView> uploads, String message, List<SimilarReport> possibleDuplicates) {
        static Submitted of(SubmitReportService.Submitted s, Locale locale, List<Duplicates.Candidate> similar) {
            ReportCase c = s.reportCase();
            boolean en = locale == Locale.ENGLISH;
            String message = c.photos().isEmpty() ? (en ? "Report received." : "Laporan diterima.")
                    : en ? "Report received. Upload the photos to the given links within 15 minutes."
                    : "Laporan diterima. Unggah foto ke tautan yang diberikan dalam 15 menit.";
            return new Submitted(c.caseId(), c.trackingCode(), c.status().name(), c.status().label().in(locale),
                    s.citizenSecret(), c.tenantId(),
                    c.area() == null ? null : new AreaNames(c.area().kecamatanName(), c.area().kelurahanName()),
                    s.uploads().stream().map(UploadView::of).toList(), message,
                    similar.stream().map(SimilarReport::of).toList());
        }
    }

    /**
     * An open report of the same category nearby (within the tenant's distance and time window): offered on
     * submission so the citizen can follow it instead; the triage desk may merge the two. Confidential ones are left
     * out.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SimilarReport(String trackingCode, String status, long distanceMeters, int supporters) {
        static SimilarReport of(Duplicates.Candidate d) {
            ReportCase c = d.reportCase();
            return new SimilarReport(c.trackingCode(), c.status().name(), Math.round(d.distanceMeters()),
                    c.intakeOrLegacy().supporterCaseIds().size());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AreaNames(String kecamatan, String kelurahan) {
    }

    /**
     * {@code GET /v1/reports/{trackingCode}}: what anyone holding a tracking code may see. Never the reporter's identity
     * or contact, never raw photo coordinates; a CONFIDENTIAL case shows its status only (every other field absent).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublicView(String trackingCode, String status, String statusLabel, String updatedAt, String updatedAtLocal,
                      Boolean confidential, String kind, String category, String categoryName, TenantRef tenant,
                      PublicArea area, String createdAt, String createdAtLocal, String timeZone, List<String> reasons,
                      List<String> notices, String handledBy, String dueAtLocal, List<PublicStep> history,
                      Resolution resolution, Referral referral, String reportClass, String answer, String question,
                      Integer supporters, String mergedInto) {
        /** {@code afterPhotoUrl}: the short-lived link to the EXIF-stripped "after" photo (null: none). */
        static PublicView of(ReportCase c, Optional<Tenant> tenant, Locale locale, String afterPhotoUrl) {
            ZoneId zone = c.timeZone() == null ? IndonesianTime.WIB : ZoneId.of(c.timeZone());
            String updatedLocal = IndonesianTime.display(c.updatedAt(), zone);
            if (c.privacy() == Privacy.CONFIDENTIAL) {
                return new PublicView(c.trackingCode(), c.status().name(), c.status().label().in(locale),
                        c.updatedAt().toString(), updatedLocal, true, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null);
            }
            boolean reasons = !c.verificationReasons().isEmpty();
            var assignment = c.assignment() != null && c.assignment().agencyName() != null ? c.assignment() : null;
            return new PublicView(c.trackingCode(), c.status().name(), c.status().label().in(locale),
                    c.updatedAt().toString(), updatedLocal, null, c.kind().name(), c.category(),
                    tenant.flatMap(t -> t.category(c.category())).map(Category::name).orElse(null),
                    tenant.map(t -> new TenantRef(t.id(), t.name())).orElse(null),
                    c.area() == null ? null : new PublicArea(c.area().kecamatanCode(), c.area().kecamatanName(),
                            c.area().kelurahanCode(), c.area().kelurahanName()),
                    c.createdAt().toString(), IndonesianTime.display(c.createdAt(), zone), IndonesianTime.abbreviation(zone),
                    reasons ? c.verificationReasons() : null,
                    reasons ? tenant.map(t -> CaseVerdicts.citizenMessages(c, t).stream().map(m -> m.in(locale)).toList())
                            .orElse(null) : null,
                    assignment == null ? null : assignment.agencyName(),
                    assignment != null && assignment.dueAt() != null && !c.status().isTerminal()
                            ? IndonesianTime.display(assignment.dueAt(), zone) : null,
                    c.history().stream().map(h -> PublicStep.of(h, zone, locale)).toList(),
                    Resolution.of(c, zone, afterPhotoUrl), Referral.of(c, tenant, locale), c.reportClass().name(), answer(c), question(c),
                    c.intakeOrLegacy().supporterCaseIds().size(), null);
        }

        /**
         * A supporter merged into a master follows the master: the master's status and history under the supporter's
         * own tracking code, with the master's code in {@code mergedInto}.
         */
        static PublicView following(ReportCase supporter, ReportCase master, Optional<Tenant> tenant, Locale locale,
                                    String afterPhotoUrl) {
            PublicView m = of(master, tenant, locale, afterPhotoUrl);
            return new PublicView(supporter.trackingCode(), m.status(), m.statusLabel(), m.updatedAt(),
                    m.updatedAtLocal(), m.confidential(), m.kind(), m.category(), m.categoryName(), m.tenant(), m.area(),
                    m.createdAt(), m.createdAtLocal(), m.timeZone(), m.reasons(), m.notices(), m.handledBy(),
                    m.dueAtLocal(), m.history(), m.resolution(), m.referral(), m.reportClass(), m.answer(), null,
                    m.supporters(), master.privacy() == Privacy.CONFIDENTIAL ? null : master.trackingCode());
        }

        /** The answer of an aspirasi or a request for information: the note of the move that resolved it. */
        static String answer(ReportCase c) {
            if (!c.reportClass().answerIsPublic() || c.status() != CaseStatus.RESOLVED && c.status() != CaseStatus.CLOSED) {
                return null;
            }
            for (int i = c.history().size() - 1; i >= 0; i--) {
                HistoryEntry h = c.history().get(i);
                if (h.to() == CaseStatus.RESOLVED) {
                    return h.note();
                }
            }
            return null;
        }

        /** The triage desk's open question to the reporter, while the case waits for the answer. */
        static String question(ReportCase c) {
            if (c.status() != CaseStatus.NEEDS_INFO || c.history().isEmpty()) {
                return null;
            }
            return c.history().getLast().note();
        }
    }

    /**
     * Where a complaint outside the Pemda's authority went and what the citizen can do: the institution's name, its
     * public contact and advice, as the tenant document gives them (shown while the case is REFERRED_EXTERNAL).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Referral(String institution, String contact, String advice) {
        static Referral of(ReportCase c, Optional<Tenant> tenant, Locale locale) {
            if (c.status() != CaseStatus.REFERRED_EXTERNAL || c.assignment() == null) {
                return null;
            }
            Optional<Agency> agency = tenant.flatMap(t -> t.agency(c.assignment().agencyId()));
            return new Referral(agency.map(Agency::name).orElse(c.assignment().agencyName()),
                    agency.map(Agency::publicContact).orElse(null),
                    agency.map(Agency::advice).map(a -> a.in(locale)).orElse(null));
        }
    }

    /**
     * What the agency did: the note of the latest {@code resolve} move (required by the workflow), shown while the case
     * is resolved or closed after it, so the reporter confirms or reopens knowing what was done; {@code photoUrl} a
     * short-lived (15 minutes) link to the EXIF-stripped copy of the agency's "after" photo, null when none.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Resolution(String note, String at, String atLocal, String photoUrl) {
        static Resolution of(ReportCase c, ZoneId zone, String photoUrl) {
            if (c.status() != CaseStatus.RESOLVED && c.status() != CaseStatus.CLOSED) {
                return null;
            }
            for (int i = c.history().size() - 1; i >= 0; i--) {
                HistoryEntry h = c.history().get(i);
                if (h.to() == CaseStatus.RESOLVED && h.note() != null && !h.note().isBlank()) {
                    return new Resolution(h.note(), h.at().toString(), IndonesianTime.display(h.at(), zone), photoUrl);
                }
                if (h.to() == CaseStatus.REOPENED) {
                    return null;
                }
            }
            return null;
        }
    }

    @Serdeable
    record TenantRef(String id, String name) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PublicArea(String kecamatanCode, String kecamatan, String kelurahanCode, String kelurahan) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PublicStep(String status, String statusLabel, String at, String atLocal) {
        static PublicStep of(HistoryEntry h, ZoneId zone, Locale locale) {
            return new PublicStep(h.to().name(), h.to().label().in(locale), h.at().toString(),
                    IndonesianTime.display(h.at(), zone));
        }
    }

    /** {@code GET /v1/tenants}: the Pemda served, by name (from the national index: no tenant is loaded). */
    @Serdeable
    record TenantList(List<TenantItem> items) {
        static TenantList of(List<TenantEntry> tenants) {
            return new TenantList(tenants.stream().map(t -> new TenantItem(t.id(), t.name(), t.zone().getId(),
                    IndonesianTime.abbreviation(t.zone()))).sorted(Comparator.comparing(TenantItem::name)).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TenantItem(String id, String name, String timeZone, String timeZoneAbbreviation) {
    }

    /** {@code GET /v1/tenants/{tenantId}/categories?kind=}: the category picker. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CategoryList(String tenant, List<CategoryItem> items) {
        /** The categories that apply to {@code kind} (every category when null; one without kinds applies to all). */
        static CategoryList of(Tenant tenant, String kind, Locale locale) {
            CaseKind k = kind == null ? null : CaseKind.valueOf(kind);
            return new CategoryList(tenant.id(), tenant.categories().stream()
                    .filter(c -> kind == null || c.kinds().isEmpty() || c.kinds().stream().anyMatch(x -> x.name().equals(kind)))
                    .map(c -> CategoryItem.of(c, c.agencyId() == null ? null : tenant.agency(c.agencyId()).orElse(null),
                            k, locale))
                    .toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CategoryItem(String code, String name, String agencyName, boolean external, List<String> kinds,
                        String reportClass, String reportClassLabel, String location, String photos) {
        static CategoryItem of(Category c, Agency agency, CaseKind kind, Locale locale) {
            return new CategoryItem(c.code(), c.name(), agency == null ? null : agency.name(),
                    agency != null && agency.external(), c.kinds().isEmpty() ? ALL_KINDS
                    : c.kinds().stream().map(Enum::name).sorted().toList(), c.reportClass().name(),
                    c.reportClass().label().in(locale), c.location().name(),
                    c.photosFor(kind == null ? CaseKind.COMPLAINT : kind).name());
        }
    }
}
