package id.laporwarga.function.reviewstep;

import id.laporwarga.domain.port.SweepTallies;
import id.laporwarga.domain.routing.RouteCaseService;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.OverdueCases;
import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One escalation run for one tenant: the steps past their deadline found through the deadline index get their deadline
 * action: marked overdue and their supervisor alerted once; resolved complaints the reporter did not answer closed;
 * and the sweeper's: reports whose photos never arrived ended, cases still waiting for routing routed
 * ({@link RouteCaseService}), counted per state in the tallies the admin statistics show. {@link #run(String)} is the
 * per-tenant entry point (a plain call: the job handler calls it per message).
 */
@Singleton
public class Escalations {
    private static final JsonLog LOG = JsonLog.get(Escalations.class);

    private final ReviewService service;
    private final RouteCaseService routing;
    private final OverdueCases overdue;
    private final SweepTallies tallies;
    private final TenantResolver tenants;
    private final Json json;
    private final Clock clock;

    public Escalations(ReviewService service, RouteCaseService routing, OverdueCases overdue, SweepTallies tallies,
                       TenantResolver tenants, Json json, Clock clock) {
        this.service = service;
        this.routing = routing;
        this.overdue = overdue;
        this.tallies = tallies;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
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
        ReviewService.EscalationRun run = service.escalate(tenant, overdue, routing);
        tallies.add(tenant.id(), clock.instant().atZone(tenant.zone()).toLocalDate(), run.swept());
        LOG.info("escalation.run", "examined", run.examined(), "markedOverdue", run.markedOverdue(),
                "alerted", run.alerted(), "autoActions", run.autoActions(), "conflicts", run.conflicts(),
                "failed", run.failed(), "swept", ReviewService.summary(run).get("swept"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(tenant.id(), ReviewService.summary(run));
        return result;
    }
}
