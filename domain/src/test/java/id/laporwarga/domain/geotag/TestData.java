package id.laporwarga.domain.geotag;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.GeoJsonGeometries;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantPolicies;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.testkit.CsvRows;
import id.laporwarga.testkit.RepositoryFiles;
import id.laporwarga.testkit.SamplePoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The test data in sample-data/ (photos, boundaries, points), read in place through the test kit. */
final class TestData {
    private TestData() {
    }

    static Path sampleData() {
        return RepositoryFiles.sampleData();
    }

    static List<Map<String, String>> expectedPhotos() {
        return CsvRows.read(sampleData().resolve("photos/expected.csv"));
    }

    /**
     * What expected.csv says a real photo of sample-data/photos carries, as the photo store hands it to the domain
     * (the platform's reader is tested against the files themselves).
     */
    static PhotoMetadata expectedMetadata(String file) {
        Map<String, String> row = expectedPhotos().stream().filter(r -> file.equals(r.get("file"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " is not in expected.csv"));
        GeoPoint at = Boolean.parseBoolean(row.get("gps_usable"))
                ? new GeoPoint(Double.parseDouble(row.get("lat")), Double.parseDouble(row.get("lon"))) : null;
        String taken = row.get("datetime_original");
        String offset = row.get("offset_time_original");
        return new PhotoMetadata(ImageFormat.JPEG, at, Boolean.parseBoolean(row.get("has_gps")),
                taken.isEmpty() ? null : LocalDateTime.parse(taken), offset.isEmpty() ? null : ZoneOffset.of(offset),
                row.get("make").isEmpty() ? null : row.get("make"), row.get("model").isEmpty() ? null : row.get("model"));
    }

    static GeoPoint point(SamplePoints.Point p) {
        return new GeoPoint(p.lat(), p.lon());
    }

    static List<GeoPoint> insidePoints() {
        return SamplePoints.inside().stream().map(TestData::point).toList();
    }

    static List<GeoPoint> outsidePoints() {
        return SamplePoints.outside().stream().map(TestData::point).toList();
    }

    private static Tenant kotamobagu;

    /** Kota Kotamobagu (WITA) with the real boundaries and default policies. */
    static synchronized Tenant kotamobagu() {
        if (kotamobagu == null) {
            kotamobagu = tenant(TenantPolicies.defaults());
        }
        return kotamobagu;
    }

    @SuppressWarnings("unchecked")
    static Tenant tenant(TenantPolicies policies) {
        try {
            Map<String, Object> fc = (Map<String, Object>) MiniJson.parse(
                    Files.readString(sampleData().resolve("kotamobagu/kotamobagu.geojson")));
            List<AdminBoundary> boundaries = new ArrayList<>();
            for (Object f : (List<Object>) fc.get("features")) {
                Map<String, Object> feature = (Map<String, Object>) f;
                Map<String, Object> props = (Map<String, Object>) feature.get("properties");
                Map<String, Object> geometry = (Map<String, Object>) feature.get("geometry");
                AdminLevel level = AdminLevel.fromGeoJson((String) props.get("level"));
                boundaries.add(new AdminBoundary(level, (String) props.get("kode"), (String) props.get("nama"),
                        (String) props.get("kecamatan_kode"),
                        GeoJsonGeometries.fromGeoJson((String) geometry.get("type"), geometry.get("coordinates"))));
            }
            return new Tenant("kotamobagu", "Kota Kotamobagu", IndonesianTime.WITA, boundaries, List.of(), List.of(), policies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Just enough JSON for the GeoJSON file (the domain has no JSON library). */
    static final class MiniJson {
        private final String s;
        private int i;

        private MiniJson(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            return new MiniJson(text).value();
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    i++; // :
                    m.put(k, value());
                    ws();
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i++) == ']') {
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return true;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return false;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
