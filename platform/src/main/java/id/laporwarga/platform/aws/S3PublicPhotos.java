package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.PublicPhotos;
import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.log.JsonLog;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The tracking page's "after" photo: one ListObjectsV2 of the case's EXIF-stripped copies of resolution photos
 * ({@code views/<tenant>/<caseId>/resolution-v<n>-...}, made by verify-geotag when the photo was uploaded), the latest
 * ({@code n} highest) presigned for 15 minutes. A failed listing is logged and answers none: the page still works.
 */
@Singleton
public class S3PublicPhotos implements PublicPhotos {
    private static final JsonLog LOG = JsonLog.get(S3PublicPhotos.class);
    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3PublicPhotos(S3Client s3, S3Presigner presigner, FunctionEnvironment env) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = env.require(FunctionEnvironment.PHOTOS_BUCKET);
    }

    @Override
    public Optional<String> afterPhotoLink(String tenantId, String caseId) {
        String prefix = "views/" + tenantId + "/" + caseId + "/" + ReviewService.RESOLUTION_PHOTO_PREFIX;
        Optional<String> latest;
        try {
            latest = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).maxKeys(50)).contents().stream()
                    .map(S3Object::key).max(Comparator.comparingLong(k -> version(k.substring(prefix.length()))));
        } catch (RuntimeException e) {
            LOG.warn("after_photo.list_failed", "caseId", caseId, "errorType", e.getClass().getSimpleName());
            return Optional.empty();
        }
        return latest.map(key -> presigner.presignGetObject(r -> r.signatureDuration(VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString());
    }

    /** The {@code <n>} of {@code <n>-<tag>.<ext>}. */
    static long version(String rest) {
        int end = 0;
        while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Long.parseLong(rest.substring(0, Math.min(end, 18)));
    }
}
