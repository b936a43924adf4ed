package id.laporwarga.domain.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * Builds JTS geometries from GeoJSON {@code coordinates}, either already parsed into nested lists of numbers
 * ({@code [lon, lat]} positions) or as one {@code double[]} of {@code lon, lat} pairs per ring (what a streaming
 * reader produces). Winding order is ignored on purpose: the real Kemendagri rings are clockwise. Positions are kept
 * packed (16 bytes each) so that a large kabupaten stays small in memory.
 */
public final class GeoJsonGeometries {
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326,
            PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private GeoJsonGeometries() {
    }

    public static Geometry fromGeoJson(String type, Object coordinates) {
        if (type == null) {
            throw new IllegalArgumentException("geometry.type is required");
        }
        return switch (type) {
            case "Polygon" -> polygon(rings(asList(coordinates, "Polygon")), true);
            case "MultiPolygon" -> {
                List<?> polygons = asList(coordinates, "MultiPolygon");
                List<List<double[]>> parts = new ArrayList<>();
                for (Object p : polygons) {
                    parts.add(rings(asList(p, "MultiPolygon part")));
                }
                yield multiPolygon(parts, true);
            }
            default -> throw new IllegalArgumentException("unsupported geometry type " + type + " (Polygon or MultiPolygon)");
        };
    }

    /** A polygon from its rings (shell first, then holes), each {@code lon, lat, lon, lat, ...}. */
    public static Polygon polygon(List<double[]> rings, boolean repair) {
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        Polygon polygon = FACTORY.createPolygon(shell, holes);
        if (repair && !polygon.isValid()) {
            // simplified boundaries can self-touch; buffer(0) repairs without moving the outline noticeably
            Geometry repaired = polygon.buffer(0);
            if (repaired instanceof Polygon p) {
                return p;
            }
        }
        return polygon;
    }

    /** A multipolygon from its parts; a part that repairs into several polygons keeps all of them. */
    public static Geometry multiPolygon(List<List<double[]>> parts, boolean repair) {
        List<Polygon> polygons = new ArrayList<>();
        for (List<double[]> part : parts) {
            Polygon p = polygon(part, false);
            if (repair && !p.isValid()) {
                Geometry repaired = p.buffer(0);
                for (int i = 0; i < repaired.getNumGeometries(); i++) {
                    if (repaired.getGeometryN(i) instanceof Polygon q && !q.isEmpty()) {
                        polygons.add(q);
                    }
                }
            } else {
                polygons.add(p);
            }
        }
        return FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** A closed ring of {@code lon, lat} pairs (closed here when the last position differs from the first). */
    public static LinearRing ring(double[] lonLat) {
        int n = lonLat.length / 2;
        if (n < 4) {
            throw new IllegalArgumentException("a ring needs at least 4 positions");
        }
        for (int i = 0; i < n; i++) {
            if (!GeoPoint.isValid(lonLat[2 * i + 1], lonLat[2 * i])) {
                throw new IllegalArgumentException("position out of range: " + lonLat[2 * i] + "," + lonLat[2 * i + 1]);
            }
        }
        double[] packed = lonLat;
        if (!closed(lonLat)) {
            packed = java.util.Arrays.copyOf(lonLat, lonLat.length + 2);
            packed[packed.length - 2] = lonLat[0];
            packed[packed.length - 1] = lonLat[1];
        }
        return FACTORY.createLinearRing(new PackedCoordinateSequence.Double(packed, 2, 0));
    }

    private static boolean closed(double[] lonLat) {
        int n = lonLat.length;
        return n >= 4 && lonLat[0] == lonLat[n - 2] && lonLat[1] == lonLat[n - 1];
    }

    private static List<double[]> rings(List<?> rings) {
        List<double[]> out = new ArrayList<>(rings.size());
        for (Object r : rings) {
            List<?> positions = asList(r, "ring");
            double[] lonLat = new double[positions.size() * 2];
            for (int i = 0; i < positions.size(); i++) {
                List<?> xy = asList(positions.get(i), "position");
                if (xy.size() < 2) {
                    throw new IllegalArgumentException("a position needs [lon, lat]");
                }
                lonLat[2 * i] = number(xy.get(0));
                lonLat[2 * i + 1] = number(xy.get(1));
            }
            out.add(lonLat);
        }
        return out;
    }

    private static List<?> asList(Object value, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(what + " must be an array");
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("coordinate must be a number");
    }
}
