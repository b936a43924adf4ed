package id.laporwarga.domain.geotag;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.outbox.OutboxEvents;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.CaseWrite;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.ReportValidator;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.TransitionEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Verifies one uploaded photo: finds its case from the object key, has the photo store read the photo's metadata
 * ({@link PhotoObjects#readMetadata}: the EXIF location and capture time, with as few bytes fetched as the container
 * allows), applies the tenant's rules and records the check on the case (optimistic lock, retried on conflict); when
 * the check completes the case, the verdict move's event ({@code case.verified}, {@code case.needs_review},
 * {@code case.rejected}) is written in the same transaction (the outbox; the relay publishes it).
 *
 * <p>At-least-once safe: a photo that already has a check is never read or changed again, and its verdict event was
 * stored with it, so a redelivered notification changes and sends nothing.
 */
public final class PhotoVerification {
    static final int MAX_CONFLICT_RETRIES = 8;

    /** The photo store (S3 in production: ranged reads of the object and the EXIF container, in platform). */
    public interface PhotoObjects {
        /**
         * Reads the stored photo's size and metadata; an object that is not a readable image of an accepted format is
         * {@link StoredPhoto#notAnImage}, not an exception.
         *
         * @throws IOException when the object cannot be read (not the photo's fault: the message is retried)
         */
        StoredPhoto readMetadata(String bucket, String key) throws IOException;

        /** Reads one version of the object ({@code versionId} null: the current one). */
        default StoredPhoto readMetadata(String bucket, String key, String versionId) throws IOException {
            return readMetadata(bucket, key);
        }

        void delete(String bucket, String key);

        /**
         * Makes the copy officials and agencies see, from exactly the version read: the same pixels without EXIF (GPS,
         * device serial, owner name), XMP or comments, under {@link PhotoKey#viewKey}. Null when no copy can be made for
         * the format (the original is then shown to nobody but the city admin).
         *
         * @throws IOException when the object cannot be read or written (the message is retried)
         */
        default String makeViewCopy(String bucket, String key, String versionId, String eTag) throws IOException {
            return null;
        }
    }

    /**
     * An {@code ObjectCreated} notification of the photos bucket. {@code size} is -1 when unknown; {@code versionId}
     * and {@code eTag} name the object written (null when the notification has none).
     */
    public record PhotoUploaded(String bucket, String key, long size, Instant eventTime, String versionId, String eTag) {
        public PhotoUploaded(String bucket, String key, long size, Instant eventTime) {
            this(bucket, key, size, eventTime, null, null);
        }
    }

    public enum Kind {
        /** The photo's check was recorded; other photos of the case are still pending. */
        PHOTO_CHECKED,
        /** The photo's check completed the case: verdict recorded with its event. */
        CASE_DECIDED,
        /** The photo had a check already (redelivery): nothing changed. */
        ALREADY_CHECKED,
        /**
         * Another object was written to a photo that has its verdict (a swap attempt: the upload URL's If-None-Match
         * should have refused it): nothing changed, the verified version stays the only one served. Log and count it.
         */
        TAMPER_ATTEMPT,
        /** The key names no known case photo: the object was deleted. */
        UNKNOWN_OBJECT_DELETED
    }

    /**
     * What happened, for logs and metrics (ids and codes only); {@code eventId} is the verdict event written by this
     * call (null when none).
     */
    public record Outcome(Kind kind, String caseId, String photoId, Verdict photoVerdict, String reason,
                          CaseStatus caseVerdict, long bytesRead, String eventId, boolean objectDeleted) {
    }

    private final CaseRepository cases;
    private final TenantCatalog tenants;
    private final PhotoObjects objects;
    private final Clock clock;
    private final GeotagRules rules = new GeotagRules();

    /** An evaluation and the object version it read (null when nothing was read). */
    private record Read(GeotagRules.Evaluation evaluation, StoredPhoto stored) {
    }

    public PhotoVerification(CaseRepository cases, TenantCatalog tenants, PhotoObjects objects, Clock clock) {
        this.cases = cases;
        this.tenants = tenants;
        this.objects = objects;
        this.clock = clock;
    }

    /**
     * @throws IOException when the object cannot be read (the message is retried, then dead-lettered)
     */
    /**
     * An action's attachment (the agency's "after" photo, {@link PhotoKey#parseAttachment}): no geotag check, only its
     * EXIF-stripped copy under {@code views/} ({@link PhotoKey#viewKey} of {@code null}: one public copy per
     * attachment), which the public tracking page links to. Returns the copy's key; empty for any other key or an
     * image no copy can be made of.
     */
    public Optional<String> copyAttachment(PhotoUploaded upload) throws IOException {
        if (PhotoKey.parseAttachment(upload.key()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(objects.makeViewCopy(upload.bucket(), upload.key(), null, null));
    }

    public Outcome verify(PhotoUploaded upload) throws IOException {
        Optional<PhotoKey> key = PhotoKey.parse(upload.key());
        Optional<ReportCase> found = key.flatMap(k -> cases.findById(k.caseId()))
                .filter(c -> c.tenantId().equals(key.get().tenantId()));
        Optional<Photo> photo = found.flatMap(c -> c.photos().stream()
                .filter(p -> p.photoId().equals(key.get().photoId()) && upload.key().equals(p.objectKey())).findFirst());
        if (photo.isEmpty()) {
            objects.delete(upload.bucket(), upload.key());
            return new Outcome(Kind.UNKNOWN_OBJECT_DELETED, found.map(ReportCase::caseId).orElse(null),
                    key.map(PhotoKey::photoId).orElse(null), null, null, null, 0, null, true);
        }
        ReportCase reportCase = found.get();
        if (photo.get().check() != null && photo.get().check().isOtherObject(upload.versionId(), upload.eTag())) {
            return new Outcome(Kind.TAMPER_ATTEMPT, reportCase.caseId(), photo.get().photoId(),
                    photo.get().check().verdict(), photo.get().check().reason(), verdictOf(reportCase), 0, null, false);
        }
        if (photo.get().check() != null) {
            return new Outcome(Kind.ALREADY_CHECKED, reportCase.caseId(), photo.get().photoId(),
                    photo.get().check().verdict(), photo.get().check().reason(), verdictOf(reportCase), 0, null, false);
        }
        Tenant tenant = tenants.find(reportCase.tenantId())
                .orElseThrow(() -> new IllegalStateException("case " + reportCase.caseId() + " of unknown tenant"));

        Read read = evaluate(upload, reportCase, photo.get(), tenant);
        boolean invalid = read.evaluation().reasons().contains(GeotagReason.INVALID_IMAGE);
        // pin the verdict to the version read, and make the officials' copy from exactly that version
        StoredPhoto stored = read.stored();
        String version = stored == null || stored.versionId() == null ? upload.versionId() : stored.versionId();
        String eTag = stored == null || stored.eTag() == null ? upload.eTag() : stored.eTag();
        String viewKey = invalid ? null : objects.makeViewCopy(upload.bucket(), upload.key(), version, eTag);
        GeotagRules.Evaluation evaluation = new GeotagRules.Evaluation(
                read.evaluation().check().pinned(version, eTag, viewKey), read.evaluation().reasons());

        CaseVerdicts.Applied applied = null;
        ReportCase current = reportCase;
        for (int attempt = 0; ; attempt++) {
            Optional<CaseVerdicts.Applied> change = CaseVerdicts.apply(current, photo.get().photoId(), evaluation, tenant,
                    clock.instant());
            if (change.isEmpty()) {
                break; // checked concurrently by a redelivery: keep the recorded check
            }
            try {
                CaseVerdicts.Applied a = change.get();
                cases.write(CaseWrite.of(a.updated(), a.event()
                        .map(e -> List.of(OutboxEvents.caseEvent(e, a.updated()))).orElse(List.of())));
                applied = a;
                break;
            } catch (DomainException e) {
                if (e.code() != ErrorCode.VERSION_CONFLICT || attempt >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                backoff(attempt);
                current = cases.findById(reportCase.caseId())
                        .orElseThrow(() -> new IllegalStateException("case vanished: " + reportCase.caseId()));
            }
        }
        if (invalid && applied != null) {
            objects.delete(upload.bucket(), upload.key());
        }
        long bytesRead = evaluation.check().bytesRead();
        if (applied == null) {
            ReportCase latest = cases.findById(reportCase.caseId()).orElse(current);
            return new Outcome(Kind.ALREADY_CHECKED, reportCase.caseId(), photo.get().photoId(),
                    evaluation.check().verdict(), evaluation.check().reason(), verdictOf(latest), bytesRead, null, false);
        }
        return new Outcome(applied.verdict().isPresent() ? Kind.CASE_DECIDED : Kind.PHOTO_CHECKED, reportCase.caseId(),
                photo.get().photoId(), evaluation.check().verdict(), evaluation.check().reason(),
                applied.verdict().orElse(null), bytesRead, applied.event().map(TransitionEvent::eventId).orElse(null),
                invalid);
    }

    private Read evaluate(PhotoUploaded upload, ReportCase c, Photo photo, Tenant tenant) throws IOException {
        Instant now = clock.instant();
        long limit = photo.declaredSizeBytes() > 0
                ? Math.min(photo.declaredSizeBytes(), ReportValidator.MAX_PHOTO_BYTES) : ReportValidator.MAX_PHOTO_BYTES;
        long declared = photo.declaredSizeBytes();
        if (upload.size() > limit || (declared > 0 && upload.size() >= 0 && upload.size() != declared)) {
            return new Read(rules.invalid(0, now), null); // too large, or not the declared object: not even read
        }
        StoredPhoto stored = objects.readMetadata(upload.bucket(), upload.key(), upload.versionId());
        if (!stored.isImage() || stored.sizeBytes() > limit || (declared > 0 && stored.sizeBytes() != declared)) {
            return new Read(rules.invalid(stored.bytesRead(), now), stored);
        }
        return new Read(rules.evaluate(stored.metadata(), c, tenant, upload.eventTime(), stored.bytesRead(), now), stored);
    }

    private static CaseStatus verdictOf(ReportCase c) {
        return CaseVerdicts.hasVerdict(c) ? c.status() : null;
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(200, 10L << Math.min(attempt, 4)) + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE);
        }
    }
}
