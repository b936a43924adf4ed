package id.laporwarga.platform.aws;

import id.laporwarga.platform.FunctionEnvironment;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS client, in a factory of its own that exists only where the SQS SDK is on the classpath (the tenant-jobs
 * function): the other functions' packages do not ship it.
 */
@Factory
@Requires(classes = SqsClient.class)
public class SqsClientFactory {
    @Singleton
    SqsClient sqs(FunctionEnvironment env, SdkHttpClient http) {
        var b = SqsClient.builder().httpClient(http).overrideConfiguration(AwsClientsFactory::bounded)
                .region(AwsClientsFactory.region(env)).credentialsProvider(AwsClientsFactory.credentials(env));
        env.endpointFor("SQS").map(URI::create).ifPresent(b::endpointOverride);
        return b.build();
    }
}
