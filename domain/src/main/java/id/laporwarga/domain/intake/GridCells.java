package id.laporwarga.domain.intake;

import id.laporwarga.domain.geo.GeoPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed grid cells of 0.001° × 0.001° (about 111 m × 111 m at the equator) that index open complaints by place, so
 * that the duplicates near a point are found by querying the cell and its neighbours (never a scan). Indonesia spans
 * 6°N..11°S, where a degree of longitude is at least 99 % of a degree of latitude.
 */
public final class GridCells {
    /** Cell size in degrees. */
    public static final double SIZE = 0.001;
    private static final double METERS_PER_DEGREE = 111_320;
    /** The largest radius searched (a box of at most 7 × 7 cells). */
    public static final int MAX_RADIUS_METERS = 300;

    private GridCells() {
    }

    /** The cell of a point: {@code <latIndex>:<lonIndex>}. */
    public static String of(GeoPoint p) {
        return cell((long) Math.floor(p.lat() / SIZE), (long) Math.floor(p.lon() / SIZE));
    }

    /**
     * Every cell that may hold a point within {@code radiusMeters} of {@code p}: the cells the bounding box of that
     * circle touches (the point's own cell first). For 50 m that is 1 to 4 cells, one index query each.
     */
    public static List<String> around(GeoPoint p, int radiusMeters) {
        int radius = Math.min(Math.max(1, radiusMeters), MAX_RADIUS_METERS);
        double dLat = radius / METERS_PER_DEGREE;
        double dLon = radius / (METERS_PER_DEGREE * Math.max(0.2, Math.cos(Math.toRadians(p.lat()))));
        long lat = (long) Math.floor(p.lat() / SIZE);
        long lon = (long) Math.floor(p.lon() / SIZE);
        List<String> out = new ArrayList<>();
        out.add(cell(lat, lon));
        for (long a = (long) Math.floor((p.lat() - dLat) / SIZE); a <= (long) Math.floor((p.lat() + dLat) / SIZE); a++) {
            for (long b = (long) Math.floor((p.lon() - dLon) / SIZE); b <= (long) Math.floor((p.lon() + dLon) / SIZE); b++) {
                if (a != lat || b != lon) {
                    out.add(cell(a, b));
                }
            }
        }
        return out;
    }

    private static String cell(long lat, long lon) {
        return lat + ":" + lon;
    }
}
