package id.laporwarga.domain.port;

import id.laporwarga.domain.report.Photo;
import java.time.Instant;
import java.util.Map;

/** Issues short-lived upload and download links for case photos. */
public interface PhotoUploads {
    UploadTicket presignUpload(Photo photo);

    /** A presigned GET for officials (short expiry). */
    String presignDownload(String objectKey);

    /** A presigned GET of one version of an object ({@code versionId} null: the current one). */
    default String presignDownload(String objectKey, String versionId) {
        return presignDownload(objectKey);
    }

    record UploadTicket(String photoId, String url, String method, Map<String, String> headers, Instant expiresAt) {
    }
}
