package id.laporwarga.platform;

import id.laporwarga.platform.aws.AwsClientsFactory;
import id.laporwarga.platform.aws.InitPhaseWarmup;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Moves start-up work into the SnapStart snapshot: before the checkpoint every registered priming step runs (create
 * SDK clients, warm the JSON serializers and the handler's code paths), so a restored function answers its first
 * request without paying for it. On a JVM without CRaC (tests, local stack) nothing calls it; {@link #primeNow()}
 * runs the same steps on demand.
 */
public final class SnapStartPriming implements Resource {
    private static final JsonLog LOG = JsonLog.get(SnapStartPriming.class);
    private final ApplicationContext context;
    private final List<Step> steps = new ArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    /** The partition and sort key the priming GetItem asks for (never written). */
    public static final String PRIMING_KEY = AwsClientsFactory.PRIMING_KEY;

    /** Writes and reads back a small JSON document (loads Micronaut Serde's writers and parsers). */
    public static final Step JSON_ROUND_TRIP = ctx -> {
        Json json = ctx.getBean(Json.class);
        json.read(json.write(Map.of("prime", List.of(1, "a", true, 2.5))), Map.class);
    };

    /**
     * One real, read-only DynamoDB call (GetItem of a key no case ever has): loads the SDK's marshallers, signer,
     * retry and HTTP paths, as AWS recommends for SnapStart priming. Its answer does not matter.
     */
    public static final Step DYNAMODB_ROUND_TRIP = ctx -> {
        FunctionEnvironment env = ctx.getBean(FunctionEnvironment.class);
        if (env.get(FunctionEnvironment.TABLE_NAME).isPresent()) {
            AwsClientsFactory.primingGetItem(ctx.getBean(DynamoDbClient.class), env);
        }
    };

    /** One priming action; failures are logged and never block the checkpoint. */
    @FunctionalInterface
    public interface Step {
        void prime(ApplicationContext context) throws Exception;
    }

    private SnapStartPriming(ApplicationContext context) {
        this.context = context;
    }

    /** Registers with the global CRaC context (Lambda SnapStart calls it before taking the snapshot). */
    public static SnapStartPriming register(ApplicationContext context, Step... steps) {
        SnapStartPriming priming = new SnapStartPriming(context);
        priming.steps.addAll(List.of(steps));
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> ignored) {
        // no init-phase background call may be in flight in the snapshot (its socket would be dead after restore)
        InitPhaseWarmup.awaitBackground();
        primeNow();
    }

    @Override
    public void afterRestore(Context<? extends Resource> ignored) {
        LOG.info("snapstart.restored");
    }

    /** Runs every step; returns how many succeeded. */
    public int primeNow() {
        int ok = 0;
        for (Step step : steps) {
            try {
                step.prime(context);
                ok++;
            } catch (Exception e) {
                failures.incrementAndGet();
                LOG.warn("snapstart.priming_failed", "error", e.getClass().getSimpleName());
            }
        }
        runs.incrementAndGet();
        return ok;
    }

    public int runs() {
        return runs.get();
    }

    /** Steps that threw, over all runs. */
    public int failures() {
        return failures.get();
    }

    public int stepCount() {
        return steps.size();
    }
}
