package id.laporwarga.platform.aws;

import id.laporwarga.platform.FunctionEnvironment;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * The SES client, in a factory of its own that exists only where the SES SDK is on the classpath (the citizen-notice
 * function): the other functions' packages do not ship it.
 */
@Factory
@Requires(classes = SesClient.class)
public class SesClientFactory {
    @Singleton
    SesClient ses(FunctionEnvironment env, SdkHttpClient http) {
        var b = SesClient.builder().httpClient(http).overrideConfiguration(AwsClientsFactory::bounded)
                .region(AwsClientsFactory.region(env)).credentialsProvider(AwsClientsFactory.credentials(env));
        env.endpointFor("SES").map(URI::create).ifPresent(b::endpointOverride);
        return b.build();
    }
}
