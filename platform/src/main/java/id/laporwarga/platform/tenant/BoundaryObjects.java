package id.laporwarga.platform.tenant;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The boundary files' S3 calls, apart from {@link DynamoTenantStore} (which holds only a provider of this): a package
 * without the S3 SDK (rt-roster, which reads a tenant's area names and codes, never its polygons) can still load
 * tenants, since nothing there creates this bean or loads the S3 types.
 */
@Singleton
@Requires(classes = S3Client.class) // by name: a package without the S3 SDK never loads this definition's types
public class BoundaryObjects {
    private final S3Client s3;

    public BoundaryObjects(S3Client s3) {
        this.s3 = s3;
    }

    void put(String bucket, String key, Map<String, String> metadata, byte[] gzip) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/gzip").metadata(metadata),
                RequestBody.fromBytes(gzip));
    }

    InputStream open(String bucket, String key) {
        return s3.getObject(r -> r.bucket(bucket).key(key));
    }
}
