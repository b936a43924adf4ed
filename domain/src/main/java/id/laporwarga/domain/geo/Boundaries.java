package id.laporwarga.domain.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A tenant's administrative polygons, loaded when first needed. {@link #areas()} (names and codes) is always at hand;
 * the polygons and their point-in-polygon index ({@link #index()}) come from the {@code loader} on first use, once
 * (functions that never locate a position never load them). {@code version} names the stored boundary file.
 */
public final class Boundaries {
    private final String version;
    private final TenantAreas areas;
    private final Supplier<List<AdminBoundary>> loader;
    private volatile Loaded loaded;

    private record Loaded(List<AdminBoundary> list, BoundaryIndex index, long positions) {
    }

    private Boundaries(String version, TenantAreas areas, Supplier<List<AdminBoundary>> loader) {
        this.version = version;
        this.areas = Objects.requireNonNull(areas, "areas");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** Boundaries already in memory (tests, onboarding). */
    public static Boundaries of(List<AdminBoundary> boundaries) {
        return of(null, boundaries);
    }

    public static Boundaries of(String version, List<AdminBoundary> boundaries) {
        List<AdminBoundary> list = List.copyOf(boundaries);
        Boundaries b = new Boundaries(version, TenantAreas.of(list), () -> list);
        b.load();
        return b;
    }

    /** Boundaries whose polygons {@code loader} fetches on first use. */
    public static Boundaries lazy(String version, TenantAreas areas, Supplier<List<AdminBoundary>> loader) {
        return new Boundaries(version, areas, loader);
    }

    public String version() {
        return version;
    }

    public TenantAreas areas() {
        return areas;
    }

    /** Whether the polygons are in memory. */
    public boolean isLoaded() {
        return loaded != null;
    }

    public List<AdminBoundary> list() {
        return load().list();
    }

    public BoundaryIndex index() {
        return load().index();
    }

    /** Positions held by the loaded polygons (0 before loading): what a cache weighs them by. */
    public long positions() {
        Loaded l = loaded;
        return l == null ? 0 : l.positions();
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    List<AdminBoundary> list = List.copyOf(loader.get());
                    long positions = list.stream().mapToLong(b -> b.geometry().getNumPoints()).sum();
                    l = new Loaded(list, new BoundaryIndex(list), positions);
                    loaded = l;
                }
            }
        }
        return l;
    }

    /** The service outline: the kabkota polygons, or the kecamatan polygons where there is no kabkota feature. */
    public static List<Geometry> outline(List<AdminBoundary> boundaries) {
        List<Geometry> city = boundaries.stream().filter(b -> b.level() == AdminLevel.KABKOTA)
                .map(AdminBoundary::geometry).toList();
        return city.isEmpty() ? boundaries.stream().filter(b -> b.level() == AdminLevel.KECAMATAN)
                .map(AdminBoundary::geometry).toList() : city;
    }

    /**
     * At most {@code max} boxes covering the outline: one per polygon part, then the two whose union grows the
     * covered area least are merged until {@code max} remain (islands far apart keep boxes of their own).
     */
    public static List<BoundingBox> boxes(List<AdminBoundary> boundaries, int max) {
        List<Envelope> parts = new ArrayList<>();
        for (Geometry g : outline(boundaries)) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                parts.add(new Envelope(g.getGeometryN(i).getEnvelopeInternal()));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("boundaries need a kabkota or at least one kecamatan polygon");
        }
        if (parts.size() > 64) {
            parts = grid(parts, 8);
        }
        while (parts.size() > max) {
            int bestI = 0;
            int bestJ = 1;
            double bestGrowth = Double.MAX_VALUE;
            for (int i = 0; i < parts.size(); i++) {
                for (int j = i + 1; j < parts.size(); j++) {
                    Envelope merged = new Envelope(parts.get(i));
                    merged.expandToInclude(parts.get(j));
                    double growth = merged.getArea() - parts.get(i).getArea() - parts.get(j).getArea();
                    if (growth < bestGrowth) {
                        bestGrowth = growth;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            parts.get(bestI).expandToInclude(parts.get(bestJ));
            parts.remove(bestJ);
        }
        return parts.stream().map(BoundingBox::of).toList();
    }

    /** Many parts (an archipelago) grouped by an n × n grid over their extent first. */
    private static List<Envelope> grid(List<Envelope> parts, int n) {
        Envelope all = new Envelope();
        parts.forEach(all::expandToInclude);
        Envelope[] cells = new Envelope[n * n];
        for (Envelope e : parts) {
            int x = (int) Math.min(n - 1, Math.floor((e.centre().x - all.getMinX()) / Math.max(1e-12, all.getWidth()) * n));
            int y = (int) Math.min(n - 1, Math.floor((e.centre().y - all.getMinY()) / Math.max(1e-12, all.getHeight()) * n));
            int c = y * n + x;
            if (cells[c] == null) {
                cells[c] = new Envelope(e);
            } else {
                cells[c].expandToInclude(e);
            }
        }
        List<Envelope> out = new ArrayList<>();
        for (Envelope c : cells) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }
}
