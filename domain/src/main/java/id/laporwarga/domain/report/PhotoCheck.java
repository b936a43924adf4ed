package id.laporwarga.domain.report;

import id.laporwarga.domain.geo.GeoPoint;
import java.time.Instant;

/**
 * The geotag verdict of one photo: what was read from its EXIF and why it passed or not.
 * {@code reason} is null when the photo passed.
 */
public record PhotoCheck(Verdict verdict, String reason, GeoPoint readLocation, Double distanceMeters,
                         Instant capturedAt, long bytesRead, Instant checkedAt) {
}
