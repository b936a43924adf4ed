package id.laporwarga.function.tenantjobs;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.port.TenantJobQueue;
import id.laporwarga.domain.tenant.TenantEntry;
import id.laporwarga.platform.log.JsonLog;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fan-out of batch work: one job message per tenant (from the national index: no tenant document or polygon is
 * loaded) on the job's queue, where score-rt, export and escalation each take one tenant per invocation.
 */
@Singleton
public class TenantJobs {
    private static final JsonLog LOG = JsonLog.get(TenantJobs.class);

    private final TenantCatalog catalog;
    private final TenantJobQueue queue;

    public TenantJobs(TenantCatalog catalog, TenantJobQueue queue) {
        this.catalog = catalog;
        this.queue = queue;
    }

    public TenantJobsResult run(TenantJobsRequest request) {
        TenantJobQueue.Job job = job(request.job());
        List<String> tenants;
        if (request.tenant() != null) {
            if (catalog.index().entry(request.tenant()).isEmpty() && catalog.find(request.tenant()).isEmpty()) {
                throw new DomainException(ErrorCode.NOT_FOUND, LocalizedText.of("Pemda tidak ditemukan.", "Tenant not found."));
            }
            tenants = List.of(request.tenant());
        } else {
            tenants = catalog.list().stream().map(TenantEntry::id).toList();
        }
        long started = System.nanoTime();
        int sent = tenants.isEmpty() ? 0 : queue.send(tenants.stream()
                .map(t -> new TenantJobQueue.Message(job, t, request.mode(), request.period())).toList());
        LOG.info("tenant_jobs.sent", "job", job.name(), "tenants", tenants.size(), "sent", sent,
                "durationMs", (System.nanoTime() - started) / 1_000_000);
        return new TenantJobsResult(job.name().toLowerCase(Locale.ROOT), tenants.size(), sent);
    }

    private static TenantJobQueue.Job job(String name) {
        if (name != null) {
            for (TenantJobQueue.Job j : TenantJobQueue.Job.values()) {
                if (j.name().equalsIgnoreCase(name)) {
                    return j;
                }
            }
        }
        throw DomainException.validation(Map.of("job", LocalizedText.of("score, export atau escalate",
                "score, export or escalate")));
    }
}
