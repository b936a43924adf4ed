package id.laporwarga.platform.aws;

import id.laporwarga.platform.FunctionEnvironment;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The Cognito user pool client, only where its SDK module is on the classpath (the roster function's package; the
 * platform declares the module optional so no other function ships it). Created once per container.
 */
@Factory
@Requires(classes = CognitoIdentityProviderClient.class)
public class CognitoClients {
    @Singleton
    CognitoIdentityProviderClient cognito(FunctionEnvironment env, SdkHttpClient http) {
        var b = CognitoIdentityProviderClient.builder().httpClient(http)
                .overrideConfiguration(AwsClientsFactory::bounded)
                .region(AwsClientsFactory.region(env)).credentialsProvider(AwsClientsFactory.credentials(env));
        env.endpointFor("COGNITO_IDENTITY_PROVIDER").map(URI::create).ifPresent(b::endpointOverride);
        return b.build();
    }
}
