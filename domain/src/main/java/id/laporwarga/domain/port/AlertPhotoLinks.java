package id.laporwarga.domain.port;

import id.laporwarga.domain.report.Photo;
import java.time.Duration;

/** Short-lived links to a case's photos for the agency alert (the photo store stays private). */
public interface AlertPhotoLinks {
    /** A short-lived link to the photo's EXIF-stripped copy; null when the photo has none. */
    String link(Photo photo);

    /** How long a link works. */
    Duration validity();
}
