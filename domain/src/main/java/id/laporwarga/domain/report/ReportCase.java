package id.laporwarga.domain.report;

import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A case: one complaint, RT activity report or service request, with its whole audit trail.
 *
 * <p>Immutable. Every change goes through a method that returns a new case with {@code version + 1}; the repository
 * writes it only if the stored version is still {@code version - 1} (optimistic locking), so concurrent reviewers
 * never lose an update.
 *
 * @param timeZone   the tenant's IANA zone at submission (display in WIB/WITA/WIT, local periods)
 * @param deadlineAt the due time of the step the case waits in (null when nothing is due)
 * @param overdue    set by the escalation run once the deadline passed
 * @param reporter   who reported, without contact ({@link Reporter#withoutContact}): name and phone live in their
 *                   own item
 * @param citizenSecretHash the verifier (a keyed hash, {@link ReporterSecrets#verifier}) of the secret returned at
 *                   submission; proves the reporter for confirm/reopen
 * @param requestHash SHA-256 of the canonical submission, to tell a retry from a reused idempotency key
 */
public record ReportCase(String caseId, String tenantId, String timeZone, String trackingCode, CaseKind kind, String category,
                         String description, GeoPoint location, AreaRef area, String rtId, Privacy privacy,
                         Reporter reporter, List<Photo> photos, CaseStatus status, long version,
                         List<HistoryEntry> history, Instant createdAt, Instant updatedAt, Instant deadlineAt,
                         boolean overdue, List<String> verificationReasons, Assignment assignment,
                         String citizenSecretHash, String requestHash) {

    public ReportCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        photos = photos == null ? List.of() : List.copyOf(photos);
        history = history == null ? List.of() : List.copyOf(history);
        verificationReasons = verificationReasons == null ? List.of() : List.copyOf(verificationReasons);
    }

    /** Moves to {@code to}, appending one history entry; version + 1. */
    public ReportCase transition(CaseStatus to, String action, String actorId, String actorRole, String note,
                                 Instant at, Instant newDeadline) {
        List<HistoryEntry> newHistory = new ArrayList<>(history);
        newHistory.add(new HistoryEntry(at, actorId, actorRole, action, status, to, note));
        return new ReportCase(caseId, tenantId, timeZone, trackingCode, kind, category, description, location, area, rtId,
                privacy, reporter, photos, to, version + 1, newHistory, createdAt, at, newDeadline, false,
                verificationReasons, assignment, citizenSecretHash, requestHash);
    }

    /** A change that is not a status move (photo checks, delivery records): version + 1, no history entry. */
    public ReportCase amend(UnaryOperator<Builder> change, Instant at) {
        Builder b = change.apply(new Builder(this));
        b.version = version + 1;
        b.updatedAt = at;
        return b.build();
    }

    public ReportCase withPhotos(List<Photo> newPhotos) {
        return new Builder(this).photos(newPhotos).build();
    }

    /** A new case, field by field ({@code version} 1 unless set); see {@link Builder#submittedAt}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A copy to change field by field (the version stays unless set). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a case field by field, or changes a copy (instead of the 24-argument constructor). */
    public static final class Builder {
        private String caseId, tenantId, timeZone, trackingCode, category, description, rtId, citizenSecretHash, requestHash;
        private CaseKind kind;
        private GeoPoint location;
        private AreaRef area;
        private Privacy privacy;
        private Reporter reporter;
        private List<Photo> photos;
        private CaseStatus status;
        private long version;
        private List<HistoryEntry> history;
        private Instant createdAt, updatedAt, deadlineAt;
        private boolean overdue;
        private List<String> verificationReasons;
        private Assignment assignment;

        private Builder() {
            version = 1;
        }

        public Builder(ReportCase c) {
            caseId = c.caseId; tenantId = c.tenantId; timeZone = c.timeZone; trackingCode = c.trackingCode; kind = c.kind;
            category = c.category; description = c.description; location = c.location; area = c.area;
            rtId = c.rtId; privacy = c.privacy; reporter = c.reporter; photos = c.photos; status = c.status;
            version = c.version; history = c.history; createdAt = c.createdAt; updatedAt = c.updatedAt;
            deadlineAt = c.deadlineAt; overdue = c.overdue; verificationReasons = c.verificationReasons;
            assignment = c.assignment; citizenSecretHash = c.citizenSecretHash; requestHash = c.requestHash;
        }

        public Builder caseId(String v) { caseId = v; return this; }
        public Builder tenantId(String v) { tenantId = v; return this; }
        public Builder timeZone(String v) { timeZone = v; return this; }
        public Builder trackingCode(String v) { trackingCode = v; return this; }
        public Builder kind(CaseKind v) { kind = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder location(GeoPoint v) { location = v; return this; }
        public Builder area(AreaRef v) { area = v; return this; }
        public Builder rtId(String v) { rtId = v; return this; }
        public Builder privacy(Privacy v) { privacy = v; return this; }
        public Builder reporter(Reporter v) { reporter = v; return this; }
        public Builder status(CaseStatus v) { status = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder history(List<HistoryEntry> v) { history = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder citizenSecretHash(String v) { citizenSecretHash = v; return this; }
        public Builder requestHash(String v) { requestHash = v; return this; }

        /**
         * Created and last updated at {@code at}, with the one history entry a submission writes: the reporter's
         * {@code submit} into the status set so far. For rebuilding stored cases and for test fixtures; a live
         * submission goes through the state machine.
         */
        public Builder submittedAt(Instant at) {
            createdAt = at;
            updatedAt = at;
            history = List.of(new HistoryEntry(at, "reporter", "CITIZEN", "submit", null, status, null));
            return this;
        }

        public Builder photos(List<Photo> v) { photos = v; return this; }
        public Builder category(String v) { category = v; return this; }
        public Builder deadlineAt(Instant v) { deadlineAt = v; return this; }
        public Builder overdue(boolean v) { overdue = v; return this; }
        public Builder verificationReasons(List<String> v) { verificationReasons = v; return this; }
        public Builder assignment(Assignment v) { assignment = v; return this; }

        public ReportCase build() {
            return new ReportCase(caseId, tenantId, timeZone, trackingCode, kind, category, description, location, area, rtId,
                    privacy, reporter, photos, status, version, history, createdAt, updatedAt, deadlineAt, overdue,
                    verificationReasons, assignment, citizenSecretHash, requestHash);
        }
    }
}
