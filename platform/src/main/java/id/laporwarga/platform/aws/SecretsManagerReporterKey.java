package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.ReporterSecretKey;
import id.laporwarga.platform.FunctionEnvironment;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The reporter-secret key from Secrets Manager ({@code REPORTER_SECRET_KEY_ARN}, a secret template.yaml generates):
 * read once per container, on first use (never at init, so SnapStart priming does not need it), then kept in memory.
 * Only in the functions that carry the Secrets Manager module (submit-report, review-step).
 */
@Singleton
@Requires(classes = SecretsManagerClient.class)
public class SecretsManagerReporterKey implements ReporterSecretKey {
    private final FunctionEnvironment env;
    private final SdkHttpClient http;
    private volatile byte[] key;

    public SecretsManagerReporterKey(FunctionEnvironment env, SdkHttpClient http) {
        this.env = env;
        this.http = http;
    }

    @Override
    public byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = read();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] read() {
        String secretId = env.require(FunctionEnvironment.REPORTER_SECRET_KEY_ARN);
        var b = SecretsManagerClient.builder().httpClient(http).overrideConfiguration(AwsClientsFactory::bounded)
                .region(AwsClientsFactory.region(env)).credentialsProvider(AwsClientsFactory.credentials(env));
        env.endpointFor("SECRETSMANAGER").map(URI::create).ifPresent(b::endpointOverride);
        try (SecretsManagerClient client = b.build()) {
            String value = client.getSecretValue(r -> r.secretId(secretId)).secretString();
            if (value == null || value.length() < 32) {
                throw new IllegalStateException("the reporter secret key must be a string of at least 32 characters");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }
}
