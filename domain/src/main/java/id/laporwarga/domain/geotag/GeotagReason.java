package id.laporwarga.domain.geotag;

import id.laporwarga.domain.error.LocalizedText;

/**
 * Why a photo did not simply pass, ordered from most to least serious (the case lists its reasons in this order).
 * The name is the stable code stored in {@code PhotoCheck.reason} and {@code ReportCase.verificationReasons}; the text
 * is what the citizen is told (Indonesian, English on request).
 */
public enum GeotagReason {
    INVALID_IMAGE("Berkas foto rusak, terlalu besar, atau bukan gambar JPEG/HEIC/PNG.",
            "The photo file is broken, too large, or not a JPEG/HEIC/PNG image."),
    OUTSIDE_JURISDICTION("Foto diambil di luar wilayah %s.", "The photo was taken outside %s."),
    NO_GPS("Foto tidak memuat lokasi GPS.", "The photo carries no GPS location."),
    LOCATION_MISMATCH("Foto diambil sekitar %s m dari lokasi yang dilaporkan.",
            "The photo was taken about %s m from the reported location."),
    FUTURE_PHOTO("Waktu pengambilan foto lebih lambat dari waktu unggah.",
            "The photo's capture time is later than its upload."),
    STALE_PHOTO("Foto diambil lebih dari %s jam sebelum laporan dikirim.",
            "The photo was taken more than %s hours before the report was submitted."),
    NO_CAPTURE_TIME("Waktu pengambilan foto tidak tercatat.", "The photo does not record when it was taken.");

    private final LocalizedText template;

    GeotagReason(String indonesian, String english) {
        this.template = new LocalizedText(indonesian, english);
    }

    /** The citizen-facing text; {@code argument} fills the placeholder (area name, metres or hours). */
    public LocalizedText message(Object argument) {
        return template.id().contains("%s") ? template.formatted(argument) : template;
    }

    /** Parses a stored code; null for an unknown one. */
    public static GeotagReason fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (GeotagReason r : values()) {
            if (r.name().equals(code)) {
                return r;
            }
        }
        return null;
    }
}
