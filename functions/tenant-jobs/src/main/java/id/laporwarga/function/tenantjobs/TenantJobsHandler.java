package id.laporwarga.function.tenantjobs;

import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * The schedules' target (EventBridge Scheduler, Input {@code {"job": ...}}): the monthly score close, the daily
 * provisional scores, the monthly export and the escalation every 15 minutes each send one message per tenant
 * ({@link TenantJobs}); ScoreRtFunction, ExportFunction and EscalationFunction take them one tenant at a time. Invoked
 * by hand with a {@code tenant} (and {@code period}) it enqueues that tenant's job alone.
 */
public class TenantJobsHandler extends PrimedRequestHandler<TenantJobsRequest, TenantJobsResult> {
    @Inject
    Provider<TenantJobs> jobs;

    public TenantJobsHandler() {
        super();
    }

    public TenantJobsHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** Before the SnapStart snapshot: the fan-out with its queue client (nothing is sent). */
    @Override
    protected void prime(ApplicationContext ctx) {
        jobs.get();
    }

    @Override
    public TenantJobsResult execute(TenantJobsRequest request) {
        JsonLog.clear();
        JsonLog.put("function", "TenantJobs");
        try {
            return jobs.get().run(request == null ? new TenantJobsRequest(null, null, null, null) : request);
        } finally {
            JsonLog.clear();
        }
    }
}
