package id.laporwarga.domain.port;

import id.laporwarga.domain.report.Photo;
import java.time.Instant;
import java.util.Map;

/** Issues short-lived upload and download links for case photos. */
public interface PhotoUploads {
    UploadTicket presignUpload(Photo photo);

    /** A presigned GET for officials (short expiry). */
    String presignDownload(String objectKey);

    record UploadTicket(String photoId, String url, String method, Map<String, String> headers, Instant expiresAt) {
    }
}
