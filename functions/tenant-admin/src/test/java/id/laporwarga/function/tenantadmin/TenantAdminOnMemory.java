package id.laporwarga.function.tenantadmin;

import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The tenant admin handler on the in-memory ports, with the sample tenant onboarded (one per test class). */
abstract class TenantAdminOnMemory {
    static MemoryWorld world;
    static TenantAdminHandler handler;

    @BeforeAll
    static void start() {
        world = new MemoryWorld(SampleTenant.kotamobagu());
        handler = new TenantAdminHandler(MemoryContext.of(world, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        handler.close();
    }
}
