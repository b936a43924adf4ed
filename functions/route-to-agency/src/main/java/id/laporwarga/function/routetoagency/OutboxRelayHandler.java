package id.laporwarga.function.routetoagency;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * The outbox relay on the table's DynamoDB stream (template: {@code OutboxRelayFunction}; its filter passes only
 * outbox inserts): publishes each outbox item on its SNS topic, in stream order ({@link OutboxRelay}). Partial batch
 * failures (ReportBatchItemFailures): the first record not published is reported, Lambda retries from it.
 */
public class OutboxRelayHandler extends PrimedRequestHandler<DynamodbEvent, StreamsEventResponse> {
    static {
        // built in Lambda's init phase on a background thread while the context starts (besides DynamoDB)
        InitPhaseWarmup.prebuildClients(OutboxRelayHandler.class, InitPhaseWarmup.AwsClient.SNS);
    }

    @Inject
    Provider<OutboxRelay> relay;

    public OutboxRelayHandler() {
        super();
    }

    public OutboxRelayHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** The relay reads no table (its environment has no TABLE_NAME): only the SNS client is built before the snapshot. */
    @Override
    protected void primeClients(ApplicationContext ctx) {
        ctx.getBean(InitPhaseWarmup.AwsClient.SNS.type());
    }

    /** Before the SnapStart snapshot: the relay, the SNS publisher and the outbox item parser (nothing is sent). */
    @Override
    protected void prime(ApplicationContext ctx) {
        relay.get().prime();
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        return relay.get().relay(event);
    }
}
