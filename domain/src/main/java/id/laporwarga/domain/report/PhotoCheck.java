package id.laporwarga.domain.report;

import id.laporwarga.domain.geo.GeoPoint;
import java.time.Instant;

/**
 * The geotag verdict of one photo: what was read from its EXIF and why it passed or not.
 * {@code reason} is null when the photo passed.
 *
 * @param objectVersion the object version the verdict is about (S3 version id; null where the store has none): the
 *                      only version ever served or exported, whatever is written to the key later
 * @param objectETag    the ETag of that version (tells a later, different object at the key from a redelivery)
 * @param viewKey       the EXIF-stripped copy officials and agencies are shown (made once, at verification; null
 *                      when none could be made, e.g. for HEIF, or the photo was rejected as not an image)
 */
public record PhotoCheck(Verdict verdict, String reason, GeoPoint readLocation, Double distanceMeters,
                         Instant capturedAt, long bytesRead, Instant checkedAt, String objectVersion, String objectETag,
                         String viewKey) {
    public PhotoCheck(Verdict verdict, String reason, GeoPoint readLocation, Double distanceMeters, Instant capturedAt,
                      long bytesRead, Instant checkedAt) {
        this(verdict, reason, readLocation, distanceMeters, capturedAt, bytesRead, checkedAt, null, null, null);
    }

    /** This check, pinned to the object version it verified, with its view copy. */
    public PhotoCheck pinned(String version, String eTag, String copyKey) {
        return new PhotoCheck(verdict, reason, readLocation, distanceMeters, capturedAt, bytesRead, checkedAt, version,
                eTag, copyKey);
    }

    /**
     * Whether an object announced with {@code versionId}/{@code eTag} is another object than the verified one (a swap
     * attempt): compared by version where both have one, else by ETag (quotes ignored); unknown is not a swap.
     */
    public boolean isOtherObject(String versionId, String eTag) {
        if (versionId != null && objectVersion != null) {
            return !versionId.equals(objectVersion);
        }
        if (eTag != null && objectETag != null) {
            return !eTag.replace("\"", "").equals(objectETag.replace("\"", ""));
        }
        return false;
    }
}
