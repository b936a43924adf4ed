package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.function.reviewstep.EscalationHandler;
import id.laporwarga.function.routetoagency.OutboxRelay;
import id.laporwarga.function.routetoagency.OutboxRelayHandler;
import id.laporwarga.function.routetoagency.RouteToAgencyHandler;
import id.laporwarga.function.scorert.ExportHandler;
import id.laporwarga.function.scorert.ScoreRtHandler;
import id.laporwarga.function.verifygeotag.VerifyGeotagHandler;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.SnapStartPriming;
import id.laporwarga.platform.aws.AwsCallRecorder;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.json.Json;
import id.laporwarga.domain.routing.RouteCaseService;
import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.platform.store.PeriodCaseQueries;
import id.laporwarga.platform.store.RtScoreStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Every function of template.yaml registers SnapStart priming, and the hooks do their work: called as Lambda calls
 * them before the snapshot ({@code beforeCheckpoint}; a JVM without CRaC never calls them by itself), every step
 * succeeds, the SDK clients exist afterwards, one real DynamoDB GetItem went out, and the handler's own beans were
 * created. Priming has no effects: the table holds nothing new.
 */
@Tag("emulator")
class SnapStartPrimingIT {
    private static final SamTemplate TEMPLATE = SamTemplate.load(SamTemplate.findRepositoryTemplate());
    /** The beans each SQS/scheduled handler's own priming creates (beyond the shared JSON + client steps). */
    private static final Map<Class<?>, List<Class<?>>> HANDLER_BEANS = Map.of(
            VerifyGeotagHandler.class, List.of(PhotoVerification.class, S3Client.class),
            RouteToAgencyHandler.class, List.of(RouteCaseService.class),
            EscalationHandler.class, List.of(ReviewService.class, RouteCaseService.class),
            OutboxRelayHandler.class, List.of(OutboxRelay.class, SnsClient.class),
            ScoreRtHandler.class, List.of(PeriodCaseQueries.class, RtScoreStore.class),
            ExportHandler.class, List.of(S3Client.class, PeriodCaseQueries.class));

    /** Handlers that read no table (the outbox relay reads the table's stream): no DynamoDB client, no GetItem. */
    private static final List<Class<?>> WITHOUT_TABLE = List.of(OutboxRelayHandler.class);

    private static LocalAws aws;
    private static ProvisionedStack stack;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        stack = StackProvisioner.provision(TEMPLATE, "priming", aws);
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void everyFunctionPrimesBeforeTheCheckpoint() throws Exception {
        List<String> problems = new ArrayList<>();
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            Class<?> type = Class.forName(f.handlerClass());
            Object handler = type.getConstructor(ApplicationContextBuilder.class).newInstance(ApplicationContext.builder()
                    .singletons(new FunctionEnvironment(stack.functionEnvironment(f.logicalId()))));
            try {
                SnapStartPriming priming = handler instanceof HttpApiFunction http ? http.priming()
                        : handler instanceof PrimedRequestHandler<?, ?> primed ? primed.priming() : null;
                if (priming == null) {
                    problems.add(f.logicalId() + ": " + type.getSimpleName() + " registers no SnapStart priming");
                    continue;
                }
                ApplicationContext ctx = ((MicronautRequestHandler<?, ?>) handler).getApplicationContext();
                boolean clientBefore = !ctx.getActiveBeanRegistrations(DynamoDbClient.class).isEmpty();
                long getItemsBefore = AwsCallRecorder.count("DynamoDb.GetItem");

                priming.beforeCheckpoint(null);   // what Lambda SnapStart calls before taking the snapshot

                if (priming.runs() != 1 || priming.failures() != 0) {
                    problems.add(f.logicalId() + ": priming ran " + priming.runs() + "x with " + priming.failures()
                            + " failing step(s) of " + priming.stepCount());
                }
                if (clientBefore) {
                    problems.add(f.logicalId() + ": DynamoDbClient existed before priming (created eagerly?)");
                }
                boolean table = !WITHOUT_TABLE.contains(type);
                List<Class<?>> expected = new ArrayList<>(table ? List.of(DynamoDbClient.class, Json.class)
                        : List.of(Json.class));
                expected.addAll(HANDLER_BEANS.getOrDefault(type, List.of()));
                for (Class<?> bean : expected) {
                    if (ctx.getActiveBeanRegistrations(bean).isEmpty()) {
                        problems.add(f.logicalId() + ": no " + bean.getSimpleName() + " after priming");
                    }
                }
                if (table && AwsCallRecorder.count("DynamoDb.GetItem") <= getItemsBefore) {
                    problems.add(f.logicalId() + ": priming made no DynamoDB round trip");
                }
                if (!table && !ctx.getActiveBeanRegistrations(DynamoDbClient.class).isEmpty()) {
                    problems.add(f.logicalId() + ": a DynamoDbClient was built for a function that reads no table");
                }
            } finally {
                ((AutoCloseable) handler).close();
            }
        }
        assertTrue(problems.isEmpty(), () -> "SnapStart priming:\n  " + String.join("\n  ", problems));
        assertFalse(HANDLER_BEANS.isEmpty());
        // priming reads, never writes: the table is still empty
        assertEquals(0, aws.dynamoDb().scan(r -> r.tableName(stack.table("CasesTable"))).count());
    }
}
