package id.laporwarga.function.reviewstep;

import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.OverdueCases;
import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One escalation run for one tenant: the steps past their deadline found through the deadline index are marked overdue
 * and their supervisor alerted once; resolved complaints the reporter did not answer are closed. {@link #run(String)}
 * is the per-tenant entry point (a plain call: the job handler calls it per message).
 */
@Singleton
public class Escalations {
    private static final JsonLog LOG = JsonLog.get(Escalations.class);

    private final ReviewService service;
    private final OverdueCases overdue;
    private final TenantResolver tenants;
    private final Json json;

    public Escalations(ReviewService service, OverdueCases overdue, TenantResolver tenants, Json json) {
        this.service = service;
        this.overdue = overdue;
        this.tenants = tenants;
        this.json = json;
    }

    /** One message of the escalation jobs queue: {@code {"tenant": "kotamobagu"}}. */
    public Map<String, Object> process(String body) {
        Object tenant = json.read(body, Map.class).get("tenant");
        return run(tenant instanceof String id ? id : null);
    }

    /** The run of one tenant (400 without one, 404 when it is not onboarded): what it did, by tenant id. */
    public Map<String, Object> run(String tenantId) {
        JsonLog.put("tenant", tenantId);
        Tenant tenant = tenants.requireNamed(tenantId);
        ReviewService.EscalationRun run = service.escalate(tenant, overdue);
        LOG.info("escalation.run", "examined", run.examined(), "markedOverdue", run.markedOverdue(),
                "alerted", run.alerted(), "autoActions", run.autoActions(), "conflicts", run.conflicts());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(tenant.id(), ReviewService.summary(run));
        return result;
    }
}
