package id.laporwarga.domain.port;

import id.laporwarga.domain.report.Photo;
import java.time.Duration;

/** Short-lived links to a case's photos for the agency alert (the photo store stays private). */
public interface AlertPhotoLinks {
    String link(Photo photo);

    /** How long a link works. */
    Duration validity();
}
