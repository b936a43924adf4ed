package id.laporwarga.domain.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Whether two tenants' areas overlap beyond what simplified official boundaries leave along a shared border.
 *
 * <p>Neighbouring kabupaten/kota drawn from the same Kemendagri-derived source overlap in thin slivers, because each
 * polygon was simplified on its own: over 201 neighbouring pairs of five provinces (Sulawesi Utara 71, Jawa Timur
 * 35, Sumatera Selatan 16, Jawa Tengah 33, NTT 53) the widest sliver held a circle of radius 273 m, the largest total
 * overlap was 9.8 km² and the largest share 6.3 % of the smaller area (a small kota). The rule is therefore about the
 * slivers' width, with a cap on their total:
 * <ul>
 *   <li>an overlap piece may not hold a circle of radius more than {@value #MAX_SLIVER_RADIUS_METERS} m (a
 *   captured desa/kelurahan is far wider), and</li>
 *   <li>the whole overlap may not exceed {@value #MAX_OVERLAP_PERCENT} % of the smaller of the two areas.</li>
 * </ul>
 * Areas are measured in m² on a local equal-area approximation (error well under 1 % at kabupaten scale).
 */
public final class BoundaryOverlaps {
    public static final double MAX_SLIVER_RADIUS_METERS = 350;
    public static final double MAX_OVERLAP_PERCENT = 10;
    private static final double METERS_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    private BoundaryOverlaps() {
    }

    /** The measured overlap of two areas and whether it is beyond the tolerance. */
    public record Overlap(double areaSquareMeters, double percentOfSmaller, double widestSliverRadiusMeters,
                          boolean refused) {
        public static final Overlap NONE = new Overlap(0, 0, 0, false);
    }

    /** The overlap of two service outlines (see {@link Boundaries#outline}). */
    public static Overlap between(List<Geometry> a, List<Geometry> b) {
        Geometry ga = union(a);
        Geometry gb = union(b);
        if (!ga.getEnvelopeInternal().intersects(gb.getEnvelopeInternal())) {
            return Overlap.NONE;
        }
        Geometry overlap = OverlayNGRobust.overlay(ga, gb, OverlayNG.INTERSECTION);
        double area = squareMeters(overlap);
        if (area <= 0) {
            return Overlap.NONE;
        }
        double smaller = Math.min(squareMeters(ga), squareMeters(gb));
        double percent = smaller <= 0 ? 100 : 100 * area / smaller;
        if (percent > MAX_OVERLAP_PERCENT) {
            return new Overlap(area, percent, Double.NaN, true);
        }
        double widest = 0;
        double minArea = Math.PI * MAX_SLIVER_RADIUS_METERS * MAX_SLIVER_RADIUS_METERS;
        for (int i = 0; i < overlap.getNumGeometries(); i++) {
            Geometry piece = overlap.getGeometryN(i);
            if (piece.getDimension() < 2 || squareMeters(piece) < minArea) {
                continue; // too small to hold a circle of the tolerated radius
            }
            double radius = metersAt(piece, new MaximumInscribedCircle(piece, 0.0001).getRadiusLine().getLength());
            widest = Math.max(widest, radius);
            if (widest > MAX_SLIVER_RADIUS_METERS) {
                break;
            }
        }
        return new Overlap(area, percent, widest, widest > MAX_SLIVER_RADIUS_METERS);
    }

    /** Area in m² (degrees² scaled at the geometry's latitude). */
    public static double squareMeters(Geometry g) {
        if (g.isEmpty()) {
            return 0;
        }
        double lat = g.getEnvelopeInternal().centre().y;
        return g.getArea() * METERS_PER_DEGREE * METERS_PER_DEGREE * Math.cos(Math.toRadians(lat));
    }

    /** A length in degrees as metres at the geometry's latitude (the smaller of the lon and lat scales). */
    private static double metersAt(Geometry g, double degrees) {
        double lat = g.getEnvelopeInternal().centre().y;
        return degrees * METERS_PER_DEGREE * Math.min(1, Math.cos(Math.toRadians(lat)));
    }

    private static Geometry union(List<Geometry> parts) {
        if (parts.size() == 1) {
            return valid(parts.get(0));
        }
        List<Geometry> valid = new ArrayList<>();
        parts.forEach(p -> valid.add(valid(p)));
        return UnaryUnionOp.union(valid);
    }

    private static Geometry valid(Geometry g) {
        return g.isValid() ? g : g.buffer(0);
    }
}
