package id.laporwarga.platform;

import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.domain.port.TenantCatalog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Base of every handler (HTTP ones through {@link id.laporwarga.platform.http.HttpApiFunction}): registers {@link SnapStartPriming} so that, before Lambda takes the SnapStart snapshot, the
 * JSON serializers are warm, the SDK clients exist and have made one real round trip, and the handler's own beans and
 * parsing paths ({@link #prime(ApplicationContext)}) have run.
 */
public abstract class PrimedRequestHandler<I, O> extends MicronautRequestHandler<I, O> {
    static {
        // Lambda's init phase: the DynamoDB client is built on a background thread while the context starts
        InitPhaseWarmup.prebuildClients(PrimedRequestHandler.class);
    }

    private final SnapStartPriming priming;

    protected PrimedRequestHandler() {
        super();
        priming = registerPriming();
        InitPhaseWarmup.afterContextStart(this::warmUpAfterContextStart);
    }

    protected PrimedRequestHandler(ApplicationContextBuilder builder) {
        super(builder);
        priming = registerPriming();
        InitPhaseWarmup.afterContextStart(this::warmUpAfterContextStart);
    }

    /**
     * Lambda's init phase, in the background while the runtime fetches and deserializes the first event (see
     * {@link InitPhaseWarmup}): warms the JSON mapper and reads the national index of tenants (one small item, no
     * document and no polygon), which nearly every function's first request needs. Reads only.
     */
    private void warmUpAfterContextStart() {
        ApplicationContext ctx = getApplicationContext();
        try {
            SnapStartPriming.JSON_ROUND_TRIP.prime(ctx);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ctx.getBean(TenantCatalog.class).index();
    }

    /**
     * Lambda's builder (micronaut-function-aws) turns on eager init of every singleton and configuration: each
     * function then builds every SDK client and HTTP codec in its context, used or not. Off here: a cold start creates
     * only what the first request needs, and SnapStart priming creates the rest before the snapshot.
     */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        // what LambdaApplicationContextBuilder sets, minus eagerInitSingletons/eagerInitConfiguration(true) (which
        // eagerInitSingletons(false) cannot undo: it only ever adds to the eager set)
        return io.micronaut.context.ApplicationContext.builder().environments("function", "lambda");
    }

    private SnapStartPriming registerPriming() {
        return SnapStartPriming.register(getApplicationContext(),
                SnapStartPriming.JSON_ROUND_TRIP,
                this::primeClients,
                SnapStartPriming.DYNAMODB_ROUND_TRIP,
                this::prime);
    }

    /**
     * Creates the SDK clients this function uses: DynamoDB, and those its handler class declared in its static
     * initializer ({@link InitPhaseWarmup#prebuildClients(Class, InitPhaseWarmup.AwsClient...)}).
     */
    protected void primeClients(ApplicationContext ctx) throws Exception {
        ctx.getBean(DynamoDbClient.class);
        for (InitPhaseWarmup.AwsClient client : InitPhaseWarmup.declaredClients(getClass())) {
            ctx.getBean(client.type());
        }
    }

    /**
     * The handler's own warm-up: create its beans and run its parsing path on a harmless input (no effects: nothing
     * may be written or published while priming).
     */
    protected void prime(ApplicationContext ctx) throws Exception {
    }

    /** The SnapStart priming of this handler (tests call {@code beforeCheckpoint} / {@code primeNow()}). */
    public final SnapStartPriming priming() {
        return priming;
    }
}
