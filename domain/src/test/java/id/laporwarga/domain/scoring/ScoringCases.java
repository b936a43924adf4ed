package id.laporwarga.domain.scoring;

import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.roster.RosterEntry;
import id.laporwarga.domain.time.IndonesianTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-built cases for scoring tests: tenant "kota", zone WITA, times given as local date-times. */
final class ScoringCases {
    static final String TENANT = "kota";
    static final AreaRef AREA_A = new AreaRef("71.74.01", "Kotamobagu Barat", "71.74.01.1001", "Mogolaing",
            AreaRef.KelurahanMatch.INSIDE);
    static final AreaRef AREA_B = new AreaRef("71.74.02", "Kotamobagu Timur", "71.74.02.1002", "Motoboi Kecil",
            AreaRef.KelurahanMatch.INSIDE);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private ScoringCases() {
    }

    /**
     * The roster of the RTs that {@code cases} name, each placed where its earliest case (then smallest case id) is:
     * what a roster import would hold for them, whatever the order of {@code cases}.
     */
    static List<RosterEntry> rosterOf(List<ReportCase> cases) {
        java.util.Map<String, RosterEntry> out = new java.util.LinkedHashMap<>();
        List<ReportCase> sorted = new ArrayList<>(cases);
        sorted.sort(java.util.Comparator.comparing(ReportCase::createdAt).thenComparing(ReportCase::caseId));
        for (ReportCase c : sorted) {
            if (c.rtId() != null && c.area() != null) {
                out.putIfAbsent(c.rtId(), new RosterEntry(TENANT, c.rtId(), "001", "001", c.area().kecamatanCode(),
                        c.area().kecamatanName(), c.area().kelurahanCode(), c.area().kelurahanName(), true, null));
            }
        }
        return List.copyOf(out.values());
    }

    static Instant local(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime).atZone(IndonesianTime.WITA).toInstant();
    }

    static Builder activity(String rtId, String submittedLocal) {
        return new Builder(CaseKind.RT_ACTIVITY, rtId, local(submittedLocal)).photo(Verdict.PASS);
    }

    static Builder complaint(String rtId, String submittedLocal) {
        return new Builder(CaseKind.COMPLAINT, rtId, local(submittedLocal));
    }

    static Builder serviceRequest(String rtId, String submittedLocal) {
        return new Builder(CaseKind.SERVICE_REQUEST, rtId, local(submittedLocal));
    }

    static final class Builder {
        private final CaseKind kind;
        private final String rtId;
        private final Instant createdAt;
        private final List<HistoryEntry> history = new ArrayList<>();
        private final List<Photo> photos = new ArrayList<>();
        private CaseStatus status;
        private Privacy privacy = Privacy.PUBLIC;
        private AreaRef area = AREA_A;
        private boolean overdue;
        private String caseId;

        Builder(CaseKind kind, String rtId, Instant createdAt) {
            this.kind = kind;
            this.rtId = rtId;
            this.createdAt = createdAt;
            this.status = kind == CaseKind.SERVICE_REQUEST ? CaseStatus.RT_APPROVAL : CaseStatus.AWAITING_PHOTOS;
            history.add(new HistoryEntry(createdAt, "u1", "CITIZEN", "submit", null, status, null));
        }

        Builder photo(Verdict verdict) {
            photos.add(new Photo("p" + (photos.size() + 1), "image/jpeg", 1000, "photos/k/x.jpg",
                    new PhotoCheck(verdict, verdict == Verdict.PASS ? null : "NO_GPS", null, 10.0, createdAt, 100, createdAt)));
            return this;
        }

        Builder noPhotos() {
            photos.clear();
            return this;
        }

        Builder to(CaseStatus to, String atLocal) {
            return to(to, atLocal, "officer", "OFFICIAL", "review");
        }

        Builder to(CaseStatus to, String atLocal, String actor, String role, String action) {
            history.add(new HistoryEntry(local(atLocal), actor, role, action, status, to, null));
            status = to;
            return this;
        }

        Builder privacy(Privacy p) {
            privacy = p;
            return this;
        }

        Builder area(AreaRef a) {
            area = a;
            return this;
        }

        Builder overdue() {
            overdue = true;
            return this;
        }

        Builder id(String id) {
            caseId = id;
            return this;
        }

        ReportCase build() {
            String id = caseId != null ? caseId : String.format("c%06d", SEQ.incrementAndGet());
            return ReportCase.builder().caseId(id).tenantId(TENANT).timeZone(IndonesianTime.WITA.getId())
                    .trackingCode("KTM-" + id).kind(kind).category("SAMPAH").description("Selokan mampet")
                    .location(new GeoPoint(0.7343, 124.3162)).area(area).rtId(rtId).privacy(privacy)
                    .reporter(new Reporter("Budi Santoso", "081234567890", null)).photos(photos).status(status)
                    .version(history.size()).history(history).createdAt(createdAt).updatedAt(createdAt)
                    .overdue(overdue).citizenSecretHash("hash").requestHash("req").build();
        }
    }
}
