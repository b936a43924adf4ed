package id.laporwarga.benchmarks;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.platform.tenant.BoundaryFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Synthetic tenants from real shapes, built at run time (nothing of megabytes is committed): Kota Kotamobagu
 * (sample-data/kotamobagu) for files up to ~300 KB and the coastal Kabupaten Bolaang Mongondow Timur
 * (sample-data/boundaries, MultiPolygons) above, each moved to a cell of its own on a 0.6° grid over Indonesia's
 * longitudes and latitudes, sized from 50 KB to 2 MB: below the real file's size by keeping fewer desa, above it by
 * densifying every edge (extra positions on the same straight edges; the shapes do not change).
 */
final class SyntheticTenants {
    static final long MIN_BYTES = 50_000;
    static final long MAX_BYTES = 2_000_000;
    private static final double CELL_DEGREES = 0.6;
    private static final int COLUMNS = 76;

    /** One real file's polygons and what a position costs in a file. */
    private record Base(String code, List<AdminBoundary> boundaries, double bytesPerPosition, long positions,
                        double perimeter, Envelope box) {
    }

    /** A built tenant: its polygons, its estimated file size and points inside its desa/kelurahan. */
    record Built(String id, String name, String baseCode, List<AdminBoundary> boundaries, long estimatedBytes,
                 List<GeoPoint> probes) {
        long positions() {
            return boundaries.stream().mapToLong(b -> b.geometry().getNumPoints()).sum();
        }
    }

    private final Base small;
    private final Base large;

    SyntheticTenants(Path repositoryRoot) {
        small = base("71.74", repositoryRoot.resolve("sample-data/kotamobagu/kotamobagu.geojson"));
        large = base("71.10", repositoryRoot.resolve("sample-data/boundaries/bolaang-mongondow-timur.geojson"));
    }

    /** The target size of tenant {@code i} of {@code n}: log-uniform from 50 KB to 2 MB, the last ones the largest. */
    static long targetBytes(int i, int n) {
        if (n <= 1) {
            return MAX_BYTES;
        }
        // spread over the range, interleaved so that the grid holds small and large files side by side
        int rank = (int) ((i * 389L) % n);
        if (i >= n - Math.min(5, n)) {
            rank = n - 1; // the last five (the "5 largest" of the benchmark) are 2 MB
        }
        double t = (double) rank / (n - 1);
        return Math.round(MIN_BYTES * Math.pow((double) MAX_BYTES / MIN_BYTES, t));
    }

    /** Tenant {@code i}: id {@code bench-<i>}, in grid cell {@code i}, of about {@code targetBytes}. */
    Built build(int i, long targetBytes) {
        Base base = targetBytes < 300_000 ? small : large;
        double cellLon = 95.0 + CELL_DEGREES * (i % COLUMNS);
        double cellLat = -11.0 + CELL_DEGREES * (i / COLUMNS);
        AffineTransformation move = AffineTransformation.translationInstance(cellLon - base.box().getMinX(),
                cellLat - base.box().getMinY());
        double baseBytes = base.positions() * base.bytesPerPosition();
        List<AdminBoundary> chosen = new ArrayList<>();
        double segment = 0;
        if (targetBytes < baseBytes) {
            // fewer desa/kelurahan: the outline and the kecamatan stay, desa are taken until the size is reached
            double budget = targetBytes / base.bytesPerPosition();
            for (AdminBoundary b : base.boundaries()) {
                if (b.level() != AdminLevel.KELURAHAN) {
                    chosen.add(b);
                    budget -= b.geometry().getNumPoints();
                }
            }
            for (AdminBoundary b : base.boundaries()) {
                if (b.level() == AdminLevel.KELURAHAN && (budget > 0 || chosen.size() < 6)) {
                    chosen.add(b);
                    budget -= b.geometry().getNumPoints();
                }
            }
        } else {
            chosen.addAll(base.boundaries());
            double extraPositions = targetBytes / base.bytesPerPosition() - base.positions();
            segment = extraPositions > 0 ? base.perimeter() / extraPositions : 0;
        }
        List<AdminBoundary> out = new ArrayList<>(chosen.size());
        List<GeoPoint> probes = new ArrayList<>();
        long positions = 0;
        for (AdminBoundary b : chosen) {
            Geometry g = move.transform(b.geometry());
            if (segment > 0) {
                g = Densifier.densify(g, segment);
            }
            positions += g.getNumPoints();
            out.add(new AdminBoundary(b.level(), b.code(), b.name(), b.kecamatanCode(), g));
            if (b.level() == AdminLevel.KELURAHAN && probes.size() < 10) {
                Point p = g.getInteriorPoint();
                probes.add(new GeoPoint(p.getY(), p.getX()));
            }
        }
        String id = "bench-" + i;
        return new Built(id, "Kabupaten Uji " + i, base.code(), out, Math.round(positions * base.bytesPerPosition()),
                probes);
    }

    private static Base base(String code, Path file) {
        List<AdminBoundary> boundaries;
        long bytes;
        try (InputStream in = Files.newInputStream(file)) {
            boundaries = BoundaryFiles.read(in, "boundaries", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // what a position costs in the file as onboarding stores it (uncompressed GeoJSON)
        bytes = new String(gunzip(BoundaryFiles.gzip(boundaries)), StandardCharsets.UTF_8).length();
        long positions = boundaries.stream().mapToLong(b -> b.geometry().getNumPoints()).sum();
        double perimeter = boundaries.stream().mapToDouble(b -> b.geometry().getLength()).sum();
        Envelope box = new Envelope();
        boundaries.forEach(b -> box.expandToInclude(b.geometry().getEnvelopeInternal()));
        return new Base(code, boundaries, (double) bytes / positions, positions, perimeter, box);
    }

    static byte[] gunzip(byte[] gz) {
        try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
