package id.laporwarga.platform.aws;

import id.laporwarga.domain.routing.AgencyAlert;
import id.laporwarga.domain.routing.CitizenNotice;
import id.laporwarga.domain.routing.RoutingNotifications;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes routing messages on SNS. An agency alert is one publish with a per-protocol message
 * ({@code MessageStructure=json}): e-mail subscribers get the Indonesian text and subject, SQS/HTTPS subscribers (the
 * agencies' own systems, raw delivery) get the JSON payload. The String message attributes are what the agencies'
 * filter policies match.
 */
@Singleton
public class SnsRoutingNotifications implements RoutingNotifications {
    private final SnsClient sns;
    private final Json json;
    private final String agencyAlertsTopic;
    private final String citizenNoticesTopic;

    public SnsRoutingNotifications(SnsClient sns, Json json, FunctionEnvironment env) {
        this.sns = sns;
        this.json = json;
        this.agencyAlertsTopic = env.require(FunctionEnvironment.AGENCY_ALERTS_TOPIC_ARN);
        this.citizenNoticesTopic = env.require(FunctionEnvironment.CITIZEN_NOTICES_TOPIC_ARN);
    }

    @Override
    public String publishAgencyAlert(AgencyAlert alert) {
        String payload = json.write(alert.payload());
        Map<String, String> perProtocol = new LinkedHashMap<>();
        perProtocol.put("default", payload);
        perProtocol.put("email", alert.emailBody());
        perProtocol.put("sqs", payload);
        perProtocol.put("https", payload);
        perProtocol.put("http", payload);
        return sns.publish(r -> r.topicArn(agencyAlertsTopic)
                .messageStructure("json")
                .message(json.write(perProtocol))
                .subject(alert.subject())
                .messageAttributes(attributes(alert.attributes()))).messageId();
    }

    /** Only ids and the notice text: the SMS gateway resolves the reporter's contact from the case by caseId. */
    @Override
    public String publishCitizenNotice(CitizenNotice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeType", notice.noticeType());
        body.put("tenant", notice.tenantId());
        body.put("caseId", notice.caseId());
        if (notice.trackingCode() != null) {
            body.put("trackingCode", notice.trackingCode());
        }
        if (notice.referredTo() != null) {
            body.put("referredTo", notice.referredTo());
        }
        body.put("text", Map.of("id", notice.text().id(), "en", notice.text().en()));
        return sns.publish(r -> r.topicArn(citizenNoticesTopic)
                .message(json.write(body))
                .messageAttributes(attributes(Map.of("tenant", notice.tenantId(), "noticeType", notice.noticeType()))))
                .messageId();
    }

    private static Map<String, MessageAttributeValue> attributes(Map<String, String> values) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
        return out;
    }
}
