package id.laporwarga.function.reviewstep;

import id.laporwarga.domain.port.SweepTallies;
import id.laporwarga.domain.routing.RouteCaseService;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.OverdueCases;
import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One escalation run: for the tenant named (or every tenant), the steps past their deadline found through the
 * deadline index get their deadline action: marked overdue and their supervisor alerted once; resolved complaints the
 * reporter did not answer closed; and the sweeper's: reports whose photos never arrived ended, cases still waiting for
 * routing routed ({@link RouteCaseService}), counted per state in the tallies the admin statistics show.
 */
@Singleton
public class Escalations {
    private static final JsonLog LOG = JsonLog.get(Escalations.class);

    private final ReviewService service;
    private final RouteCaseService routing;
    private final OverdueCases overdue;
    private final SweepTallies tallies;
    private final TenantResolver tenants;
    private final Clock clock;

    public Escalations(ReviewService service, RouteCaseService routing, OverdueCases overdue, SweepTallies tallies,
                       TenantResolver tenants, Clock clock) {
        this.service = service;
        this.routing = routing;
        this.overdue = overdue;
        this.tallies = tallies;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Per tenant id, what the run did (ids and counts). */
    public Map<String, Object> run(String tenantId) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Tenant tenant : tenants.namedOrAll(tenantId)) {
            JsonLog.put("tenant", tenant.id());
            ReviewService.EscalationRun run = service.escalate(tenant, overdue, routing);
            tallies.add(tenant.id(), clock.instant().atZone(tenant.zone()).toLocalDate(), run.swept());
            LOG.info("escalation.run", "examined", run.examined(), "markedOverdue", run.markedOverdue(),
                    "alerted", run.alerted(), "autoActions", run.autoActions(), "conflicts", run.conflicts(),
                    "failed", run.failed(), "swept", ReviewService.summary(run).get("swept"));
            result.put(tenant.id(), ReviewService.summary(run));
        }
        return result;
    }
}
