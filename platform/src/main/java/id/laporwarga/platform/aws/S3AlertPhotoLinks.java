package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.AlertPhotoLinks;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Short-lived presigned GET links to a case's photos for the agency alert. One hour: long enough to open the e-mail
 * shortly after it arrives, short enough that a forwarded alert does not expose the photo for long (officials get
 * fresh links from the dashboard). The bucket stays private.
 */
@Singleton
public class S3AlertPhotoLinks implements AlertPhotoLinks {
    public static final Duration VALIDITY = Duration.ofHours(1);

    private final S3Presigner presigner;
    private final String bucket;

    public S3AlertPhotoLinks(S3Presigner presigner, FunctionEnvironment env) {
        this.presigner = presigner;
        this.bucket = env.require(FunctionEnvironment.PHOTOS_BUCKET);
    }

    @Override
    public Duration validity() {
        return VALIDITY;
    }

    /** A link to the photo's EXIF-stripped copy; null when it has none (agencies never get the original). */
    @Override
    public String link(Photo photo) {
        if (photo.check() == null || photo.check().viewKey() == null) {
            return null;
        }
        return presigner.presignGetObject(r -> r.signatureDuration(VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket).key(photo.check().viewKey()))).url().toString();
    }
}
