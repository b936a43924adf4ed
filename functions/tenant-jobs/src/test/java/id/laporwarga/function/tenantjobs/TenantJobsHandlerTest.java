package id.laporwarga.function.tenantjobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.port.TenantJobQueue;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.LambdaEvents;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedules' fan-out on the in-memory ports, driven by the schedules' inputs of events/: one message per onboarded
 * tenant (from the national index, without loading any tenant's polygons), or the one tenant an operator names.
 */
class TenantJobsHandlerTest {
    static MemoryWorld world;
    static TenantJobsHandler handler;
    static Json json;

    @BeforeAll
    static void start() {
        Tenant kotamobagu = SampleTenant.kotamobagu();
        // a second tenant whose polygons the fan-out must never need
        Tenant other = SampleTenant.translated("bolaang", "Kabupaten Contoh", 1.0, 0.0);
        world = new MemoryWorld(kotamobagu);
        world.tenants.addLazily(other);
        handler = new TenantJobsHandler(MemoryContext.of(world, Clock.systemUTC()));
        json = handler.getApplicationContext().getBean(Json.class);
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    @BeforeEach
    void clear() {
        world.jobs.sent.clear();
    }

    static TenantJobsResult run(String file) {
        return handler.handleRequest(json.read(LambdaEvents.text(file), TenantJobsRequest.class), null);
    }

    @Test
    void eachScheduleSendsOneMessagePerTenant() {
        assertEquals(new TenantJobsResult("score", 2, 2), run("scheduled-score-rt.json"));
        assertEquals(List.of(new TenantJobQueue.Message(TenantJobQueue.Job.SCORE, "kotamobagu", "close", null),
                new TenantJobQueue.Message(TenantJobQueue.Job.SCORE, "bolaang", "close", null)), world.jobs.sent);
        world.jobs.sent.clear();
        assertEquals(2, run("scheduled-score-rt-provisional.json").sent());
        assertTrue(world.jobs.sent.stream().allMatch(m -> "provisional".equals(m.mode())));
        world.jobs.sent.clear();
        assertEquals(new TenantJobsResult("export", 2, 2), run("scheduled-export.json"));
        world.jobs.sent.clear();
        assertEquals(new TenantJobsResult("escalate", 2, 2), run("scheduled-escalation.json"));
        assertTrue(world.jobs.sent.stream().allMatch(m -> m.job() == TenantJobQueue.Job.ESCALATE));
        assertEquals(List.of(), world.tenants.boundaryLoads, "the fan-out reads the index only");
    }

    @Test
    void anOnDemandRunSendsTheNamedTenantsJobAlone() {
        run("score-rt-on-demand.json");
        assertEquals(List.of(new TenantJobQueue.Message(TenantJobQueue.Job.SCORE, "kotamobagu", null, "2026-10")),
                world.jobs.sent);
        world.jobs.sent.clear();
        run("export-on-demand.json");
        assertEquals(List.of(new TenantJobQueue.Message(TenantJobQueue.Job.EXPORT, "kotamobagu", null, "2026-10")),
                world.jobs.sent);
    }

    @Test
    void anUnknownJobOrTenantSendsNothing() {
        DomainException job = assertThrows(DomainException.class,
                () -> handler.handleRequest(new TenantJobsRequest("vacuum", null, null, null), null));
        assertEquals(ErrorCode.VALIDATION_FAILED, job.code());
        DomainException tenant = assertThrows(DomainException.class,
                () -> handler.handleRequest(new TenantJobsRequest("score", "close", "atlantis", null), null));
        assertEquals(ErrorCode.NOT_FOUND, tenant.code());
        assertEquals(List.of(), world.jobs.sent);
    }
}
