package id.laporwarga.domain.memory;

import id.laporwarga.domain.report.InMemoryCaseRepository;
import id.laporwarga.domain.tenant.Tenant;

/**
 * Every port of the domain in memory, sharing one case store: what handler tests run a function against instead of
 * AWS (no emulator; these implement the domain's own ports, never an AWS API).
 */
public final class MemoryWorld {
    public final InMemoryCaseRepository cases = new InMemoryCaseRepository();
    public final MemoryCaseQueries queries = new MemoryCaseQueries(cases);
    public final MemoryTenants tenants;
    public final MemoryRtScores scores = new MemoryRtScores();
    public final MemoryMessages messages = new MemoryMessages();
    public final MemoryMarkers markers = new MemoryMarkers();
    public final MemoryObjects objects = new MemoryObjects();
    public final MemoryRoster roster = new MemoryRoster();
    public final MemoryNotices notices = new MemoryNotices();

    public MemoryWorld(Tenant... tenants) {
        this.tenants = new MemoryTenants(tenants);
    }
}
