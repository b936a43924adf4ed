package id.laporwarga.platform.http;

import id.laporwarga.domain.port.PhotoUploads;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** A presigned upload as the API shows it: PUT the bytes to {@code url} with {@code headers} before {@code expiresAt}. */
@Serdeable
public record UploadView(String photoId, String url, String method, Map<String, String> headers, String expiresAt) {
    public static UploadView of(PhotoUploads.UploadTicket t) {
        return new UploadView(t.photoId(), t.url(), t.method(), t.headers(), t.expiresAt().toString());
    }
}
