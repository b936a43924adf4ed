package id.laporwarga.platform.testing;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.platform.tenant.BoundaryFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Large boundary files built at test time from real shapes (nothing of megabytes is committed): the coastal
 * Kabupaten Bolaang Mongondow Timur of sample-data/boundaries (MultiPolygons, 89 features) moved to a distinct
 * place, with one interior desa cut out of its kecamatan and of the kabupaten (an enclave: polygons with holes, as a
 * kota inside a kabupaten has), and every edge densified (extra positions on the same straight edges: the shapes,
 * and so every point's kecamatan and kelurahan, stay exactly those of the real file).
 */
public final class LargeBoundaries {
    /** The real file the shapes come from. */
    public static final String SOURCE = "sample-data/boundaries/bolaang-mongondow-timur.geojson";

    /** A built file: its polygons, its GeoJSON text and the desa cut out as an enclave. */
    public record Built(List<AdminBoundary> boundaries, String geoJson, AdminBoundary enclave) {
    }

    private LargeBoundaries() {
    }

    /** The real polygons of {@link #SOURCE} (as onboarding reads them). */
    public static List<AdminBoundary> source(Path repositoryRoot) {
        try (InputStream in = Files.newInputStream(repositoryRoot.resolve(SOURCE))) {
            return BoundaryFiles.read(in, "boundaries", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The source moved by ({@code dLon}, {@code dLat}) degrees, with the enclave cut out and edges densified to
     * segments of at most {@code maxSegmentDegrees} (0: not densified).
     */
    public static Built build(Path repositoryRoot, double dLon, double dLat, double maxSegmentDegrees) {
        AffineTransformation move = AffineTransformation.translationInstance(dLon, dLat);
        List<AdminBoundary> moved = source(repositoryRoot).stream().map(b -> new AdminBoundary(b.level(), b.code(),
                b.name(), b.kecamatanCode(), move.transform(b.geometry()))).toList();
        Geometry outline = moved.stream().filter(b -> b.level() == AdminLevel.KABKOTA).findFirst().orElseThrow().geometry();
        // the enclave: the largest desa lying well inside the kabupaten (clear of its coast and borders)
        AdminBoundary enclave = moved.stream().filter(b -> b.level() == AdminLevel.KELURAHAN)
                .filter(b -> outline.buffer(-0.01).contains(b.geometry()))
                .max(Comparator.comparingDouble(b -> b.geometry().getArea())).orElseThrow();
        List<AdminBoundary> out = new ArrayList<>();
        for (AdminBoundary b : moved) {
            if (b == enclave) {
                continue;
            }
            Geometry g = b.geometry();
            if (b.level() != AdminLevel.KELURAHAN || g.intersects(enclave.geometry())) {
                g = OverlayNGRobust.overlay(g, enclave.geometry(), OverlayNG.DIFFERENCE);
            }
            if (maxSegmentDegrees > 0) {
                g = Densifier.densify(g, maxSegmentDegrees);
            }
            out.add(new AdminBoundary(b.level(), b.code(), b.name(), b.kecamatanCode(), g));
        }
        return new Built(out, text(out), enclave);
    }

    /** The polygons as a GeoJSON FeatureCollection (the layout onboarding reads). */
    public static String text(List<AdminBoundary> boundaries) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(BoundaryFiles.gzip(boundaries)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Positions in all polygons. */
    public static long positions(List<AdminBoundary> boundaries) {
        return boundaries.stream().mapToLong(b -> b.geometry().getNumPoints()).sum();
    }
}
