package id.laporwarga.platform.aws;

import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.domain.geotag.StoredPhoto;
import id.laporwarga.domain.geotag.PhotoKey;
import id.laporwarga.platform.photo.ByteRangeSource;
import id.laporwarga.platform.photo.InvalidImageException;
import id.laporwarga.platform.photo.PublicPhotoCopy;
import software.amazon.awssdk.core.sync.RequestBody;
import id.laporwarga.platform.photo.PhotoMetadataReader;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The photo store of the geotag check: reads a photo's metadata ({@link PhotoMetadataReader}) through ranged GETs: the geotag check asks for the first 128 KB and, rarely, one more range for an EXIF
 * block or HEIF meta box further in, instead of downloading a 5 MB photo. The object's size comes from the first
 * response's {@code Content-Range} ({@code HeadObject} only when there is none, e.g. for an empty object). Later ranges
 * are bound to the first response's ETag, so an object replaced mid-read fails the read instead of mixing two files.
 */
@Singleton
public class S3PhotoReader implements PhotoVerification.PhotoObjects {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes \\d+-\\d+/(\\d+)");

    private final S3Client s3;
    private final PhotoMetadataReader reader = new PhotoMetadataReader();

    public S3PhotoReader(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public StoredPhoto readMetadata(String bucket, String key) throws IOException {
        return readMetadata(bucket, key, null);
    }

    /** Reads {@code versionId} (null: the current version); the result names the version and ETag it read. */
    @Override
    public StoredPhoto readMetadata(String bucket, String key, String versionId) throws IOException {
        S3Object object = open(bucket, key);
        object.versionId = versionId;
        StoredPhoto stored = reader.stored(object);
        return stored.of(object.versionId, object.eTag);
    }

    /**
     * Copies exactly the verified version (by version id, else bound to its ETag) without device metadata
     * ({@link PublicPhotoCopy}) to its view key; null for a format no copy is made of (HEIF). One full GET of at most
     * the declared size (10 MB), once per photo.
     */
    @Override
    public String makeViewCopy(String bucket, String key, String versionId, String eTag) throws IOException {
        PhotoKey photoKey = PhotoKey.parseAny(key).orElseThrow(() -> new IOException("not a photo key: " + key));
        byte[] original;
        String contentType;
        try {
            GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(bucket).key(key);
            if (versionId != null) {
                get.versionId(versionId);
            } else if (eTag != null) {
                get.ifMatch(eTag);
            }
            ResponseBytes<GetObjectResponse> response = s3.getObjectAsBytes(get.build());
            original = response.asByteArray();
            contentType = response.response().contentType();
        } catch (SdkException e) {
            throw new IOException("s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
        byte[] copy;
        try {
            copy = PublicPhotoCopy.of(original);
        } catch (InvalidImageException e) {
            return null; // a broken image: judged by the check; nothing to show
        }
        if (copy == null) {
            return null;
        }
        String viewKey = photoKey.viewKey(versionId != null ? versionId : eTag);
        try {
            s3.putObject(r -> r.bucket(bucket).key(viewKey).contentType(contentType == null ? "image/jpeg" : contentType),
                    RequestBody.fromBytes(copy));
        } catch (SdkException e) {
            throw new IOException("s3://" + bucket + "/" + viewKey + ": " + e.getMessage(), e);
        }
        return viewKey;
    }

    /** The object, read with ranged GETs on demand (nothing is fetched yet). */
    public S3Object open(String bucket, String key) {
        return new S3Object(bucket, key);
    }

    /** Deletes the object (idempotent: deleting a missing key succeeds). */
    @Override
    public void delete(String bucket, String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    /** One photo object; counts the bytes and requests it fetched. Not thread-safe (one verification uses it). */
    public final class S3Object implements ByteRangeSource {
        private final String bucket;
        private final String key;
        private long size = -1;
        private String eTag;
        private String versionId;
        private long bytesRead;
        private int requests;

        S3Object(String bucket, String key) {
            this.bucket = bucket;
            this.key = key;
        }

        @Override
        public byte[] read(long offset, int length) throws IOException {
            if (length <= 0 || (size >= 0 && offset >= size)) {
                return new byte[0];
            }
            GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key)
                    .range("bytes=" + offset + "-" + (offset + length - 1));
            if (versionId != null) {
                request.versionId(versionId);
            } else if (eTag != null) {
                request.ifMatch(eTag);
            }
            ResponseBytes<GetObjectResponse> response;
            try {
                requests++;
                response = s3.getObjectAsBytes(request.build());
            } catch (S3Exception e) {
                if (e.statusCode() == 416) { // range not satisfiable: empty object, or offset past the end
                    size();
                    return new byte[0];
                }
                throw new IOException("s3://" + bucket + "/" + key + ": " + e.statusCode() + " "
                        + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode()), e);
            } catch (SdkException e) {
                throw new IOException("s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
            }
            byte[] bytes = response.asByteArray();
            bytesRead += bytes.length;
            if (eTag == null) {
                eTag = response.response().eTag();
            }
            if (versionId == null && response.response().versionId() != null
                    && !"null".equals(response.response().versionId())) {
                versionId = response.response().versionId(); // later ranges read this very version
            }
            if (size < 0) {
                size = totalSize(response.response().contentRange(), offset, bytes.length, length);
            }
            return bytes.length > length ? java.util.Arrays.copyOf(bytes, length) : bytes;
        }

        @Override
        public long size() throws IOException {
            if (size < 0) {
                try {
                    requests++;
                    HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key).versionId(versionId));
                    size = head.contentLength();
                    if (eTag == null) {
                        eTag = head.eTag();
                    }
                } catch (SdkException e) {
                    throw new IOException("s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
                }
            }
            return size;
        }

        @Override
        public long bytesRead() {
            return bytesRead;
        }

        /** GET and HEAD requests made so far. */
        public int requests() {
            return requests;
        }

        private long totalSize(String contentRange, long offset, int got, int asked) throws IOException {
            if (contentRange != null) {
                Matcher m = CONTENT_RANGE.matcher(contentRange);
                if (m.matches()) {
                    return Long.parseLong(m.group(1));
                }
            }
            if (offset == 0 && got < asked) {
                return got; // the whole object came back
            }
            size = -1;
            return size();
        }
    }
}
