package id.laporwarga.domain.geotag;

import id.laporwarga.domain.geo.GeoPoint;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What a photo's EXIF says about where and when it was taken.
 *
 * @param format          the container the bytes are in
 * @param location        the GPS position; null when the photo has none or only the 0,0 placeholder
 * @param gpsTagsPresent  latitude and longitude tags exist (true for the 0,0 placeholder too)
 * @param capturedLocal   {@code DateTimeOriginal}: naive camera time, null when absent or unreadable
 * @param capturedOffset  {@code OffsetTimeOriginal}, null when absent
 * @param make            camera make (device identifier: never logged, never shown publicly)
 * @param model           camera model (device identifier: never logged, never shown publicly)
 */
public record PhotoMetadata(ImageFormat format, GeoPoint location, boolean gpsTagsPresent, LocalDateTime capturedLocal,
                            ZoneOffset capturedOffset, String make, String model) {

    public static PhotoMetadata none(ImageFormat format) {
        return new PhotoMetadata(format, null, false, null, null, null, null);
    }

    /**
     * The capture instant: {@code DateTimeOriginal} at {@code OffsetTimeOriginal} when present, else in the tenant's
     * zone (a phone's clock runs in local civil time: WIB, WITA or WIT). Null when the photo has no capture time.
     */
    public Instant capturedAt(ZoneId tenantZone) {
        if (capturedLocal == null) {
            return null;
        }
        return capturedOffset != null ? capturedLocal.toInstant(capturedOffset) : capturedLocal.atZone(tenantZone).toInstant();
    }
}
