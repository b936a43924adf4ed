package id.laporwarga.function.routetoagency;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.SqsBatch;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * Consumes {@code case.verified} / {@code case.rerouted} from the routing queue (subscribed to the case-events topic
 * with raw delivery): routes each case and writes its owner's alert to the outbox ({@link CaseRouting}). Partial batch failures
 * ({@link SqsBatch}): only the records that failed are retried (and land in the DLQ after 3 receives).
 */
public class RouteToAgencyHandler extends PrimedRequestHandler<SQSEvent, SQSBatchResponse> {
    @Inject
    Provider<CaseRouting> routing;

    public RouteToAgencyHandler() {
        super();
    }

    public RouteToAgencyHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** Before the SnapStart snapshot: the routing service and the case-event parser (nothing is routed). */
    @Override
    protected void prime(ApplicationContext ctx) {
        routing.get().prime();
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, "RouteToAgency", "case_routing_failed",
                message -> routing.get().process(message.getBody()));
    }
}
