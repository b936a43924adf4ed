package id.laporwarga.function.reviewstep;

import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.OverdueCases;
import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One escalation run: for the tenant named (or every tenant), the steps past their deadline found through the
 * deadline index are marked overdue and their supervisor alerted once; resolved complaints the reporter did not answer
 * are closed.
 */
@Singleton
public class Escalations {
    private static final JsonLog LOG = JsonLog.get(Escalations.class);

    private final ReviewService service;
    private final OverdueCases overdue;
    private final TenantResolver tenants;

    public Escalations(ReviewService service, OverdueCases overdue, TenantResolver tenants) {
        this.service = service;
        this.overdue = overdue;
        this.tenants = tenants;
    }

    /** Per tenant id, what the run did (ids and counts). */
    public Map<String, Object> run(String tenantId) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Tenant tenant : tenants.namedOrAll(tenantId)) {
            JsonLog.put("tenant", tenant.id());
            ReviewService.EscalationRun run = service.escalate(tenant, overdue);
            LOG.info("escalation.run", "examined", run.examined(), "markedOverdue", run.markedOverdue(),
                    "alerted", run.alerted(), "autoActions", run.autoActions(), "conflicts", run.conflicts());
            result.put(tenant.id(), ReviewService.summary(run));
        }
        return result;
    }
}
