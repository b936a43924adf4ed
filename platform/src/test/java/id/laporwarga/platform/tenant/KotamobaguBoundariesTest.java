package id.laporwarga.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.testkit.RepositoryFiles;
import id.laporwarga.testkit.SamplePoints;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Point-in-polygon over the real Kotamobagu boundaries, checked against every point of kotamobagu.points.csv. */
class KotamobaguBoundariesTest {
    static Tenant tenant;

    @BeforeAll
    static void load() throws Exception {
        Path geojson = RepositoryFiles.sampleData().resolve("kotamobagu/kotamobagu.geojson");
        String doc = "{\"id\":\"kotamobagu\",\"name\":\"Kota Kotamobagu\",\"timeZone\":\"WITA\","
                + "\"agencies\":[{\"id\":\"dlh\",\"name\":\"DLH\"}],"
                + "\"categories\":[{\"code\":\"SAMPAH\",\"name\":\"Sampah\",\"agencyId\":\"dlh\"}],"
                + "\"boundaries\":" + Files.readString(geojson) + "}";
        JsonMapper mapper = JsonMapper.createDefault();
        JsonNode tree = mapper.readValue(doc.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        tenant = TenantDocuments.parse(tree, "kotamobagu");
    }

    @Test
    void everyReferencePointResolvesToItsExpectedArea() throws Exception {
        int checked = 0;
        for (SamplePoints.Point row : SamplePoints.all()) {
            Optional<AreaRef> area = tenant.boundaryIndex().locate(new GeoPoint(row.lat(), row.lon()));
            if (row.outside()) {
                assertTrue(area.isEmpty(), "outside point must not resolve: " + row);
            } else {
                assertTrue(area.isPresent(), "inside point must resolve: " + row);
                assertEquals(row.column("expect_kecamatan_kode"), area.get().kecamatanCode(), row.toString());
                assertEquals(row.column("expect_kecamatan"), area.get().kecamatanName(), row.toString());
                assertEquals(row.column("expect_desa_kelurahan_kode"), area.get().kelurahanCode(), row.toString());
                assertEquals(row.column("expect_desa_kelurahan"), area.get().kelurahanName(), row.toString());
                assertEquals(AreaRef.KelurahanMatch.INSIDE, area.get().kelurahanMatch(), row.toString());
            }
            checked++;
        }
        assertEquals(39, checked);
    }

    @Test
    void kecamatanComesFromTheKelurahanCodeNotTheKecamatanPolygon() {
        // Biga (71.74.01.1005) lies 27 % outside its kecamatan polygon: probe points across it all get 71.74.01
        var biga = tenant.boundaries().stream().filter(b -> "71.74.01.1005".equals(b.code())).findFirst().orElseThrow();
        var env = biga.geometry().getEnvelopeInternal();
        int probes = 0;
        for (double x = env.getMinX(); x <= env.getMaxX(); x += env.getWidth() / 20) {
            for (double y = env.getMinY(); y <= env.getMaxY(); y += env.getHeight() / 20) {
                GeoPoint p = new GeoPoint(y, x);
                var area = tenant.boundaryIndex().locate(p);
                if (area.isPresent() && "71.74.01.1005".equals(area.get().kelurahanCode())
                        && area.get().kelurahanMatch() == AreaRef.KelurahanMatch.INSIDE) {
                    assertEquals("71.74.01", area.get().kecamatanCode());
                    probes++;
                }
            }
        }
        assertTrue(probes > 50, "probed " + probes);
    }

    @Test
    void pointsInSliversBetweenKelurahanNeverCrashAndStayInTheCity() {
        var city = tenant.boundaries().stream().filter(b -> b.level() == id.laporwarga.domain.geo.AdminLevel.KABKOTA)
                .findFirst().orElseThrow();
        var env = city.geometry().getEnvelopeInternal();
        int inside = 0, unmatched = 0;
        for (double x = env.getMinX(); x <= env.getMaxX(); x += env.getWidth() / 60) {
            for (double y = env.getMinY(); y <= env.getMaxY(); y += env.getHeight() / 60) {
                GeoPoint p = new GeoPoint(y, x);
                var area = tenant.boundaryIndex().locate(p);
                boolean inCity = city.geometry().covers(id.laporwarga.domain.geo.GeoJsonGeometries.FACTORY
                        .createPoint(new org.locationtech.jts.geom.Coordinate(x, y)));
                assertEquals(inCity, area.isPresent(), "city membership must follow the outline exactly at " + p);
                if (area.isPresent()) {
                    inside++;
                    assertNotNull(area.get().kecamatanCode(), "kecamatan is always known inside the city");
                    if (area.get().kelurahanMatch() != AreaRef.KelurahanMatch.INSIDE) {
                        unmatched++;
                    }
                }
            }
        }
        assertTrue(inside > 1000);
        assertTrue(unmatched > 0, "the grid should hit some slivers (about 4 % of the city)");
    }
}
