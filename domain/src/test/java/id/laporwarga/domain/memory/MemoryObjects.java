package id.laporwarga.domain.memory;

import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.domain.geotag.StoredPhoto;
import id.laporwarga.domain.port.AnalyticsExports;
import id.laporwarga.domain.port.CaseAttachments;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.port.PublicPhotos;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.ReviewService;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An object store in memory behind the domain's ports: photo upload and download links ({@link PhotoUploads}),
 * stored photos ({@link PhotoVerification.PhotoObjects}), case attachments
 * ({@link CaseAttachments}), the tracking page's "after" photo ({@link PublicPhotos}) and the analysts' exports ({@link AnalyticsExports}, recorded, nothing written).
 */
public class MemoryObjects implements PhotoUploads, PhotoVerification.PhotoObjects, CaseAttachments,
        AnalyticsExports, PublicPhotos {
    public static final String BUCKET = "memory-photos";
    public static final Instant LINKS_EXPIRE = Instant.parse("2030-01-01T00:00:00Z");
    /** key -> bytes of the photos bucket. */
    public final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    public final List<String> deleted = new CopyOnWriteArrayList<>();
    public final List<Export> exports = new CopyOnWriteArrayList<>();
    /**
     * Reads a stored photo's bytes as the photo store would (EXIF reading is the platform's adapter: its test-jar's
     * {@code MemoryContext} sets the real reader; domain tests set values of their own).
     */
    public volatile Function<byte[], StoredPhoto> photoReader = bytes -> {
        throw new IllegalStateException("MemoryObjects has no photoReader: set one (MemoryContext sets the platform's)");
    };
    /** Makes a view copy's bytes (null: none for that format); MemoryContext sets the platform's EXIF stripper. */
    public volatile Function<byte[], byte[]> viewCopier = bytes -> null;

    @Override
    public UploadTicket presignUpload(Photo photo) {
        return new UploadTicket(photo.photoId(), "memory://" + BUCKET + "/" + photo.objectKey() + "?upload", "PUT",
                Map.of("Content-Type", photo.contentType()), LINKS_EXPIRE);
    }

    @Override
    public String presignDownload(String objectKey) {
        return "memory://" + BUCKET + "/" + objectKey + "?download";
    }

    /** The latest EXIF-stripped copy of a resolution photo of the case (by its version number), as a link. */
    @Override
    public Optional<String> afterPhotoLink(String tenantId, String caseId) {
        String prefix = "views/" + tenantId + "/" + caseId + "/" + ReviewService.RESOLUTION_PHOTO_PREFIX;
        return objects.keySet().stream().filter(k -> k.startsWith(prefix))
                .max(java.util.Comparator.comparingLong(k -> Long.parseLong(k.substring(prefix.length())
                        .replaceAll("\\D.*$", "")))).map(this::presignDownload);
    }

    /** Reads the current bytes; the ETag is their MD5 (as S3's for a single-part upload). */
    @Override
    public StoredPhoto readMetadata(String bucket, String key, String versionId) throws IOException {
        StoredPhoto stored = readMetadata(bucket, key);
        return stored.of(null, eTag(objects.get(key)));
    }

    @Override
    public String makeViewCopy(String bucket, String key, String versionId, String eTag) throws IOException {
        byte[] bytes = objects.get(key);
        if (bytes == null || (eTag != null && !eTag.equals(eTag(bytes)))) {
            throw new IOException("precondition failed: " + key);
        }
        byte[] copy = viewCopier.apply(bytes);
        if (copy == null) {
            return null;
        }
        String viewKey = id.laporwarga.domain.geotag.PhotoKey.parseAny(key).orElseThrow().viewKey(eTag);
        objects.put(viewKey, copy);
        return viewKey;
    }

    public static String eTag(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public StoredPhoto readMetadata(String bucket, String key) throws IOException {
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            throw new FileNotFoundException(bucket + "/" + key);
        }
        return photoReader.apply(bytes);
    }

    @Override
    public void delete(String bucket, String key) {
        objects.remove(key);
        deleted.add(key);
    }

    @Override
    public List<String> keys(String tenantId, String caseId) {
        String prefix = ReviewService.attachmentPrefix(tenantId, caseId);
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    }

    @Override
    public String destination() {
        return "memory-analytics";
    }

    @Override
    public Export export(Tenant tenant, ScorePeriod period) {
        Export e = new Export(tenant.id(), period.id(), 0, 0, 0,
                List.of("cases/tenant=" + tenant.id() + "/month=" + period.id() + "/cases.jsonl.gz"));
        exports.add(e);
        return e;
    }
}
