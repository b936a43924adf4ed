package id.laporwarga.testkit;

import java.util.List;
import java.util.Map;

/**
 * The surveyed points of the Kotamobagu sample tenant ({@code sample-data/kotamobagu/kotamobagu.points.csv}, see its
 * PROVENANCE.md): one row per kecamatan and kelurahan/desa centre with the area it must resolve to, and rows of level
 * {@code outside} in neighbouring regencies.
 */
public final class SamplePoints {
    /** One row; {@code columns} holds every column of the file by name. */
    public record Point(String level, String code, String name, double lat, double lon, Map<String, String> columns) {
        public boolean outside() {
            return "outside".equals(level);
        }

        /** {@code {lat, lon}}. */
        public double[] latLon() {
            return new double[] {lat, lon};
        }

        public String column(String name) {
            return columns.getOrDefault(name, "");
        }
    }

    private static volatile List<Point> points;

    private SamplePoints() {
    }

    public static List<Point> all() {
        List<Point> p = points;
        if (p == null) {
            p = CsvRows.read(RepositoryFiles.sampleData().resolve("kotamobagu/kotamobagu.points.csv")).stream()
                    .map(r -> new Point(r.get("level"), r.get("kode"), r.get("nama"), Double.parseDouble(r.get("lat")),
                            Double.parseDouble(r.get("lon")), Map.copyOf(r)))
                    .toList();
            points = p;
        }
        return p;
    }

    /** Points inside the city (every level but {@code outside}). */
    public static List<Point> inside() {
        return all().stream().filter(p -> !p.outside()).toList();
    }

    /** Points in other regencies. */
    public static List<Point> outside() {
        return all().stream().filter(Point::outside).toList();
    }

    /** The row whose {@code nama} is {@code name}. */
    public static Point named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " not in kotamobagu.points.csv"));
    }
}
