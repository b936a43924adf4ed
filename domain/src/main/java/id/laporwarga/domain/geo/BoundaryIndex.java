package id.laporwarga.domain.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Point-in-polygon lookup of one tenant's administrative areas.
 *
 * <p>Rules (see sample-data/kotamobagu/PROVENANCE.md): the city outline decides in or out, never a tolerance;
 * the kecamatan comes from the matched kelurahan's code, kecamatan polygons are only a fallback; a point in a sliver
 * between kelurahan polygons takes the nearest kelurahan within {@code kelurahanToleranceMeters}, else stays unknown.
 */
public final class BoundaryIndex {
    public static final double DEFAULT_KELURAHAN_TOLERANCE_METERS = 250;

    private final List<PreparedGeometry> city = new ArrayList<>();
    private final STRtree kelurahanTree = new STRtree();
    private final List<Entry> kecamatan = new ArrayList<>();
    private final Map<String, String> kecamatanNames = new HashMap<>();
    private final double kelurahanToleranceMeters;

    private record Entry(AdminBoundary boundary, PreparedGeometry prepared) {
    }

    public BoundaryIndex(List<AdminBoundary> boundaries) {
        this(boundaries, DEFAULT_KELURAHAN_TOLERANCE_METERS);
    }

    public BoundaryIndex(List<AdminBoundary> boundaries, double kelurahanToleranceMeters) {
        this.kelurahanToleranceMeters = kelurahanToleranceMeters;
        for (AdminBoundary b : boundaries) {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(b.geometry());
            switch (b.level()) {
                case KABKOTA -> city.add(prepared);
                case KECAMATAN -> {
                    kecamatan.add(new Entry(b, prepared));
                    kecamatanNames.put(b.code(), b.name());
                }
                case KELURAHAN -> {
                    kelurahanTree.insert(b.geometry().getEnvelopeInternal(), new Entry(b, prepared));
                }
            }
        }
        if (city.isEmpty()) {
            // no city outline given: the kecamatan polygons are the service area
            kecamatan.forEach(e -> city.add(e.prepared()));
        }
        if (city.isEmpty()) {
            throw new IllegalArgumentException("boundaries need a kabkota or at least one kecamatan polygon");
        }
        kelurahanTree.build();
    }

    /** True when the position lies inside the tenant's outline (no tolerance). */
    public boolean contains(GeoPoint point) {
        Point p = toPoint(point);
        return city.stream().anyMatch(g -> g.covers(p));
    }

    /** The area of a position inside the outline; empty outside it. */
    public Optional<AreaRef> locate(GeoPoint point) {
        Point p = toPoint(point);
        if (city.stream().noneMatch(g -> g.covers(p))) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Entry> candidates = kelurahanTree.query(p.getEnvelopeInternal());
        for (Entry e : candidates) {
            if (e.prepared().covers(p)) {
                return Optional.of(fromKelurahan(e.boundary(), AreaRef.KelurahanMatch.INSIDE));
            }
        }
        // only polygons whose boxes come within the tolerance are measured (the tree, not every kelurahan)
        double dLat = kelurahanToleranceMeters / 110_574.0;
        double dLon = kelurahanToleranceMeters / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(point.lat()))));
        @SuppressWarnings("unchecked")
        List<Entry> near = kelurahanTree.query(new Envelope(point.lon() - dLon, point.lon() + dLon,
                point.lat() - dLat, point.lat() + dLat));
        Optional<Entry> nearest = near.stream()
                .map(e -> Map.entry(e, distanceMeters(point, p, e.boundary().geometry())))
                .filter(en -> en.getValue() <= kelurahanToleranceMeters)
                .min(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
        if (nearest.isPresent()) {
            return Optional.of(fromKelurahan(nearest.get().boundary(), AreaRef.KelurahanMatch.NEAREST));
        }
        Optional<Entry> kec = kecamatan.stream().filter(e -> e.prepared().covers(p)).findFirst()
                .or(() -> kecamatan.stream().min(Comparator.comparingDouble(e -> distanceMeters(point, p, e.boundary().geometry()))));
        return Optional.of(kec
                .map(e -> new AreaRef(e.boundary().code(), e.boundary().name(), null, null, AreaRef.KelurahanMatch.UNKNOWN))
                .orElse(new AreaRef(null, null, null, null, AreaRef.KelurahanMatch.UNKNOWN)));
    }

    /** Names of kecamatan by code, for display. */
    public Map<String, String> kecamatanNames() {
        return Map.copyOf(kecamatanNames);
    }

    private AreaRef fromKelurahan(AdminBoundary k, AreaRef.KelurahanMatch match) {
        String kecCode = k.kecamatanCode();
        return new AreaRef(kecCode, kecamatanNames.getOrDefault(kecCode, kecCode), k.code(), k.name(), match);
    }

    private static double distanceMeters(GeoPoint point, Point p, Geometry g) {
        Coordinate[] nearest = DistanceOp.nearestPoints(g, p);
        return point.distanceMetersTo(new GeoPoint(nearest[0].y, nearest[0].x));
    }

    private static Point toPoint(GeoPoint point) {
        return GeoJsonGeometries.FACTORY.createPoint(new Coordinate(point.lon(), point.lat()));
    }
}
