package id.laporwarga.platform.aws;

import id.laporwarga.platform.FunctionEnvironment;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK v2 clients, created once per container (Micronaut singletons). The same code talks to AWS, to LocalStack and to
 * the local emulators: only the endpoint differs ({@code AWS_ENDPOINT_URL} or {@code AWS_ENDPOINT_URL_<SERVICE>}).
 */
@Factory
public class AwsClientsFactory {
    private static final AwsCallRecorder RECORDER = new AwsCallRecorder();

    @Singleton
    @Requires(missingBeans = FunctionEnvironment.class)
    FunctionEnvironment processEnvironment() {
        return FunctionEnvironment.fromProcess();
    }

    @Singleton
    SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    @Singleton
    DynamoDbClient dynamoDb(FunctionEnvironment env, SdkHttpClient http) {
        var b = DynamoDbClient.builder().httpClient(http).overrideConfiguration(c -> c.addExecutionInterceptor(RECORDER)).region(region(env)).credentialsProvider(credentials(env));
        env.endpointFor("DYNAMODB").map(URI::create).ifPresent(b::endpointOverride);
        return b.build();
    }

    @Singleton
    S3Client s3(FunctionEnvironment env, SdkHttpClient http) {
        var b = S3Client.builder().httpClient(http).overrideConfiguration(c -> c.addExecutionInterceptor(RECORDER)).region(region(env)).credentialsProvider(credentials(env));
        Optional<String> endpoint = env.endpointFor("S3");
        endpoint.map(URI::create).ifPresent(b::endpointOverride);
        b.forcePathStyle(endpoint.isPresent());
        return b.build();
    }

    @Singleton
    S3Presigner s3Presigner(FunctionEnvironment env) {
        var b = S3Presigner.builder().region(region(env)).credentialsProvider(credentials(env));
        Optional<String> endpoint = env.endpointFor("S3");
        endpoint.map(URI::create).ifPresent(b::endpointOverride);
        b.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build());
        return b.build();
    }

    @Singleton
    SnsClient sns(FunctionEnvironment env, SdkHttpClient http) {
        var b = SnsClient.builder().httpClient(http).overrideConfiguration(c -> c.addExecutionInterceptor(RECORDER)).region(region(env)).credentialsProvider(credentials(env));
        env.endpointFor("SNS").map(URI::create).ifPresent(b::endpointOverride);
        return b.build();
    }

    @Singleton
    SqsClient sqs(FunctionEnvironment env, SdkHttpClient http) {
        var b = SqsClient.builder().httpClient(http).overrideConfiguration(c -> c.addExecutionInterceptor(RECORDER)).region(region(env)).credentialsProvider(credentials(env));
        env.endpointFor("SQS").map(URI::create).ifPresent(b::endpointOverride);
        return b.build();
    }

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
