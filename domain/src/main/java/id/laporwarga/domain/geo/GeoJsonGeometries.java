package id.laporwarga.domain.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Builds JTS geometries from GeoJSON {@code coordinates} already parsed into nested lists of numbers
 * ({@code [lon, lat]} positions). Winding order is ignored on purpose: the real Kemendagri rings are clockwise.
 */
public final class GeoJsonGeometries {
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJsonGeometries() {
    }

    public static Geometry fromGeoJson(String type, Object coordinates) {
        if (type == null) {
            throw new IllegalArgumentException("geometry.type is required");
        }
        return switch (type) {
            case "Polygon" -> polygon(asList(coordinates, "Polygon"));
            case "MultiPolygon" -> {
                List<?> polygons = asList(coordinates, "MultiPolygon");
                Polygon[] parts = new Polygon[polygons.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(asList(polygons.get(i), "MultiPolygon part"));
                }
                yield FACTORY.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("unsupported geometry type " + type + " (Polygon or MultiPolygon)");
        };
    }

    private static Polygon polygon(List<?> rings) {
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least one ring");
        }
        LinearRing shell = ring(asList(rings.get(0), "ring"));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(asList(rings.get(i), "ring"));
        }
        Polygon polygon = FACTORY.createPolygon(shell, holes);
        if (!polygon.isValid()) {
            // simplified boundaries can self-touch; buffer(0) repairs without moving the outline noticeably
            Geometry repaired = polygon.buffer(0);
            if (repaired instanceof Polygon p) {
                return p;
            }
        }
        return polygon;
    }

    private static LinearRing ring(List<?> positions) {
        if (positions.size() < 4) {
            throw new IllegalArgumentException("a ring needs at least 4 positions");
        }
        List<Coordinate> coordinates = new ArrayList<>(positions.size() + 1);
        for (Object position : positions) {
            List<?> xy = asList(position, "position");
            if (xy.size() < 2) {
                throw new IllegalArgumentException("a position needs [lon, lat]");
            }
            double lon = number(xy.get(0));
            double lat = number(xy.get(1));
            if (!GeoPoint.isValid(lat, lon)) {
                throw new IllegalArgumentException("position out of range: " + lon + "," + lat);
            }
            coordinates.add(new Coordinate(lon, lat));
        }
        if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            coordinates.add(new Coordinate(coordinates.get(0)));
        }
        return FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
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
