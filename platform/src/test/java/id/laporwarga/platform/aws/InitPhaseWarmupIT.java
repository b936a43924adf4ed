package id.laporwarga.platform.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.emulators.LocalAws;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.store.TableKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The init-phase warm-up against DynamoDB Local and moto: what it builds, for whom, and that it only reads. */
@Tag("emulator")
class InitPhaseWarmupIT {
    private static LocalAws aws;
    private static String table;

    @BeforeAll
    static void emulatorsAndTable() {
        aws = LocalAws.shared();
        table = "warmup-" + UUID.randomUUID();
        aws.dynamoDb().createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(TableKeys.PK).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(TableKeys.SK).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(TableKeys.PK).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(TableKeys.SK).keyType(KeyType.RANGE).build()));
    }

    @AfterEach
    void forget() {
        InitPhaseWarmup.reset();
    }

    private static FunctionEnvironment functionEnvironment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(aws.clientEnvironment());
        env.put(FunctionEnvironment.TABLE_NAME, table);
        env.put(FunctionEnvironment.PHOTOS_BUCKET, "photos-warmup");
        env.putAll(extra);
        return new FunctionEnvironment(env);
    }

    @Test
    void prebuildsTheClientsForItsOwnEnvironmentOnceAndPrimesWithOneReadOnlyGetItem() {
        FunctionEnvironment env = functionEnvironment(Map.of());
        long getItemsBefore = AwsCallRecorder.count("DynamoDb.GetItem");
        InitPhaseWarmup.configure(env);
        InitPhaseWarmup.prebuildClients(InitPhaseWarmupIT.class, InitPhaseWarmup.AwsClient.S3_PRESIGNER);
        List<String> ran = new CopyOnWriteArrayList<>();
        InitPhaseWarmup.afterContextStart(() -> ran.add(Thread.currentThread().getName()));
        InitPhaseWarmup.awaitBackground();

        var dynamo = InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.DYNAMODB, DynamoDbClient.class, env);
        assertTrue(dynamo.isPresent());
        // the prebuilt client works against the configured endpoint, with the factory's settings
        assertEquals(table, dynamo.get().describeTable(r -> r.tableName(table)).table().tableName());
        assertTrue(InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.S3_PRESIGNER, S3Presigner.class, env).isPresent());
        // handed out once: a second context builds its own
        assertTrue(InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.DYNAMODB, DynamoDbClient.class, env).isEmpty());
        // not asked for: not built
        assertTrue(InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.SNS, software.amazon.awssdk.services.sns.SnsClient.class, env).isEmpty());

        assertEquals(List.of("lapor-init-warmup"), ran);
        // SnapStart priming creates what the handler declared
        assertEquals(List.of(InitPhaseWarmup.AwsClient.S3_PRESIGNER), InitPhaseWarmup.declaredClients(InitPhaseWarmupIT.class));
        assertEquals(1, AwsCallRecorder.count("DynamoDb.GetItem") - getItemsBefore);
        assertEquals(0, aws.dynamoDb().scan(r -> r.tableName(table)).count(), "priming only reads");
    }

    @Test
    void theClientFactoryHandsOutThePrebuiltClientsOfItsEnvironment() {
        FunctionEnvironment env = functionEnvironment(Map.of());
        InitPhaseWarmup.configure(env);
        InitPhaseWarmup.prebuildClients(InitPhaseWarmupIT.class, InitPhaseWarmup.AwsClient.SNS);
        InitPhaseWarmup.awaitBackground();

        AwsClientsFactory factory = new AwsClientsFactory();
        var http = AwsClientsFactory.buildHttpClient();
        DynamoDbClient dynamo = factory.dynamoDb(env, http);
        factory.sns(env, http);
        assertEquals(table, dynamo.describeTable(r -> r.tableName(table)).table().tableName());
        // the factory took them: nothing prebuilt is left
        assertTrue(InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.DYNAMODB, DynamoDbClient.class, env).isEmpty());
        assertTrue(InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.SNS, software.amazon.awssdk.services.sns.SnsClient.class, env).isEmpty());
    }

    @Test
    void anotherEnvironmentGetsNothingPrebuilt() {
        FunctionEnvironment env = functionEnvironment(Map.of());
        InitPhaseWarmup.configure(env);
        InitPhaseWarmup.prebuildClients(InitPhaseWarmupIT.class);
        InitPhaseWarmup.awaitBackground();

        FunctionEnvironment otherFunction = functionEnvironment(Map.of(FunctionEnvironment.TABLE_NAME, "other-table"));
        assertTrue(InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.DYNAMODB, DynamoDbClient.class, otherFunction).isEmpty());
        assertTrue(InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.DYNAMODB, DynamoDbClient.class, env).isPresent());
    }

    @Test
    void aProcessThatConfiguresNoFunctionOrTurnsItOffRunsNothingInTheBackground() {
        for (FunctionEnvironment env : List.of(new FunctionEnvironment(aws.clientEnvironment()),
                functionEnvironment(Map.of(InitPhaseWarmup.SWITCH, "false")))) {
            InitPhaseWarmup.reset();
            InitPhaseWarmup.configure(env);
            InitPhaseWarmup.prebuildClients(InitPhaseWarmupIT.class, InitPhaseWarmup.AwsClient.S3);
            List<String> ran = new CopyOnWriteArrayList<>();
            InitPhaseWarmup.afterContextStart(() -> ran.add("ran"));
            InitPhaseWarmup.awaitBackground();

            assertEquals(List.of(), ran);
            assertTrue(InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.DYNAMODB, DynamoDbClient.class, env).isEmpty());
            assertTrue(InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.S3, software.amazon.awssdk.services.s3.S3Client.class, env).isEmpty());
        }
    }

    @Test
    void aFailingStepIsIgnoredAndTheNextStepsStillRun() {
        InitPhaseWarmup.configure(functionEnvironment(Map.of()));
        List<String> ran = new CopyOnWriteArrayList<>();
        InitPhaseWarmup.afterContextStart(() -> {
            throw new IllegalStateException("tenant documents unreadable");
        });
        InitPhaseWarmup.afterContextStart(() -> ran.add("next"));
        InitPhaseWarmup.awaitBackground();
        assertEquals(List.of("next"), ran);
    }
}
