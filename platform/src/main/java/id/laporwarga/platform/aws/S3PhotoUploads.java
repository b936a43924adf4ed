package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned S3 links for photos. Uploads are PUTs bound to one key and the declared content type, valid 15 minutes
 * (verify-geotag rejects an object whose size differs from the declared size); officials' downloads are GETs valid
 * 5 minutes. The bucket stays private.
 */
@Singleton
public class S3PhotoUploads implements PhotoUploads {
    public static final Duration UPLOAD_TTL = Duration.ofMinutes(15);
    public static final Duration DOWNLOAD_TTL = Duration.ofMinutes(5);

    private final S3Presigner presigner;
    private final String bucket;

    public S3PhotoUploads(S3Presigner presigner, FunctionEnvironment env) {
        this.presigner = presigner;
        this.bucket = env.require(FunctionEnvironment.PHOTOS_BUCKET);
    }

    @Override
    public UploadTicket presignUpload(Photo photo) {
        var presigned = presigner.presignPutObject(r -> r.signatureDuration(UPLOAD_TTL)
                .putObjectRequest(p -> p.bucket(bucket).key(photo.objectKey()).contentType(photo.contentType())));
        return new UploadTicket(photo.photoId(), presigned.url().toString(), "PUT",
                Map.of("Content-Type", photo.contentType()), presigned.expiration());
    }

    @Override
    public String presignDownload(String objectKey) {
        return presigner.presignGetObject(r -> r.signatureDuration(DOWNLOAD_TTL)
                .getObjectRequest(g -> g.bucket(bucket).key(objectKey))).url().toString();
    }

    public String bucket() {
        return bucket;
    }

    Instant now() {
        return Instant.now();
    }
}
