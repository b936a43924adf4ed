package id.laporwarga.function.submitreport;

import static id.laporwarga.platform.testing.HttpAnswers.assertError;
import static id.laporwarga.platform.testing.HttpAnswers.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.tenant.TenantEntry;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.HttpEvents;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Locating a report's tenant reads the national index and then only the polygons of the tenants whose boxes hold the
 * point: with 40 tenants stored as files, a submit in Kotamobagu loads Kotamobagu's polygons alone (once per
 * container), and a point outside every box loads none.
 */
class TenantLocatingTest {
    static MemoryWorld world;
    static SubmitReportHandler handler;

    @BeforeAll
    static void start() {
        world = new MemoryWorld();
        world.tenants.addLazily(SampleTenant.kotamobagu());
        // 39 real-shaped neighbours on a grid around it, boxes touching none of Kotamobagu's points
        for (int i = 1; i < 40; i++) {
            double dLon = 0.2 * (i % 8) - 0.8;
            double dLat = 0.2 * (i / 8) + 0.2;
            world.tenants.addLazily(SampleTenant.translated("t" + i, "Kabupaten " + i, dLon, dLat));
        }
        handler = new SubmitReportHandler(MemoryContext.of(world, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    @BeforeEach
    void clear() {
        world.tenants.boundaryLoads.clear();
    }

    @Test
    void aSubmitLoadsOnlyTheTenantsWhoseBoxesHoldThePoint() {
        assertEquals(40, world.tenants.index().size());
        for (int i = 0; i < 3; i++) {
            body(handler.handleRequest(HttpEvents.file("http-submit-report.json")
                    .header("idempotency-key", UUID.randomUUID().toString()).build(), null), 201);
        }
        GeoPoint at = new GeoPoint(0.749865, 124.322505);
        List<String> candidates = world.tenants.index().candidatesAt(at).stream().map(TenantEntry::id).toList();
        assertEquals(List.of("kotamobagu"), candidates);
        assertEquals(List.of("kotamobagu"), world.tenants.boundaryLoads, "one tenant's polygons, loaded once");
    }

    @Test
    void aPointOutsideEveryBoxLoadsNoPolygons() {
        assertError(handler.handleRequest(HttpEvents.file("http-submit-report-outside.json")
                .header("idempotency-key", UUID.randomUUID().toString()).build(), null), 422, "OUTSIDE_SERVICE_AREA");
        // just west of Kotamobagu (events/http-submit-report-outside.json)
        List<String> candidates = world.tenants.index().candidatesAt(new GeoPoint(0.711289, 124.24269)).stream()
                .map(TenantEntry::id).toList();
        assertTrue(candidates.size() <= 1, candidates.toString());
        assertTrue(candidates.containsAll(world.tenants.boundaryLoads), world.tenants.boundaryLoads.toString());
    }
}
