package id.laporwarga.function.routetoagency;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.routing.RouteCaseService;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code case.verified} / {@code case.rerouted} from the routing queue (subscribed to the case-events topic
 * with raw delivery): routes each case and alerts its owner through {@link RouteCaseService}. Partial batch failures:
 * only the records that failed are retried (and land in the DLQ after 3 receives).
 */
public class RouteToAgencyHandler extends PrimedRequestHandler<SQSEvent, SQSBatchResponse> {
    static {
        // the SDK clients used besides DynamoDB: built in Lambda's init phase on a background thread while the
        // context starts, and by SnapStart priming
        InitPhaseWarmup.prebuildClients(RouteToAgencyHandler.class, InitPhaseWarmup.AwsClient.SNS);
    }

    private static final JsonLog LOG = JsonLog.get(RouteToAgencyHandler.class);

    public RouteToAgencyHandler() {
        super();
    }

    public RouteToAgencyHandler(ApplicationContextBuilder builder) {
        super(builder);
    }


    /** Before the SnapStart snapshot: the routing service and the case-event parser (nothing is routed). */
    @Override
    protected void prime(ApplicationContext ctx) {
        ctx.getBean(RouteCaseService.class);
        CaseEvents.parse(ctx.getBean(Json.class), "{\"eventType\":\"case.verified\",\"caseId\":\"priming\","
                + "\"tenantId\":\"priming\",\"kind\":\"COMPLAINT\",\"status\":\"VERIFIED\",\"version\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\"}");
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        Json json = getApplicationContext().getBean(Json.class);
        RouteCaseService service = getApplicationContext().getBean(RouteCaseService.class);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            JsonLog.clear();
            JsonLog.put("function", "RouteToAgency");
            JsonLog.put("messageId", message.getMessageId());
            try {
                CaseEvent caseEvent = CaseEvents.parse(json, message.getBody());
                JsonLog.put("caseId", caseEvent.caseId());
                JsonLog.put("tenant", caseEvent.tenantId());
                JsonLog.put("eventType", caseEvent.eventType());
                RouteCaseService.Result result = service.handle(caseEvent);
                LOG.info("case_routing", "outcome", result.outcome().name(),
                        "status", result.status() == null ? null : result.status().name(),
                        "agencyId", result.agencyId(), "published", result.published(), "reason", result.reason());
            } catch (RouteCaseService.DeliveryInFlightException e) {
                LOG.warn("delivery_in_flight_retry_later");
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } catch (RuntimeException e) {
                LOG.error("case_routing_failed", e, "receiveCount",
                        message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount"));
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        JsonLog.clear();
        return new SQSBatchResponse(failures);
    }
}
