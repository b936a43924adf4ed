package id.laporwarga.domain.geo;

/** A WGS84 position in decimal degrees. */
public record GeoPoint(double lat, double lon) {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public GeoPoint {
        if (!isValid(lat, lon)) {
            throw new IllegalArgumentException("coordinates out of range: " + lat + "," + lon);
        }
    }

    public static boolean isValid(double lat, double lon) {
        return Double.isFinite(lat) && Double.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    }

    /** Great-circle distance in metres (haversine). */
    public double distanceMetersTo(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
