package id.laporwarga.local;

import id.laporwarga.emulators.LocalAws;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * SES (and moto) send only from a verified identity: the dev stack verifies the notice function's sender
 * ({@code NOTICE_SENDER_EMAIL}, the template's {@code NoticeSenderEmail}) as a deployment verifies it once
 * (docs/deploy.md), so the e-mails the functions send are recorded and shown at {@code GET /_local/messages} (the
 * cold-start benchmark's stack too, so its notice scenario sends rather than fails).
 */
public final class NoticeSender {
    public static final String FUNCTION = "CitizenNoticeFunction";
    static final String VARIABLE = "NOTICE_SENDER_EMAIL";

    private NoticeSender() {
    }

    /** Verifies the sender named in the function's environment (nothing when it names none). */
    public static void verify(LocalAws aws, Map<String, String> functionEnvironment) {
        String sender = functionEnvironment.get(VARIABLE);
        if (sender == null || sender.isBlank()) {
            return;
        }
        try (SesClient ses = SesClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(aws.region())).endpointOverride(aws.endpoint("ses"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(aws.accessKeyId(),
                        aws.secretAccessKey()))).build()) {
            ses.verifyEmailIdentity(r -> r.emailAddress(sender));
        }
    }
}
