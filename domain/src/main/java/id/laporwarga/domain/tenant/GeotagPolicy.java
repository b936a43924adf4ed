package id.laporwarga.domain.tenant;

/**
 * How photos are checked against the report. Defaults: 300 m from the reported location, taken at most 72 h before
 * submission; a photo without GPS needs review for a complaint and is rejected for an RT activity report.
 */
public record GeotagPolicy(double maxDistanceMeters, int maxPhotoAgeHours, boolean rejectRtActivityWithoutGps,
                           boolean rejectComplaintWithoutGps) {
    public static GeotagPolicy defaults() {
        return new GeotagPolicy(300, 72, true, false);
    }
}
