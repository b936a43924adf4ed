package id.laporwarga.domain.port;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Admins' file uploads that are too large for an API request (boundary files up to 20 MB, national files to import):
 * a presigned PUT straight to storage, then the API call names the upload by its id.
 */
public interface BoundaryUploads {
    /** Where and how to PUT the file: {@code url} with {@code headers} before {@code expiresAt}. */
    record Ticket(String uploadId, String url, String method, Map<String, String> headers, Instant expiresAt,
                  long maxBytes) {
    }

    /** A presigned PUT of exactly {@code sizeBytes} bytes of {@code contentType}. */
    Ticket presign(String uploadId, long sizeBytes, String contentType, long maxBytes);

    /** The uploaded file, or empty when nothing was uploaded under that id (or it expired). */
    Optional<InputStream> open(String uploadId);

    /** Removes an upload once it was used (harmless when already gone). */
    void delete(String uploadId);
}
