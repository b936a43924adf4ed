package id.laporwarga.platform.aws;

import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.store.TableKeys;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SDK v2 clients, created once per container (Micronaut singletons). The same code talks to AWS, to LocalStack and to
 * the local emulators: only the endpoint differs ({@code AWS_ENDPOINT_URL} or {@code AWS_ENDPOINT_URL_<SERVICE>}).
 */
@Factory
public class AwsClientsFactory {
    private static final AwsCallRecorder RECORDER = new AwsCallRecorder();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
    /** One attempt of a DynamoDB/SNS/SQS call; a whole call with its retries. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(4);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Standard mode, 3 attempts (DynamoDB's default would be 9): throttling and dropped connections are retried. */
    static RetryStrategy retries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3).build();
    }

    static void bounded(ClientOverrideConfiguration.Builder c) {
        c.addExecutionInterceptor(RECORDER).retryStrategy(retries())
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT);
    }

    @Singleton
    @Requires(missingBeans = FunctionEnvironment.class)
    FunctionEnvironment processEnvironment() {
        return FunctionEnvironment.fromProcess();
    }

    @Singleton
    SdkHttpClient httpClient() {
        return buildHttpClient();
    }

    @Singleton
    DynamoDbClient dynamoDb(FunctionEnvironment env, SdkHttpClient http) {
        return InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.DYNAMODB, DynamoDbClient.class, env)
                .orElseGet(() -> buildDynamoDb(env, http));
    }

    @Singleton
    S3Client s3(FunctionEnvironment env, SdkHttpClient http) {
        return InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.S3, S3Client.class, env)
                .orElseGet(() -> buildS3(env, http));
    }

    @Singleton
    S3Presigner s3Presigner(FunctionEnvironment env) {
        return InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.S3_PRESIGNER, S3Presigner.class, env)
                .orElseGet(() -> buildS3Presigner(env));
    }

    @Singleton
    @Requires(classes = SnsClient.class)
    SnsClient sns(FunctionEnvironment env, SdkHttpClient http) {
        return InitPhaseWarmup.take(InitPhaseWarmup.AwsClient.SNS, SnsClient.class, env)
                .orElseGet(() -> buildSns(env, http));
    }

    static SdkHttpClient buildHttpClient() {
        // a dead endpoint must fail fast, well within the Lambda timeout (30 s) and API Gateway's (30 s)
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build();
    }

    static DynamoDbClient buildDynamoDb(FunctionEnvironment env, SdkHttpClient http) {
        var b = DynamoDbClient.builder().httpClient(http).overrideConfiguration(AwsClientsFactory::bounded).region(region(env)).credentialsProvider(credentials(env));
        env.endpointFor("DYNAMODB").map(URI::create).ifPresent(b::endpointOverride);
        return b.build();
    }

    static S3Client buildS3(FunctionEnvironment env, SdkHttpClient http) {
        var b = S3Client.builder().httpClient(http).overrideConfiguration(c -> c.addExecutionInterceptor(RECORDER).retryStrategy(retries())).region(region(env)).credentialsProvider(credentials(env));
        Optional<String> endpoint = env.endpointFor("S3");
        endpoint.map(URI::create).ifPresent(b::endpointOverride);
        b.forcePathStyle(endpoint.isPresent());
        return b.build();
    }

    static S3Presigner buildS3Presigner(FunctionEnvironment env) {
        var b = S3Presigner.builder().region(region(env)).credentialsProvider(credentials(env));
        Optional<String> endpoint = env.endpointFor("S3");
        endpoint.map(URI::create).ifPresent(b::endpointOverride);
        b.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build());
        return b.build();
    }

    static SnsClient buildSns(FunctionEnvironment env, SdkHttpClient http) {
        var b = SnsClient.builder().httpClient(http).overrideConfiguration(AwsClientsFactory::bounded).region(region(env)).credentialsProvider(credentials(env));
        env.endpointFor("SNS").map(URI::create).ifPresent(b::endpointOverride);
        return b.build();
    }

    /** The partition and sort key the priming GetItem asks for (no item ever has it; never written). */
    public static final String PRIMING_KEY = "PRIMING#snapstart";

    /**
     * One real, read-only DynamoDB call (GetItem of a key no item has): loads the SDK's marshallers, signer, retry and
     * HTTP paths, as AWS recommends for SnapStart priming. Its answer does not matter. Nothing without a table name.
     */
    public static void primingGetItem(DynamoDbClient dynamo, FunctionEnvironment env) {
        env.get(FunctionEnvironment.TABLE_NAME).ifPresent(table -> dynamo.getItem(r -> r.tableName(table).key(Map.of(
                TableKeys.PK, AttributeValue.fromS(PRIMING_KEY), TableKeys.SK, AttributeValue.fromS(PRIMING_KEY)))));
    }

    // no SqsClient here: only the tenant-jobs function sends to SQS (SqsClientFactory, where the SQS SDK is on the
    // classpath); the SQS module would add 1 MB to every package (docs/performance.md)

    static Region region(FunctionEnvironment env) {
        return Region.of(env.getOrDefault(FunctionEnvironment.AWS_REGION, "ap-southeast-3"));
    }

    /**
     * On Lambda the default chain (the function's role). With explicit keys in the function's environment (local
     * stack, tests) those keys, so several functions with different settings can share one JVM.
     */
    static AwsCredentialsProvider credentials(FunctionEnvironment env) {
        Optional<String> key = env.get("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent() && env.get("AWS_SESSION_TOKEN").isEmpty()
                && env.get(FunctionEnvironment.FUNCTION_NAME).isEmpty()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get()));
        }
        if (key.isPresent()) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
