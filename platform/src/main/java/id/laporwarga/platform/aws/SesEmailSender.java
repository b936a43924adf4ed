package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.EmailMessaging;
import id.laporwarga.platform.FunctionEnvironment;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * Plain-text e-mail through SES {@code SendEmail} from the platform's verified sender ({@code NOTICE_SENDER_EMAIL},
 * the template's {@code NoticeSenderEmail}). The SES API v1 client: the SES v2 module does not resolve from this
 * project's Maven mirror, and v1's {@code SendEmail} is what the local emulator records. In an account still in the
 * SES sandbox only verified recipients receive it (docs/notifications.md). Addresses are never logged.
 */
@Singleton
@Requires(classes = SesClient.class) // ses is optional in platform: only the notice function carries it
public class SesEmailSender implements EmailMessaging {
    private final SesClient ses;
    private final String sender;

    public SesEmailSender(SesClient ses, FunctionEnvironment env) {
        this.ses = ses;
        this.sender = env.require(FunctionEnvironment.NOTICE_SENDER_EMAIL);
    }

    @Override
    public String sendEmail(String to, String subject, String text) {
        return ses.sendEmail(r -> r.source(sender).destination(d -> d.toAddresses(to))
                .message(m -> m.subject(c -> c.charset("UTF-8").data(subject))
                        .body(b -> b.text(c -> c.charset("UTF-8").data(text))))).messageId();
    }
}
