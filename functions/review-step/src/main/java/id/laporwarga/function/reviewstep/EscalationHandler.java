package id.laporwarga.function.reviewstep;

import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.InboxQueries;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scheduled every 15 minutes (EventBridge; in the local stack a timer or {@code POST /_local/schedules/EscalationFunction}):
 * for every tenant, finds the steps past their deadline through the ByStatusDeadline index (Query, never Scan), marks
 * them overdue and alerts the supervising role once per case and deadline, and closes resolved complaints the
 * reporter did not answer within the tenant's {@code autoCloseWorkingDays}. Input: the scheduled event (ignored) or
 * {@code {"tenant": "kotamobagu"}} to run for one tenant.
 */
public class EscalationHandler extends PrimedRequestHandler<Map<String, Object>, Map<String, Object>> {
    static {
        // the SDK clients used besides DynamoDB: built in Lambda's init phase on a background thread while the
        // context starts, and by SnapStart priming
        InitPhaseWarmup.prebuildClients(EscalationHandler.class, InitPhaseWarmup.AwsClient.SNS);
    }

    private static final JsonLog LOG = JsonLog.get(EscalationHandler.class);

    public EscalationHandler() {
        super();
    }

    public EscalationHandler(ApplicationContextBuilder builder) {
        super(builder);
    }


    /** Before the SnapStart snapshot: the review service, the deadline queries and the tenant catalogue beans. */
    @Override
    protected void prime(ApplicationContext ctx) {
        ctx.getBean(ReviewService.class);
        ctx.getBean(InboxQueries.class);
        ctx.getBean(DynamoTenantStore.class);
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        JsonLog.clear();
        JsonLog.put("function", "Escalation");
        try {
            var ctx = getApplicationContext();
            ReviewService service = ctx.getBean(ReviewService.class);
            InboxQueries finder = ctx.getBean(InboxQueries.class);
            DynamoTenantStore tenants = ctx.getBean(DynamoTenantStore.class);
            Object only = input == null ? null : input.get("tenant");
            List<Tenant> targets = only instanceof String id ? tenants.find(id).map(List::of).orElse(List.of())
                    : tenants.all();
            Map<String, Object> result = new LinkedHashMap<>();
            for (Tenant tenant : targets) {
                JsonLog.put("tenant", tenant.id());
                ReviewService.EscalationRun run = service.escalate(tenant, finder);
                Map<String, Object> summary = ReviewService.summary(run);
                LOG.info("escalation.run", "examined", run.examined(), "markedOverdue", run.markedOverdue(),
                        "alerted", run.alerted(), "autoActions", run.autoActions(), "conflicts", run.conflicts());
                result.put(tenant.id(), summary);
            }
            return result;
        } finally {
            JsonLog.clear();
        }
    }
}
