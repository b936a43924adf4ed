package id.laporwarga.function.tenantadmin;

import static id.laporwarga.platform.testing.HttpAnswers.assertError;
import static id.laporwarga.platform.testing.HttpAnswers.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.TenantLocator;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.tenant.StarterTenants;
import id.laporwarga.platform.testing.LargeBoundaries;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.RepositoryFiles;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Tenant administration on the in-memory ports: a 2 MB coastal kabupaten with holes is onboarded through the PUT and
 * its points resolve; boundaries are a platform admin's alone (403 for a city admin); overlaps are refused (409);
 * over-limit files get a 413 that states the limit and what to do.
 */
class TenantAdminHandlerTest extends TenantAdminOnMemory {
    static Map<String, String> platformAdmin() {
        return HttpEvents.claims("platform-1", "PLATFORM_ADMIN", null, null);
    }

    static APIGatewayV2HTTPResponse put(String tenantId, Map<String, String> claims, String document) {
        return handler.handleRequest(HttpEvents.request("PUT", "/v1/admin/tenants/{tenantId}")
                .pathParameter("tenantId", tenantId).claims(claims).body(document).build(), null);
    }

    /** The starter document of a tenant with {@code boundaries} (GeoJSON text; null: without). */
    static String document(String id, String name, String boundaries) {
        String doc = StarterTenants.document(id, name, StarterTenants.zone("71.10"));
        return boundaries == null ? doc : doc.substring(0, doc.lastIndexOf('}')) + ",\"boundaries\":" + boundaries + "}";
    }

    @Test
    void aTwoMegabyteCoastalKabupatenWithHolesIsOnboardedAndItsPointsResolve() {
        // the real coastal kabupaten moved 3° east into open sea (no other tenant there), densified to ~2 MB
        LargeBoundaries.Built big = LargeBoundaries.build(RepositoryFiles.root(), 3.0, 0.0, 0.00025);
        int bytes = big.geoJson().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes >= 1_900_000 && bytes < 5_000_000, "about 2 MB, inside the inline limit: " + bytes);
        assertTrue(LargeBoundaries.positions(big.boundaries()) > 20_000, "tens of thousands of positions");
        assertTrue(big.boundaries().stream().anyMatch(b -> b.geometry().getNumGeometries() > 1), "MultiPolygons");
        assertTrue(big.boundaries().stream().anyMatch(TenantAdminHandlerTest::hasHole), "polygons with holes");

        JsonNode body = body(put("bmt-besar", platformAdmin(), document("bmt-besar", "Kabupaten Contoh Besar",
                big.geoJson())), 201);
        assertTrue(body.get("boundariesChanged").getBooleanValue());
        assertEquals(world.tenants.index().entry("bmt-besar").orElseThrow().boundaryVersion(),
                body.get("boundaryVersion").getStringValue());

        Geometry outline = big.boundaries().stream().filter(b -> b.level() == AdminLevel.KABKOTA).findFirst()
                .orElseThrow().geometry();
        List<AdminBoundary> desa = big.boundaries().stream().filter(b -> b.level() == AdminLevel.KELURAHAN).toList();
        int checked = 0;
        for (AdminBoundary d : desa) {
            Point inside = d.geometry().getInteriorPoint();
            // only points no other desa polygon claims (the real layers overlap a little) and inside the outline
            if (!outline.covers(inside) || desa.stream().filter(o -> o.geometry().covers(inside)).count() != 1) {
                continue;
            }
            TenantLocator.Located at = TenantLocator.require(world.tenants, new GeoPoint(inside.getY(), inside.getX()));
            assertEquals("bmt-besar", at.tenant().id());
            assertEquals(d.code(), at.area().kelurahanCode(), d.name());
            assertEquals(d.kecamatanCode(), at.area().kecamatanCode(), d.name());
            assertEquals(AreaRef.KelurahanMatch.INSIDE, at.area().kelurahanMatch());
            checked++;
        }
        assertTrue(checked >= desa.size() * 9 / 10, checked + " of " + desa.size() + " desa checked");
        Point inEnclave = big.enclave().geometry().getInteriorPoint();
        assertTrue(TenantLocator.find(world.tenants, new GeoPoint(inEnclave.getY(), inEnclave.getX())).isEmpty(),
                "the hole (an enclave) is outside the service area");

        // the same file again: nothing changes, no second version
        JsonNode again = body(put("bmt-besar", platformAdmin(), document("bmt-besar", "Kabupaten Contoh Besar",
                big.geoJson())), 200);
        assertFalse(again.get("boundariesChanged").getBooleanValue());
        assertEquals(body.get("boundaryVersion").getStringValue(), again.get("boundaryVersion").getStringValue());
    }

    @Test
    void aCityAdminMayEditTheCatalogueButNotTheBoundaries() {
        Tenant moved = SampleTenant.translated("kab-contoh", "Kabupaten Contoh", 0.0, -2.0);
        String boundaries = LargeBoundaries.text(moved.boundaries());
        body(put("kab-contoh", platformAdmin(), document("kab-contoh", "Kabupaten Contoh", boundaries)), 201);
        Map<String, String> cityAdmin = HttpEvents.claims("admin-1", "CITY_ADMIN", "kab-contoh", null);

        String redrawn = LargeBoundaries.text(SampleTenant.translated("kab-contoh", "x", 0.05, -2.0).boundaries());
        JsonNode error = assertError(put("kab-contoh", cityAdmin, document("kab-contoh", "Kabupaten Contoh", redrawn)),
                403, "FORBIDDEN");
        assertTrue(error.get("message").getStringValue().contains("admin platform"), error.toString());

        JsonNode edited = body(put("kab-contoh", cityAdmin, document("kab-contoh", "Kabupaten Contoh Baru", null)), 200);
        assertFalse(edited.get("boundariesChanged").getBooleanValue());
        assertEquals("Kabupaten Contoh Baru", world.tenants.find("kab-contoh").orElseThrow().name());
        body(put("kab-contoh", cityAdmin, document("kab-contoh", "Kabupaten Contoh", boundaries)), 200);

        assertError(put("kab-contoh", HttpEvents.claims("admin-2", "CITY_ADMIN", "kotamobagu", null),
                document("kab-contoh", "Kabupaten Contoh", null)), 403, "FORBIDDEN");
    }

    @Test
    void aBoundaryOverlappingAnotherTenantIsRefusedAndNothingIsStored() {
        // Kotamobagu moved 2 km east: most of it lies over the real Kotamobagu
        String overlapping = LargeBoundaries.text(SampleTenant.translated("x", "x", 0.018, 0.0).boundaries());
        JsonNode error = assertError(put("kotamobagu-baru", platformAdmin(), document("kotamobagu-baru",
                "Kota Kotamobagu Baru", overlapping)), 409, "BOUNDARY_OVERLAP", "boundaries");
        assertTrue(error.get("fields").get("boundaries").getStringValue().contains("kotamobagu"), error.toString());
        assertTrue(world.tenants.find("kotamobagu-baru").isEmpty());
        assertTrue(world.tenants.index().entry("kotamobagu-baru").isEmpty());
    }

    @Test
    void theRealNeighbourIsAcceptedDespiteTheSliversAlongTheSharedBorder() {
        // Bolaang Mongondow Timur at its real place beside the real Kotamobagu (boxes overlap, outlines share a border)
        String real = RepositoryFiles.text(RepositoryFiles.resolve(LargeBoundaries.SOURCE));
        JsonNode body = body(put("bolaang-mongondow-timur", platformAdmin(), document("bolaang-mongondow-timur",
                "Kabupaten Bolaang Mongondow Timur", real)), 201);
        assertEquals(89, body.get("boundaries").getIntValue());
        assertTrue(world.tenants.index().intersecting(world.tenants.index().entry("bolaang-mongondow-timur")
                .orElseThrow().boxes(), "bolaang-mongondow-timur").stream().anyMatch(e -> e.id().equals("kotamobagu")),
                "a neighbour whose box overlaps");
    }

    @Test
    void filesOverTheLimitGetTheLimitAndWhatToDo() {
        APIGatewayV2HTTPResponse r = handler.handleRequest(HttpEvents.request("POST", "/v1/admin/boundary-uploads")
                .claims(platformAdmin()).header("accept-language", "en")
                .body("{\"sizeBytes\": 25000000, \"contentType\": \"application/geo+json\"}").build(), null);
        JsonNode error = assertError(r, 413, "PAYLOAD_TOO_LARGE");
        assertTrue(error.get("message").getStringValue().contains("20 MB"), error.toString());
        assertTrue(error.get("message").getStringValue().contains("Simplify"), error.toString());

        APIGatewayV2HTTPResponse city = handler.handleRequest(HttpEvents.request("POST", "/v1/admin/boundary-uploads")
                .claims(HttpEvents.claims("admin-1", "CITY_ADMIN", "kotamobagu", null))
                .body("{\"sizeBytes\": 1000}").build(), null);
        assertError(city, 403, "FORBIDDEN");
    }

    @Test
    void aLargeFileGoesThroughAPresignedUpload() {
        Tenant moved = SampleTenant.translated("kota-unggah", "Kota Unggah", 0.0, -4.0);
        byte[] file = LargeBoundaries.text(moved.boundaries()).getBytes(StandardCharsets.UTF_8);
        JsonNode ticket = body(handler.handleRequest(HttpEvents.request("POST", "/v1/admin/boundary-uploads")
                .claims(platformAdmin()).body("{\"sizeBytes\": " + file.length + "}").build(), null), 201);
        String uploadId = ticket.get("uploadId").getStringValue();
        assertEquals("PUT", ticket.get("method").getStringValue());
        assertEquals(20L * 1024 * 1024, ticket.get("maxBytes").getLongValue());

        String withUpload = document("kota-unggah", "Kota Unggah", "{\"uploadId\":\"" + uploadId + "\"}");
        assertError(put("kota-unggah", platformAdmin(), withUpload), 400, "VALIDATION_FAILED", "boundaries.uploadId");

        world.uploads.put(uploadId, file);
        JsonNode done = body(put("kota-unggah", platformAdmin(), withUpload), 201);
        assertEquals(moved.boundaries().size(), done.get("boundaries").getIntValue());
        assertTrue(world.uploads.files.isEmpty(), "the used upload is deleted");
        GeoPoint centre = new GeoPoint(moved.boundaries().get(0).geometry().getInteriorPoint().getY(),
                moved.boundaries().get(0).geometry().getInteriorPoint().getX());
        assertEquals("kota-unggah", TenantLocator.require(world.tenants, centre).tenant().id());
    }

    private static boolean hasHole(AdminBoundary b) {
        for (int i = 0; i < b.geometry().getNumGeometries(); i++) {
            if (((Polygon) b.geometry().getGeometryN(i)).getNumInteriorRing() > 0) {
                return true;
            }
        }
        return false;
    }
}
