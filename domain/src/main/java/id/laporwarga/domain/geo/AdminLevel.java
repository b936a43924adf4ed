package id.laporwarga.domain.geo;

/** Administrative levels of an Indonesian kota/kabupaten, as in the Kemendagri code hierarchy. */
public enum AdminLevel {
    KABKOTA, KECAMATAN, KELURAHAN;

    /** Accepts the level names used in the boundary GeoJSON ({@code kabkota}, {@code kecamatan}, {@code desa_kelurahan}). */
    public static AdminLevel fromGeoJson(String level) {
        if (level == null) {
            throw new IllegalArgumentException("level is required");
        }
        return switch (level.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "kabkota", "kabupaten", "kota" -> KABKOTA;
            case "kecamatan" -> KECAMATAN;
            case "desa_kelurahan", "kelurahan", "desa" -> KELURAHAN;
            default -> throw new IllegalArgumentException("unknown level: " + level);
        };
    }
}
