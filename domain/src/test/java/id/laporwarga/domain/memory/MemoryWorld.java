package id.laporwarga.domain.memory;

import id.laporwarga.domain.report.InMemoryCaseRepository;
import id.laporwarga.domain.tenant.Tenant;

/**
 * Every port of the domain in memory, sharing one case store: what handler tests run a function against instead of
 * AWS (no emulator; these implement the domain's own ports, never an AWS API). What the functions tell the outside
 * world is in {@code cases.outbox} (the transactional outbox; nothing is published in memory).
 */
public final class MemoryWorld {
    public final InMemoryCaseRepository cases = new InMemoryCaseRepository();
    public final MemoryCaseQueries queries = new MemoryCaseQueries(cases);
    public final MemoryTenants tenants;
    public final MemoryRtScores scores = new MemoryRtScores();
    public final MemoryObjects objects = new MemoryObjects();
    public final MemoryUploads uploads = new MemoryUploads();
    public final MemoryJobs jobs = new MemoryJobs();
    public final MemorySweepTallies tallies = new MemorySweepTallies();
    /** What the outbox relay published (the relay's handler tests; other functions only write the outbox). */
    public final MemoryTopics topics = new MemoryTopics();
    public final MemoryRoster roster = new MemoryRoster();
    public final MemoryNotices notices = new MemoryNotices();

    public MemoryWorld(Tenant... tenants) {
        this.tenants = new MemoryTenants(tenants);
    }
}
