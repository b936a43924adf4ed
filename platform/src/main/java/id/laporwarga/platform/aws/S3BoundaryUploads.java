package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.BoundaryUploads;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Admins' uploads under {@code uploads/<uploadId>} of the boundaries bucket (a lifecycle rule removes what is left
 * after a day): presigned PUTs bound to the key, the content type and the declared length, valid 30 minutes.
 */
@Singleton
public class S3BoundaryUploads implements BoundaryUploads {
    public static final Duration UPLOAD_TTL = Duration.ofMinutes(30);
    public static final String PREFIX = "uploads/";

    private final Provider<S3Presigner> presigner;
    private final Provider<S3Client> s3;
    private final FunctionEnvironment env;

    public S3BoundaryUploads(Provider<S3Presigner> presigner, Provider<S3Client> s3, FunctionEnvironment env) {
        this.presigner = presigner;
        this.s3 = s3;
        this.env = env;
    }

    @Override
    public Ticket presign(String uploadId, long sizeBytes, String contentType, long maxBytes) {
        var presigned = presigner.get().presignPutObject(r -> r.signatureDuration(UPLOAD_TTL)
                .putObjectRequest(p -> p.bucket(bucket()).key(PREFIX + uploadId).contentType(contentType)
                        .contentLength(sizeBytes)));
        return new Ticket(uploadId, presigned.url().toString(), "PUT",
                Map.of("Content-Type", contentType, "Content-Length", Long.toString(sizeBytes)),
                presigned.expiration(), maxBytes);
    }

    @Override
    public Optional<InputStream> open(String uploadId) {
        try {
            return Optional.of(s3.get().getObject(r -> r.bucket(bucket()).key(PREFIX + uploadId)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String uploadId) {
        s3.get().deleteObject(r -> r.bucket(bucket()).key(PREFIX + uploadId));
    }

    private String bucket() {
        return env.require(FunctionEnvironment.BOUNDARIES_BUCKET);
    }
}
