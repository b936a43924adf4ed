package id.laporwarga.function.tenantadmin;

import static id.laporwarga.platform.testing.HttpAnswers.assertError;
import static id.laporwarga.platform.testing.HttpAnswers.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.TenantLocator;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.testing.LargeBoundaries;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.RepositoryFiles;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bulk onboarding ({@code POST /v1/admin/tenant-imports}, what {@code ./lapor-tenants import} calls) on the in-memory
 * ports, from the real file of Kabupaten Bolaang Mongondow Timur next to the real Kotamobagu: a new tenant with a
 * starter document, a code the file does not hold reported without stopping the others, and an idempotent re-run.
 */
class TenantImportsTest extends TenantAdminOnMemory {
    static APIGatewayV2HTTPResponse post(String route, Map<String, String> claims, String body) {
        return handler.handleRequest(HttpEvents.request("POST", route).claims(claims).body(body).build(), null);
    }

    @Test
    void importsNewTenantsWithAStarterDocumentAndAReRunChangesNothing() {
        Map<String, String> platform = HttpEvents.claims("platform-1", "PLATFORM_ADMIN", null, null);
        byte[] file = RepositoryFiles.bytes(RepositoryFiles.resolve(LargeBoundaries.SOURCE));
        JsonNode ticket = body(post("/v1/admin/boundary-uploads", platform,
                "{\"purpose\":\"import\",\"sizeBytes\":" + file.length + "}"), 201);
        String uploadId = ticket.get("uploadId").getStringValue();
        world.uploads.put(uploadId, file);
        String request = "{\"uploadId\":\"" + uploadId + "\",\"codes\":[\"71.10\",\"71.99\"]}";

        JsonNode first = body(post("/v1/admin/tenant-imports", platform, request), 200);
        JsonNode created = first.get("results").get(0);
        assertEquals("71.10", created.get("code").getStringValue());
        assertEquals("created", created.get("outcome").getStringValue(), first.toString());
        assertEquals("bolaang-mongondow-timur", created.get("tenantId").getStringValue());
        assertEquals(7, created.get("kecamatan").getIntValue());
        assertEquals(81, created.get("kelurahan").getIntValue());
        assertEquals("failed", first.get("results").get(1).get("outcome").getStringValue(), "no 71.99 in the file");
        assertEquals(0, first.get("remaining").size());

        Tenant tenant = world.tenants.find("bolaang-mongondow-timur").orElseThrow();
        assertEquals("Kabupaten Bolaang Mongondow Timur", tenant.name());
        assertEquals("Asia/Makassar", tenant.zone().getId(), "WITA from the province code 71");
        assertTrue(tenant.categories().size() >= 5 && !tenant.agencies().isEmpty(), "a starter catalogue");
        var inside = tenant.boundaries().stream().filter(b -> b.level() == AdminLevel.KABKOTA).findFirst()
                .orElseThrow().geometry().getInteriorPoint();
        assertEquals("bolaang-mongondow-timur", TenantLocator.require(world.tenants,
                new GeoPoint(inside.getY(), inside.getX())).tenant().id());

        JsonNode again = body(post("/v1/admin/tenant-imports", platform, request), 200);
        assertEquals("unchanged", again.get("results").get(0).get("outcome").getStringValue(), again.toString());
        assertEquals(2, world.tenants.index().size(), "Kotamobagu and the imported kabupaten, once");
    }

    @Test
    void onlyAPlatformAdminImports() {
        assertError(post("/v1/admin/tenant-imports", HttpEvents.claims("admin-1", "CITY_ADMIN", "kotamobagu", null),
                "{\"uploadId\":\"0123456789abcdef0123456789abcdef\",\"codes\":[\"71.10\"]}"), 403, "FORBIDDEN");
    }
}
