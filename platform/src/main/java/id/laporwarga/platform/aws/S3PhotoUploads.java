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
 * Presigned S3 links for photos. Uploads are PUTs valid 15 minutes that sign the key, the declared content type, the
 * declared {@code Content-Length} (S3 refuses another size at upload) and {@code If-None-Match: *} (S3's conditional
 * write: a second PUT to the same key is refused with 412, so a verified photo cannot be replaced); verify-geotag
 * still rejects an object of another size. Officials' downloads are GETs valid 5 minutes, of a given version where
 * one is pinned. The bucket stays private.
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
        boolean sized = photo.declaredSizeBytes() > 0;
        var presigned = presigner.presignPutObject(r -> r.signatureDuration(UPLOAD_TTL)
                .putObjectRequest(p -> {
                    p.bucket(bucket).key(photo.objectKey()).contentType(photo.contentType()).ifNoneMatch("*");
                    if (sized) {
                        p.contentLength(photo.declaredSizeBytes());
                    }
                }));
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", photo.contentType());
        if (sized) {
            headers.put("Content-Length", Long.toString(photo.declaredSizeBytes()));
        }
        headers.put("If-None-Match", "*");
        return new UploadTicket(photo.photoId(), presigned.url().toString(), "PUT", Map.copyOf(headers),
                presigned.expiration());
    }

    @Override
    public String presignDownload(String objectKey, String versionId) {
        return presigner.presignGetObject(r -> r.signatureDuration(DOWNLOAD_TTL)
                .getObjectRequest(g -> g.bucket(bucket).key(objectKey).versionId(versionId))).url().toString();
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
