package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.CitizenMessaging;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Citizens' SMS through SNS ({@code Publish} to a phone number, transactional). In an account still in the SMS
 * sandbox only verified numbers receive it; production needs SNS SMS production access (docs/notifications.md).
 * The phone number is never logged.
 */
@Singleton
@Requires(classes = SnsClient.class) // sns is optional in platform: only the functions that publish carry it
public class SnsSmsSender implements CitizenMessaging {
    private static final Map<String, MessageAttributeValue> TRANSACTIONAL = Map.of("AWS.SNS.SMS.SMSType",
            MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build());

    private final SnsClient sns;

    public SnsSmsSender(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public String sendSms(String phoneE164, String text) {
        return sns.publish(r -> r.phoneNumber(phoneE164).message(text).messageAttributes(TRANSACTIONAL)).messageId();
    }
}
